def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('sqlguard:check')
assert log.contains('failOn')
assert log.contains('User property: sqlguard.failOn')
assert log.contains('The least severe finding that fails the build')
assert log.contains('User property: sqlguard.sqlMigrationPrefix')
assert log.contains('Default: **/*.sql,**/*.xml,**/*.yaml,**/*.yml,**/*.json')
assert log.contains('Default: ${project.build.directory}/sqlguard')
assert !log.contains('sqlguard:baseline') : 'only the goal asked for'
// The m2e lifecycle mapping travels inside the plugin jar, where Eclipse looks for it.
def jar = new File(localRepositoryPath, "${projectGroupId.replace('.', '/')}/${projectArtifactId}/${projectVersion}/${projectArtifactId}-${projectVersion}.jar")
def zip = new java.util.zip.ZipFile(jar)
try {
    def entry = zip.getEntry('META-INF/m2e/lifecycle-mapping-metadata.xml')
    assert entry != null
    def mapping = new groovy.xml.XmlSlurper().parse(zip.getInputStream(entry))
    assert mapping.pluginExecutions.pluginExecution.find { it.pluginExecutionFilter.goals.goal.text() == 'check' }.action.execute.runOnIncremental.text() == 'true'
} finally {
    zip.close()
}
return true
