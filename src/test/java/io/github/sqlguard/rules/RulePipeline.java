package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.schema.SchemaFacts;
import io.github.sqlguard.schema.SchemaReplay;
import io.github.sqlguard.sql.StatementContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs rules over SQL the way the linter does: split, read every statement into its model, judge. Every
 * snippet is also read as if no statement went to the parser, and the results must be equal: rules must not
 * depend on the AST being there (except unparsed-statement, whose finding is the parser's failure).
 */
final class RulePipeline {

    /** One violation with where it is located. */
    record Hit(int line, int column, String rule, String message, StatementContext.Kind context) {
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
        return run(dialect, sql, rules, false);
    }

    /**
     * As {@link #run(Dialect, String, List)}; with {@code replayed}, each statement is judged with what the schema
     * replay of the statements before it knows (the tables and foreign keys the snippet creates), as the linter does.
     */
    static List<Hit> run(Dialect dialect, String sql, List<Rule> rules, boolean replayed) {
        List<StatementModel> models = RuleHarness.models(dialect, sql);
        List<StatementModel> tokenModels = RuleHarness.tokenModels(dialect, sql);
        assertEquals(models.size(), tokenModels.size());
        SchemaReplay replay = new SchemaReplay();
        // The linter replays every migration before it judges the first statement, as done here.
        models.forEach(model -> replay.apply(model.statement()));
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            StatementModel model = models.get(i);
            SchemaFacts facts = replay.factsFor(model.statement()).judging(model.statement());
            for (Rule rule : rules) {
                List<Violation> violations = replayed ? rule.check(model, facts) : rule.check(model);
                if (!(rule instanceof UnparsedStatementRule)) {
                    assertEquals(violations, replayed ? rule.check(tokenModels.get(i), facts)
                            : rule.check(tokenModels.get(i)),
                            "token path differs for " + model.statement().sql());
                }
                for (Violation violation : violations) {
                    hits.add(new Hit(violation.at().line(), violation.at().column(), rule.info().id(),
                            violation.message(), model.statement().context().kind()));
                }
            }
        }
        return hits;
    }

    /**
     * Every rule's hits as {@code line:column rule message}; a row's expectation {@code -} stands for none, and a
     * {@code \\n} in the row's SQL for a line break.
     */
    static void assertHits(Dialect dialect, String sql, String expected) {
        List<String> found = run(dialect, sql.replace("\\n", "\n"), RuleRegistry.all()).stream()
                .map(hit -> hit.line() + ":" + hit.column() + " " + hit.rule() + " " + hit.message())
                .toList();
        assertEquals(expected.equals("-") ? List.of() : List.of(expected), found);
    }

    /** The rule ids hit, in order, e.g. {@code [drop-table, cascade]}. */
    static List<String> ruleIds(Dialect dialect, String sql) {
        return run(dialect, sql).stream().map(Hit::rule).toList();
    }
}
