def lines = new File(basedir, 'build.log').readLines()
// Whole lines as the user sees them; only the run time of the summary varies.
def summary = { String expected -> lines.any { it.replaceFirst(/ in [0-9.]+ s$/, ' in N s') == expected } }
// The one finding is the DELETE of customers, whose ON DELETE CASCADE would take orders: the script deleted those
// first, so it stays at INFO, naming what guards it, and the build passes.
assert summary('[INFO] sqlguard: 0 errors, 0 warnings, 1 info, 0 acknowledged in 2 files (6 statements) in N s') : lines
assert lines.any { it.startsWith('[INFO] src/main/resources/db/migration/V2__close_acme.sql:3:1: [delete-cascades]')
        && it.contains('(guarded: the script deleted, emptied or moved the rows of orders at line 2 before)') } : lines
assert lines.contains('[INFO] BUILD SUCCESS') : lines
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/sqlguard/sqlguard.sarif'))
assert json.runs[0].results.size() == 1
assert json.runs[0].results[0].ruleId == 'delete-cascades'
assert json.runs[0].results[0].level == 'note'
return true
