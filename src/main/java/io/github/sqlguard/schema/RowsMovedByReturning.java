package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import io.github.sqlguard.sql.TopLevel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The move of a table's rows in one statement, as a switch to a partitioned table or an archive writes it:
 * PostgreSQL's {@code WITH moved AS (DELETE FROM events RETURNING *) INSERT INTO events_new SELECT * FROM moved},
 * T-SQL's {@code DELETE FROM dbo.Logs OUTPUT deleted.* INTO dbo.LogsArchive}. Every row the DELETE removes is
 * inserted, whole, into the other table, so nothing is lost. A RETURNING or OUTPUT that names columns counts only
 * when they are every column the replay knows the table to have ({@code OUTPUT deleted.Id, deleted.Msg INTO ..}
 * of a table the migrations created with those two); a SELECT that names columns, a filter, join or limit on the
 * insert's query, or a second query of the CTE does not count: those may leave rows or values behind; nor does a
 * move into a T-SQL {@code #temp} table or {@code @table} variable or a PostgreSQL {@code pg_temp} table, gone with
 * the session.
 */
public final class RowsMovedByReturning {

    private RowsMovedByReturning() {
    }

    /** The guard of {@code model}, when it is such a move of every row its DELETE removes. */
    public static Optional<Guard> guardOf(StatementModel model, SchemaView before) {
        List<Token> tokens = model.statement().tokens();
        Dialect dialect = model.statement().dialect();
        if (!tokens.isEmpty() && tokens.get(0).isWord("DELETE") && (dialect == Dialect.SQLSERVER
                || dialect == Dialect.AUTO)) {
            return outputInto(tokens, before);
        }
        if (tokens.size() < 16 || !tokens.get(0).isWord("WITH") || dialect != Dialect.POSTGRESQL
                && dialect != Dialect.AUTO) {
            return Optional.empty();
        }
        int at = 1;
        String moved = tokens.get(at++).upper();
        if (tokens.get(at).isWord("AS")) {
            at++;
        }
        if (tokens.get(at).isWord("NOT")) {
            at++;
        }
        if (tokens.get(at).isWord("MATERIALIZED")) {
            at++;
        }
        if (!tokens.get(at).isSymbol("(") || !tokens.get(at + 1).isWord("DELETE")) {
            return Optional.empty();
        }
        int close = TopLevel.closingParenthesis(tokens, at);
        if (close < 0 || !(tokens.get(close - 1).isSymbol("*") && tokens.get(close - 2).isWord("RETURNING")
                || returnsEveryColumn(tokens, at + 2, close, before))) {
            return Optional.empty();
        }
        at = close + 1;
        if (at + 2 >= tokens.size() || !tokens.get(at).isWord("INSERT") || !tokens.get(at + 1).isWord("INTO")) {
            return Optional.empty();
        }
        SchemaNames.Read target = SchemaNames.name(tokens, at + 2);
        if (target == null || vanishesWithTheSession(target.text())) {
            return Optional.empty();
        }
        at = target.next();
        if (at < tokens.size() && tokens.get(at).isSymbol("(")) {
            // a column list must name as many columns as SELECT * yields
            at = TopLevel.closingParenthesis(tokens, at) + 1;
        }
        boolean wholeRows = at > 0 && at + 4 == tokens.size() && tokens.get(at).isWord("SELECT")
                && tokens.get(at + 1).isSymbol("*") && tokens.get(at + 2).isWord("FROM")
                && tokens.get(at + 3).upper().equals(moved) && tokens.get(at + 3).type() == TokenType.WORD;
        return wholeRows ? Optional.of(movedTo(target)) : Optional.empty();
    }

    /**
     * T-SQL's {@code DELETE [FROM] t OUTPUT deleted.* INTO target [(columns)]}, or with {@code deleted.c} for every
     * column of {@code t}, nothing after it.
     */
    private static Optional<Guard> outputInto(List<Token> tokens, SchemaView before) {
        SchemaNames.Read source = SchemaNames.name(tokens, tokens.size() > 1 && tokens.get(1).isWord("FROM") ? 2 : 1);
        int at = source == null ? tokens.size() : source.next();
        if (at + 5 >= tokens.size() || !tokens.get(at).isWord("OUTPUT")) {
            return Optional.empty();
        }
        int into = at + 4;
        if (!tokens.get(at + 1).isWord("DELETED") || !tokens.get(at + 2).isSymbol(".")
                || !tokens.get(at + 3).isSymbol("*")) {
            List<String> named = new ArrayList<>();
            into = at + 1;
            while (into + 3 < tokens.size() && tokens.get(into).isWord("DELETED") && tokens.get(into + 1).isSymbol(".")
                    && SchemaNames.isNamePart(tokens.get(into + 2))) {
                named.add(tokens.get(into + 2).text());
                into += 3;
                if (!tokens.get(into).isSymbol(",")) {
                    break;
                }
                into++;
            }
            if (!namesEveryColumn(named, source.text(), before)) {
                return Optional.empty();
            }
        }
        if (into + 1 >= tokens.size() || !tokens.get(into).isWord("INTO")) {
            return Optional.empty();
        }
        SchemaNames.Read target = SchemaNames.name(tokens, into + 1);
        if (target == null || vanishesWithTheSession(target.text())) {
            return Optional.empty();
        }
        at = target.next();
        if (at < tokens.size() && tokens.get(at).isSymbol("(")) {
            at = TopLevel.closingParenthesis(tokens, at) + 1;
        }
        return at == tokens.size() ? Optional.of(movedTo(target)) : Optional.empty();
    }

    /**
     * Whether the DELETE in {@code [from, close)} is {@code DELETE FROM [ONLY] t .. RETURNING a, b} naming every
     * column of {@code t}.
     */
    private static boolean returnsEveryColumn(List<Token> tokens, int from, int close, SchemaView before) {
        int at = from + 1;
        if (at < close && tokens.get(at).isWord("ONLY")) {
            at++;
        }
        SchemaNames.Read source = tokens.get(from).isWord("FROM") ? SchemaNames.name(tokens, at) : null;
        List<String> named = new ArrayList<>();
        int last = close - 1;
        while (last > from && SchemaNames.isNamePart(tokens.get(last))) {
            named.add(tokens.get(last).text());
            if (!tokens.get(last - 1).isSymbol(",")) {
                break;
            }
            last -= 2;
        }
        return source != null && last > from && tokens.get(last - 1).isWord("RETURNING")
                && namesEveryColumn(named, source.text(), before);
    }

    /** Whether {@code named} holds every column of {@code table}, which the replay knows whole. */
    private static boolean namesEveryColumn(List<String> named, String table, SchemaView before) {
        Optional<Table> known = before.table(table);
        if (named.isEmpty() || known.isEmpty() || !known.get().complete() || known.get().columns().isEmpty()) {
            return false;
        }
        Set<String> keys = new HashSet<>();
        named.forEach(name -> keys.add(SchemaNames.key(SchemaNames.unquoted(name))));
        return keys.equals(known.get().columns().keySet());
    }

    /**
     * True for a T-SQL {@code #temp} or {@code ##global} table or {@code @table} variable, or a table of PostgreSQL's
     * {@code pg_temp} schema: rows moved there are gone when the session or batch ends, so the move keeps nothing.
     */
    private static boolean vanishesWithTheSession(String target) {
        String last = ObjectNames.normalize(ObjectNames.lastPart(target));
        return ObjectNames.isHashTemporary(last) || last.startsWith("@")
                || ObjectNames.normalize(target).startsWith("pg_temp.");
    }

    private static Guard movedTo(SchemaNames.Read target) {
        return new Guard(Guard.Kind.ROWS_COPIED, "rows moved to " + target.text() + " by the same statement");
    }
}
