package io.github.sqlguard.liquibase;

import io.github.sqlguard.sql.DestroyingNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tells which change elements sqlguard cannot see into, and why. A standard Liquibase change is either
 * translated into SQL ({@link ChangeTranslator}) or known to leave every existing row alone; anything else
 * ({@code customChange}, {@code executeCommand}, a change an extension defines) may destroy data unseen, so it
 * must be reported rather than passed. Liquibase finds a change by its local name whatever its XML namespace,
 * and so does this class.
 */
final class UncheckedChanges {

    /** Standard change types sqlguard translates into statements, or that the schema replay reads. */
    private static final Set<String> TRANSLATED = Set.of("sql", "sqlFile", "delete", "update", "dropTable",
            "dropColumn", "markUnused", "renameTable", "renameColumn", "modifyDataType", "mergeColumns",
            "createProcedure", "createTable",
            "addColumn", "addForeignKeyConstraint", "dropForeignKeyConstraint", "addPrimaryKey",
            "addNotNullConstraint", "dropNotNullConstraint", "addAutoIncrement", "setColumnRemarks");

    /**
     * Standard change types that add rows or objects, or drop objects that hold no rows: nothing a
     * destructive-change rule looks for. {@code loadUpdateData} overwrites rows only by primary key, as an
     * UPDATE with a WHERE would.
     */
    private static final Set<String> HARMLESS = Set.of("insert", "loadData", "loadUpdateData", "createIndex",
            "dropIndex", "createView", "dropView", "renameView", "createSequence", "alterSequence", "dropSequence",
            "renameSequence", "dropProcedure", "createFunction", "dropFunction", "createPackage",
            "createPackageBody", "dropPackage", "dropPackageBody", "createSynonym", "dropSynonym", "createTrigger",
            "dropTrigger", "enableTrigger", "disableTrigger", "renameTrigger", "addUniqueConstraint",
            "dropUniqueConstraint", "dropPrimaryKey", "addDefaultValue", "dropDefaultValue", "addLookupTable",
            "dropAllForeignKeyConstraints", "addCheckConstraint", "dropCheckConstraint",
            "enableCheckConstraint", "disableCheckConstraint", "setTableRemarks",
            "tagDatabase", "output", "empty", "stop");

    /**
     * Properties of the standard changes: one standing in the list of changes is the property of a change whose
     * name the list item lacks ({@code - tableName: t} where {@code - update:} was meant), not a change of its own.
     */
    private static final Set<String> CHANGE_PROPERTIES = Set.of("tableName", "schemaName", "catalogName",
            "columns", "column", "columnName", "where", "whereParams", "newDataType", "oldColumnName",
            "newColumnName", "oldTableName", "newTableName", "columnDataType", "cascadeConstraints");

    private UncheckedChanges() {
    }

    /** Why {@code change} was not checked, as the start of a message; empty for a change sqlguard understands. */
    static Optional<String> reason(ChangeNode change) {
        String name = change.name();
        if (TRANSLATED.contains(name) || HARMLESS.contains(name) || typedModifyColumn(change)
                || name.equals(ChangeNode.PROPERTIES_BESIDE_CHANGE)) {
            return Optional.empty();
        }
        return Optional.of(switch (name) {
            case "customChange" -> "customChange " + change.attributes().getOrDefault("class", "(no class)")
                    + " runs Java code that sqlguard cannot see" + nameSays("class name",
                            DestroyingNames.whatTheClassNameSays(change.attributes().getOrDefault("class", "")));
            case "executeCommand" -> "executeCommand "
                    + change.attributes().getOrDefault("executable", "(no executable)")
                    + " runs a program outside the database connection" + arguments(change)
                    + ", so what it does to the data was not checked";
            case "modifyColumn" -> "modifyColumn on " + change.attributes().getOrDefault("tableName", "(no table)")
                    + " leaves the type of a column out, so sqlguard cannot tell what it redefines and did not check"
                    + " it";
            // YAML and JSON: a list item that is no mapping ("- dropTable" without its attributes) has no change name.
            case "item" -> (change.text() == null || change.text().isBlank() ? "a list item"
                    : "'" + change.text().strip() + "'") + " stands in the list of changes without attributes ("
                    + "not as '- dropTable: {tableName: t}'), so Liquibase cannot run it as a change and sqlguard did"
                    + " not check it";
            default -> CHANGE_PROPERTIES.contains(name) ? "'" + name + "' is a property of a change, not a change:"
                    + " its list item names no change (a change's name such as '- update:' is missing above it), so"
                    + " Liquibase runs nothing from it (and refuses the file when it holds a list) and sqlguard did not"
                    + " check it"
                    : "'" + name + "' is not a standard Liquibase change (an extension's, or a misspelt one)"
                    + unknownChangeNameSays(DestroyingNames.whatTheNameSays(DestroyingNames.words(name)));
        });
    }

    /**
     * How a message on code sqlguard cannot see ends: with what its {@code what} (its class name) says it destroys,
     * when it says so, since a reviewer who reads only the severity would otherwise take it for any other.
     */
    private static String nameSays(String what, String says) {
        return says.isEmpty() ? ", so what it does to the data was not checked"
                : ", and its " + what + " says it " + says + ": what it does to the data was not checked";
    }

    private static String unknownChangeNameSays(String says) {
        return says.isEmpty() ? ", so sqlguard cannot tell what it runs and did not check it"
                : ", and its name says it " + says + ": sqlguard cannot tell what it runs and did not check it";
    }

    /**
     * A {@code modifyColumn} (Liquibase 1.x, and the liquibase-modify-column extension since) that gives each of its
     * columns a name and a type: it redefines their types as {@code modifyDataType} does, so it is checked as that.
     * One that leaves a type out is reported, as what it would run is not known.
     */
    static boolean typedModifyColumn(ChangeNode change) {
        if (!change.name().equals("modifyColumn")) {
            return false;
        }
        List<ChangeNode> columns = columnsOf(change);
        return !columns.isEmpty() && columns.stream().allMatch(column -> !blank(column.attributes().get("name"))
                && !blank(column.attributes().get("type")));
    }

    /** The nested {@code <column>} elements, also under a YAML {@code columns:} list. */
    static List<ChangeNode> columnsOf(ChangeNode change) {
        List<ChangeNode> columns = new ArrayList<>();
        for (ChangeNode child : change.children()) {
            if (child.name().equals("column")) {
                columns.add(child);
            } else if (child.name().equals("columns")) {
                columns.addAll(columnsOf(child));
            }
        }
        return columns;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String arguments(ChangeNode change) {
        StringBuilder args = new StringBuilder();
        for (ChangeNode child : change.children()) {
            if (child.name().equals("arg") || child.name().equals("args")) {
                child.value("value").ifPresent(value -> args.append(' ').append(value));
                child.children().forEach(arg -> arg.value("value").ifPresent(value -> args.append(' ').append(value)));
            }
        }
        return args.isEmpty() ? "" : " (with arguments" + args + ")";
    }
}
