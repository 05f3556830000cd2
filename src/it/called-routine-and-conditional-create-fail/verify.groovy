def lines = new File(basedir, 'build.log').readLines()
// Whole lines as the user sees them; only the run time of the summary varies.
def summary = { String expected -> lines.any { it.replaceFirst(/ in [0-9.]+ s$/, ' in N s') == expected } }
// The function body runs now: the script calls it, so its DELETE fails the build where it is written.
assert lines.contains('[ERROR] src/main/resources/db/migration/V2__cleanup.sql:3:3: [delete-without-where] DELETE without WHERE removes every row of order_lines (inside function tmp_fix body, which this script calls at line 6)') : lines
assert lines.contains('[ERROR]     hint: Add a WHERE clause that selects exactly the rows to remove, or acknowledge it: -- sqlguard:allow delete-without-where reason: <why>') : lines
// A table created only if it did not exist may have been there with rows: it is no scratch table.
assert lines.contains('[ERROR] src/main/resources/db/migration/V2__cleanup.sql:13:1: [delete-without-where] DELETE without WHERE removes every row of payments') : lines
assert summary('[ERROR] sqlguard: 2 errors, 0 warnings, 0 info, 0 acknowledged in 2 files (5 statements) in N s') : lines
assert lines.contains("[ERROR] Failed to execute goal ${projectGroupId}:${projectArtifactId}:${projectVersion}:check (default) on project called-routine-and-conditional-create-fail: sqlguard found 2 problems at or above ERROR: src/main/resources/db/migration/V2__cleanup.sql:3:3 [delete-without-where] DELETE without WHERE removes every row of order_lines (inside function tmp_fix body, which this script calls at line 6) (and 1 more). Fix the statements or acknowledge them with -- sqlguard:allow <rule> reason: <why> -> [Help 1]".toString()) : lines
return true
