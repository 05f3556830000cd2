def lines = new File(basedir, 'build.log').readLines()
// In MySQL the DELETE is inside the string ('\'' is an escaped quote); read as standard SQL it would be a statement.
assert lines.contains('[INFO] sqlguard: dialect mysql, from spring.datasource.url in src/main/resources/application.properties (set <dialect> to override)') : lines
assert lines.count { it.contains('sqlguard: dialect') } == 1 : lines
assert !lines.any { it.contains('[delete-without-where]') || it.contains('[update-without-where]') } : lines
assert lines.contains('[INFO] BUILD SUCCESS') : lines
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/sqlguard/sqlguard.json'))
assert !json.toString().contains('delete-without-where') : json
return true
