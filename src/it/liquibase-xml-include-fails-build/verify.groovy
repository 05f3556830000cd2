def lines = new File(basedir, 'build.log').readLines()
// Whole lines as the user sees them; only the run time of the summary varies.
def summary = { String expected -> lines.any { it.replaceFirst(/ in [0-9.]+ s$/, ' in N s') == expected } }
def failure = { String project, String message ->
    lines.contains("[ERROR] Failed to execute goal ${projectGroupId}:${projectArtifactId}:${projectVersion}:check (default) on project ${project}: ${message}".toString())
}
assert lines.contains('[ERROR] src/main/resources/db/changelog/changes/002-close-acme.xml:7:9: [delete-without-where] DELETE without WHERE removes every row of customers (changeset alice:2)') : lines
assert lines.contains('[ERROR]             <delete tableName="customers"/>') : lines
assert lines.contains('[ERROR]     hint: Add a WHERE clause that selects exactly the rows to remove, or acknowledge it: <!-- sqlguard:allow delete-without-where reason: <why> --> before the change, or in the changeset\'s <comment>') : lines
assert summary('[ERROR] sqlguard: 1 error, 0 warnings, 0 info, 0 acknowledged in 2 files (2 statements) in N s') : lines
assert failure('liquibase-xml-include-fails-build', 'sqlguard found 1 problem at or above ERROR: src/main/resources/db/changelog/changes/002-close-acme.xml:7:9 [delete-without-where] DELETE without WHERE removes every row of customers (changeset alice:2). Fix the statements or acknowledge them with <!-- sqlguard:allow <rule> reason: <why> --> before the change, or in the changeset\'s <comment> -> [Help 1]') : lines
def findingLines = lines.findAll { it.startsWith('[ERROR] src/main/resources/db/changelog/changes/002-close-acme.xml:') }
assert findingLines.size() == 1 : findingLines
return true
