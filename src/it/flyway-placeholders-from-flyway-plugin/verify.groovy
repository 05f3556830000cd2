def lines = new File(basedir, 'build.log').readLines()
// Whole lines as the user sees them; only the run time of the summary varies.
def summary = { String expected -> lines.any { it.replaceFirst(/ in [0-9.]+ s$/, ' in N s') == expected } }
def failure = { String project, String message ->
    lines.contains("[ERROR] Failed to execute goal ${projectGroupId}:${projectArtifactId}:${projectVersion}:check (default) on project ${project}: ${message}".toString())
}
assert lines.contains('[ERROR] src/main/db/migration/V2__purge.sql:4:1: [update-without-where] UPDATE without WHERE changes every row of billing.invoices') : lines
assert lines.contains('[ERROR]     UPDATE ${schema}.invoices SET owner = \'${flyway:user}\';') : lines
assert lines.contains('[ERROR]     hint: Add a WHERE clause that selects exactly the rows to change (filling a column an earlier migration added: WHERE the_column IS NULL), or acknowledge it: -- sqlguard:allow update-without-where reason: <why>') : lines
assert summary('[ERROR] sqlguard: 1 error, 0 warnings, 0 info, 0 acknowledged in 2 files (4 statements) in N s') : lines
assert failure('flyway-placeholders-from-flyway-plugin', 'sqlguard found 1 problem at or above ERROR: src/main/db/migration/V2__purge.sql:4:1 [update-without-where] UPDATE without WHERE changes every row of billing.invoices. Fix the statements or acknowledge them with -- sqlguard:allow <rule> reason: <why> -> [Help 1]') : lines
assert !lines.any { it.contains('V2__purge.sql:2:1') || it.contains('[unparsed-statement]') || it.contains('V1__invoices.sql:') }
return true
