def lines = new File(basedir, 'build.log').readLines()
// Whole lines as the user sees them; only the run time of the summary varies.
def summary = { String expected -> lines.any { it.replaceFirst(/ in [0-9.]+ s$/, ' in N s') == expected } }
assert lines.contains('[INFO] src/main/resources/db/migration/V3__rebuild_cache.sql:2:1: [delete-without-where] DELETE without WHERE removes every row of price_cache (acknowledged: price_cache is rebuilt on start-up)') : lines
assert lines.contains('[INFO] src/main/resources/db/migration/V3__rebuild_cache.sql:3:1: [truncate-table] TRUNCATE removes every row of table session_tokens (acknowledged: sessions are short-lived)') : lines
assert summary('[INFO] sqlguard: 0 errors, 0 warnings, 0 info, 2 acknowledged in 1 file (2 statements) in N s') : lines
assert lines.contains('[INFO] BUILD SUCCESS') : lines
assert lines.contains("[INFO] sqlguard: the build passes because all 2 findings at ERROR are acknowledged (2 by sqlguard:allow comments)") : lines
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/sqlguard/sqlguard.sarif'))
def results = sarif.runs[0].results
assert results.size() == 2
assert results.every { it.suppressions && it.suppressions[0].justification }
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/sqlguard/sqlguard.json'))
assert json.findings.find { it.rule == 'delete-without-where' }.acknowledged.reason == 'price_cache is rebuilt on start-up'
return true
