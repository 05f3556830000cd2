package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ModifyWithNewName;
import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.analysis.UnlistedClauses;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TopLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replays {@code ALTER TABLE} clauses in each dialect's spelling: ADD column or constraint (T-SQL
 * {@code ADD a INT, b INT}, Oracle {@code ADD (..)}), DROP COLUMN / CONSTRAINT / PRIMARY KEY / FOREIGN KEY (Oracle's
 * {@code SET UNUSED} too, after which no statement can name the column),
 * PostgreSQL {@code ALTER [COLUMN] c [SET DATA] TYPE t} and {@code SET/DROP NOT NULL}, T-SQL and H2
 * {@code ALTER COLUMN c type [NOT] NULL}, MySQL {@code MODIFY} and {@code CHANGE} (a full redefinition),
 * Oracle {@code MODIFY c ..} and {@code MODIFY (..)} (only what is written changes), and the renames of
 * table and columns. A clause that changes a column in a way not read here forgets the column's type, so a
 * later change is not judged against a stale one.
 */
final class TableAlterations {

    private TableAlterations() {
    }

    static void alter(List<Token> tokens, int from, Dialect dialect, SchemaHistory schema) {
        schema.alteredIn(dialect);
        int i = from;
        while (i < tokens.size() && tokens.get(i).isAnyWord("IF", "EXISTS", "ONLY", "ONLINE", "IGNORE")) {
            i++;
        }
        SchemaNames.Read name = SchemaNames.name(tokens, i);
        if (name == null || ObjectNames.isHashTemporary(SchemaNames.key(name.text()))) {
            return;
        }
        if (schema.current(name.text()).isEmpty() && schema.before(Integer.MAX_VALUE).keepsNoRows(name.text())) {
            // PostgreSQL and MariaDB alter a sequence or a view with ALTER TABLE too: it has no columns to replay.
            SequenceDefinitions.renamedTo(tokens, ObjectNames.afterLockWait(tokens, name.next()))
                    .ifPresent(renamed -> schema.rowlessObjects().rename(name.text(), renamed));
            return;
        }
        Table table = schema.current(name.text()).orElse(Table.seenFirstIn(SchemaNames.unquoted(name.text())));
        String verb = "";
        int clauses = ObjectNames.afterLockWait(tokens, name.next());
        // T-SQL: ALTER TABLE t WITH CHECK ADD CONSTRAINT ..
        if (clauses + 1 < tokens.size() && tokens.get(clauses).isWord("WITH")
                && tokens.get(clauses + 1).isAnyWord("CHECK", "NOCHECK")) {
            clauses += 2;
        }
        UniqueKeys.altered(name.text(), UnlistedClauses.of(tokens, clauses, tokens.size()), schema, schema.position());
        for (List<Token> clause : UnlistedClauses.of(tokens, clauses, tokens.size())) {
            // MySQL: DEFAULT CHARSET = cs sets what later columns get; CONVERT TO CHARACTER SET cs also recodes
            // every text column (the rule judges that loss; the replay keeps the columns' sets current).
            boolean converts = clause.size() > 1 && clause.get(0).isWord("CONVERT") && clause.get(1).isWord("TO");
            int option = converts ? 2 : clause.get(0).isWord("DEFAULT") ? 1 : 0;
            String characterSet = TableDefinitions.characterSetAt(clause, option);
            if (!characterSet.isEmpty()) {
                table = converts ? table.convertedTo(characterSet) : table.withCharacterSet(characterSet);
                verb = "";
                continue;
            }
            if (isTableOption(clause)) {
                verb = "";
                continue;
            }
            if (DestroyedTables.setsUnused(clause)) {
                verb = "DROP";
                clause = clause.subList(2, clause.size());
            } else if (clause.get(0).isAnyWord("ADD", "DROP", "ALTER", "MODIFY", "CHANGE", "RENAME")) {
                verb = clause.get(0).upper();
                clause = clause.subList(1, clause.size());
            } else if (!verb.equals("ADD") && !verb.equals("DROP")) {
                verb = "";
            }
            if (verb.equals("RENAME") && renamesTable(clause)) {
                schema.put(table);
                int at = clause.get(0).isAnyWord("TO", "AS") ? 1 : 0;
                TableDefinitions.renameTable(table.name(), SchemaNames.name(clause, at).text(), schema);
                table = schema.current(SchemaNames.name(clause, at).text()).orElse(table);
                continue;
            }
            table = applied(table, verb, clause, dialect, schema);
        }
        schema.put(table);
    }

