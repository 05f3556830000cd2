def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('sqlguard: rehearsed 2 new migration(s) after 1 applied ones on PostgreSQL 17.6.0 with 300 rows per table')
assert log.contains('3 applied, 0 failed')
// The DELETE by key removes one row: no finding.
assert !log.contains('V2__remove_test_order.sql:1:1: [rehearsal-')
// The acknowledged DELETE is reported as information, and check does not call its acknowledgement unused.
assert log.contains('[INFO] src/main/resources/db/migration/V3__archive_orders.sql:2:1: [rehearsal-row-loss] Rehearsed on 300 seeded rows per table, this statement removed 300 of 300 rows of orders')
assert log.contains('(acknowledged: every order was copied to the archive database')
assert !log.contains('acknowledges nothing')
return true
