def lines = new File(basedir, 'build.log').readLines()
// Whole lines as the user sees them; only the run time of the summary varies.
def summary = { String expected -> lines.any { it.replaceFirst(/ in [0-9.]+ s$/, ' in N s') == expected } }
assert lines.contains('[INFO] sqlguard: 2 versioned script(s) at or below sinceVersion were not checked') : lines
assert lines.contains('[WARNING] src/main/resources/db/migration/U1.10__new.sql:1:1: [drop-table] DROP TABLE removes table t and all its rows (undo migration, which runs only when its version is undone)') : lines
assert lines.contains('[WARNING]     hint: Keep the table until no release uses it and its data is archived, then acknowledge the drop: -- sqlguard:allow drop-table reason: <why>') : lines
assert summary('[WARNING] sqlguard: 0 errors, 1 warning, 0 info, 0 acknowledged in 2 files (2 statements) in N s') : lines
assert lines.contains('[INFO] BUILD SUCCESS') : lines
assert !lines.any { it.contains('V1__init.sql:') || it.contains('V1.9__old.sql:') }
// The count stands just before the summary, as the README shows it.
int count = lines.findIndexOf { it.contains('at or below sinceVersion were not checked') }
assert lines[count + 1].contains('sqlguard: 0 errors, 1 warning') : lines[count + 1]
return true