    /**
     * True for a clause that sets an option of the statement or table rather than naming a column, so it ends
     * an {@code ADD a INT, b INT} list: MySQL {@code ALGORITHM=INPLACE}, {@code LOCK NONE},
     * {@code ENGINE=InnoDB} after {@code ADD COLUMN c INT,}.
     */
    static boolean isTableOption(List<Token> clause) {
        if (clause.size() >= 2 && clause.get(0).type() == io.github.sqlguard.sql.TokenType.WORD
                && clause.get(1).isSymbol("=")) {
            return true;
        }
        return clause.size() == 2 && (clause.get(0).isWord("ALGORITHM")
                && clause.get(1).isAnyWord("DEFAULT", "INSTANT", "INPLACE", "COPY", "NOCOPY")
                || clause.get(0).isWord("LOCK") && clause.get(1).isAnyWord("DEFAULT", "NONE", "SHARED", "EXCLUSIVE"));
    }

    private static boolean renamesTable(List<Token> clause) {
        if (clause.isEmpty() || clause.get(0).isAnyWord("COLUMN", "CONSTRAINT", "INDEX", "KEY")) {
            return false;
        }
        int at = clause.get(0).isAnyWord("TO", "AS") ? 1 : 0;
        SchemaNames.Read name = SchemaNames.name(clause, at);
        return name != null && name.next() == clause.size() && (at == 1 || clause.size() == 1);
    }

    private static Table applied(Table table, String verb, List<Token> clause, Dialect dialect,
            SchemaHistory schema) {
        if (clause.isEmpty()) {
            return table;
        }
        Table result = switch (verb) {
            case "ADD" -> added(table, clause, schema);
            case "DROP" -> dropped(table, clause);
            case "ALTER" -> alteredColumn(table, clause, schema);
            case "MODIFY" -> modified(table, clause, dialect, schema);
            case "CHANGE" -> changed(table, clause, schema);
            case "RENAME" -> renamedColumn(table, clause, schema);
            default -> table;
        };
        if (verb.equals("DROP") || verb.equals("CHANGE")) {
            // a column dropped, or renamed away by CHANGE (which states the new name's type), takes its type along
            table.columns().values().stream().filter(column -> result.column(column.name()).isEmpty())
                    .forEach(column -> schema.mixed().typeUnstated(table.name(), column.name()));
        }
        return result;
    }

    private static Table added(Table table, List<Token> clause, SchemaHistory schema) {
        int i = skipWords(clause, 0, "COLUMN");
        // Oracle's ADD (..), and MySQL's ADD [COLUMN] (..), which may name the keyword before the list
        if (i < clause.size() && clause.get(i).isSymbol("(")) {
            Table result = table;
            int end = ObjectNames.skipParentheses(clause, i);
            for (List<Token> element : ObjectNames.splitAtCommas(clause, i + 1, end - 1)) {
                result = TableDefinitions.withElement(result, element);
            }
            return withTypesStated(table, result, schema);
        }
        if (clause.size() > i + 3 && clause.get(i).isWord("IF")) {
            // ADD COLUMN IF NOT EXISTS c leaves an older c as it was; where the replay does not know every
            // column of the table, c may be such an older column of a type the replay cannot know.
            SchemaNames.Read name = SchemaNames.name(clause, i + 3);
            if (name != null && table.column(name.text()).isEmpty() && !table.complete()) {
                schema.addedIfMissing(table.name(), name.text());
            }
            if (name == null || table.column(name.text()).isPresent() || !table.complete()) {
                return table;
            }
            return TableDefinitions.withElement(table, clause.subList(i + 3, clause.size()));
        }
        return withTypesStated(table,
                TableDefinitions.withElement(table, clause.subList(Math.min(i, clause.size()), clause.size())), schema);
    }

