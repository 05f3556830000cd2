def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('sqlguard: rehearsed 1 new migration(s) after 1 applied ones on PostgreSQL 17.6.0 with 300 rows per table')
assert log.contains('2 applied, 0 failed')
assert !log.contains('[rehearsal-')
return true
