package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ErrorLoggingClause;
import io.github.sqlguard.sql.ClickHouseMutation;
import io.github.sqlguard.sql.Token;
import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;

/**
 * The target and the WHERE condition of a plain {@code DELETE FROM t WHERE ..} or {@code UPDATE t SET ..
 * WHERE ..} (also after a WITH list, and in T-SQL's {@code DELETE a FROM t a WHERE ..} whose FROM names the target
 * alone), or of ClickHouse's one mutation {@code ALTER TABLE t DELETE WHERE ..}, read
 * from tokens, for the judgements that need the schema ({@link WhereJudgement}).
 *
 * @param verb DELETE or UPDATE
 * @param table the target table as written
 * @param alias the target's alias, or the table's last name part when none
 * @param condition the tokens after the top-level WHERE, up to RETURNING, ORDER BY or LIMIT
 * @param assignments an UPDATE's tokens between SET and WHERE; empty for a DELETE
 * @param with the queries the statement's WITH list names, which its subqueries may read as tables
 */
public record WhereTokens(String verb, String table, String alias, List<Token> condition, List<Token> assignments,
        WithQueries with) {

    /**
     * True when the SET reads {@code table} ({@code SET c = (SELECT name FROM customers ..)}): the UPDATE copies
     * values from that table's rows.
     */
    public boolean assignmentsRead(String table) {
        return reads(assignments, SchemaNames.key(table), true);
    }

    /** True when {@code column} is unqualified or qualified by the target's alias or table. */
    boolean namesTarget(String column) {
        int dot = column.lastIndexOf('.');
        if (dot < 0) {
            return true;
        }
        String qualifier = SchemaNames.key(column.substring(0, dot));
        return qualifier.equals(alias) || qualifier.equals(SchemaNames.key(table));
    }

    /** True when {@code tokens} read {@code wanted}, also through a query the WITH list names when asked to. */
    private boolean reads(List<Token> tokens, String wanted, boolean throughWith) {
        for (int i = 1; i < tokens.size(); i++) {
            if (!tokens.get(i - 1).isAnyWord("FROM", "JOIN")) {
                continue;
            }
            SchemaNames.Read name = SchemaNames.name(tokens, i);
            if (name != null && (SchemaNames.key(name.text()).equals(wanted) || throughWith && with.named(name.text(),
                    with.queries().size()).map(query -> reads(query.body(), wanted, false)).orElse(false))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The statement's DELETE or UPDATE with a WHERE, or empty for any other shape. In PostgreSQL that may be the one
     * query of the WITH list that changes rows ({@code WITH gone AS (DELETE FROM t WHERE .. RETURNING id) INSERT INTO
     * archive SELECT .. FROM gone}), which runs once whatever the statement after the list does.
     */
    public static Optional<WhereTokens> of(List<Token> tokens) {
        if (tokens.size() > 4 && tokens.get(0).isWord("ALTER") && tokens.get(1).isWord("TABLE")) {
            return mutation(tokens);
        }
        return WithQueries.read(tokens).flatMap(with -> with.end() < tokens.size()
                && tokens.get(with.end()).isAnyWord("DELETE", "UPDATE", "MERGE")
                ? plain(tokens.subList(with.end(), tokens.size()), with) : changingQuery(with));
    }

    /** The DELETE or UPDATE of the WITH list when it holds one and only one, seeing the queries before it. */
    private static Optional<WhereTokens> changingQuery(WithQueries with) {
        int found = -1;
        for (int i = 0; i < with.queries().size(); i++) {
            List<Token> body = with.queries().get(i).body();
            if (!body.isEmpty() && body.get(0).isAnyWord("DELETE", "UPDATE", "MERGE")) {
                if (found >= 0) {
                    return Optional.empty();
                }
                found = i;
            }
        }
        return found < 0 ? Optional.empty() : plain(with.queries().get(found).body(),
                new WithQueries(with.queries().subList(0, found), with.end()));
    }

    private static Optional<WhereTokens> plain(List<Token> statement, WithQueries with) {
        List<Token> tokens = ErrorLoggingClause.cut(statement);
        if (tokens.size() < 4 || !tokens.get(0).isAnyWord("DELETE", "UPDATE")) {
            return Optional.empty();
        }
        boolean delete = tokens.get(0).isWord("DELETE");
        int i = delete && tokens.get(1).isWord("FROM") ? 2 : 1;
        if (tokens.get(i).isWord("ONLY")) {
            i++;
        }
        SchemaNames.Read table = SchemaNames.name(tokens, i);
        if (table == null) {
            return Optional.empty();
        }
        i = table.next();
        String alias = SchemaNames.key(table.text());
        if (i < tokens.size() && tokens.get(i).isWord("AS")) {
            i++;
        }
        if (i < tokens.size() && SchemaNames.isNamePart(tokens.get(i))
                && !tokens.get(i).isAnyWord("WHERE", "SET", "USING", "FROM", "JOIN", "INNER", "LEFT")) {
            alias = SchemaNames.key(tokens.get(i).text());
            i++;
        }
        int set = i < tokens.size() && tokens.get(i).isWord("SET") ? i + 1 : -1;
        int setEnd = -1;
        int where = -1;
        int depth = 0;
        int end = tokens.size();
        for (int j = i; j < tokens.size(); j++) {
            Token token = tokens.get(j);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth != 0) {
                continue;
            }
            if (where < 0 && token.isWord("FROM") && setEnd < 0) {
                // T-SQL: DELETE o FROM orders o WHERE .., UPDATE o SET .. FROM orders o WHERE ..: a FROM that names
                // only the target's own table is the plain statement written with an alias.
                SoleFromTable sole = SoleFromTable.of(tokens, j + 1, alias);
                if (sole != null) {
                    table = sole.table();
                    alias = sole.alias();
                    setEnd = j;
                    j = sole.next() - 1;
                    continue;
                }
            }
            if (where < 0 && token.isAnyWord("USING", "FROM", "JOIN") && (delete || token.isWord("FROM"))) {
                return Optional.empty(); // other tables take part: the condition may restrict through them
            }
            if (where < 0 && token.isWord("WHERE")) {
                where = j;
            } else if (where >= 0 && token.isAnyWord("RETURNING", "ORDER", "LIMIT", "OUTPUT")) {
                end = j;
                break;
            }
        }
        if (where < 0 || where + 1 >= end) {
            return Optional.empty();
        }
        return Optional.of(new WhereTokens(tokens.get(0).upper(), SchemaNames.unquoted(table.text()), alias,
                tokens.subList(where + 1, end), set < 0 ? List.of() : tokens.subList(set, setEnd < 0 ? where : setEnd),
                with));
    }

    /**
     * The one table of a T-SQL FROM whose alias (or, without one, whose name) is the statement's target as
     * {@code written}, with nothing else before the WHERE.
     *
     * @param table the table as read
     * @param alias its alias, or the table's key when none
     * @param next where the WHERE (or the statement's end) stands
     */
    private record SoleFromTable(SchemaNames.Read table, String alias, int next) {

        static SoleFromTable of(List<Token> tokens, int at, String written) {
            SchemaNames.Read table = at < tokens.size() ? SchemaNames.name(tokens, at) : null;
            if (table == null) {
                return null;
            }
            int i = table.next();
            String alias = SchemaNames.key(table.text());
            if (i < tokens.size() && tokens.get(i).isWord("AS")) {
                i++;
            }
            if (i < tokens.size() && SchemaNames.isNamePart(tokens.get(i)) && !tokens.get(i).isWord("WHERE")) {
                alias = SchemaNames.key(tokens.get(i).text());
                i++;
            }
            // UPDATE orders .. FROM orders o2 is a second copy of the table in PostgreSQL, so only the alias counts.
            boolean ends = i == tokens.size() || tokens.get(i).isWord("WHERE");
            return ends && alias.equals(written) ? new SoleFromTable(table, alias, i) : null;
        }
    }

    /**
     * ClickHouse: the first mutation of {@code ALTER TABLE t [ON CLUSTER c] ..}, its condition up to the comma or
     * SETTINGS that ends it; the rules that judge it do so only when the ALTER holds no other.
     */
    private static Optional<WhereTokens> mutation(List<Token> tokens) {
        SchemaNames.Read table = SchemaNames.name(tokens, 2);
        if (table == null) {
            return Optional.empty();
        }
        IntUnaryOperator column = at -> {
            SchemaNames.Read name = SchemaNames.name(tokens, at);
            return name == null ? -1 : name.next();
        };
        int depth = 0;
        int verb = -1;
        int where = -1;
        for (int i = table.next(); i < tokens.size(); i++) {
            Token token = tokens.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth != 0) {
                continue;
            }
            if (verb < 0 && ClickHouseMutation.startsAt(tokens, i, tokens.size(), column)) {
                verb = i;
            } else if (verb >= 0 && where < 0 && token.isWord("WHERE")) {
                where = i;
            } else if (where >= 0 && (token.isSymbol(",") || token.isWord("SETTINGS"))) {
                return condition(tokens, table, verb, where, i);
            }
        }
        return where < 0 ? Optional.empty() : condition(tokens, table, verb, where, tokens.size());
    }

    private static Optional<WhereTokens> condition(List<Token> tokens, SchemaNames.Read table, int verb, int where,
            int end) {
        if (where + 1 >= end) {
            return Optional.empty();
        }
        // An UPDATE mutation's assignments stand between its verb and WHERE, as a plain UPDATE's SET list does.
        List<Token> assignments = tokens.get(verb).isWord("UPDATE") ? tokens.subList(verb + 1, where) : List.of();
        return Optional.of(new WhereTokens(tokens.get(verb).upper(), SchemaNames.unquoted(table.text()),
                SchemaNames.key(table.text()), tokens.subList(where + 1, end), assignments, WithQueries.NONE));
    }
}
