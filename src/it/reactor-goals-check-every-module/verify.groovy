def log = new File(basedir, 'build.log').text

// Every module is checked by a goal run from the root, and the parent pom is not taken for a module.
def count = { String text -> log.split('\n').count { it.contains(text) } }
def a = 'service-a/src/main/resources/db/migration/V1__x.sql:1:1: [delete-without-where]'
def b = 'service-b/src/main/resources/db/migration/V1__y.sql:2:1: [update-without-where]'
def shared = 'shared-migrations/V9__shared.sql:1:1: [drop-table]'
assert count('[ERROR] ' + a) == 1 : log
assert count('[ERROR] ' + b) == 1 : log
// Both modules check the shared folder; its finding is printed once, by the first.
assert count('[ERROR] ' + shared) == 1 : log
assert log.contains('are printed above, not again')
assert log.contains('reactor-parent has no migrations of its own')
assert !log.contains('SKIPPED')

// GitHub annotations name paths from the repository root.
assert log.contains('::error file=service-a/src/main/resources/db/migration/V1__x.sql,line=1,col=1,')

// Every report of a module names paths from the root of the reactor.
// Reports of the first run, before the baseline acknowledged everything (GitLab and checkstyle leave those out).
def reports = new File(basedir, 'service-a/target/first-run')
def sarif = new groovy.json.JsonSlurper().parse(new File(reports, 'sqlguard.sarif'))
def uris = sarif.runs[0].results.collect { it.locations[0].physicalLocation.artifactLocation.uri }
assert uris.contains('service-a/src/main/resources/db/migration/V1__x.sql') : uris
assert uris.contains('shared-migrations/V9__shared.sql') : uris
def json = new groovy.json.JsonSlurper().parse(new File(reports, 'sqlguard.json'))
assert json.findings*.file.contains('service-a/src/main/resources/db/migration/V1__x.sql')
def gitlab = new groovy.json.JsonSlurper().parse(new File(reports, 'gl-code-quality-report.json'))
assert gitlab*.location.path.contains('service-a/src/main/resources/db/migration/V1__x.sql')
assert new File(reports, 'checkstyle-result.xml').text.contains('name="service-a/src/main/resources/db/migration/V1__x.sql"')
assert new File(reports, 'TEST-sqlguard.xml').text.contains('service-a/src/main/resources/db/migration/V1__x.sql')

// The baseline goal run from the root writes one baseline per module, with paths from the module.
assert !new File(basedir, 'sqlguard-baseline.json').exists()
def baselineA = new groovy.json.JsonSlurper().parse(new File(basedir, 'service-a/sqlguard-baseline.json'))
def baselineB = new groovy.json.JsonSlurper().parse(new File(basedir, 'service-b/sqlguard-baseline.json'))
assert baselineA.toString().contains('src/main/resources/db/migration/V1__x.sql')
assert baselineB.toString().contains('src/main/resources/db/migration/V1__y.sql')
assert baselineB.toString().contains('shared-migrations/V9__shared.sql')

// The last check, with the baselines, passes.
assert log.contains('BUILD SUCCESS')
return true
