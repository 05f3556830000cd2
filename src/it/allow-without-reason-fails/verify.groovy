def lines = new File(basedir, 'build.log').readLines()
// Whole lines as the user sees them; only the run time of the summary varies.
def summary = { String expected -> lines.any { it.replaceFirst(/ in [0-9.]+ s$/, ' in N s') == expected } }
def failure = { String project, String message ->
    lines.contains("[ERROR] Failed to execute goal ${projectGroupId}:${projectArtifactId}:${projectVersion}:check (default) on project ${project}: ${message}".toString())
}
assert lines.contains('[ERROR] src/main/resources/db/migration/V3__rebuild_cache.sql:1:1: [suppression-without-reason] sqlguard:allow delete-without-where gives no reason, so it acknowledges nothing; add `reason: <why>` after the rule ids') : lines
assert lines.contains('[ERROR]     hint: Add the reason after the rule ids: `-- sqlguard:allow <rule-id> reason: <why this is safe>`.') : lines
assert lines.contains('[ERROR] src/main/resources/db/migration/V3__rebuild_cache.sql:2:1: [delete-without-where] DELETE without WHERE removes every row of price_cache') : lines
assert lines.contains('[ERROR]     hint: Add a WHERE clause that selects exactly the rows to remove, or acknowledge it: -- sqlguard:allow delete-without-where reason: <why>') : lines
assert summary('[ERROR] sqlguard: 2 errors, 0 warnings, 0 info, 0 acknowledged in 1 file (1 statement) in N s') : lines
assert failure('allow-without-reason-fails', 'sqlguard found 2 problems at or above ERROR: src/main/resources/db/migration/V3__rebuild_cache.sql:1:1 [suppression-without-reason] sqlguard:allow delete-without-where gives no reason, so it acknowledges nothing; add `reason: <why>` after the rule ids (and 1 more). Fix the statements or acknowledge them with -- sqlguard:allow <rule> reason: <why> -> [Help 1]') : lines
return true
