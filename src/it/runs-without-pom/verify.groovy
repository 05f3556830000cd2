def folder = new File(basedir, 'no-pom')
assert !new File(folder, 'pom.xml').exists()
def mvnHome = System.getProperty('maven.home')
def mvn = mvnHome ? new File(mvnHome, 'bin/mvn').path : 'mvn'
def repo = System.getProperty('maven.repo.local')
def command = [mvn, '-B', '-e']
if (repo) { command << "-Dmaven.repo.local=${repo}".toString() }
command += ["${projectGroupId}:${projectArtifactId}:${projectVersion}:check".toString(), '-Dsqlguard.directories=scripts']
def process = command.execute(null, folder)
def output = new StringBuilder()
process.consumeProcessOutput(output, output)
process.waitFor()
new File(basedir, 'no-pom.log').text = output.toString()
assert process.exitValue() != 0 : output
def lines = output.toString().readLines()
assert lines.contains('[ERROR] scripts/V2__close_acme.sql:3:1: [delete-without-where] DELETE without WHERE removes every row of customers') : output
assert lines.contains('[ERROR]     hint: Add a WHERE clause that selects exactly the rows to remove, or acknowledge it: -- sqlguard:allow delete-without-where reason: <why>') : output
assert lines.any { it.replaceFirst(/ in [0-9.]+ s$/, ' in N s') == '[ERROR] sqlguard: 1 error, 0 warnings, 0 info, 0 acknowledged in 1 file (2 statements) in N s' } : output
assert lines.contains("[ERROR] Failed to execute goal ${projectGroupId}:${projectArtifactId}:${projectVersion}:check (default-cli) on project standalone-pom: sqlguard found 1 problem at or above ERROR: scripts/V2__close_acme.sql:3:1 [delete-without-where] DELETE without WHERE removes every row of customers. Fix the statements or acknowledge them with -- sqlguard:allow <rule> reason: <why> -> [Help 1]".toString()) : output
assert new File(folder, 'target/sqlguard/sqlguard.sarif').isFile()
return true
