def lines = new File(basedir, 'build.log').readLines()
// Whole lines as the user sees them; only the run time of the summary varies.
def summary = { String expected -> lines.any { it.replaceFirst(/ in [0-9.]+ s$/, ' in N s') == expected } }
assert lines.contains('[ERROR] src/main/resources/db/migration/V2__close_acme.sql:3:1: [delete-without-where] DELETE without WHERE removes every row of customers') : lines
assert lines.contains('[ERROR]     hint: Add a WHERE clause that selects exactly the rows to remove, or acknowledge it: -- sqlguard:allow delete-without-where reason: <why>') : lines
assert summary('[WARNING] sqlguard: 1 error, 0 warnings, 0 info, 0 acknowledged in 1 file (2 statements) in N s') : lines
assert lines.contains('[INFO] BUILD SUCCESS') : lines
assert lines.contains('[INFO] sqlguard: the build passes although 1 finding at ERROR is open, because failOn=NONE only reports them') : lines
assert new File(basedir, 'target/sqlguard/sqlguard.sarif').isFile()
def html = new File(basedir, 'target/sqlguard/sqlguard.html')
assert html.isFile() : 'the HTML page is one of the default formats'
assert html.getText('UTF-8').contains('DELETE without WHERE removes every row of customers')
return true