    /** {@code after}, noting the type of each column it has and {@code before} had not as stated by this ADD. */
    private static Table withTypesStated(Table before, Table after, SchemaHistory schema) {
        after.columns().values().stream()
                .filter(column -> column.type().isPresent() && before.column(column.name()).isEmpty())
                .forEach(column -> schema.mixed().typeStated(after.name(), column.name()));
        return after;
    }

    private static Table dropped(Table table, List<Token> clause) {
        Token first = clause.get(0);
        if (first.isWord("CONSTRAINT") || first.isWord("FOREIGN")) {
            int i = skipWords(clause, 1, "KEY", "IF", "EXISTS");
            SchemaNames.Read name = SchemaNames.name(clause, i);
            return name == null ? table : table.withoutConstraint(name.text());
        }
        if (first.isWord("PRIMARY")) {
            return table.withPrimaryKey(List.of());
        }
        if (first.isAnyWord("INDEX", "KEY", "CHECK", "UNIQUE", "PARTITION", "SUBPARTITION", "DEFAULT", "PERIOD",
                "SYSTEM", "NOT", "IDENTITY", "EXPRESSION")) {
            return table;
        }
        int i = skipWords(clause, 0, "COLUMN", "IF", "EXISTS");
        // Oracle: DROP (a, b)
        if (i < clause.size() && clause.get(i).isSymbol("(")) {
            Table result = table;
            for (String column : SchemaNames.parenthesisedNames(clause, i)) {
                result = result.withoutColumn(column);
            }
            return result;
        }
        SchemaNames.Read name = SchemaNames.name(clause, i);
        return name == null ? table : table.withoutColumn(name.text());
    }

    /** PostgreSQL, T-SQL and H2: {@code ALTER [COLUMN] c ..}. */
    private static Table alteredColumn(Table table, List<Token> clause, SchemaHistory schema) {
        // H2 and MariaDB: ALTER COLUMN [IF EXISTS] c ..
        int i = skipWords(clause, 0, "COLUMN", "IF", "EXISTS");
        // After the word COLUMN, ALTER COLUMN key .. names a column called key.
        if (i < clause.size() && !clause.get(0).isWord("COLUMN") && clause.get(i).isAnyWord("CONSTRAINT", "INDEX",
                "CHECK", "PARTITION", "PRIMARY", "UNIQUE", "FOREIGN", "KEY", "DISTKEY", "SORTKEY")) {
            return table;
        }
        SchemaNames.Read name = SchemaNames.name(clause, i);
        if (name == null || name.next() >= clause.size()) {
            return table;
        }
        Column column = table.column(name.text())
                .orElse(new Column(SchemaNames.unquoted(name.text()), Optional.empty(), false));
        List<Token> rest = clause.subList(name.next(), clause.size());
        Token next = rest.get(0);
        if (next.isWord("SET") && rest.size() > 1 && rest.get(1).isWord("NOT")) {
            return table.withColumn(column.withNotNull(true));
        }
        if (next.isWord("DROP") && rest.size() > 1 && rest.get(1).isWord("NOT")
                || next.isWord("SET") && rest.size() > 1 && rest.get(1).isWord("NULL")) {
            Column relaxed = column.madeNullable(table.column(name.text()).isPresent());
            schema.noteFilledForRun(relaxed);
            return table.withColumn(relaxed);
        }
        if (next.isWord("RENAME") && rest.size() > 2 && rest.get(1).isWord("TO")) {
            return table.withColumnRenamed(name.text(), SchemaNames.unquoted(rest.get(2).text()));
        }
        // Firebird: ALTER [COLUMN] c TO d renames the column, ALTER [COLUMN] c POSITION n only moves it.
        if (next.isWord("TO") && rest.size() == 2) {
            return table.withColumnRenamed(name.text(), SchemaNames.unquoted(rest.get(1).text()));
        }
        if (next.isWord("POSITION")) {
            return table;
        }
        int typeAt = next.isWord("TYPE") ? 1
                : next.isWord("SET") && rest.size() > 2 && rest.get(1).isWord("DATA") ? 3 : -1;
        if (typeAt > 0) {
            Optional<SqlType> type = typeOf(rest, typeAt);
            int using = TopLevel.wordIndex(rest, typeAt, "USING");
            List<Token> cast = using < 0 ? List.of() : rest.subList(using + 1, rest.size());
            schema.retyped(table.name(), name.text(), column.type(), type,
                    schema.enums().retype(column.type(), type, cast, name.text()),
                    ColumnRetype.Generation.of(column.computed(), false, false));
            return table.withColumn(column.withType(type));
        }
        if (next.isWord("DROP") && rest.size() > 1 && rest.get(1).isWord("EXPRESSION")) {
            // PostgreSQL: the generated column keeps its values and from now on holds them as its own.
            return table.withColumn(column.withComputed(false));
        }
        if (next.isWord("DROP") && rest.size() > 1 && rest.get(1).isAnyWord("IDENTITY", "DEFAULT")) {
            // The numbers given so far stay, but new rows may now bring any value.
            return table.withColumn(column.withNumberedFrom(null));
        }
        int identity = next.isWord("ADD") ? TopLevel.wordIndex(rest, 1, "IDENTITY") : -1;
        if (identity > 0) {
            // PostgreSQL: ADD GENERATED .. AS IDENTITY numbers the rows added from now on.
            return table.withColumn(column.withNumberedFrom(IdentityNumbering.firstNumber(rest, identity + 1)));
        }
        if (next.isAnyWord("SET", "DROP", "ADD", "RESET", "RESTART", "OPTIONS")) {
            return table;
        }
        // T-SQL and H2: ALTER COLUMN c type [NULL | NOT NULL] restates the whole column.
        return redefined(table, column, name.text(), clause.subList(i, clause.size()), true, schema);
    }

