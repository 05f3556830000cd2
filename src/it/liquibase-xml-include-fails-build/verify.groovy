def log = new File(basedir, 'build.log').text
assert log.contains('src/main/resources/db/changelog/changes/002-close-acme.xml:7:9: [delete-without-where] DELETE without WHERE removes every row of customers (changeset alice:2)')
assert !log.contains('002-close-acme.xml:4:')
def lines = log.readLines().findAll { it.startsWith('[ERROR] src/main/resources/db/changelog/changes/002-close-acme.xml:') }
assert lines.size() == 1 : lines
return true
