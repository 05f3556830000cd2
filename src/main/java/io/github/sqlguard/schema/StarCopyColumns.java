package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TopLevel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of a table made as a copy of every column of one table the replay knows in full: {@code CREATE TABLE
 * t_tmp AS SELECT * FROM t [WHERE ..]}, {@code AS SELECT o.* FROM t o} or {@code AS TABLE t}. The scratch copy of a
 * rebuild is made so, and the copy back that lists its columns can then be checked against them: one that names
 * them all restores every value, one that leaves a column out loses it.
 */
final class StarCopyColumns {

    private StarCopyColumns() {
    }

    /**
     * The table {@code table} that the {@code CREATE} at {@code create} makes, when it copies every column of one
     * table whose columns {@code schema} knows in full; empty otherwise (a join, an added column, an unknown source).
     * Its columns keep their names and types; the copy has no keys, and no NOT NULL, as PostgreSQL's {@code CREATE
     * TABLE .. AS} makes it.
     */
    static Optional<Table> of(List<Token> tokens, int create, String table, boolean sessionRows,
            SchemaHistory schema) {
        Optional<CreateAsQuery> query = CreateAsQuery.of(tokens, create);
        if (query.isEmpty() || !everyColumnSelected(tokens, query.get().query())) {
            return Optional.empty();
        }
        // A WHERE keeps fewer rows, not fewer columns: the copy is read without it
        int where = TopLevel.wordIndex(tokens, query.get().query() + 1, "WHERE");
        List<Token> unfiltered = where < 0 ? tokens : tokens.subList(0, where);
        return DestroyedTables.fullCopy(unfiltered, create)
                .flatMap(copy -> schema.current(copy.source()))
                .filter(Table::complete)
                .filter(source -> !source.columns().isEmpty())
                .map(source -> new Table(table, nullable(source.columns()), List.of(), List.of(), true, sessionRows,
                        source.characterSet()));
    }

    /**
     * True when the query at {@code query} selects exactly the columns of its source: {@code SELECT * FROM},
     * {@code SELECT o.* FROM} or {@code TABLE t}, not {@code SELECT *, 0 AS flag FROM}.
     */
    private static boolean everyColumnSelected(List<Token> tokens, int query) {
        int at = query < tokens.size() && tokens.get(query).isSymbol("(") ? query + 1 : query;
        if (at < tokens.size() && tokens.get(at).isWord("TABLE")) {
            return true;
        }
        if (at + 2 < tokens.size() && tokens.get(at).isWord("SELECT") && tokens.get(at + 1).isSymbol("*")) {
            return tokens.get(at + 2).isWord("FROM");
        }
        return at + 4 < tokens.size() && tokens.get(at).isWord("SELECT") && tokens.get(at + 2).isSymbol(".")
                && tokens.get(at + 3).isSymbol("*") && tokens.get(at + 4).isWord("FROM");
    }

    private static Map<String, Column> nullable(Map<String, Column> columns) {
        Map<String, Column> copied = new LinkedHashMap<>();
        columns.forEach((key, column) -> copied.put(key, column.withNotNull(false).withComputed(false)));
        return copied;
    }
}
