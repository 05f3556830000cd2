package io.github.sqlguard.schema;

import java.util.List;

/**
 * A foreign key of a replayed table.
 *
 * @param name the constraint name as written, or empty when the migration left naming to the database
 * @param columns the referencing columns
 * @param referencedTable the referenced table as written
 * @param onDelete the ON DELETE action in upper case ({@code CASCADE}, {@code SET NULL}, ..), or
 *     {@code NO ACTION} when none was written
 * @param onUpdate the ON UPDATE action, likewise
 * @param referencedColumns the referenced columns as written, or empty when the key names none (the referenced
 *     table's primary key) or does not check the rows already there ({@code NOT VALID})
 */
public record ForeignKey(String name, List<String> columns, String referencedTable, String onDelete,
        String onUpdate, List<String> referencedColumns) {

    public ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }

    /** True when deleting a referenced row deletes the referencing rows too. */
    public boolean deleteCascades() {
        return onDelete.equals("CASCADE");
    }

    /** True when this key references {@code table} (names compared as {@link SchemaNames#key} does). */
    public boolean references(String table) {
        return SchemaNames.key(referencedTable).equals(SchemaNames.key(table));
    }

    ForeignKey referencing(String newTable) {
        return new ForeignKey(name, columns, newTable, onDelete, onUpdate, referencedColumns);
    }
}
