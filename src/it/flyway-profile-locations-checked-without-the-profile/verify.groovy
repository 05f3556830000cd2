def log = new File(basedir, 'build.log').text
// Neither profile is active, yet flyway:migrate with -Pprod or -Pstaging runs their folders: both are checked.
assert log.contains('[ERROR] sql/prod/V2__drop_legacy.sql:2:1: [drop-table]') : log
assert log.contains('[ERROR] sql/staging/V3__reset.sql:1:1: [truncate-table]') : log
assert log.contains('in 3 files') : log
return true
