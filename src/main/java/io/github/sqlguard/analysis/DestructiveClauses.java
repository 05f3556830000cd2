package io.github.sqlguard.analysis;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StandIns;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads what a statement destroys from its tokens, in every dialect's spelling: TRUNCATE, DROP of tables,
 * schemas, databases and clusters, the clauses of ALTER TABLE (dropped columns and partitions, renames, type
 * changes), MySQL and Oracle RENAME, T-SQL sp_rename, MariaDB {@code CREATE OR REPLACE TABLE}, and every
 * {@code CASCADE}. Each clause is located where it is written. Tokens are read the same way whether
 * JSqlParser understands the statement or not (it rejects {@code DROP DATABASE d}, {@code DROP TABLE t PURGE}
 * and many ALTER forms), so these facts never depend on the parser.
 */
final class DestructiveClauses {

    private final Statement statement;
    private final List<DestructiveClause> found = new ArrayList<>();
    private final List<String> created = new ArrayList<>();

    private DestructiveClauses(Statement statement) {
        this.statement = statement;
    }

    /** Reads the destructive clauses and created tables of {@code statement}; none for a container. */
    static DestructiveClauses of(Statement statement) {
        DestructiveClauses reader = new DestructiveClauses(statement);
        List<Token> core = StatementCore.tokensOf(statement);
        // T-SQL statements without a terminator were already cut apart by the splitter (sql/ImplicitBoundary).
        if (!core.isEmpty()) {
            reader.read(core);
        }
        return reader;
    }

    /** The destructive clauses, in written order. */
    List<DestructiveClause> clauses() {
        return found;
    }

    /** The tables the statement surely creates (not {@code CREATE TABLE IF NOT EXISTS}), as written. */
    List<String> createdTables() {
        return created;
    }

    private void read(List<Token> core) {
        Token verb = core.get(0);
        CreatedTableNames.createdTable(core).or(() -> CreatedTableNames.selectedIntoTable(core,
                statement.dialect() == Dialect.SQLSERVER, statement.context().kind() == StatementContext.Kind.SCRIPT))
                .ifPresent(created::add);
        if (verb.isWord("TRUNCATE")) {
            truncate(core);
        } else if (verb.isWord("DROP")) {
            DropStatement.of(core).ifPresent(drop -> drop(drop, core));
        } else if (verb.isWord("ALTER")) {
            AlterTableClauses.of(core).ifPresent(this::alterTable);
            if (!statement.dialect().isMySqlFamily()) {
                droppedTypeAttributes(core);
            }
        } else if (verb.isWord("DELETE")) {
            HistoryDeletion.of(core, statement.dialect()).filter(history -> !history.before()).ifPresent(history ->
                    add(ClauseKind.DELETED_HISTORY, verb, history.words(), history.table(), history.table(),
                            null));
            SqliteSchemaDeletion.of(core).ifPresent(deletion -> (deletion.tables().isEmpty()
                    ? java.util.Collections.<String>singletonList(null) : deletion.tables()).forEach(table ->
                            add(ClauseKind.DROPPED_TABLE, verb, deletion.words(), table, table, null)));
            EnumLabelDeletion.of(core).ifPresent(deletion -> add(ClauseKind.DELETED_ENUM_LABELS, verb,
                    deletion.words(), null, deletion.type(),
                    deletion.labels().isEmpty() ? null : String.join(", ", deletion.labels())));
        } else if (verb.isWord("UPDATE")) {
            ReplacingUpdate.of(core).ifPresent(replace -> add(ClauseKind.REPLACED_ROWS, replace.at(),
                    "UPDATE OR REPLACE", replace.table(), replace.table(), null));
        } else if (verb.isAnyWord("REPLACE", "INSERT", "LOAD")) {
            if (verb.isWord("LOAD")) {
                RestoredDatabase.ofLoad(core).ifPresent(this::restored);
            }
            ReplacingInsert.of(core).ifPresent(replace -> add(ClauseKind.REPLACED_ROWS, replace.at(),
                    replace.words(), replace.table(), replace.table(), null));
            for (OverwritingInsert.Overwritten overwritten : OverwritingInsert.of(core)) {
                add(ClauseKind.OVERWRITTEN_TABLE, overwritten.at(), overwritten.words(), overwritten.table(),
                        overwritten.table(), overwritten.partition() ? "partition" : "table");
            }
        } else if (verb.isWord("RENAME")) {
            RenameClauses.renameTables(core, this::add);
        } else if (verb.isWord("EXCHANGE")) {
            RenameClauses.exchangeTables(core, this::add);
        } else if (verb.isWord("FLASHBACK")) {
            flashback(core);
        } else if (verb.isWord("RESTORE")) {
            RestoredDatabase.ofRestore(core, statement.dialect()).ifPresent(this::restored);
        } else if (verb.isAnyWord("CREATE", "RECREATE")) {
            CreatedTableNames.replacedTable(core).ifPresent(table -> add(ClauseKind.DROPPED_TABLE, verb,
                    verb.isWord("RECREATE") ? "RECREATE TABLE" : "CREATE OR REPLACE TABLE", table, table, null));
            replacedSchemaOrDatabase(core);
        }
        if (verb.isAnyWord("DELETE", "WITH")) { // a dedupe, after a WITH clause or not, that keeps no copy
            SymmetricDedupe.of(core).ifPresent(dedupe -> add(dedupe.kind(), dedupe.at(), dedupe.words(), dedupe.table(),
                    dedupe.table(), String.join(", ", dedupe.keyColumns())));
        }
        for (PartitionDroppingCalls.Call call : PartitionDroppingCalls.of(core)) {
            // A scheduled drop runs after the migration, when even a table this script created holds rows.
            add(ClauseKind.PARTITIONS_DROPPED_BY_CALL, call.at(), call.function(),
                    call.scheduled() ? null : call.table(), call.table(), call.scheduled() ? "scheduled" : null);
        }
        ReplacingImportCall.of(core).ifPresent(call -> add(ClauseKind.DISCARDED_ROWS, call.at(),
                call.command(), call.table(), call.table(), call.detail()));
        XmlSchemaDeletion.of(core).ifPresent(deletion -> add(ClauseKind.DROPPED_XML_SCHEMA_TABLES, deletion.at(),
                "DBMS_XMLSCHEMA.deleteSchema(.., DELETE_CASCADE_FORCE)", null, deletion.schemaUrl(), null));
        SpRenameCall.of(core).ifPresent(call -> {
            if (call.renamesColumn()) {
                // an untyped call may rename an index instead, which the replay settles: its words say so
                add(ClauseKind.RENAMED_COLUMN, verb, call.objectType().isEmpty() ? "sp_rename" : "sp_rename COLUMN",
                        null, call.oldName(), call.newName());
            } else if (call.renamesTable()) {
                // only an untyped call may still rename a column, which the replay settles: its words say so
                add(ClauseKind.RENAMED_TABLE, verb, call.objectType().isEmpty() ? "sp_rename"
                        : "sp_rename " + call.objectType(), call.oldName(), call.oldName(), call.newName());
            }
        });
    }

