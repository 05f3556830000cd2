import javax.xml.parsers.DocumentBuilderFactory

def lines = new File(basedir, 'build.log').readLines()
// Whole lines as the user sees them; only the run time of the summary varies.
def summary = { String expected -> lines.any { it.replaceFirst(/ in [0-9.]+ s$/, ' in N s') == expected } }
assert lines.contains('[ERROR] src/main/resources/db/migration/V2__close_acme.sql:2:1: [delete-without-where] DELETE without WHERE removes every row of customers') : lines
assert lines.contains('[ERROR]     hint: Add a WHERE clause that selects exactly the rows to remove, or acknowledge it: -- sqlguard:allow delete-without-where reason: <why>') : lines
assert lines.contains('[ERROR] src/main/resources/db/migration/V2__close_acme.sql:1:23: [drop-column] ALTER TABLE customers drops column legacy_code') : lines
assert lines.contains('[ERROR]     hint: Stop using the column in a release first, archive its values if they matter, then acknowledge the drop: -- sqlguard:allow drop-column reason: <why>') : lines
assert summary('[WARNING] sqlguard: 2 errors, 0 warnings, 0 info, 0 acknowledged in 1 file (2 statements) in N s') : lines
def dir = new File(basedir, 'target/sqlguard')
def slurper = new groovy.json.JsonSlurper()
def sarif = slurper.parse(new File(dir, 'sqlguard.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs[0].tool.driver.rules.find { it.id == 'drop-column' }.shortDescription.text
assert sarif.runs[0].results*.ruleId.sort() == ['delete-without-where', 'drop-column']
def json = slurper.parse(new File(dir, 'sqlguard.json'))
assert json.summary.errors == 2
assert json.findings*.line == [1, 2]
def gitlab = slurper.parse(new File(dir, 'gl-code-quality-report.json'))
assert gitlab.size() == 2
assert gitlab.every { it.description && it.check_name && it.fingerprint && it.severity && it.location.path && it.location.lines.begin }
def factory = DocumentBuilderFactory.newInstance()
def checkstyle = factory.newDocumentBuilder().parse(new File(dir, 'checkstyle-result.xml'))
assert checkstyle.getElementsByTagName('error').length == 2
def junit = factory.newDocumentBuilder().parse(new File(dir, 'TEST-sqlguard.xml'))
assert junit.documentElement.tagName == 'testsuite'
// One test case per finding; with failOn NONE none of them fails.
assert junit.getElementsByTagName('testcase').length == 2
assert junit.getElementsByTagName('failure').length == 0
assert junit.documentElement.getAttribute('tests') == '2'
return true
