def log = new File(basedir, 'build.log').text
def dir = 'src/main/resources/db/migration/'
// The cascade: the DELETE also empties the tables that reference accounts through ON DELETE CASCADE.
assert log.contains("[ERROR] ${dir}V3__cleanup.sql:8:1: [delete-without-where] DELETE without WHERE removes every row of accounts and, through ON DELETE CASCADE, every row of invoices and invoice_lines")
// The guarded drop stays visible at INFO and names its guard.
assert log.contains("[INFO] ${dir}V3__cleanup.sql:4:5: [drop-table] DROP TABLE removes table audit_2019 and all its rows (guarded: runs only when audit_2019 is empty)")
// The widening in V2 is no finding; the narrowing in V3 names both types.
assert !log.contains("${dir}V2__widen_note.sql")
assert log.contains("[WARNING] ${dir}V3__cleanup.sql:7:22: [alter-column-type] ALTER TABLE invoices changes the type of column note from VARCHAR(500) to VARCHAR(50) (shorter: 500 to 50 characters)")
assert log.contains('BUILD FAILURE')
return true
