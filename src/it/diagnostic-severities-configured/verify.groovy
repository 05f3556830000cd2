def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] src/main/resources/db/migration/V1__x.sql:3:1: [unknown-rule]') : log
assert !log.contains('[unused-suppression]') : log
assert !log.contains('[suppression-without-reason]') : log
assert log.contains('BUILD SUCCESS') : log
assert log.contains('unreadable-file cannot be switched off: a file sqlguard cannot read would pass unchecked') : log
return true
