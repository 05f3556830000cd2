def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('sqlguard:check')
assert log.contains('failOn')
assert log.contains('User property: sqlguard.failOn')
assert log.contains('The least severe finding that fails the build')
assert log.contains('User property: sqlguard.sqlMigrationPrefix')
// The help goal wraps a long default onto the next line.
assert log.replaceAll(/\s+/, ' ').contains('Default: **/*.sql,**/*.SQL,**/*.xml,**/*.yaml,**/*.yml,**/*.json,**/*.groovy')
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
    // The licenses of the plugin and of the libraries inside it travel with it.
    assert zip.getInputStream(zip.getEntry('META-INF/LICENSE')).text.contains('Apache License')
    assert zip.getInputStream(zip.getEntry('META-INF/THIRD-PARTY.txt')).text.contains('PostgreSQL JDBC Driver')
    assert zip.getInputStream(zip.getEntry('META-INF/licenses/postgresql/META-INF/LICENSE')).text.contains('PostgreSQL Global Development Group')
    assert zip.getInputStream(zip.getEntry('META-INF/licenses/checker-qual/META-INF/LICENSE.txt')).text.contains('Permission is hereby granted')
    assert zip.getEntry('LICENSE') == null : 'no licence of code that is not in the jar'
} finally {
    zip.close()
}
return true
