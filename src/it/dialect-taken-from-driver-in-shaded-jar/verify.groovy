def lines = new File(basedir, 'build.log').readLines()
assert lines.any { it.startsWith('[INFO] sqlguard: dialect postgresql, from dependency org.postgresql:postgresql') } : lines
assert lines.any { it.startsWith('[INFO] sqlguard: dialect postgresql, from spring.datasource.driver-class-name in') } : lines
assert lines.contains('[INFO] BUILD SUCCESS') : lines
return true