    /**
     * Snowflake's {@code CREATE OR REPLACE SCHEMA s} and {@code CREATE OR REPLACE DATABASE d} drop the existing
     * schema or database with every table in it before creating an empty one.
     */
    private void replacedSchemaOrDatabase(List<Token> core) {
        if (core.size() < 4 || !core.get(1).isWord("OR") || !core.get(2).isWord("REPLACE")) {
            return;
        }
        int i = 3;
        if (core.get(i).isWord("TRANSIENT")) {
            i++;
        }
        if (i + 1 >= core.size() || !core.get(i).isAnyWord("SCHEMA", "DATABASE")) {
            return;
        }
        ObjectNames.NameAt name = ObjectNames.readName(core, i + 1);
        if (name == null) {
            return;
        }
        boolean schema = core.get(i).isWord("SCHEMA");
        add(schema ? ClauseKind.DROPPED_SCHEMA : ClauseKind.DROPPED_DATABASE, core.get(0),
                "CREATE OR REPLACE " + (schema ? "SCHEMA" : "DATABASE"), null, name.text(), null);
    }

    private void truncate(List<Token> core) {
        int i = 1;
        String what = "table";
        if (i < core.size() && core.get(i).isAnyWord("TABLE", "CLUSTER", "SCHEMA")) {
            // HSQLDB: TRUNCATE SCHEMA s empties every table of s.
            what = core.get(i).isWord("TABLE") ? what : core.get(i).text().toLowerCase(Locale.ROOT);
            i++;
        }
        if (i + 1 < core.size() && core.get(i).isWord("IF") && core.get(i + 1).isWord("EXISTS")) {
            i += 2;
        }
        List<String> names = ObjectNames.readNameList(core, i).stream().map(ObjectNames.NameAt::text).toList();
        List<String> partitions = TsqlTruncatedPartitions.of(core);
        if (names.size() == 1 && !partitions.isEmpty()) {
            for (String partition : partitions) {
                add(ClauseKind.TRUNCATED_PARTITION, core.get(0), "TRUNCATE TABLE " + names.get(0), names.get(0),
                        partition, "WITH PARTITIONS");
            }
            return;
        }
        Token cascade = StatementCore.topLevelWord(core, 1, "CASCADE");
        for (String name : names.isEmpty() ? java.util.Collections.<String>singletonList(null) : names) {
            add(ClauseKind.TRUNCATED_TABLE, core.get(0), "TRUNCATE", name, name, what);
            if (cascade != null) {
                add(ClauseKind.CASCADE, cascade, "TRUNCATE", name, name, "TRUNCATE");
            }
        }
    }

