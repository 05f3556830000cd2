def lines = new File(basedir, 'build.log').readLines()
// Whole lines as the user sees them; only the run time of the summary varies.
def summary = { String expected -> lines.any { it.replaceFirst(/ in [0-9.]+ s$/, ' in N s') == expected } }
assert summary('[INFO] sqlguard: 0 errors, 0 warnings, 0 info, 0 acknowledged in 2 files (6 statements) in N s') : lines
assert lines.contains('[INFO] BUILD SUCCESS') : lines
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/sqlguard/sqlguard.sarif'))
assert json.runs[0].results.isEmpty()
return true
