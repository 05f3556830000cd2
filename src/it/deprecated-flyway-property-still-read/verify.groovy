def log = new File(basedir, 'build.log').text
// The old property name still works: with prefix M, M1__old.sql is version 1 and left out by sinceVersion.
assert log.contains('[WARNING] sqlguard: the property sqlguard.flyway.sqlMigrationPrefix is deprecated; use sqlguard.sqlMigrationPrefix')
assert log.contains('1 versioned script(s) at or below sinceVersion were not checked')
assert log.contains('src/main/resources/db/migration/M2__new.sql:1:1: [delete-without-where]')
assert !log.contains('M1__old.sql:1:1')
assert log.contains('BUILD SUCCESS')
return true
