def log = new File(basedir, 'build.log').text
// Workflow commands must start the line: the runner ignores them behind Maven's [ERROR] prefix.
def command = log.readLines().find { it.startsWith('::error ') }
assert command != null : log
assert command.contains('file=src/main/resources/db/migration/V5__reset.sql')
assert command.contains('line=2')
assert command.contains('col=1')
assert command.contains('update-without-where')
return true
