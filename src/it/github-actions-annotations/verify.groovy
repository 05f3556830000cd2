def lines = new File(basedir, 'build.log').readLines()
// Whole lines as the user sees them.
assert lines.contains('[ERROR] src/main/resources/db/migration/V5__reset.sql:2:1: [update-without-where] UPDATE without WHERE changes every row of accounts') : lines
assert lines.contains('[ERROR]     hint: Add a WHERE clause that selects exactly the rows to change (filling a column an earlier migration added: WHERE the_column IS NULL), or acknowledge it: -- sqlguard:allow update-without-where reason: <why>') : lines
// Workflow commands must start the line: the runner ignores them behind Maven's [ERROR] prefix.
assert lines.contains('::error file=src/main/resources/db/migration/V5__reset.sql,line=2,col=1,title=sqlguard update-without-where::UPDATE without WHERE changes every row of accounts%0AAdd a WHERE clause that selects exactly the rows to change (filling a column an earlier migration added: WHERE the_column IS NULL), or acknowledge it: -- sqlguard:allow update-without-where reason: <why>') : lines
return true
