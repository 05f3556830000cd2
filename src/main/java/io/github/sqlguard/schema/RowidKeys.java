package io.github.sqlguard.schema;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Token;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The names a row's key goes by besides its own. SQLite's {@code rowid}, {@code _rowid_} and {@code oid} name a
 * table's {@code INTEGER PRIMARY KEY} column, which SQLite numbers from 1 upwards like any rowid whether or not it says
 * {@code AUTOINCREMENT}, and in a table without one the rowid SQLite keeps hidden beside the columns, numbered the
 * same way; MySQL's {@code _rowid} names a primary key made of one integer column.
 */
final class RowidKeys {

    private static final Set<String> SQLITE_NAMES = Set.of("ROWID", "_ROWID_", "OID");

    private RowidKeys() {
    }

    /**
     * {@code created} with its {@code INTEGER PRIMARY KEY}, or else its hidden rowid, numbered from 1, in SQLite,
     * unless the table options from {@code optionsStart} on say {@code WITHOUT ROWID}: the key is then an ordinary
     * one, and there is no rowid.
     */
    static Table numberedInSqlite(Table created, List<Token> tokens, int optionsStart) {
        for (int i = optionsStart; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isWord("WITHOUT") && tokens.get(i + 1).isWord("ROWID")) {
                return created;
            }
        }
        Optional<Column> alias = singleKeyColumn(created).filter(RowidKeys::rowidAlias);
        if (alias.isEmpty()) {
            return created.withHiddenRowidFrom(1L);
        }
        return alias.get().numberedFrom() == null ? created.withColumn(alias.get().withNumberedFrom(1L)) : created;
    }

    /**
     * The key column {@code name} stands for in {@code table}: itself when the table has a column of that name,
     * otherwise the key its rowid name stands for in {@code dialect}.
     */
    static Optional<Column> column(Table table, String name, Dialect dialect) {
        Optional<Column> own = table.column(name);
        if (own.isPresent()) {
            return own;
        }
        String upper = name.toUpperCase(Locale.ROOT);
        if (dialect == Dialect.SQLITE && SQLITE_NAMES.contains(upper)) {
            return singleKeyColumn(table).filter(RowidKeys::rowidAlias).or(() -> hiddenRowid(table, name));
        }
        if ((dialect == Dialect.MYSQL || dialect == Dialect.MARIADB) && upper.equals("_ROWID")) {
            return singleKeyColumn(table).filter(key -> key.type().map(TypeFamily::of).orElse(null) == TypeFamily.INTEGER);
        }
        return Optional.empty();
    }

    /**
     * True when {@code name} is one of SQLite's names for the rowid and {@code table} has no column of that name: a
     * column called {@code oid} hides the rowid's name, so {@code oid} then means the column.
     */
    static boolean namesRowid(Table table, String name, Dialect dialect) {
        return dialect == Dialect.SQLITE && SQLITE_NAMES.contains(name.toUpperCase(Locale.ROOT))
                && table.column(name).isEmpty();
    }

    /** The rowid of a SQLite table without a column of its own for it, as a column called {@code name}. */
    private static Optional<Column> hiddenRowid(Table table, String name) {
        return Optional.ofNullable(table.hiddenRowidFrom()).map(first -> new Column(name,
                Optional.of(SqlType.parse("INTEGER")), true, false, false, false, first));
    }

    /** SQLite makes a key column the rowid only when its type is written INTEGER, not INT or BIGINT. */
    private static boolean rowidAlias(Column key) {
        return key.type().map(type -> type.written().trim().equalsIgnoreCase("INTEGER")).orElse(false);
    }

    private static Optional<Column> singleKeyColumn(Table table) {
        return table.primaryKey().size() == 1 ? table.column(table.primaryKey().get(0)) : Optional.empty();
    }
}
