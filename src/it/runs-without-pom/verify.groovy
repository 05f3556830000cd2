def folder = new File(basedir, 'no-pom')
assert !new File(folder, 'pom.xml').exists()
def mvnHome = System.getProperty('maven.home')
def mvn = mvnHome ? new File(mvnHome, 'bin/mvn').path : 'mvn'
// The repository the invoker installed this build of the plugin into, not the user's.
def repo = binding.hasVariable('localRepositoryPath') ? localRepositoryPath : System.getProperty('maven.repo.local')
def command = [mvn, '-B', '-e']
if (repo) { command << "-Dmaven.repo.local=${repo}".toString() }
command += ["${projectGroupId}:${projectArtifactId}:${projectVersion}:check-folder".toString(), "-Dsqlguard.directories=scripts"]
def process = command.execute(null, folder)
def output = new StringBuilder()
process.consumeProcessOutput(output, output)
process.waitFor()
new File(basedir, 'no-pom.log').text = output.toString()
assert process.exitValue() != 0 : output
assert output.contains('scripts/V2__close_acme.sql:3:1: [delete-without-where]') : output
assert new File(folder, 'target/sqlguard/sqlguard.sarif').isFile()
return true
