def lines = new File(basedir, 'build.log').readLines()
// Whole lines as the user sees them.
assert lines.contains('[INFO] sqlguard is skipped (sqlguard.skip=true): no migration was checked, so nothing can fail the build') : lines
assert lines.contains('[INFO] BUILD SUCCESS') : lines
assert !lines.any { it.contains('[delete-without-where]') }
assert !new File(basedir, 'target/sqlguard/sqlguard.sarif').exists()
return true
