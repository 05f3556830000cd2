def log = new File(basedir, 'build.log').text
// The include is found in the module the application depends on, not reported missing.
assert !log.contains('[missing-include]')
assert log.contains("db.changelog-master.xml:3:3: [include-outside-directories] Included changelog"
        + " 'classpath:db/changelog/shared/customers.xml' lies outside the scanned directories")
// The folder to scan is named as <directories> of the application module resolve it.
assert log.contains('hint: Add ../shared-changelogs/src/main/resources/db/changelog/shared to <directories>')
// Its createTable is part of the application's history: the type change knows the column's old type.
assert log.contains('changes the type of column note from varchar(500) to varchar(50)')
assert log.contains('BUILD SUCCESS')
return true
