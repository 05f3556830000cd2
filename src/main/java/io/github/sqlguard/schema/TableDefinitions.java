package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.analysis.SpRenameCall;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Replays the statements that create, drop and rename whole tables: {@code CREATE TABLE} (columns and
 * constraints, {@code AS SELECT}, MySQL {@code LIKE}), {@code DROP TABLE}, MySQL {@code RENAME TABLE a TO b},
 * Oracle {@code RENAME a TO b} and T-SQL {@code sp_rename}.
 */
final class TableDefinitions {

    private static final Pattern QUOTES = Pattern.compile("['\"`]");

    private TableDefinitions() {
    }

    static void create(List<Token> tokens, int from, SchemaHistory schema, boolean sqlite) {
        int i = from;
        boolean temporary = false;
        boolean global = false;
        while (i < tokens.size() && tokens.get(i).isAnyWord("OR", "REPLACE", "GLOBAL", "LOCAL", "TEMP",
                "TEMPORARY", "UNLOGGED", "PRIVATE", "VOLATILE", "TRANSIENT", "MEMORY", "CACHED")) {
            temporary |= tokens.get(i).isAnyWord("TEMP", "TEMPORARY", "VOLATILE", "PRIVATE");
            global |= tokens.get(i).isWord("GLOBAL");
            i++;
        }
        // A global temporary table outlives the session that creates it (Oracle, Db2, H2), so later migrations
        // name it; other temporary tables go with their session, which the replay ends with the script.
        boolean sessionOnly = temporary && !global;
        if (i >= tokens.size() || !tokens.get(i).isWord("TABLE")) {
            return;
        }
        i++;
        boolean ifNotExists = false;
        if (i + 2 < tokens.size() && tokens.get(i).isWord("IF") && tokens.get(i + 1).isWord("NOT")) {
            ifNotExists = true;
            i += 3;
        }
        SchemaNames.Read name = SchemaNames.name(tokens, i);
        if (name == null || ObjectNames.isHashTemporary(name.text())
                || ObjectNames.isHashTemporary(SchemaNames.key(name.text()))) {
            return;
        }
        java.util.Optional<Table> existing = schema.current(name.text());
        // A temporary table of a name the schema has hides that table from its session: not followed.
        if (ifNotExists && existing.isPresent() || sessionOnly && existing.isPresent()) {
            return;
        }
        // Only a global temporary table is known to hold its session's rows alone; a local one is read as any
        // table the script made, which it is until the script ends.
        boolean sessionRows = temporary && global;
        SchemaHistory.TableSink sink = sessionOnly ? schema::putSessionTable : schema::putLasting;
        String table = SchemaNames.unquoted(name.text());
        i = name.next();
        // H2 puts the table's comment before its columns, as its SCRIPT writes it: CREATE TABLE t COMMENT 'x' (..).
        if (i + 2 < tokens.size() && tokens.get(i).isWord("COMMENT") && tokens.get(i + 1).type() == TokenType.STRING
                && tokens.get(i + 2).isSymbol("(")) {
            i += 2;
        }
        if (i + 1 < tokens.size() && tokens.get(i).isWord("LIKE")) {
            SchemaNames.Read source = SchemaNames.name(tokens, i + 1);
            sink.put(source == null ? Table.seenFirstIn(table) : schema.current(source.text())
                    .map(known -> new Table(table, known.columns(), known.primaryKey(), List.of(), known.complete(),
                            sessionRows, known.characterSet()))
                    .orElse(Table.seenFirstIn(table)));
            if (!schema.current(table).map(Table::complete).orElse(false)) {
                schema.createdWithoutColumns(table, "created LIKE a table whose columns are not known");
            }
            return;
        }
        if (i >= tokens.size() || !tokens.get(i).isSymbol("(")) {
            Optional<List<String>> selected = i + 1 < tokens.size() && tokens.get(i).isWord("AS")
                    && tokens.get(i + 1).isWord("SELECT") ? SelectedColumns.ofQuery(tokens, i + 2) : Optional.empty();
            // SQLite gives a table made from a query no key, so its rows are numbered by the hidden rowid.
            Long rowidFrom = sqlite ? 1L : null;
            if (selected.isPresent()) {
                sink.put(new Table(table, SelectedColumnTypes.of(tokens, i + 2, SelectedColumns.listEnd(tokens, i + 2),
                        selected.get(), false, schema), List.of(), List.of(), true, sessionRows, "", rowidFrom));
                return;
            }
            Optional<Table> starCopy = StarCopyColumns.of(tokens, from - 1, table, sessionRows, schema);
            if (starCopy.isPresent()) {
                sink.put(starCopy.get().withHiddenRowidFrom(rowidFrom));
                return;
            }
            // CREATE TABLE t AS SELECT ..: the table exists, its columns are not read.
            sink.put(new Table(table, java.util.Map.of(), List.of(), List.of(), false, sessionRows));
            schema.createdWithoutColumns(table, "created by CREATE TABLE .. AS SELECT");
            return;
        }
        int end = ObjectNames.skipParentheses(tokens, i);
        Table created = new Table(table, java.util.Map.of(), List.of(), List.of(), true, sessionRows);
        for (List<Token> element : ObjectNames.splitAtCommas(tokens, i + 1, end - 1)) {
            created = element.size() > 1 && element.get(0).isWord("LIKE") ? withColumnsLike(created, element, schema)
                    : withElement(created, element);
        }
        created = withDefaultCharacterSet(created, tokens, end);
        if (sqlite) {
            created = RowidKeys.numberedInSqlite(created, tokens, end);
        }
        boolean asSelect = end < tokens.size() && tokens.subList(end, tokens.size()).stream()
                .anyMatch(token -> token.isWord("AS") || token.isWord("SELECT"));
        // The same table created again with other columns: two histories are mixed (a T-SQL batch and its
        // inner statement repeat the same definition, which is no conflict).
        if (existing.isPresent() && existing.get().complete() && !existing.get().columns().equals(created.columns())) {
            schema.mixed().createdAgain(table, existing.get(), created);
        }
        sink.put(asSelect ? new Table(table, created.columns(), List.of(), List.of(), false, sessionRows) : created);
        if (asSelect) {
            schema.createdWithoutColumns(table, "created by CREATE TABLE .. AS SELECT");
        } else if (!created.complete()) {
            schema.createdWithoutColumns(table, "created LIKE a table whose columns are not known");
        }
    }

