package io.github.sqlguard.liquibase;

/**
 * A changelog's reference to another file: an {@code include}, {@code includeAll} or {@code sqlFile}
 * element, or a formatted-SQL {@code --include} line.
 *
 * @param target the path as written, properties substituted
 * @param folder true for {@code includeAll}, whose target is a folder
 * @param relativeToChangelogFile whether the path is relative to the referring file
 * @param errorIfMissing whether a missing target is reported
 * @param encoding the {@code encoding} attribute, or null for Liquibase's UTF-8
 * @param line 1-based line of the referring element
 * @param column 1-based column of the referring element
 * @param sqlFile true for a {@code sqlFile} (or {@code createProcedure}) path, whose target holds statements
 */
record Reference(String target, boolean folder, boolean relativeToChangelogFile, boolean errorIfMissing,
        String encoding, int line, int column, boolean sqlFile) {

    /** The {@code include} or {@code includeAll} element {@code node}, with its path. */
    static Reference of(ChangeNode node, String target, boolean folder) {
        return new Reference(target, folder, node.flag("relativeToChangelogFile", false),
                node.flag(folder ? "errorIfMissingOrEmpty" : "errorIfMissing", true),
                node.attributes().get("encoding"), node.line(), node.column(), false);
    }

    /** What the target is, for a message that says it is missing. */
    String describedTarget() {
        return (sqlFile ? "SQL file '" : folder ? "Included folder '" : "Included changelog '") + target + "'";
    }
}
