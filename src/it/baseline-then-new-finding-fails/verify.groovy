def lines = new File(basedir, 'build.log').readLines()
// Whole lines as the user sees them; only the run time of the summary varies.
def summary = { String expected -> lines.any { it.replaceFirst(/ in [0-9.]+ s$/, ' in N s') == expected } }
def failure = { String project, String message ->
    lines.contains("[ERROR] Failed to execute goal ${projectGroupId}:${projectArtifactId}:${projectVersion}:check (default) on project ${project}: ${message}".toString())
}
assert lines.contains('[ERROR] src/main/resources/db/migration/V2__new.sql:2:1: [delete-without-where] DELETE without WHERE removes every row of audit_log') : lines
assert lines.contains('[ERROR]     hint: Add a WHERE clause that selects exactly the rows to remove, or acknowledge it: -- sqlguard:allow delete-without-where reason: <why>') : lines
assert lines.contains('[INFO] src/main/resources/db/migration/V1__legacy.sql:2:1: [delete-without-where] DELETE without WHERE removes every row of audit_log (acknowledged: in baseline sqlguard-baseline.json)') : lines
assert lines.contains('[INFO] src/main/resources/db/migration/V1__legacy.sql:3:1: [drop-table] DROP TABLE removes table legacy_users and all its rows (guarded: the first migration runs only on an empty schema: Flyway baselines a schema that holds tables at version 1 instead of running the scripts up to it) (acknowledged: in baseline sqlguard-baseline.json)') : lines
assert summary('[ERROR] sqlguard: 1 error, 0 warnings, 0 info, 2 acknowledged in 2 files (3 statements) in N s') : lines
assert failure('baseline-then-new-finding-fails', 'sqlguard found 1 problem at or above ERROR: src/main/resources/db/migration/V2__new.sql:2:1 [delete-without-where] DELETE without WHERE removes every row of audit_log. Fix the statements or acknowledge them with -- sqlguard:allow <rule> reason: <why> -> [Help 1]') : lines
assert !lines.any { it.startsWith('[ERROR] src/main/resources/db/migration/V1__legacy.sql') }
def baseline = new File(basedir, 'sqlguard-baseline.json')
assert baseline.isFile()
def json = new groovy.json.JsonSlurper().parse(baseline)
assert json.entries*.rule.sort() == ['delete-without-where', 'drop-table']
assert json.entries.every { it.file == 'src/main/resources/db/migration/V1__legacy.sql' }
return true
