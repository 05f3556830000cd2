def log = new File(basedir, 'build.log').text
def file = 'src/main/resources/db/migration/V2__customer_email.sql'
assert log.contains('BUILD FAILURE')
assert log.contains("[ERROR] ${file}:1:1: [rehearsal-failed] The migration does not apply to tables with rows: PostgreSQL says column \"email\" of relation \"customers\" contains null values")
assert log.contains('the statements after it in this migration were not run')
assert log.contains('1 failed')
return true
