def log = new File(basedir, 'build.log').text
assert log.contains("Unknown dialect 'postgres'; valid values are: auto, postgresql, mysql, mariadb, sqlserver, oracle, h2, sqlite")
assert !log.contains('NullPointerException')
return true
