def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] src/main/resources/db/migration/V2__close_acme.sql:3:1: [delete-without-where] DELETE without WHERE removes every row of customers')
assert log.contains('DELETE FROM customers;') || log.contains('DELETE FROM customers')
assert !log.contains('V2__close_acme.sql:4:1')
assert !log.contains('V1__init.sql:')
assert log.contains('BUILD FAILURE')
def sarif = new File(basedir, 'target/sqlguard/sqlguard.sarif')
assert sarif.isFile()
def json = new groovy.json.JsonSlurper().parse(sarif)
assert json.version == '2.1.0'
def results = json.runs[0].results
assert results.size() == 1
assert results[0].ruleId == 'delete-without-where'
assert results[0].locations[0].physicalLocation.artifactLocation.uri == 'src/main/resources/db/migration/V2__close_acme.sql'
assert results[0].locations[0].physicalLocation.region.startLine == 3
return true
