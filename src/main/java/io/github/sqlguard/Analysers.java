package io.github.sqlguard;

import io.github.sqlguard.analysis.StatementAnalyzer;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.rules.Rule;
import io.github.sqlguard.rules.RuleSettings;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.StatementSplitter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What reads and checks files: a statement splitter per dialect, and the rules. Made when the first file is
 * analysed, so a run whose files all come from the analysis cache never loads the lexer, the splitter or the
 * statement model. Thread-safe.
 */
final class Analysers {

    private final List<Rule> rules;
    private final RuleSettings settings;
    private final Placeholders placeholders;
    private volatile Made made;

    private record Made(Map<Dialect, StatementSplitter> splitters, StatementChecker checker) {
    }

    Analysers(List<Rule> rules, RuleSettings settings, Placeholders placeholders) {
        this.rules = rules;
        this.settings = settings;
        this.placeholders = placeholders;
    }

    StatementSplitter splitter(Dialect dialect) {
        return made().splitters().get(dialect);
    }

    StatementChecker checker() {
        return made().checker();
    }

    private Made made() {
        Made existing = made;
        if (existing != null) {
            return existing;
        }
        synchronized (this) {
            if (made == null) {
                Map<Dialect, StatementSplitter> splitters = new EnumMap<>(Dialect.class);
                for (Dialect dialect : Dialect.values()) {
                    splitters.put(dialect, new StatementSplitter(dialect, placeholders));
                }
                made = new Made(splitters, new StatementChecker(rules, settings::severityOf, new StatementAnalyzer()));
            }
            return made;
        }
    }
}
