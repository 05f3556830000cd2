package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replays {@code CREATE [OR REPLACE] [TEMP] [MATERIALIZED] VIEW v [(a, b)] AS query} and {@code DROP VIEW}: a
 * later {@code DELETE .. WHERE id IN (SELECT id FROM v)} reads the rows v's query gives, so whether that
 * restricts is decided by the query, as it is for a query of a WITH list. Whether a view keeps rows of its own is
 * recorded too: a {@code DROP TABLE} of one that does not (ClickHouse drops views that way) loses nothing.
 */
final class ViewDefinitions {

    /** How many words may stand between CREATE and VIEW (MySQL's ALGORITHM, DEFINER and SQL SECURITY clauses). */
    private static final int MODIFIER_LIMIT = 16;

    private ViewDefinitions() {
    }

    /**
     * Records the view a {@code CREATE} creates, the tokens after CREATE starting at {@code from}; false when the
     * statement creates no view.
     */
    static boolean create(List<Token> tokens, int from, SchemaHistory schema) {
        int i = from;
        boolean recursive = false;
        boolean storing = false;
        // MySQL writes ALGORITHM = MERGE, DEFINER = .. and SQL SECURITY .. between CREATE and VIEW.
        while (i < tokens.size() && i < from + MODIFIER_LIMIT && !tokens.get(i).isWord("VIEW")) {
            Token token = tokens.get(i);
            if (token.isSymbol("(") || token.isAnyWord("TABLE", "AS", "ON", "FUNCTION", "PROCEDURE", "TRIGGER")) {
                return false;
            }
            recursive |= token.isWord("RECURSIVE");
            storing |= token.isAnyWord("MATERIALIZED", "WINDOW");
            i++;
        }
        if (i >= tokens.size() || !tokens.get(i).isWord("VIEW")) {
            return false;
        }
        i++;
        if (i + 2 < tokens.size() && tokens.get(i).isWord("IF") && tokens.get(i + 1).isWord("NOT")) {
            i += 3;
        }
        SchemaNames.Read name = SchemaNames.name(tokens, i);
        if (name == null) {
            return true;
        }
        // A recursive view reads itself; its rows are not those of one query, so it stays unknown.
        schema.putView(name.text(), recursive ? Optional.empty() : definition(tokens, name));
        schema.rowlessObjects().put(name.text(), !storing || writesToTable(tokens, name.next()));
        return true;
    }

    /**
     * True for ClickHouse's {@code CREATE MATERIALIZED VIEW v [ON CLUSTER c] TO t AS SELECT ..}: the rows it
     * computes go to the table t, so the view itself holds none (one without {@code TO} keeps them in a table of
     * its own).
     */
    private static boolean writesToTable(List<Token> tokens, int from) {
        for (int i = from; i < tokens.size() && !tokens.get(i).isAnyWord("AS", "ENGINE", "POPULATE"); i++) {
            if (tokens.get(i).isWord("TO") || tokens.get(i).isSymbol("(")) {
                return tokens.get(i).isWord("TO");
            }
        }
        return false;
    }

    private static Optional<WithQueries.Named> definition(List<Token> tokens, SchemaNames.Read name) {
        int i = name.next();
        List<String> columns = new ArrayList<>();
        if (i < tokens.size() && tokens.get(i).isSymbol("(")) {
            int close = ObjectNames.skipParentheses(tokens, i);
            for (List<Token> column : ObjectNames.splitAtCommas(tokens, i + 1, close - 1)) {
                columns.add(column.isEmpty() ? "" : SchemaNames.key(column.get(0).text()));
            }
            i = close;
        }
        if (i + 1 < tokens.size() && tokens.get(i).isWord("WITH") && tokens.get(i + 1).isSymbol("(")) {
            i = ObjectNames.skipParentheses(tokens, i + 1); // PostgreSQL's view options, WITH (security_barrier)
        }
        if (i >= tokens.size() || !tokens.get(i).isWord("AS")) {
            return Optional.empty();
        }
        int end = endOfQuery(tokens, i + 1);
        List<Token> body = tokens.subList(i + 1, end);
        // PostgreSQL accepts the query in parentheses: AS (SELECT ..).
        while (!body.isEmpty() && body.get(0).isSymbol("(") && ObjectNames.skipParentheses(body, 0) == body.size()) {
            body = body.subList(1, body.size() - 1);
        }
        // Every view of a long history stays known to the statements after it, so only a query that a read through
        // the view can see through is kept, and apart from the statement that held it; any other is kept as an
        // empty query, which reads no table without a filter either.
        List<Token> kept = WhereJudgement.readsOneTableUnfiltered(body) ? List.copyOf(body) : List.of();
        return Optional.of(new WithQueries.Named(SchemaNames.key(name.text()), List.copyOf(columns), kept));
    }

    /** Where the query ends: before a trailing {@code WITH .. CHECK OPTION} or {@code WITH [NO] DATA}. */
    private static int endOfQuery(List<Token> tokens, int from) {
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && token.isWord("WITH") && i + 1 < tokens.size()
                    && tokens.get(i + 1).isAnyWord("CASCADED", "LOCAL", "CHECK", "NO", "DATA")) {
                return i;
            }
            if (token.isSymbol(";")) {
                return i;
            }
        }
        return tokens.size();
    }

    /** {@code DROP [MATERIALIZED] VIEW [IF EXISTS] a, b [CASCADE]}, the tokens after VIEW starting at {@code from}. */
    static void drop(List<Token> tokens, int from, SchemaHistory schema) {
        for (String name : SchemaNames.dropped(tokens, from)) {
            schema.putView(name, Optional.empty());
            schema.rowlessObjects().clear(name);
        }
    }
}
