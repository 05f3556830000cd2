import javax.xml.parsers.DocumentBuilderFactory
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
