def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('1 acknowledged')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/sqlguard/sqlguard.json'))
def finding = json.findings.find { it.rule == 'drop-table' }
assert finding.acknowledged.by == 'pom'
assert finding.acknowledged.reason == 'undo scripts drop what their version created'
return true
