def lines = new File(basedir, 'build.log').readLines()
// Whole lines as the user sees them; only the run time of the summary varies.
def summary = { String expected -> lines.any { it.replaceFirst(/ in [0-9.]+ s$/, ' in N s') == expected } }
def failure = { String project, String message ->
    lines.contains("[ERROR] Failed to execute goal ${projectGroupId}:${projectArtifactId}:${projectVersion}:check (default) on project ${project}: ${message}".toString())
}
assert lines.contains('[ERROR] src/main/resources/db/changelog.sql:5:12: [drop-table] DROP TABLE removes table audit_log and all its rows (changeset alice:1 rollback: runs only on rollback)') : lines
assert lines.contains('[ERROR]     --rollback DROP TABLE audit_log;') : lines
assert lines.contains('[ERROR]                ^') : lines
assert lines.contains('[ERROR]     hint: Keep the table until no release uses it and its data is archived, then acknowledge the drop: -- sqlguard:allow drop-table reason: <why>') : lines
assert lines.contains('[ERROR] src/main/resources/db/changelog.sql:9:34: [drop-column] ALTER TABLE audit_log drops column created_at (changeset alice:2 rollback: runs only on rollback)') : lines
assert lines.contains('[ERROR]     hint: Stop using the column in a release first, archive its values if they matter, then acknowledge the drop: -- sqlguard:allow drop-column reason: <why>') : lines
assert summary('[ERROR] sqlguard: 2 errors, 0 warnings, 0 info, 0 acknowledged in 1 file (4 statements) in N s') : lines
assert failure('liquibase-rollback-checked-on-request', 'sqlguard found 2 problems at or above ERROR: src/main/resources/db/changelog.sql:5:12 [drop-table] DROP TABLE removes table audit_log and all its rows (changeset alice:1 rollback: runs only on rollback) (and 1 more). Fix the statements or acknowledge them with -- sqlguard:allow <rule> reason: <why> -> [Help 1]') : lines
return true