    /**
     * MySQL: a text column written without a character set has the table's ({@code ) DEFAULT CHARSET=utf8}), so
     * that a later {@code MODIFY c text CHARACTER SET utf8} is seen to keep it rather than to change it.
     */
    private static Table withDefaultCharacterSet(Table table, List<Token> tokens, int optionsStart) {
        String characterSet = "";
        for (int i = optionsStart; i < tokens.size() && characterSet.isEmpty(); i++) {
            characterSet = characterSetAt(tokens, i);
        }
        Table result = table.withCharacterSet(characterSet);
        for (Column column : table.columns().values()) {
            Optional<SqlType> type = column.type().map(result::stored);
            if (!type.equals(column.type())) {
                result = result.withColumn(column.withType(type));
            }
        }
        return result;
    }

    /**
     * The upper-case {@code x} of {@code CHARSET [=] x} or {@code CHARACTER SET [=] x} at {@code i}, the set of the
     * collation {@code c} of {@code COLLATE [=] c} there (MySQL: {@code COLLATE utf8_bin} makes {@code utf8} the
     * table's default), or empty.
     */
    static String characterSetAt(List<Token> tokens, int i) {
        boolean collation = i < tokens.size() && tokens.get(i).isWord("COLLATE");
        int name = i < tokens.size() && (tokens.get(i).isWord("CHARSET") || collation) ? i + 1
                : i + 1 < tokens.size() && tokens.get(i).isWord("CHARACTER") && tokens.get(i + 1).isWord("SET") ? i + 2
                : -1;
        if (name > 0 && name < tokens.size() && tokens.get(name).isSymbol("=")) {
            name++;
        }
        if (name > 0 && name < tokens.size() && tokens.get(name).type() != TokenType.SYMBOL) {
            String written = QUOTES.matcher(tokens.get(name).text()).replaceAll("");
            return collation ? CollationCharacterSets.of(written) : written.toUpperCase(Locale.ROOT);
        }
        return "";
    }

    /** A column definition or a table constraint of a CREATE TABLE or ALTER TABLE .. ADD. */
    /**
     * PostgreSQL's {@code CREATE TABLE t (LIKE s [INCLUDING ..], ..)}: {@code t} gets the columns {@code s} has now,
     * in their order, besides those the list adds; when the replay does not know all of {@code s}'s columns, neither
     * does it know all of {@code t}'s.
     */
    private static Table withColumnsLike(Table table, List<Token> element, SchemaHistory schema) {
        SchemaNames.Read source = SchemaNames.name(element, 1);
        Optional<Table> known = source == null ? Optional.empty() : schema.current(source.text());
        Table result = table;
        for (Column column : known.map(t -> t.columns().values()).orElse(List.of())) {
            result = result.withColumn(column);
        }
        return known.map(Table::complete).orElse(false) ? result : new Table(result.name(), result.columns(),
                result.primaryKey(), result.foreignKeys(), false, result.sessionRows(), result.characterSet());
    }

