def baseline = new File(basedir, 'sqlguard-baseline.json')
assert baseline.isFile()
def json = new groovy.json.JsonSlurper().parse(baseline)
assert json.entries*.rule.sort() == ['delete-without-where', 'drop-table']
assert json.entries.every { it.file == 'src/main/resources/db/migration/V1__legacy.sql' }
def log = new File(basedir, 'build.log').text
assert log.contains('src/main/resources/db/migration/V2__new.sql:2:1: [delete-without-where]')
assert !log.contains('[ERROR] src/main/resources/db/migration/V1__legacy.sql')
assert log.contains('2 acknowledged')
return true
