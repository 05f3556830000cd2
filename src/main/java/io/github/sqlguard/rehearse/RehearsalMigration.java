package io.github.sqlguard.rehearse;

import io.github.sqlguard.sql.Script;

/**
 * One migration in the order the database applies it.
 *
 * @param path the file's path relative to the project, as findings show it
 * @param script its statements, split as {@code check} splits them, placeholders resolved
 * @param alreadyApplied true for a migration at or below {@code sinceVersion}: it is applied first, as it is,
 *     without seeding and without findings
 */
public record RehearsalMigration(String path, Script script, boolean alreadyApplied) {
}
