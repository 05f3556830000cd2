package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    /** Words that may follow the join's condition: what the copy reads after it, for the usual copy readers. */
    private static final Set<String> AFTER_CONDITION = Set.of("WHERE", "ORDER", "GROUP", "LIMIT", "JOIN", "INNER",
            "LEFT", "RIGHT", "FULL", "CROSS", "NATURAL", "STRAIGHT_JOIN", "UNION");
    /** Words that end a table reference rather than give it an alias. */
    private static final Set<String> NOT_ALIASES = Set.of("JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS",
            "NATURAL", "STRAIGHT_JOIN", "ON", "USING", "WHERE", "AS", "OUTER");

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
        int from = -1;
        int depth = 0;
        for (int i = main + 1; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth > 1) {
                continue;
            }
            if (token.isWord("FROM")) {
                from = i;
            } else if (token.isWord("WHERE")) {
                return Optional.empty();
            } else if (from >= 0 && token.isAnyWord("JOIN", "INNER")) {
                return followed(tokens, from, i, before);
            }
        }
        return Optional.empty();
    }

    private static Optional<Followed> followed(List<Token> tokens, int from, int joinStart, SchemaView before) {
        Reference source = Reference.at(tokens, from + 1);
        int joinWord = tokens.get(joinStart).isWord("INNER") ? joinStart + 1 : joinStart;
        if (source == null || source.next() != joinStart || joinWord >= tokens.size()
                || !tokens.get(joinWord).isWord("JOIN")) {
            return Optional.empty(); // a comma join or more tables before this one
        }
        Reference joined = Reference.at(tokens, joinWord + 1);
        if (joined == null || joined.next() >= tokens.size() || !tokens.get(joined.next()).isWord("ON")) {
            return Optional.empty();
        }
        SchemaNames.Read left = SchemaNames.name(tokens, joined.next() + 1);
        if (left == null || left.next() >= tokens.size() || !tokens.get(left.next()).isSymbol("=")) {
            return Optional.empty();
        }
        SchemaNames.Read right = SchemaNames.name(tokens, left.next() + 1);
        if (right == null || !endsCondition(tokens, right.next())) {
            return Optional.empty();
        }
        Optional<String> column = keyColumn(source, joined, left.text(), right.text(), before)
                .or(() -> keyColumn(source, joined, right.text(), left.text(), before));
        return column.map(c -> {
            List<Token> without = new ArrayList<>(tokens.subList(0, joinStart));
            without.addAll(tokens.subList(right.next(), tokens.size()));
            return new Followed(without, joined.table(), c);
        });
    }

    private static boolean endsCondition(List<Token> tokens, int at) {
        return at >= tokens.size() || tokens.get(at).isSymbol(";") || tokens.get(at).isSymbol(")")
                || tokens.get(at).type() == TokenType.WORD && AFTER_CONDITION.contains(tokens.get(at).upper());
    }

    /**
     * The column of the source that {@code sourceSide} names, when it is NOT NULL, a foreign key to the joined
     * table, and {@code joinedSide} names the joined table's whole primary key.
     */
    private static Optional<String> keyColumn(Reference source, Reference joined, String sourceSide,
            String joinedSide, SchemaView before) {
        Optional<String> column = source.column(sourceSide);
        Optional<String> key = joined.column(joinedSide);
        if (column.isEmpty() || key.isEmpty()) {
            return Optional.empty();
        }
        boolean notNull = before.column(source.table(), column.get()).map(Column::notNull).orElse(false);
        boolean foreignKey = before.table(source.table()).map(table -> table.foreignKeys().stream().anyMatch(
                fk -> fk.references(joined.table()) && fk.columns().size() == 1
                        && SchemaNames.key(fk.columns().get(0)).equals(SchemaNames.key(column.get()))))
                .orElse(false);
        boolean primaryKey = before.table(joined.table()).map(table -> table.primaryKey().size() == 1
                && SchemaNames.key(table.primaryKey().get(0)).equals(SchemaNames.key(key.get()))).orElse(false);
        return notNull && foreignKey && primaryKey ? column : Optional.empty();
    }

    /** A table named in the FROM clause, with its alias, and the index after them. */
    private record Reference(String table, String alias, int next) {

        static Reference at(List<Token> tokens, int index) {
            SchemaNames.Read name = SchemaNames.name(tokens, index);
            if (name == null) {
                return null;
            }
            int i = name.next();
            if (i < tokens.size() && tokens.get(i).isWord("AS")) {
                i++;
            }
            String alias = null;
            if (i < tokens.size() && SchemaNames.isNamePart(tokens.get(i))
                    && !(tokens.get(i).type() == TokenType.WORD && NOT_ALIASES.contains(tokens.get(i).upper()))) {
                alias = SchemaNames.unquoted(tokens.get(i).text());
                i++;
            }
            return new Reference(SchemaNames.unquoted(name.text()), alias, i);
        }

        /** The column {@code written} names when it is qualified by this table's alias (or name), else empty. */
        Optional<String> column(String written) {
            int dot = written.lastIndexOf('.');
            if (dot < 0) {
                return Optional.empty(); // an unqualified column may belong to either table
            }
            String qualifier = SchemaNames.key(SchemaNames.unquoted(written.substring(0, dot)));
            boolean ours = alias != null ? qualifier.equals(SchemaNames.key(alias))
                    : qualifier.equals(SchemaNames.key(table));
            return ours ? Optional.of(SchemaNames.unquoted(written.substring(dot + 1))) : Optional.empty();
        }
    }
}
