def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS') : log
// legacy/** (from the Flyway location) and db/migration/legacy/*.sql (from the resource folder) both match.
assert log.contains('3 acknowledged') : log
// The exclude is read from the Flyway location too: V0 is not scanned.
assert !log.contains('V0__excluded.sql')
assert log.contains('in 2 files')
// The unused entry is reported at its own <suppression> element, with what to change.
def pomLines = new File(basedir, 'pom.xml').readLines()
int line = pomLines.findIndexOf { it.contains('<rule>drop-column</rule>') }   // 0-based: the line before is <suppression>
int column = pomLines[line - 1].indexOf('<suppression>') + 1
assert log.contains("[WARNING] pom.xml:${line}:${column}: [unused-suppression] The pom <suppression> of drop-column for files archive/** matched no finding") : log
assert log.contains('hint: Remove this <suppression>, or correct its <rule> or <files>')
return true
