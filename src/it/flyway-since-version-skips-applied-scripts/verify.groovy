def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert !log.contains('V1__init.sql:')
assert !log.contains('V1.9__old.sql:')
assert log.contains('2 versioned script(s) at or below sinceVersion were not checked')
assert log.contains('[WARNING] src/main/resources/db/migration/U1.10__new.sql:1:1: [drop-table]')
return true
