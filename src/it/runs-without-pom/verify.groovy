def folder = new File(basedir, 'no-pom')
assert !new File(folder, 'pom.xml').exists()
def mvnHome = System.getProperty('maven.home')
def mvn = mvnHome ? new File(mvnHome, 'bin/mvn').path : 'mvn'
// The repository the invoker installed this build of the plugin into, not the user's.
def repo = binding.hasVariable('localRepositoryPath') ? localRepositoryPath : System.getProperty('maven.repo.local')
def run = { String goal ->
    def command = [mvn, '-B', '-e']
    if (repo) { command << "-Dmaven.repo.local=${repo}".toString() }
    command += ["${projectGroupId}:${projectArtifactId}:${projectVersion}:${goal}".toString(), '-Dsqlguard.directories=scripts']
    def process = command.execute(null, folder)
    def output = new StringBuilder()
    process.consumeProcessOutput(output, output)
    process.waitFor()
    new File(basedir, "no-pom-${goal}.log").text = output.toString()
    [process.exitValue(), output.toString()]
}

def (checkStatus, checkOutput) = run('check-folder')
assert checkStatus != 0 : checkOutput
assert checkOutput.contains('scripts/V2__close_acme.sql:3:1: [delete-without-where]') : checkOutput
def lines = checkOutput.readLines()
assert lines.contains('[ERROR] scripts/V2__close_acme.sql:3:1: [delete-without-where] DELETE without WHERE removes every row of customers') : checkOutput
assert lines.contains('[ERROR]     hint: Add a WHERE clause that selects exactly the rows to remove, or acknowledge it: -- sqlguard:allow delete-without-where reason: <why>') : checkOutput
assert lines.any { it.replaceFirst(/ in [0-9.]+ s$/, ' in N s') == '[ERROR] sqlguard: 1 error, 0 warnings, 0 info, 0 acknowledged in 1 file (2 statements) in N s' } : checkOutput
assert lines.contains("[ERROR] Failed to execute goal ${projectGroupId}:${projectArtifactId}:${projectVersion}:check-folder (default-cli) on project standalone-pom: sqlguard found 1 problem at or above ERROR: scripts/V2__close_acme.sql:3:1 [delete-without-where] DELETE without WHERE removes every row of customers. Fix the statements or acknowledge them with -- sqlguard:allow <rule> reason: <why> -> [Help 1]".toString()) : checkOutput
assert new File(folder, 'target/sqlguard/sqlguard.sarif').isFile()

// The baseline goal works without a pom too, and the check then passes.
def (baselineStatus, baselineOutput) = run('baseline-folder')
assert baselineStatus == 0 : baselineOutput
assert new File(folder, 'sqlguard-baseline.json').text.contains('scripts/V2__close_acme.sql')
def (againStatus, againOutput) = run('check-folder')
assert againStatus == 0 : againOutput
assert againOutput.contains('1 acknowledged') : againOutput
return true
