package io.github.sqlguard.liquibase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The settings Liquibase requires of the change types sqlguard turns into statements. Liquibase validates every
 * changeset before it runs any ({@code tableName is required for dropTable}), so a {@code dropTable} without
 * {@code tableName} or a {@code dropColumn} without a column refuses the whole update; sqlguard reports it instead
 * of judging a statement on a table or column nobody named.
 */
final class RequiredChangeSettings {

    /** What each change's SQL generator checks before Liquibase writes a statement, on every database. */
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "dropTable", List.of("tableName"),
            "delete", List.of("tableName"),
            "update", List.of("tableName"),
            "dropColumn", List.of("tableName"),
            "renameTable", List.of("oldTableName", "newTableName"),
            "renameColumn", List.of("tableName", "oldColumnName", "newColumnName"),
            "modifyDataType", List.of("tableName", "columnName", "newDataType"),
            "addColumn", List.of("tableName"),
            "dropNotNullConstraint", List.of("tableName", "columnName"),
            "addNotNullConstraint", List.of("tableName", "columnName"));

    private RequiredChangeSettings() {
    }

    /** The required settings {@code change} leaves out or leaves blank, in the order Liquibase lists them. */
    static List<String> missingFrom(ChangeNode change) {
        List<String> missing = new ArrayList<>();
        for (String setting : REQUIRED.getOrDefault(change.name(), List.of())) {
            if (isBlank(change, setting)) {
                missing.add(setting);
            }
        }
        // A dropColumn names its column by columnName or by nested columns, one of the two.
        if (change.name().equals("dropColumn") && isBlank(change, "columnName") && change.child("column").isEmpty()
                && change.child("columns").isEmpty()) {
            missing.add("columnName");
        }
        return missing;
    }

    private static boolean isBlank(ChangeNode change, String setting) {
        return change.value(setting).map(String::isBlank).orElse(true);
    }
}