    private void drop(DropStatement drop, List<Token> core) {
        Token verb = core.get(0);
        List<String> names = drop.names().isEmpty() ? java.util.Collections.singletonList(null) : drop.names();
        String words = drop.keywords();
        switch (drop.kind()) {
            case "TABLE" -> {
                if (!drop.temporary() && !drop.modifiers().contains("EXTERNAL")
                        && !drop.modifiers().contains("FOREIGN")) {
                    names.forEach(name -> add(ClauseKind.DROPPED_TABLE, verb, words, name, name, null));
                }
            }
            case "EXTENSION" -> names.forEach(name -> {
                List<String> tables = name == null ? List.of() : ExtensionTables.of(name);
                if (!tables.isEmpty()) {
                    add(ClauseKind.DROPPED_EXTENSION_TABLES, verb, words, null, name, String.join(", ", tables));
                }
            });
            case "CLUSTER" -> {
                // Oracle: DROP CLUSTER c INCLUDING TABLES drops every table stored in the cluster.
                if (StatementCore.hasTopLevelWord(core, 1, "INCLUDING")) {
                    add(ClauseKind.DROPPED_CLUSTER_TABLES, verb, words, null, names.get(0), null);
                }
            }
            case "TABLESPACE" -> {
                // Oracle drops every segment of the tablespace when told INCLUDING CONTENTS; Db2 (read in auto) always.
                String contents = DropStatement.includingContents(core);
                if (contents != null || statement.dialect() == Dialect.AUTO && !names.isEmpty()) {
                    add(ClauseKind.DROPPED_TABLESPACE_CONTENTS, verb, words, null, names.get(0), contents);
                }
            }
            case "SCHEMA" -> {
                // PostgreSQL, SQL Server and H2 (unless its DROP_RESTRICT setting is off) without CASCADE, and any
                // database told RESTRICT, refuse a non-empty schema.
                if (drop.cascade() || !drop.restrict()
                        && !List.of(Dialect.POSTGRESQL, Dialect.SQLSERVER, Dialect.H2).contains(statement.dialect())) {
                    // In auto, without CASCADE only MySQL's reading (DROP DATABASE) loses anything: say so.
                    String onlyIn = !drop.cascade() && statement.dialect() == Dialect.AUTO ? "MySQL" : null;
                    names.forEach(name -> add(ClauseKind.DROPPED_SCHEMA, verb, words, null,
                            name == null ? "?" : name, onlyIn));
                }
            }
            case "OWNED" -> names.forEach(name -> add(ClauseKind.DROPPED_OWNED_OBJECTS, verb, words, null,
                    name == null ? "?" : name, null));
            case "USER" -> {
                if (drop.cascade()) {
                    names.forEach(name -> add(ClauseKind.DROPPED_USER_SCHEMA, verb, words, null,
                            name == null ? "?" : name, null));
                }
            }
            case "DATABASE" -> names.forEach(name -> add(ClauseKind.DROPPED_DATABASE, verb, words, null, name,
                    null));
            case "ALL" -> {
                // H2: DROP ALL OBJECTS [DELETE FILES] empties the whole database without naming anything.
                if (drop.names().size() == 1 && drop.names().get(0).equalsIgnoreCase("OBJECTS")) {
                    add(ClauseKind.DROPPED_ALL_OBJECTS, verb, "DROP ALL OBJECTS", null, null, null);
                }
            }
            default -> {
                // Dynamic SQL that drops whatever kind of object a catalogue query returns may drop tables.
                if (StandIns.standsIn(drop.kind())) {
                    names.forEach(name -> add(ClauseKind.DROPPED_TABLE, verb, words, name, name,
                            DestructiveClause.RUN_TIME_KIND));
                }
            }
        }
        // H2: DROP DOMAIN .. CASCADE gives each column and domain of the domain its type, default and checks, and
        // drops nothing.
        boolean cascades = drop.cascade() && !statement.dialect().isMySqlFamily()
                && !(statement.dialect() == Dialect.H2 && drop.kind().equals("DOMAIN"));
        if (cascades) {
            droppedTypeColumns(drop, words);
        }
        // MySQL and MariaDB accept CASCADE after DROP TABLE/VIEW and ignore it. No object depends on a trigger
        // (PostgreSQL accepts CASCADE on DROP TRIGGER all the same), so it takes nothing along.
        if (cascades && !drop.kind().equals("TRIGGER")) {
            String detail = drop.forced() ? "FORCE" : cascadesConstraints(core) ? "DROP CONSTRAINTS" : "DROP";
            boolean table = drop.kind().equals("TABLE");
            names.forEach(name -> add(ClauseKind.CASCADE, drop.cascadeWord(), words, table ? name : null, name,
                    detail));
        }
    }

