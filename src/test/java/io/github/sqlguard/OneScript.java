package io.github.sqlguard;

import io.github.sqlguard.analysis.StatementAnalyzer;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.ScriptMode;
import io.github.sqlguard.rules.RuleRegistry;
import io.github.sqlguard.schema.EarlierRoutines;
import io.github.sqlguard.schema.SchemaFacts;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.StatementSplitter;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/** The findings of one script {@code V1__x.sql} alone: every rule at its default severity, no schema replay. */
final class OneScript {

    private OneScript() {
    }

    /** Each finding of the script as {@code "line:column rule SEVERITY"}, {@code \n} in {@code sql} a line break. */
    static List<String> placesAndSeverities(Dialect dialect, String sql) {
        return findings(dialect, sql.replace("\\n", "\n")).stream()
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.ruleId() + " " + f.severity())
                .toList();
    }

    static List<Finding> findings(Dialect dialect, String sql) {
        StatementChecker checker = new StatementChecker(RuleRegistry.all(),
                info -> Optional.of(info.defaultSeverity()), new StatementAnalyzer());
        var script = new StatementSplitter(dialect, Placeholders.DEFAULT).split("V1__x.sql", sql);
        return checker.check(script, "V1__x.sql", null, ScriptMode.CHECK, new HashMap<>(),
                statement -> SchemaFacts.UNKNOWN, EarlierRoutines.NONE).findings();
    }
}
