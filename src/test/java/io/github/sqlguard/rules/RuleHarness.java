package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.analysis.AnalyzedStatement;
import io.github.sqlguard.analysis.ScriptAnalysis;
import io.github.sqlguard.analysis.StatementAnalyzer;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.analysis.StatementReader;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.Script;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementSplitter;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs rules on SQL snippets through the real pipeline: split, read every statement of the snippet into its
 * model (scratch tables and called routines marked), and judge each model, as the linter does. Container
 * statements are handed to the rules too: their models hold no facts, the inner statements do.
 */
final class RuleHarness {

    private static final StatementAnalyzer ANALYZER = new StatementAnalyzer();
    private static final ScriptAnalysis PIPELINE = new ScriptAnalysis(new StatementReader(ANALYZER));
    private static final ScriptAnalysis TOKENS_ONLY = new ScriptAnalysis(StatementReader.tokensOnly());

    private RuleHarness() {
    }

    /** Every statement the splitter finds in {@code sql}, containers included, in source order. */
    static List<Statement> statements(Dialect dialect, String sql) {
        return script(dialect, sql).statements();
    }

    static Script script(Dialect dialect, String sql) {
        return new StatementSplitter(dialect, Placeholders.DEFAULT).split("t.sql", sql);
    }

    /** The one statement of {@code sql}; fails when the splitter finds several. */
    static Statement only(Dialect dialect, String sql) {
        List<Statement> statements = statements(dialect, sql);
        assertEquals(1, statements.size(), () -> "expected one statement in: " + sql);
        return statements.get(0);
    }

    /** The one statement of {@code sql} as the parser sees it. */
    static AnalyzedStatement analyzed(Dialect dialect, String sql) {
        return ANALYZER.analyze(only(dialect, sql));
    }

    /** The models of every statement of {@code sql}, as the linter reads them. */
    static List<StatementModel> models(Dialect dialect, String sql) {
        return PIPELINE.models(script(dialect, sql));
    }

    /** The models of every statement of {@code sql} when no statement goes to the parser. */
    static List<StatementModel> tokenModels(Dialect dialect, String sql) {
        return TOKENS_ONLY.models(script(dialect, sql));
    }

    /** The messages of {@code rule} for all statements of {@code sql}, analysed as the plugin does. */
    static List<String> messages(Rule rule, Dialect dialect, String sql) {
        return messages(rule, models(dialect, sql));
    }

    /** The messages of {@code rule} when every statement of {@code sql} is read from its tokens only. */
    static List<String> tokenMessages(Rule rule, Dialect dialect, String sql) {
        return messages(rule, tokenModels(dialect, sql));
    }

    /** The messages of {@code rule} for one statement, read on its own. */
    static List<String> messages(Rule rule, Statement statement) {
        return messages(rule, List.of(new StatementReader(ANALYZER).read(statement)));
    }

    static List<String> messages(Rule rule, List<StatementModel> models) {
        List<String> messages = new ArrayList<>();
        for (StatementModel model : models) {
            for (Violation violation : rule.check(model)) {
                messages.add(violation.message());
            }
        }
        return messages;
    }
}
