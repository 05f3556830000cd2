def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert !log.contains('V1__init.sql:')
assert !log.contains('V1.9__old.sql:')
assert log.contains('2 versioned script(s) at or below sinceVersion were not checked')
assert log.contains('[WARNING] src/main/resources/db/migration/U1.10__new.sql:1:1: [drop-table]')
// The count stands just before the summary, as the README shows it.
def lines = log.readLines()
int count = lines.findIndexOf { it.contains('at or below sinceVersion were not checked') }
assert lines[count + 1].contains('sqlguard: 0 errors, 1 warning') : lines[count + 1]
return true
