def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('sqlguard is skipped')
assert !log.contains('[delete-without-where]')
assert !new File(basedir, 'target/sqlguard/sqlguard.sarif').exists()
return true
