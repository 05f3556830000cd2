def log = new File(basedir, 'build.log').text
assert log.contains('src/main/resources/db/migration/V3__rebuild_cache.sql:1:1: [suppression-without-reason]')
assert log.contains('src/main/resources/db/migration/V3__rebuild_cache.sql:2:1: [delete-without-where]')
return true
