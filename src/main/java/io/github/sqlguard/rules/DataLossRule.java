package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.AnalyzedStatement;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.Optional;

/**
 * The common frame of the data-loss rules: find the statement's main keyword (past a T-SQL {@code IF}
 * guard), cut out T-SQL statements written without a terminator ({@link EmbeddedStatements}), let the rule
 * read each part's tokens, and record the tables the script creates ({@link ScratchTables}). Tokens are read
 * for parsed, unparsed and not-parsed statements alike, so a rule's result never depends on whether
 * JSqlParser 5.3 understood the statement (it rejects {@code DROP DATABASE d}, {@code DROP TABLE t PURGE}
 * and many ALTER forms); the AST adds nothing these rules need.
 */
abstract class DataLossRule implements Rule {

    @Override
    public final List<Violation> check(AnalyzedStatement statement, ScriptState script) {
        Statement sql = statement.statement();
        List<List<Token>> parts = script.sharedByRules(sql, DataLossRule.class, () -> {
            List<Token> core = StatementCore.tokensOf(statement);
            return core.isEmpty() ? List.<List<Token>>of() : EmbeddedStatements.partsOf(core, sql.dialect());
        });
        List<Violation> violations = new ArrayList<>();
        for (List<Token> part : parts) {
            int line = part.get(0).line();
            for (Violation violation : check(part, sql, script)) {
                // A T-SQL statement found inside the split statement: say where it is.
                violations.add(line == sql.start().line() ? violation
                        : new Violation(violation.message() + " (line " + line + ")"));
            }
            // Record after checking: "CREATE TABLE t .." never makes its own statement a scratch case. A table
            // created in a routine body or in rollback code does not exist when the migration runs on.
            if (sql.context().runsWithMigration()) {
                ScratchTables.observe(part, script);
            }
        }
        return violations;
    }

    /**
     * The violations in one statement.
     *
     * @param core the statement's tokens from its main keyword on (never empty)
     */
    abstract List<Violation> check(List<Token> core, Statement statement, ScriptState script);

    /** The ALTER TABLE in {@code core}, unless it alters a temporary table or one this script created. */
    static Optional<AlterTableClauses> alteredLastingTable(List<Token> core, ScriptState script) {
        return AlterTableClauses.of(core).filter(alter -> !ScratchTables.isScratch(alter.table(), script));
    }

    /** One violation about {@code names}, or none when nothing was named. */
    static List<Violation> oneViolation(List<String> names, Function<List<String>, String> message) {
        return names.isEmpty() ? List.of() : List.of(new Violation(message.apply(names)));
    }

    /** {@code "table orders"} or {@code "tables a, b"}. */
    static String counted(String singular, String plural, List<String> names) {
        return (names.size() == 1 ? singular : plural) + " " + ObjectNames.joined(names);
    }
}
