package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.EqualityJoin;
import io.github.sqlguard.analysis.TableReference;
import io.github.sqlguard.sql.Token;
import java.util.List;
import java.util.Optional;

/**
 * An inner join of the table a statement copies that keeps every one of its rows: {@code INSERT INTO t_new (..)
 * SELECT c.id, .., p.owner FROM t c JOIN p ON c.p_id = p.id}, where {@code c.p_id} is NOT NULL and a foreign key of
 * {@code t} to {@code p}, and {@code p.id} is the whole primary key of {@code p}. The key gives every row exactly one
 * partner, so the join only adds the partner's columns, as rebuilds that fill a new column from a parent table
 * write it. A nullable column, a second condition or a join on another column of {@code p} may leave rows out.
 * Where the database does not enforce the key (SQLite without {@code PRAGMA foreign_keys}), only rows whose parent
 * is gone are left out.
 */
final class ForeignKeyJoin {

    /**
     * The statement read without the join, and for a note the table joined and the key column followed.
     *
     * @param tokens the statement's tokens without the join and its condition
     * @param joined the table joined, as written
     * @param column the foreign key column of the table copied
     */
    record Followed(List<Token> tokens, String joined, String column) {

        /** How the copy reached every row, for a guard's note. */
        String note() {
            return ", each row joined to its " + joined + " row by foreign key " + column;
        }
    }

    private ForeignKeyJoin() {
    }

    /**
     * The join of the copy at {@code main} ({@code CREATE}, {@code INSERT} or {@code SELECT}) that follows a foreign
     * key of the table it copies, as {@code before} knows the two tables; empty for any other statement or join.
     */
    static Optional<Followed> of(List<Token> tokens, int main, SchemaView before) {
        if (main >= tokens.size() || !tokens.get(main).isAnyWord("CREATE", "INSERT", "SELECT")) {
            return Optional.empty();
        }
        return EqualityJoin.firstAfter(tokens, main + 1).flatMap(join -> {
            Optional<String> column = keyColumn(join.first(), join.joined(), join.left(), join.right(), before)
                    .or(() -> keyColumn(join.first(), join.joined(), join.right(), join.left(), before));
            return column.map(c -> new Followed(join.removedFrom(tokens),
                    SchemaNames.unquoted(join.joined().table()), c));
        });
    }

    /**
     * The column of the source that {@code sourceSide} names, when it is NOT NULL, a foreign key to the joined
     * table, and {@code joinedSide} names the joined table's whole primary key.
     */
    private static Optional<String> keyColumn(TableReference source, TableReference joined, String sourceSide,
            String joinedSide, SchemaView before) {
        Optional<String> column = columnOf(source, sourceSide);
        Optional<String> key = columnOf(joined, joinedSide);
        if (column.isEmpty() || key.isEmpty()) {
            return Optional.empty();
        }
        String sourceTable = SchemaNames.unquoted(source.table());
        String joinedTable = SchemaNames.unquoted(joined.table());
        boolean notNull = before.column(sourceTable, column.get()).map(Column::notNull).orElse(false);
        boolean foreignKey = before.table(sourceTable).map(table -> table.foreignKeys().stream().anyMatch(
                fk -> fk.references(joinedTable) && fk.columns().size() == 1
                        && SchemaNames.key(fk.columns().get(0)).equals(SchemaNames.key(column.get()))))
                .orElse(false);
        boolean primaryKey = before.table(joinedTable).map(table -> table.primaryKey().size() == 1
                && SchemaNames.key(table.primaryKey().get(0)).equals(SchemaNames.key(key.get()))).orElse(false);
        return notNull && foreignKey && primaryKey ? column : Optional.empty();
    }

    /** The column {@code written} names when it is qualified by the alias (or name) of {@code table}, else empty. */
    private static Optional<String> columnOf(TableReference table, String written) {
        int dot = written.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty(); // an unqualified column may belong to either table
        }
        String qualifier = SchemaNames.key(SchemaNames.unquoted(written.substring(0, dot)));
        String knownAs = table.alias() != null ? table.alias() : table.table();
        return qualifier.equals(SchemaNames.key(SchemaNames.unquoted(knownAs)))
                ? Optional.of(SchemaNames.unquoted(written.substring(dot + 1))) : Optional.empty();
    }
}
