package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.analysis.AnalyzedStatement;
import io.github.sqlguard.analysis.StatementAnalyzer;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs rules over SQL the way the linter does: split, analyse, check every statement in order with one
 * {@link ScriptState} per file. Every statement is also checked as if the parser had failed and as if it had
 * not been asked, and the results must be equal: rules must not depend on the AST being there (except
 * unparsed-statement, whose finding is the parser's failure).
 */
final class RulePipeline {

    /** One violation with where its statement starts. */
    record Hit(int line, String rule, String message, StatementContext.Kind context) {
        @Override
        public String toString() {
            return line + ":" + rule;
        }
    }

    private RulePipeline() {
    }

    /** The data-loss rules' hits. */
    static List<Hit> run(Dialect dialect, String sql) {
        return run(dialect, sql, DataLossRules.all());
    }

    static List<Hit> run(Dialect dialect, String sql, List<Rule> rules) {
        List<Statement> statements = RuleHarness.statements(dialect, sql);
        StatementAnalyzer analyzer = new StatementAnalyzer();
        ScriptState state = new ScriptState();
        ScriptState unparsedState = new ScriptState();
        ScriptState notNeededState = new ScriptState();
        List<Hit> hits = new ArrayList<>();
        for (Statement statement : statements) {
            AnalyzedStatement analyzed = analyzer.analyze(statement);
            for (Rule rule : rules) {
                List<Violation> violations = rule.check(analyzed, state);
                if (rule instanceof UnparsedStatementRule) {
                    addHits(hits, statement, rule, violations);
                    continue;
                }
                assertEquals(violations, rule.check(new AnalyzedStatement.Unparsed(statement, "test"), unparsedState),
                        "unparsed path differs for " + statement.sql());
                assertEquals(violations, rule.check(new AnalyzedStatement.NotNeeded(statement), notNeededState),
                        "not-parsed path differs for " + statement.sql());
                addHits(hits, statement, rule, violations);
            }
        }
        return hits;
    }

    private static void addHits(List<Hit> hits, Statement statement, Rule rule, List<Violation> violations) {
        for (Violation violation : violations) {
            hits.add(new Hit(statement.start().line(), rule.info().id(), violation.message(),
                    statement.context().kind()));
        }
    }

    /** The rule ids hit, in order, e.g. {@code [drop-table, cascade]}. */
    static List<String> ruleIds(Dialect dialect, String sql) {
        return run(dialect, sql).stream().map(Hit::rule).toList();
    }
}
