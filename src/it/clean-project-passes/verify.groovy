def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log =~ /sqlguard: 0 errors, 0 warnings/
assert log.contains('2 files')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/sqlguard/sqlguard.sarif'))
assert json.runs[0].results.isEmpty()
return true
