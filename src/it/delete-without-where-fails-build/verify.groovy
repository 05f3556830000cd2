def lines = new File(basedir, 'build.log').readLines()
// Whole lines as the user sees them; only the run time of the summary varies.
def summary = { String expected -> lines.any { it.replaceFirst(/ in [0-9.]+ s$/, ' in N s') == expected } }
def failure = { String project, String message ->
    lines.contains("[ERROR] Failed to execute goal ${projectGroupId}:${projectArtifactId}:${projectVersion}:check (default) on project ${project}: ${message}".toString())
}
assert lines.contains('[ERROR] src/main/resources/db/migration/V2__close_acme.sql:3:1: [delete-without-where] DELETE without WHERE removes every row of customers and, through ON DELETE CASCADE, every row of orders') : lines
assert lines.contains('[ERROR]     DELETE FROM customers;') : lines
assert lines.contains('[ERROR]     ^') : lines
assert lines.contains('[ERROR]     hint: Add a WHERE clause that selects exactly the rows to remove, or acknowledge it: -- sqlguard:allow delete-without-where reason: <why>') : lines
assert summary('[ERROR] sqlguard: 1 error, 0 warnings, 0 info, 0 acknowledged in 2 files (4 statements) in N s') : lines
assert failure('delete-without-where-fails-build', 'sqlguard found 1 problem at or above ERROR: src/main/resources/db/migration/V2__close_acme.sql:3:1 [delete-without-where] DELETE without WHERE removes every row of customers and, through ON DELETE CASCADE, every row of orders. Fix the statements or acknowledge them with -- sqlguard:allow <rule> reason: <why> -> [Help 1]') : lines
assert !lines.any { it.contains('V2__close_acme.sql:4:1') }
assert !lines.any { it.contains('V1__init.sql:') }
assert lines.contains('[INFO] BUILD FAILURE')
def sarif = new File(basedir, 'target/sqlguard/sqlguard.sarif')
assert sarif.isFile()
def json = new groovy.json.JsonSlurper().parse(sarif)
assert json.version == '2.1.0'
def results = json.runs[0].results
assert results.size() == 1
assert results[0].ruleId == 'delete-without-where'
assert results[0].locations[0].physicalLocation.artifactLocation.uri == 'src/main/resources/db/migration/V2__close_acme.sql'
assert results[0].locations[0].physicalLocation.region.startLine == 3
return true
