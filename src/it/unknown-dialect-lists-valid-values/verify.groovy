def lines = new File(basedir, 'build.log').readLines()
// The whole failure line, as the user sees it.
assert lines.contains("[ERROR] Failed to execute goal ${projectGroupId}:${projectArtifactId}:${projectVersion}:check (default) on project unknown-dialect-lists-valid-values: sqlguard configuration: Unknown dialect 'postgress'; valid values are: auto, postgresql, mysql, mariadb, sqlserver, oracle, h2, sqlite -> [Help 1]".toString()) : lines
assert !lines.any { it.contains('NullPointerException') }
return true
