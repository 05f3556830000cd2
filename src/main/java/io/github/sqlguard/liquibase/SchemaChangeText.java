package io.github.sqlguard.liquibase;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The DDL of the change types that shape the schema without destroying data ({@code createTable},
 * {@code addColumn}, {@code addForeignKeyConstraint}, {@code dropForeignKeyConstraint}, {@code addPrimaryKey},
 * {@code addNotNullConstraint}, {@code dropNotNullConstraint}, {@code setColumnRemarks}, and the table an
 * {@code addLookupTable} creates),
 * so the schema replay learns from a changelog what it learns from SQL. Rules never see these statements: they
 * are emitted as containers.
 */
final class SchemaChangeText {

    private final SyntheticStatements synthetic;

    SchemaChangeText(SyntheticStatements synthetic) {
        this.synthetic = synthetic;
    }

    Optional<String> of(ChangeNode change) {
        String table = synthetic.table(change, change.name().endsWith("ForeignKeyConstraint")
                ? "baseTableName" : "tableName");
        return Optional.ofNullable(switch (change.name()) {
            // ifNotExists: the table may be there already, with rows, so it is no new table of this changeset
            case "createTable" -> "CREATE TABLE " + (change.flag("ifNotExists", false) ? "IF NOT EXISTS " : "")
                    + table + " (" + String.join(", ", columns(change)) + ")";
            case "addColumn" -> "ALTER TABLE " + table + " "
                    + String.join(", ", columns(change).stream().map(c -> "ADD " + c).toList());
            case "addForeignKeyConstraint" -> "ALTER TABLE " + table + " ADD CONSTRAINT "
                    + synthetic.name(change.attributes().get("constraintName")) + " FOREIGN KEY ("
                    + change.attributes().getOrDefault("baseColumnNames", "") + ") REFERENCES "
                    + synthetic.name(change.attributes().get("referencedTableName")) + " ("
                    + change.attributes().getOrDefault("referencedColumnNames", "") + ")"
                    + action("DELETE", change.attributes().get("onDelete"), change.flag("deleteCascade", false))
                    + action("UPDATE", change.attributes().get("onUpdate"), false);
            case "dropForeignKeyConstraint" -> "ALTER TABLE " + table + " DROP CONSTRAINT "
                    + synthetic.name(change.attributes().get("constraintName"));
            case "addPrimaryKey" -> "ALTER TABLE " + table + " ADD PRIMARY KEY ("
                    + change.attributes().getOrDefault("columnNames", "") + ")";
            case "addNotNullConstraint" -> "ALTER TABLE " + table + " ALTER COLUMN "
                    + synthetic.name(change.attributes().get("columnName")) + " SET NOT NULL";
            case "dropNotNullConstraint" -> "ALTER TABLE " + table + " ALTER COLUMN "
                    + synthetic.name(change.attributes().get("columnName")) + " DROP NOT NULL";
            // Where the comment is no part of the column's definition: written so that a changelog naming MySQL too
            // has a statement here to carry MySQL's redefinition of the column (TypeRestatingChanges).
            case "setColumnRemarks" -> "COMMENT ON COLUMN " + table + "."
                    + synthetic.name(change.attributes().get("columnName")) + " IS "
                    + quoted(synthetic.substitute(change.attributes().get("remarks")));
            // The new table holds only the distinct values it copied, so a later drop in the changeset loses
            // nothing the existing table does not still have.
            case "addLookupTable" -> "CREATE TABLE " + lookupTable(change) + " ("
                    + synthetic.name(change.attributes().get("newColumnName")) + " "
                    + synthetic.substitute(change.attributes().getOrDefault("newColumnDataType", "unknown_type"))
                    + ")";
            default -> null;
        });
    }

    /** An {@code addLookupTable} names the schema of its new table in {@code newTableSchemaName}. */
    private String lookupTable(ChangeNode change) {
        String table = synthetic.name(change.attributes().get("newTableName"));
        String schema = change.attributes().get("newTableSchemaName");
        return schema == null || schema.isBlank() ? table : synthetic.name(schema) + "." + table;
    }

    /** {@code text} as an SQL string literal, as Liquibase writes remarks (none is the empty string). */
    static String quoted(String text) {
        return "'" + (text == null ? "" : text.strip()).replace("'", "''") + "'";
    }

    private static String action(String event, String written, boolean cascade) {
        String value = written == null || written.isBlank() ? (cascade ? "CASCADE" : "") : written.strip();
        return value.isEmpty() ? "" : " ON " + event + " " + value;
    }

    /** {@code name type [NOT NULL] [PRIMARY KEY] [REFERENCES t (c) ON DELETE CASCADE]} per nested column. */
    private List<String> columns(ChangeNode change) {
        List<String> columns = new ArrayList<>();
        for (ChangeNode child : change.children()) {
            if (child.name().equals("columns")) {
                columns.addAll(columns(child));
            } else if (child.name().equals("column") && child.attributes().containsKey("name")) {
                StringBuilder column = new StringBuilder(synthetic.name(child.attributes().get("name")));
                column.append(' ').append(synthetic.declaredType(child.attributes().getOrDefault("type",
                        "unknown_type")));
                if (child.flag("autoIncrement", false)) {
                    column.append(identityText(child));
                }
                child.child("constraints").ifPresent(constraints -> column.append(constraintText(constraints)));
                columns.add(column.toString());
            }
        }
        return columns;
    }

    /** A column's {@code autoIncrement}, with its {@code startWith} and {@code incrementBy} when given. */
    private static String identityText(ChangeNode column) {
        String start = column.attributes().get("startWith");
        String increment = column.attributes().get("incrementBy");
        return " GENERATED BY DEFAULT AS IDENTITY" + (start == null && increment == null ? ""
                : " (" + (start == null ? "" : "START WITH " + start + " ")
                        + (increment == null ? "" : "INCREMENT BY " + increment) + ")");
    }

    private String constraintText(ChangeNode constraints) {
        StringBuilder text = new StringBuilder();
        if (!constraints.flag("nullable", true)) {
            text.append(" NOT NULL");
        }
        if (constraints.flag("primaryKey", false)) {
            text.append(" PRIMARY KEY");
        }
        String referenced = constraints.attributes().get("referencedTableName");
        String references = constraints.attributes().get("references");
        if (referenced != null || references != null) {
            text.append(" REFERENCES ").append(referenced != null ? synthetic.name(referenced) : references)
                    .append(action("DELETE", null, constraints.flag("deleteCascade", false)));
        }
        return text.toString();
    }
}
