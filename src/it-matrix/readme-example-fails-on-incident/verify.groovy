def log = new File(basedir, 'build.log').text
// The Maven the invoker was pointed at really ran the build (-V prints its version first).
assert log.contains("Apache Maven ${mavenVersionUnderTest}") : "not run by Maven ${mavenVersionUnderTest}"
assert log.contains('src/main/resources/db/migration/V2__close_acme.sql:3:1: [delete-without-where] DELETE without WHERE removes every row of orders')
assert log.contains('src/main/resources/db/migration/V2__close_acme.sql:4:1: [delete-without-where] DELETE without WHERE removes every row of customers')
assert log.contains('sqlguard found 2 problems at or above ERROR')
assert new File(basedir, 'target/sqlguard/sqlguard.html').isFile()
return true
