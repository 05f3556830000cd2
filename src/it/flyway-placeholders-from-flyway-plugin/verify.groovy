def log = new File(basedir, 'build.log').text
// The message names the table the placeholder stands for; the source line below it shows the script as written.
assert log.contains('src/main/db/migration/V2__purge.sql:4:1: [update-without-where] UPDATE without WHERE changes every row of billing.invoices')
assert !log.contains('V2__purge.sql:2:1')
assert !log.contains('[unparsed-statement]')
assert !log.contains('V1__invoices.sql:')
return true
