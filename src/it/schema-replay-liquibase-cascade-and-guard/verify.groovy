def log = new File(basedir, 'build.log').text
def file = 'src/main/resources/db/changelog/changes/002-cleanup.xml'
// The foreign key added in another file of the changelog carries the DELETE on to orders.
assert log.contains("[ERROR] ${file}:7:5: [delete-without-where] DELETE without WHERE removes every row of customers and, through ON DELETE CASCADE, every row of orders (changeset alice:2)")
// The rows were copied in full just before the drop: INFO, naming the copy.
assert log.contains("[INFO] ${file}:6:5: [drop-table] DROP TABLE removes table sessions and all its rows (guarded: rows copied to sessions_backup at line 5) (changeset alice:2)")
// NUMERIC(10,2) to NUMERIC(14,2) loses nothing: no finding.
assert !log.contains("${file}:4:")
assert log.contains('BUILD FAILURE')
return true
