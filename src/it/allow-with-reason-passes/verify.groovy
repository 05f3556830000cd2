def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('2 acknowledged')
assert log.contains("sqlguard: the build passes because all 2 findings at ERROR are acknowledged (2 by sqlguard:allow comments)")
assert log.contains('price_cache is rebuilt on start-up')
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/sqlguard/sqlguard.sarif'))
def results = sarif.runs[0].results
assert results.size() == 2
assert results.every { it.suppressions && it.suppressions[0].justification }
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/sqlguard/sqlguard.json'))
assert json.findings.find { it.rule == 'delete-without-where' }.acknowledged.reason == 'price_cache is rebuilt on start-up'
return true
