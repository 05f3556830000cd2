def log = new File(basedir, 'build.log').text
// The include is found in the module the application depends on, not reported missing.
assert !log.contains('[missing-include]')
assert log.contains("db.changelog-master.xml:3:3: [include-outside-directories] 'classpath:db/changelog/shared/customers.xml'")
// Its createTable is part of the application's history: the type change knows the column's old type.
assert log.contains('changes the type of column note from varchar(500) to varchar(50)')
assert log.contains('BUILD SUCCESS')
return true
