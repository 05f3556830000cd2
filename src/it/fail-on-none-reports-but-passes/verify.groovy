def log = new File(basedir, 'build.log').text
assert log.contains('src/main/resources/db/migration/V2__close_acme.sql:3:1: [delete-without-where]')
assert log.contains('BUILD SUCCESS')
assert log.contains('[INFO] sqlguard: the build passes although 1 finding at ERROR is open, because failOn=NONE only reports them')
assert new File(basedir, 'target/sqlguard/sqlguard.sarif').isFile()
def html = new File(basedir, 'target/sqlguard/sqlguard.html')
assert html.isFile() : 'the HTML page is one of the default formats'
assert html.getText('UTF-8').contains('DELETE without WHERE removes every row of customers')
return true
