package io.github.sqlguard.analysis;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The DELETE and UPDATE statements in a statement as {@link RowChange} facts: from its tokens, and from the AST
 * where the parser was asked and understood it. Positions and names as written always come from the tokens.
 */
final class DataChanges {

    private DataChanges() {
    }

    /**
     * Every DELETE and UPDATE in {@code statement}, CTEs first, the main statement last.
     *
     * @param structure the statement's tokens as {@link StatementTokens#of} reads them
     */
    static List<RowChange> in(Statement statement, StatementTokens structure, List<DataChange> fromTokens,
            Object ast) {
        List<DataChange> changes = ast == null ? fromTokens
                // Only SQL Server changes rows through a CTE's name; elsewhere that is an error, so AUTO reads it so.
                : AstDataChanges.in(ast, statement.dialect() == Dialect.SQLSERVER
                        || statement.dialect() == Dialect.AUTO,
                        structure.fromItemsAreOtherInstances(),
                        TextAsCondition.in(statement.dialect()),
                        structure.variablesNamingNoColumn());
        boolean sameShape = changes.size() == fromTokens.size();
        boolean placeholders = anyToken(statement, token -> token.type() == TokenType.PLACEHOLDER);
        List<RowChange> result = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            DataChange change = changes.get(i);
            DataChange written = sameShape ? fromTokens.get(i) : null;
            boolean matches = written != null && written.verb().equals(change.verb());
            if (matches && written.selection() == RowSelection.OWN_VALUES_WRITTEN_BACK) {
                continue; // SET c = c, or COALESCE(c, ..), changes no stored value; its triggers are judged on their own
            }
            Token at = matches ? written.at() : null;
            Location location = at == null ? statement.start()
                    : new Location(statement.start().path(), at.line(), at.column());
            // Which table a column's qualifier denotes, and whether ROWNUM is Oracle's pseudo-column, the dialect
            // decides: the tokens read both in it, the parser takes them for columns of the row.
            boolean otherTablesOnly = matches && change.where() == WhereFact.PRESENT
                    && written.where().decidesOnlyWhetherItRuns();
            // The tokens see what caps the rows (ROWNUM, TOP, LIMIT) where the parser sees a condition or none.
            boolean capped = matches
                    && (change.where() == WhereFact.PRESENT && written.where() == WhereFact.ROW_COUNT_ONLY
                            || change.where() == WhereFact.ABSENT && written.where() == WhereFact.ABSENT_BUT_CAPPED);
            // MySQL and MariaDB read || as OR, the parser as concatenation (id = 5 || 1 compares id with '51'): a
            // condition the tokens found always true through such an OR is that, whatever the parser made of it.
            boolean barsAreOr = matches && change.where() == WhereFact.PRESENT
                    && written.where() == WhereFact.ALWAYS_TRUE && statement.dialect().isMySqlFamily()
                    && anyToken(statement, token -> token.isSymbol("||"));
            // The parser takes ROWNUM for a column of the row: a condition the tokens found always true through
            // the pseudo-column (WHERE ROWNUM > 0) is that.
            boolean rownumAlwaysTrue = matches && change.where() == WhereFact.PRESENT
                    && written.where() == WhereFact.ALWAYS_TRUE && structure.rownumIsPseudoColumn()
                    && anyToken(statement, token -> token.isWord("ROWNUM"));
            WhereFact where = otherTablesOnly || capped || barsAreOr || rownumAlwaysTrue ? written.where()
                    : change.where();
            // The parser saw ph_schema.t where the user wrote ${schema}.t: messages name the table as written. The
            // tables whose WHERE the tokens found naming no column of theirs are the ones MySQL's SET assigns
            // (UPDATE t1, t2 SET t2.a ..), which the tokens name as written.
            List<String> tables = matches && (otherTablesOnly
                    || placeholders && written.tables().size() == change.tables().size())
                    ? written.tables() : change.tables();
            // The parser saw ph_cond where the user wrote ${cond}: only the tokens know it has no value.
            List<String> unresolved = matches ? written.unresolvedConditions() : change.unresolvedConditions();
            // Which columns a join equates, the tokens tell; the parser's reading says whether it limits at all. A
            // PostgreSQL join written in the WHERE (DELETE .. USING u WHERE u.id = t.u_id) leaves it a plain WHERE.
            List<KeyLink> keyLinks = matches && (change.restrictedByJoin() || change.where() == WhereFact.PRESENT)
                    ? written.keyLinks() : List.of();
            result.add(new RowChange(change.verb(), tables, location, change.restrictedByJoin(),
                    change.crossJoin(), where, false, unresolved, change.selection(), keyLinks,
                    matches ? written.partitions() : List.of(), matches ? written.nullingLookups() : List.of(),
                    change.naturalJoins()));
        }
        return result;
    }

    /** The token reading of a statement's DELETEs and UPDATEs, from its {@code structure}. */
    static List<DataChange> fromTokens(StatementTokens structure) {
        return TokenDataChanges.in(structure);
    }

    private static boolean anyToken(Statement statement, Predicate<Token> test) {
        for (Token token : statement.tokens()) {
            if (test.test(token)) {
                return true;
            }
        }
        return false;
    }
}
