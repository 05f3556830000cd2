package io.github.sqlguard.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table as the replayed migrations define it at one point of the migration history.
 *
 * @param name the name as written where it was created (or last renamed)
 * @param columns its columns by {@link SchemaNames#key}, in definition order
 * @param primaryKey the primary key's column names, empty when none is known
 * @param foreignKeys its foreign keys
 * @param complete true when the scanned migrations created the table, so {@code columns} lists all of
 *     them; false when only later statements about a table created elsewhere were seen
 * @param sessionRows true for a global temporary table (Oracle, Db2, H2): its definition stays, but each session
 *     sees only the rows it put there itself, and they go when it ends, so no later statement loses rows of it
 * @param characterSet MySQL's {@code DEFAULT CHARSET=utf8} in upper case, or empty: the character set a text column
 *     gets when it names none, in its CREATE TABLE and in every later ADD, MODIFY or CHANGE
 * @param hiddenRowidFrom SQLite: the first number of the rowid a table keeps without a column of its own for it (no
 *     {@code INTEGER PRIMARY KEY}, no {@code WITHOUT ROWID}), which SQLite numbers from 1 upwards all the same; null
 *     in other databases, for other tables, and once an INSERT gave the rowid a value of its own
 */
public record Table(String name, Map<String, Column> columns, List<String> primaryKey,
        List<ForeignKey> foreignKeys, boolean complete, boolean sessionRows, String characterSet,
        Long hiddenRowidFrom) {

    public Table {
        // Shared, not copied, by the versions that keep the columns as they were.
        columns = ColumnMap.of(columns);
        primaryKey = List.copyOf(primaryKey);
        foreignKeys = List.copyOf(foreignKeys);
    }

    /** A table whose rowid, if it has one, is one of its columns or not known. */
    public Table(String name, Map<String, Column> columns, List<String> primaryKey, List<ForeignKey> foreignKeys,
            boolean complete, boolean sessionRows, String characterSet) {
        this(name, columns, primaryKey, foreignKeys, complete, sessionRows, characterSet, null);
    }

    /** A table without a default character set of its own. */
    public Table(String name, Map<String, Column> columns, List<String> primaryKey, List<ForeignKey> foreignKeys,
            boolean complete, boolean sessionRows) {
        this(name, columns, primaryKey, foreignKeys, complete, sessionRows, "");
    }

    /** A table whose rows outlive the session that wrote them. */
    public Table(String name, Map<String, Column> columns, List<String> primaryKey, List<ForeignKey> foreignKeys,
            boolean complete) {
        this(name, columns, primaryKey, foreignKeys, complete, false, "");
    }

    /** An empty, incomplete table: what is known of a table first seen in an ALTER. */
    static Table seenFirstIn(String name) {
        return new Table(name, Map.of(), List.of(), List.of(), false);
    }

    /** The column called {@code column}, when the replay knows it. */
    public Optional<Column> column(String column) {
        return Optional.ofNullable(columns.get(SchemaNames.key(column)));
    }

    /**
     * True when {@code constraint} names one of this table's foreign keys: by the name it was created with, or, for
     * one created without a name, by the name PostgreSQL gives it ({@code orders_customer_id_fkey}).
     */
    public boolean hasForeignKeyNamed(String constraint) {
        String key = SchemaNames.key(constraint);
        for (ForeignKey foreignKey : foreignKeys) {
            String named = !foreignKey.name().isEmpty() ? foreignKey.name() : SchemaNames.key(name) + "_"
                    + String.join("_", foreignKey.columns().stream().map(SchemaNames::key).toList()) + "_fkey";
            if (SchemaNames.key(named).equals(key)) {
                return true;
            }
        }
        return false;
    }

    Table withColumn(Column column) {
        Map<String, Column> changed = new LinkedHashMap<>(columns);
        changed.put(SchemaNames.key(column.name()), column);
        return new Table(name, changed, primaryKey, foreignKeys, complete, sessionRows, characterSet, hiddenRowidFrom);
    }

    Table withoutColumn(String column) {
        Map<String, Column> changed = new LinkedHashMap<>(columns);
        changed.remove(SchemaNames.key(column));
        List<ForeignKey> keys = foreignKeys.stream().filter(key -> key.columns().stream()
                .noneMatch(c -> SchemaNames.key(c).equals(SchemaNames.key(column)))).toList();
        return new Table(name, changed, primaryKey, keys, complete, sessionRows, characterSet, hiddenRowidFrom);
    }

    Table withColumnRenamed(String from, String to) {
        Map<String, Column> changed = new LinkedHashMap<>();
        String fromKey = SchemaNames.key(from);
        columns.forEach((key, column) -> {
            if (key.equals(fromKey)) {
                changed.put(SchemaNames.key(to), column.renamed(to));
            } else {
                changed.put(key, column);
            }
        });
        // The key and the foreign keys go on naming the column under its new name
        List<String> key = primaryKey.stream().map(column -> SchemaNames.key(column).equals(fromKey) ? to : column)
                .toList();
        List<ForeignKey> keys = foreignKeys.stream().map(foreignKey -> foreignKey.columns().stream()
                .noneMatch(column -> SchemaNames.key(column).equals(fromKey)) ? foreignKey
                        : new ForeignKey(foreignKey.name(), foreignKey.columns().stream().map(column ->
                                SchemaNames.key(column).equals(fromKey) ? to : column).toList(),
                                foreignKey.referencedTable(), foreignKey.onDelete(), foreignKey.onUpdate(),
                                foreignKey.referencedColumns())).toList();
        return new Table(name, changed, key, keys, complete, sessionRows, characterSet, hiddenRowidFrom);
    }

    Table withPrimaryKey(List<String> key) {
        Table result = new Table(name, columns, key, foreignKeys, complete, sessionRows, characterSet, hiddenRowidFrom);
        for (String column : key) {
            Column known = result.columns.get(SchemaNames.key(column));
            if (known != null) {
                result = result.withColumn(known.withNotNull(true));
            }
        }
        return result;
    }

    Table withForeignKey(ForeignKey key) {
        List<ForeignKey> keys = new ArrayList<>(foreignKeys);
        keys.add(key);
        return new Table(name, columns, primaryKey, keys, complete, sessionRows, characterSet, hiddenRowidFrom);
    }

    /** Without the named constraint; false-named keys stay. */
    Table withoutConstraint(String constraint) {
        List<ForeignKey> keys = foreignKeys.stream()
                .filter(key -> !SchemaNames.key(key.name()).equals(SchemaNames.key(constraint))).toList();
        return new Table(name, columns, primaryKey, keys, complete, sessionRows, characterSet, hiddenRowidFrom);
    }

    Table withoutForeignKeysTo(String table) {
        return new Table(name, columns, primaryKey,
                foreignKeys.stream().filter(key -> !key.references(table)).toList(), complete, sessionRows,
                characterSet, hiddenRowidFrom);
    }

    Table withReferencesRenamed(String from, String to) {
        return new Table(name, columns, primaryKey,
                foreignKeys.stream().map(key -> key.references(from) ? key.referencing(to) : key).toList(), complete,
                sessionRows, characterSet, hiddenRowidFrom);
    }

    Table withCharacterSet(String defaultCharacterSet) {
        return new Table(name, columns, primaryKey, foreignKeys, complete, sessionRows, defaultCharacterSet,
                hiddenRowidFrom);
    }

    /** After MySQL's {@code CONVERT TO CHARACTER SET cs}: every text column and the default are {@code cs}. */
    Table convertedTo(String newCharacterSet) {
        Table result = withCharacterSet(newCharacterSet);
        for (Column column : columns.values()) {
            Optional<SqlType> type = column.type().filter(known -> TypeFamily.of(known) == TypeFamily.TEXT)
                    .map(known -> new SqlType(known.written(), known.base(), known.arguments(), known.unsigned(),
                            known.withTimeZone(), known.characterUnits(), newCharacterSet));
            if (type.isPresent()) {
                result = result.withColumn(column.withType(type));
            }
        }
        return result;
    }

    /**
     * True when the replay knows every column of this table and each text, ENUM or SET column already holds MySQL's
     * character set {@code name} (utf8 being utf8mb3): {@code CONVERT TO CHARACTER SET name} then changes no value.
     */
    public boolean holdsTextIn(String name) {
        String wanted = characterSetKey(name);
        return complete && columns.values().stream().allMatch(column -> column.type().isPresent()
                && (!holdsCharacters(column.type().get())
                        || wanted.equals(characterSetKey(column.type().get().characterSet()))));
    }

    private static boolean holdsCharacters(SqlType type) {
        return TypeFamily.of(type) == TypeFamily.TEXT || type.base().equals("ENUM") || type.base().equals("SET");
    }

    private static String characterSetKey(String name) {
        String key = name.replace("`", "").replace("'", "").replace("\"", "").toUpperCase(java.util.Locale.ROOT);
        return key.equals("UTF8MB3") ? "UTF8" : key;
    }

    /** {@code type} as MySQL stores it here: a text type that names no character set has the table's. */
    SqlType stored(SqlType type) {
        if (characterSet.isEmpty() || !type.characterSet().isEmpty() || TypeFamily.of(type) != TypeFamily.TEXT) {
            return type;
        }
        return new SqlType(type.written(), type.base(), type.arguments(), type.unsigned(), type.withTimeZone(),
                type.characterUnits(), characterSet);
    }

    /** The same table with its hidden rowid numbered from {@code first} upwards, or, with null, not known to be. */
    Table withHiddenRowidFrom(Long first) {
        return new Table(name, columns, primaryKey, foreignKeys, complete, sessionRows, characterSet, first);
    }

    Table renamed(String newName) {
        return new Table(newName, columns, primaryKey, foreignKeys, complete, sessionRows, characterSet,
                hiddenRowidFrom);
    }
}
