def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS') : 'a report never fails the build'
def page = new File(basedir, 'target/site/sqlguard.html')
assert page.isFile()
def html = page.getText('UTF-8')
assert html.contains('src/main/resources/db/migration/V2__close_acme.sql')
assert html.contains('DELETE without WHERE removes every row of customers')
assert html.contains('3 | DELETE FROM customers;')
assert html.contains('The build fails: 1 finding at or above ERROR')
// The site's report index links to the page, as it does for checkstyle and PMD.
assert new File(basedir, 'target/site/project-reports.html').text.contains('href="sqlguard.html"')
return true
