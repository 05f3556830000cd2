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
    // The report goal's API travels inside, under its own package, so that the site plugin's copy can stand in.
    assert zip.getEntry('org/apache/maven/reporting/MavenReport.class') != null
} finally {
    zip.close()
}
// Maven resolves a plugin's dependencies on every build that runs one of its goals: the installed pom names none.
def pom = new groovy.xml.XmlSlurper().parse(new File(jar.path.replaceAll(/\.jar$/, '.pom')))
def resolved = pom.dependencies.dependency.findAll { !(it.scope.text() in ['provided', 'test']) }
assert resolved.isEmpty() : resolved.collect { it.artifactId.text() }
return true