    /** MySQL {@code MODIFY [COLUMN] c def} (full definition); Oracle {@code MODIFY c ..} / {@code MODIFY (..)}. */
    private static Table modified(Table table, List<Token> clause, Dialect dialect, SchemaHistory schema) {
        if (clause.get(0).isSymbol("(")) {
            Table result = table;
            int end = ObjectNames.skipParentheses(clause, 0);
            for (List<Token> element : ObjectNames.splitAtCommas(clause, 1, end - 1)) {
                result = modifiedColumn(result, element, false, schema);
            }
            return result;
        }
        if (clause.get(0).isAnyWord("CONSTRAINT", "PARTITION", "SUBPARTITION", "DEFAULT", "LOB", "PRIMARY",
                "UNIQUE", "NESTED", "VARRAY")) {
            return table;
        }
        if (ModifyWithNewName.newNameAt(clause) >= 0) {
            return changed(table, clause, schema); // MODIFY old new type: CHANGE's shape, and its meaning
        }
        // MariaDB: MODIFY [COLUMN] IF EXISTS c ..
        int i = skipWords(clause, 0, "COLUMN", "IF", "EXISTS");
        SchemaNames.Read name = SchemaNames.name(clause, i);
        if (name != null && name.next() + 1 < clause.size() && (clause.get(name.next()).isWord("TYPE")
                || clause.get(name.next()).isWord("SET") && clause.get(name.next() + 1).isWord("DATA"))) {
            return alteredColumn(table, clause, schema); // Snowflake: MODIFY c [SET DATA] TYPE t, as ALTER COLUMN
        }
        return modifiedColumn(table, clause.subList(i, clause.size()), dialect.isMySqlFamily(), schema);
    }

    private static Table modifiedColumn(Table table, List<Token> element, boolean fullDefinition,
            SchemaHistory schema) {
        SchemaNames.Read name = SchemaNames.name(element, 0);
        if (name == null) {
            return table;
        }
        Column column = table.column(name.text())
                .orElse(new Column(SchemaNames.unquoted(name.text()), Optional.empty(), false));
        return redefined(table, column, name.text(), element, fullDefinition, schema);
    }

