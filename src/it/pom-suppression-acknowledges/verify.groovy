def lines = new File(basedir, 'build.log').readLines()
// Whole lines as the user sees them; only the run time of the summary varies.
def summary = { String expected -> lines.any { it.replaceFirst(/ in [0-9.]+ s$/, ' in N s') == expected } }
assert lines.contains('[INFO] src/main/resources/db/migration/U4__reports.sql:1:1: [drop-table] DROP TABLE removes table reports and all its rows (guarded: table reports was created by its up script at V4__reports.sql:1, so rolling back loses only the rows written since) (undo migration, which runs only when its version is undone) (acknowledged: undo scripts drop what their version created)') : lines
assert summary('[INFO] sqlguard: 0 errors, 0 warnings, 0 info, 1 acknowledged in 2 files (2 statements) in N s') : lines
assert lines.contains('[INFO] BUILD SUCCESS') : lines
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/sqlguard/sqlguard.json'))
def finding = json.findings.find { it.rule == 'drop-table' }
assert finding.acknowledged.by == 'pom'
assert finding.acknowledged.reason == 'undo scripts drop what their version created'
return true