    /**
     * PostgreSQL: a type, domain or extension dropped with CASCADE takes every column of its types along, one
     * clause per type at the CASCADE, and so does Oracle's DROP TYPE .. FORCE at its FORCE; which columns those
     * are only the schema knows.
     */
    private void droppedTypeColumns(DropStatement drop, String words) {
        for (String name : drop.names()) {
            switch (drop.kind()) {
                case "TYPE", "DOMAIN" -> add(ClauseKind.DROPPED_TYPE_COLUMNS, drop.cascadeWord(), words, null, name,
                        drop.forced() ? "FORCE" : drop.kind());
                case "EXTENSION" -> ExtensionTypes.of(name).forEach(type -> add(ClauseKind.DROPPED_TYPE_COLUMNS,
                        drop.cascadeWord(), words + " " + name, null, type, drop.kind()));
                default -> {
                }
            }
        }
    }

    /**
     * {@code ALTER TYPE t DROP ATTRIBUTE a CASCADE}: the attribute's values go from the columns of the type, which
     * only the schema knows, at the DROP; and the CASCADE extends the change to every table that stores the type.
     */
    private void droppedTypeAttributes(List<Token> core) {
        for (DroppedTypeAttributes dropped : DroppedTypeAttributes.of(core)) {
            String attributes = String.join(", ", dropped.attributes());
            String words = "ALTER TYPE " + dropped.type() + " DROP ATTRIBUTE " + attributes;
            add(ClauseKind.DROPPED_TYPE_ATTRIBUTES, dropped.at(), words, null, dropped.type(), attributes);
            add(ClauseKind.CASCADE, dropped.cascade(), words, null, dropped.type(), "ATTRIBUTE");
        }
    }

    /**
     * Oracle: CASCADE CONSTRAINTS drops only the referencing foreign keys, not the dependent objects. Oracle takes
     * the singular CASCADE CONSTRAINT as the same clause.
     */
    private static boolean cascadesConstraints(List<Token> core) {
        for (int i = 1; i + 1 < core.size(); i++) {
            if (core.get(i).isWord("CASCADE") && core.get(i + 1).isAnyWord("CONSTRAINTS", "CONSTRAINT")) {
                return true;
            }
        }
        return false;
    }