    static Table withElement(Table table, List<Token> element) {
        if (element.isEmpty()) {
            return table;
        }
        if (ColumnDefinition.startsConstraint(element, 0)) {
            List<String> primaryKey = ColumnDefinition.primaryKey(element);
            if (primaryKey != null) {
                return table.withPrimaryKey(primaryKey);
            }
            ForeignKey foreignKey = ColumnDefinition.foreignKey(element);
            return foreignKey == null ? table : table.withForeignKey(foreignKey);
        }
        var read = ColumnDefinition.column(element, 0);
        if (read.isEmpty()) {
            return table;
        }
        Column column = read.get().column();
        Table result = table.withColumn(column.withType(column.type().map(table::stored)));
        if (read.get().primaryKey()) {
            result = result.withPrimaryKey(List.of(read.get().column().name()));
        }
        return read.get().foreignKey() == null ? result : result.withForeignKey(read.get().foreignKey());
    }

    /**
     * {@code DROP TABLE [IF EXISTS] a, b [CASCADE]}: the tables go, and so do the keys that reference them, except in
     * SQLite, whose keys keep naming the table and refer to the next one given its name, as a rebuild gives it.
     */
    static void drop(List<Token> tokens, int from, SchemaHistory schema, boolean keysStay) {
        for (String name : SchemaNames.dropped(tokens, from)) {
            schema.remove(name);
            schema.mixed().ended(name);
            // ClickHouse drops a view with DROP TABLE as well.
            schema.rowlessObjects().clear(name);
            schema.triggeredTables().clear(name);
            schema.rowHoldingTables().clear(name);
            for (Table other : schema.currentTables()) {
                if (!keysStay && referencesTable(other, name)) {
                    schema.put(other.withoutForeignKeysTo(name));
                }
            }
        }
    }

    /** {@code RENAME TABLE a TO b, c TO d} (MySQL) and {@code RENAME a TO b} (Oracle). */
    static void renameStatement(List<Token> tokens, int from, SchemaHistory schema) {
        AlterTableRenames.renameStatementPairs(tokens, from - 1).forEach((old, renamed) ->
                renameTable(old, renamed, schema));
    }

    /**
     * T-SQL's {@code sp_rename}: a column when its type says so, else the object of that name, and failing one (no
     * table of that name is known) the column the name points at, as sp_rename itself looks for them.
     */
    static void spRename(SpRenameCall call, SchemaHistory schema) {
        String old = call.oldName();
        boolean untyped = call.objectType().isEmpty();
        if (call.objectType().equals("COLUMN") || untyped && schema.current(old).isEmpty() && old.indexOf('.') > 0
                && !schema.before(Integer.MAX_VALUE).keepsNoRows(old)) {
            String table = ObjectNames.qualifier(old);
            if (!table.isEmpty()) {
                schema.current(table).ifPresent(known -> schema.put(known.withColumnRenamed(
                        ObjectNames.lastPart(old), SchemaNames.unquoted(call.newName()))));
            }
        } else if (untyped || call.objectType().equals("OBJECT")) {
            renameTable(old, call.newName(), schema);
        }
    }

    static void renameTable(String old, String renamed, SchemaHistory schema) {
        String newName = SchemaNames.unquoted(SchemaNames.key(renamed).isEmpty() ? renamed : lastPart(renamed));
        schema.current(old).ifPresent(known -> {
            schema.remove(old);
            schema.mixed().ended(old);
            schema.put(known.renamed(newName));
            if (!known.complete()) {
                schema.renamedPartlyKnown(old, newName);
            }
        });
        // ClickHouse renames a view with RENAME TABLE as well.
        schema.rowlessObjects().rename(old, newName);
        schema.triggeredTables().rename(old, newName);
        schema.rowHoldingTables().rename(old, newName);
        for (Table other : schema.currentTables()) {
            if (referencesTable(other, old)) {
                schema.put(other.withReferencesRenamed(old, newName));
            }
        }
    }

    private static boolean referencesTable(Table other, String table) {
        for (ForeignKey key : other.foreignKeys()) {
            if (key.references(table)) {
                return true;
            }
        }
        return false;
    }

    private static String lastPart(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }
}
