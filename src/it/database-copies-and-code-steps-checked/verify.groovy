def log = new File(basedir, 'build.log').text
// A copy of a step for one database (x.sql.sqlite) is read like x.sql, though the default include names *.sql only.
assert log.contains('[ERROR] src/main/resources/schema/delta/55/02clear_staging.sql.sqlite:2:1: [delete-without-where]') : log
// A step of code among the scripts cannot be read: it is named, not passed over.
assert log.contains('src/main/resources/schema/delta/55/03purge.py:1:1: [unchecked-change] Python step 03purge.py') : log
assert log.contains('in 3 files') : log
return true
