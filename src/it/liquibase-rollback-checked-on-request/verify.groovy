def log = new File(basedir, 'build.log').text
assert log.contains('src/main/resources/db/changelog.sql:5:12: [drop-table]')
assert log.contains('changeset alice:1 rollback')
assert log.contains('src/main/resources/db/changelog.sql:9:34: [drop-column]')
return true
