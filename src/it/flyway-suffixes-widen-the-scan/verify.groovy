def log = new File(basedir, 'build.log').text
// The flyway-maven-plugin's suffixes make .mysql files migrations: they are read like .sql ones.
assert log.contains('[ERROR] src/main/resources/db/migration/V7__purge.mysql:1:1: [delete-without-where]') : log
assert log.contains('src/main/resources/db/migration/R__refresh.mysql:1:1: [truncate-table]') : log
assert log.contains('in 3 files')
return true
