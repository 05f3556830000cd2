def lines = new File(basedir, 'build.log').readLines()
// A first run on migrations that already ran: the failure names the baseline, as editing them changes checksums.
def failure = "[ERROR] Failed to execute goal ${projectGroupId}:${projectArtifactId}:${projectVersion}:check (default) on project findings-in-several-migrations-name-the-baseline: sqlguard found 2 problems at or above ERROR: src/main/resources/db/migration/V2__purge.sql:1:1 [delete-without-where] DELETE without WHERE removes every row of customers (and 1 more). Fix the statements or acknowledge them with -- sqlguard:allow <rule> reason: <why>. They are in 2 files: for migrations that already ran, whose text Flyway and Liquibase checksum, record the findings once with mvn sqlguard:baseline instead -> [Help 1]".toString()
assert lines.contains(failure) : lines.findAll { it.contains('Failed to execute goal') }
assert lines.contains('[INFO] BUILD FAILURE')
return true
