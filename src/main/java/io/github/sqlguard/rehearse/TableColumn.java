package io.github.sqlguard.rehearse;

import java.util.List;

/**
 * A column as the seeding needs it.
 *
 * @param name the column name as the catalogue spells it
 * @param type the declared type, as {@code format_type} prints it (a domain keeps its own name)
 * @param baseType the underlying type with its modifier: a domain's base type, or {@code type} again
 * @param category PostgreSQL's {@code typcategory} of the base type (N numeric, S string, B boolean, ...)
 * @param notNull true when the column rejects NULL
 * @param generatedByDatabase true for identity, generated and sequence-default columns, which the seeding
 *     leaves to the database so later inserts by the migrations do not collide with seeded keys
 * @param hasDefault true when the column has a default
 * @param enumLabels the labels of an enum type, in order; empty otherwise
 */
record TableColumn(String name, String type, String baseType, char category, boolean notNull,
        boolean generatedByDatabase, boolean hasDefault, List<String> enumLabels) {

    TableColumn {
        enumLabels = List.copyOf(enumLabels);
    }

    /** The declared length of a {@code varchar(n)} or {@code char(n)} base type, or 0 when unlimited. */
    int maxLength() {
        int open = baseType.indexOf('(');
        if (open < 0 || !(baseType.startsWith("character") || baseType.startsWith("bit"))) {
            return 0;
        }
        try {
            return Integer.parseInt(baseType.substring(open + 1, baseType.indexOf(')')).trim());
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            return 0;
        }
    }
}
