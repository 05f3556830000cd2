def log = new File(basedir, 'build.log').text
def file = 'src/main/resources/db/migration/V2__remove_orders_of_closed_customers.sql'
assert log.contains('BUILD FAILURE')
assert log.contains("[ERROR] ${file}:2:1: [rehearsal-row-loss] Rehearsed on 300 seeded rows per table, this statement removed 300 of 300 rows of orders")
assert log.contains('sqlguard: rehearsed 2 new migration(s) after 0 applied ones on PostgreSQL 17.6.0')
// The report files hold the rehearsal's findings beside check's.
def sarif = new File(basedir, 'target/sqlguard/sqlguard.sarif').text
assert sarif.contains('"ruleId": "rehearsal-row-loss"')
return true