    private void alterTable(AlterTableClauses alter) {
        String table = alter.table();
        String words = "ALTER TABLE " + table;
        Dialect dialect = statement.dialect();
        // A bare DROP name is a constraint in SQL Server, a column in Sybase ASE and elsewhere.
        for (AlterTableClauses.Removed removed : alter.dropped(statement.readsAsTsql() ? Dialect.SQLSERVER : dialect)) {
            switch (removed.kind()) {
                case COLUMN -> add(ClauseKind.DROPPED_COLUMN, removed.at(), words, table, removed.name(), null);
                case BARE_NAME -> add(ClauseKind.DROPPED_COLUMN, removed.at(), words, table, removed.name(),
                        DestructiveClause.COLUMN_OR_CONSTRAINT);
                case PARTITION, SUBPARTITION -> add(ClauseKind.DROPPED_PARTITION, removed.at(), words, table,
                        removed.name(), removed.partitionDetail());
                case OTHER -> {
                }
            }
            if (removed.cascade() != null) {
                add(ClauseKind.CASCADE, removed.cascade(), words + " " + removed.verb(), table, removed.name(),
                        cascadesConstraints(statement.tokens()) ? "ALTER CONSTRAINTS" : "ALTER");
            }
        }
        for (AlterTableClauses.Removed removed : alter.truncatedPartitions(dialect)) {
            add(ClauseKind.TRUNCATED_PARTITION, removed.at(), words, table, removed.name(),
                    removed.partitionDetail());
        }
        for (MySqlRowLosingClauses.Found found : MySqlRowLosingClauses.of(alter)) {
            add(found.kind(), found.at(), found.words(), table, found.name(), found.detail());
        }
        for (ClickHousePartitionClauses.Found clause : ClickHousePartitionClauses.of(alter)) {
            add(clause.kind(), clause.at(), words, table, clause.name(), clause.detail());
        }
        for (EmptiedTables.Emptied emptied : EmptiedTables.of(alter)) {
            add(emptied.kind(), emptied.at(), words, emptied.table(), emptied.table(), emptied.detail());
        }
        for (List<Token> clause : alter.clauses()) {
            if (clause.size() > 1 && clause.get(0).isWord("SET") && clause.get(1).isWord("UNLOGGED")
                    && !dialect.isMySqlFamily()) {
                add(ClauseKind.UNLOGGED_TABLE, clause.get(1), words, table, table, null);
            }
            if (clause.get(0).isWord("SWITCH") && AlterTableClauses.truncatesTarget(clause)) {
                int to = clause.size() > 1 && clause.get(1).isWord("TO") ? 2 : 1;
                ObjectNames.NameAt target = ObjectNames.readName(clause, to);
                String name = target == null ? "?" : target.text();
                add(ClauseKind.TRUNCATED_SWITCH_TARGET, clause.get(0), words, name, name, null);
            }
        }
        for (List<Token> clause : alter.clauses()) {
            // Snowflake: ALTER TABLE a SWAP WITH b trades the names of a and b, as two renames at once.
            if (clause.size() > 2 && clause.get(0).isWord("SWAP") && clause.get(1).isWord("WITH")) {
                ObjectNames.NameAt other = ObjectNames.readName(clause, 2);
                if (other != null) {
                    RenameClauses.swap(clause.get(0), words, table, other.text(), this::add);
                }
            }
        }
        ColumnChanges.tableRename(alter).ifPresent(rename -> add(ClauseKind.RENAMED_TABLE, rename.at(), words,
                table, table, rename.newName()));
        for (ColumnChanges.Change rename : ColumnChanges.columnRenames(alter)) {
            add(ClauseKind.RENAMED_COLUMN, rename.at(), words, table, rename.name(), rename.newName());
        }
        for (ColumnChanges.Change retype : ColumnChanges.retypedColumns(alter)) {
            add(ClauseKind.RETYPED_COLUMN, retype.at(), words, table, retype.name(), retype.newName());
        }
        if (dialect.isMySqlFamily() || dialect == Dialect.AUTO) {
            for (NotNullRedefinitions.Found declared : NotNullRedefinitions.of(alter)) {
                add(ClauseKind.NOT_NULL_DECLARED, declared.at(), words, table, declared.column(), null);
            }
        }
        for (ColumnChanges.ReplacedValues replaced : ColumnChanges.replacedValues(alter)) {
            add(ClauseKind.REPLACED_COLUMN_VALUES, replaced.at(), words, table, replaced.column(),
                    replaced.expression());
        }
    }

    /**
     * Oracle: {@code FLASHBACK TABLE a, b TO TIMESTAMP ..|SCN ..|RESTORE POINT ..} rewinds every row of each
     * table, located at its TO; {@code TO BEFORE DROP} brings a dropped table back and loses nothing.
     */
    private void flashback(List<Token> core) {
        if (core.size() < 3 || !core.get(1).isWord("TABLE")) {
            return;
        }
        List<String> names = ObjectNames.readNameList(core, 2).stream().map(ObjectNames.NameAt::text).toList();
        Token to = StatementCore.topLevelWord(core, 2, "TO");
        int at = to == null ? -1 : core.indexOf(to);
        if (at < 0 || at + 1 >= core.size() || core.get(at + 1).isWord("BEFORE")) {
            return;
        }
        String target = core.get(at + 1).isWord("RESTORE") ? "RESTORE POINT" : core.get(at + 1).upper();
        for (String name : names) {
            add(ClauseKind.REWOUND_TABLE, to, "FLASHBACK TABLE " + name + " TO " + target, name, name, target);
        }
    }

    private void restored(RestoredDatabase restore) {
        add(ClauseKind.RESTORED_DATABASE, restore.at(), restore.words(), null, restore.database(), restore.source());
    }

    private void add(ClauseKind kind, Token at, String words, String table, String name, String detail) {
        Location location = new Location(statement.start().path(), at.line(), at.column());
        found.add(new DestructiveClause(kind, location, words, table, name, detail, false));
    }
}
