package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.analysis.AnalyzedStatement;
import io.github.sqlguard.analysis.StatementAnalyzer;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs rules on SQL snippets through the real pipeline: split, analyse, and check every statement of the
 * snippet in order with one {@link ScriptState}, as the linter does. Container statements are handed to the
 * rules too (the linter does not filter them either): rules must leave them to their inner statements.
 */
final class RuleHarness {

    private static final StatementAnalyzer ANALYZER = new StatementAnalyzer();

    private RuleHarness() {
    }

    /** Every statement the splitter finds in {@code sql}, containers included, in source order. */
    static List<Statement> statements(Dialect dialect, String sql) {
        return new StatementSplitter(dialect, Placeholders.DEFAULT).split("t.sql", sql).statements();
    }

    /** The one statement of {@code sql}; fails when the splitter finds several. */
    static Statement only(Dialect dialect, String sql) {
        List<Statement> statements = statements(dialect, sql);
        assertEquals(1, statements.size(), () -> "expected one statement in: " + sql);
        return statements.get(0);
    }

    /** The one statement of {@code sql} as the analyzer sees it. */
    static AnalyzedStatement analyzed(Dialect dialect, String sql) {
        return ANALYZER.analyze(only(dialect, sql));
    }

    /** The messages of {@code rule} for all statements of {@code sql}, analysed as the plugin does. */
    static List<String> messages(Rule rule, Dialect dialect, String sql) {
        return messages(rule, statements(dialect, sql), ANALYZER::analyze);
    }

    /** The messages of {@code rule} when every statement of {@code sql} is checked from its tokens only. */
    static List<String> tokenMessages(Rule rule, Dialect dialect, String sql) {
        return messages(rule, statements(dialect, sql), statement -> new AnalyzedStatement.Unparsed(statement,
                "forced"));
    }

    /** The messages of {@code rule} for one analysed statement, on its own. */
    static List<String> messages(Rule rule, AnalyzedStatement analyzed) {
        return rule.check(analyzed, new ScriptState()).stream().map(Violation::message).toList();
    }

    private static List<String> messages(Rule rule, List<Statement> statements,
            Function<Statement, AnalyzedStatement> analysis) {
        ScriptState state = new ScriptState();
        List<String> messages = new ArrayList<>();
        for (Statement statement : statements) {
            for (Violation violation : rule.check(analysis.apply(statement), state)) {
                messages.add(violation.message());
            }
        }
        return messages;
    }
}