    /** MySQL {@code CHANGE [COLUMN] old new def}: a rename and a full redefinition. */
    private static Table changed(Table table, List<Token> clause, SchemaHistory schema) {
        int i = skipWords(clause, 0, "COLUMN", "IF", "EXISTS");
        SchemaNames.Read old = SchemaNames.name(clause, i);
        if (old == null) {
            return table;
        }
        SchemaNames.Read renamed = SchemaNames.name(clause, old.next());
        if (renamed == null) {
            return table;
        }
        Optional<SqlType> oldType = table.column(old.text()).flatMap(Column::type);
        Table result = table.withColumnRenamed(old.text(), SchemaNames.unquoted(renamed.text()));
        Column column = result.column(renamed.text())
                .orElse(new Column(SchemaNames.unquoted(renamed.text()), Optional.empty(), false));
        column = column.withType(oldType);
        return redefined(result, column, old.text(), clause.subList(old.next(), clause.size()), true, schema);
    }

    private static Table renamedColumn(Table table, List<Token> clause, SchemaHistory schema) {
        int i = skipWords(clause, 0, "COLUMN");
        if (i < clause.size() && clause.get(i).isAnyWord("CONSTRAINT", "INDEX", "KEY")) {
            return table;
        }
        SchemaNames.Read old = SchemaNames.name(clause, i);
        if (old == null || old.next() + 1 >= clause.size() || !clause.get(old.next()).isWord("TO")) {
            return table;
        }
        String renamed = SchemaNames.unquoted(clause.get(old.next() + 1).text());
        schema.mixed().typeRenamed(table.name(), SchemaNames.unquoted(old.text()), renamed);
        return table.withColumnRenamed(old.text(), renamed);
    }

    /**
     * The column as {@code definition} (name first) states it. A full definition (MySQL MODIFY/CHANGE, T-SQL
     * ALTER COLUMN) makes a column without NOT NULL nullable; a partial one (Oracle) keeps what it omits.
     */
    private static Table redefined(Table table, Column column, String writtenName, List<Token> definition,
            boolean fullDefinition, SchemaHistory schema) {
        var read = ColumnDefinition.column(definition, 0);
        if (read.isEmpty()) {
            return table.withColumn(column.withType(Optional.empty()));
        }
        Column result = column;
        // MySQL: a full definition without a character set takes the table's default, not the column's old one.
        Optional<SqlType> type = fullDefinition ? read.get().column().type().map(table::stored)
                : read.get().column().type();
        if (type.isPresent()) {
            schema.retyped(table.name(), writtenName, column.type(), type, Optional.empty(),
                    ColumnRetype.Generation.of(column.computed(), read.get().column().computed(), fullDefinition));
            result = result.withType(type);
        }
        if (fullDefinition || read.get().column().computed()) {
            result = result.withComputed(read.get().column().computed());
        }
        if (fullDefinition || read.get().column().numberedFrom() != null) {
            result = result.withNumberedFrom(read.get().column().numberedFrom());
        }
        Boolean nullability = read.get().nullability();
        if (nullability == null && fullDefinition && read.get().column().type().isPresent()) {
            nullability = read.get().primaryKey();
        }
        if (Boolean.FALSE.equals(nullability)) {
            result = result.madeNullable(table.column(column.name()).isPresent());
            schema.noteFilledForRun(result);
        } else if (nullability != null) {
            result = result.withNotNull(true);
        }
        return table.withColumn(result);
    }

    private static Optional<SqlType> typeOf(List<Token> tokens, int from) {
        List<Token> type = new ArrayList<>();
        for (int i = from; i < tokens.size(); i++) {
            if (tokens.get(i).isAnyWord("USING", "COLLATE", "NOT", "NULL", "DEFAULT", "CONSTRAINT")) {
                break;
            }
            type.add(tokens.get(i));
        }
        return type.isEmpty() ? Optional.empty() : Optional.of(SqlType.parse(SchemaNames.text(type)));
    }

    private static int skipWords(List<Token> tokens, int from, String... words) {
        int i = from;
        while (i < tokens.size() && tokens.get(i).isAnyWord(words)) {
            i++;
        }
        return i;
    }
}
