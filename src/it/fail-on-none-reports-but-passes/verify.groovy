def log = new File(basedir, 'build.log').text
assert log.contains('src/main/resources/db/migration/V2__close_acme.sql:3:1: [delete-without-where]')
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'target/sqlguard/sqlguard.sarif').isFile()
return true
