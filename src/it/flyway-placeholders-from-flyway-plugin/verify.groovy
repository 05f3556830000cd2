def log = new File(basedir, 'build.log').text
assert log.contains('src/main/db/migration/V2__purge.sql:4:1: [update-without-where] UPDATE without WHERE changes every row of \${schema}.invoices')
assert !log.contains('V2__purge.sql:2:1')
assert !log.contains('[unparsed-statement]')
assert !log.contains('V1__invoices.sql:')
return true
