package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.Dialect;
import io.github.sqlguard.analysis.AnalyzedStatement;
import io.github.sqlguard.analysis.StatementAnalyzer;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementSplitter;
import java.util.List;

/** Runs rules on SQL snippets through the real pipeline: splitter, analyzer, rule. */
final class RuleHarness {

    private static final StatementAnalyzer ANALYZER = new StatementAnalyzer();

    private RuleHarness() {
    }

    static Statement only(Dialect dialect, String sql) {
        List<Statement> statements =
                new StatementSplitter(dialect, Placeholders.DEFAULT).split("t.sql", sql).statements();
        assertEquals(1, statements.size(), () -> "expected one statement in: " + sql);
        return statements.get(0);
    }

    static AnalyzedStatement analyzed(Dialect dialect, String sql) {
        return ANALYZER.analyze(only(dialect, sql));
    }

    /** The messages of {@code rule} for {@code sql}, analysed as the plugin does. */
    static List<String> messages(Rule rule, Dialect dialect, String sql) {
        return messages(rule, analyzed(dialect, sql));
    }

    /** The messages of {@code rule} when the statement is checked from its tokens only. */
    static List<String> tokenMessages(Rule rule, Dialect dialect, String sql) {
        return messages(rule, new AnalyzedStatement.Unparsed(only(dialect, sql), "forced"));
    }

    static List<String> messages(Rule rule, AnalyzedStatement analyzed) {
        return rule.check(analyzed, new ScriptState()).stream().map(Violation::message).toList();
    }
}
