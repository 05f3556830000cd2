package io.github.sqlguard.maven;

import static io.github.sqlguard.maven.TestProjects.addExecution;
import static io.github.sqlguard.maven.TestProjects.addManagedPlugin;
import static io.github.sqlguard.maven.TestProjects.addPlugin;
import static io.github.sqlguard.maven.TestProjects.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The changelogs liquibase-maven-plugin runs are found where the plugin finds them. */
class LiquibasePluginSettingsTest {

    private static final String GROUP = "org.liquibase";
    private static final String PLUGIN = "liquibase-maven-plugin";
    private static final String CHANGELOG = "<databaseChangeLog/>\n";

    @TempDir
    Path folder;

    private MavenProject project;

    @BeforeEach
    void project() throws IOException {
        project = TestProjects.project(folder);
    }

    @Test
    void aChangelogOutsideTheResourcesIsFoundFromTheProjectFolder() throws IOException {
        write(folder.resolve("src/main/liquibase/master.xml"), CHANGELOG);
        addPlugin(project, GROUP, PLUGIN, "<changeLogFile>src/main/liquibase/master.xml</changeLogFile>"
                + "<url>jdbc:h2:mem:x</url>");

        LiquibasePluginSettings settings = settings(Map.of());

        assertEquals(List.of(folder.resolve("src/main/liquibase/master.xml")), settings.changelogs());
        assertEquals(List.of(folder.resolve("src/main/liquibase")), settings.folders());
        assertEquals(List.of(), settings.warnings());
    }

    @Test
    void aGroovyChangelogIsAWarningThatItsChangesAreNotCheckedAndItsFolderIsStillScanned() throws IOException {
        write(folder.resolve("src/main/resources/db/master.groovy"), "databaseChangeLog {\n}\n");
        addPlugin(project, GROUP, PLUGIN, "<changeLogFile>db/master.groovy</changeLogFile>");

        LiquibasePluginSettings settings = settings(Map.of());

        assertEquals(List.of(folder.resolve("src/main/resources/db")), settings.folders());
        assertEquals(List.of("sqlguard: the liquibase-maven-plugin's changeLogFile 'db/master.groovy' is a Groovy "
                + "changelog, which sqlguard does not read; its changes are not checked, only the XML, YAML, JSON and "
                + "SQL files beside it. Review it by hand, or write its changes in one of those formats"),
                settings.warnings());
    }

    @Test
    void theChangelogParametersThePluginPassesAreRead() throws IOException {
        write(folder.resolve("src/main/resources/db/changelog/master.xml"), CHANGELOG);
        addPlugin(project, GROUP, PLUGIN, "<changeLogFile>db/changelog/master.xml</changeLogFile>"
                + "<expressionVariables><cond>1=1</cond><schema>app</schema></expressionVariables>"
                + "<expressionVars><property><name>victim</name><value>customers</value></property>"
                + "<cond>id = 1</cond></expressionVars>");

        assertEquals(Map.of("cond", "1=1", "schema", "app", "victim", "customers"), settings(Map.of()).parameters());
    }

    @Test
    void aSpringBootApplicationsLiquibaseParametersAreChangelogParametersTooBelowThePlugins() throws IOException {
        write(folder.resolve("src/main/resources/application.yml"), """
                spring:
                  liquibase:
                    change-log: classpath:db/changelog/master.xml
                    parameters:
                      victim: customers
                      cond: "1=1"
                ---
                spring:
                  config.activate.on-profile: test
                  liquibase.parameters.victim: test_customers
                """);
        write(folder.resolve("src/main/resources/config/application.properties"),
                "spring.liquibase.parameters.schema=app\nspring.flyway.enabled=false\n");
        addPlugin(project, GROUP, PLUGIN, "<expressionVariables><cond>id = 1</cond></expressionVariables>");

        assertEquals(Map.of("victim", "customers", "cond", "id = 1", "schema", "app"), settings(Map.of()).parameters());
    }

    @Test
    void aClasspathPathIsFoundInTheResourceDirectories() throws IOException {
        write(folder.resolve("src/main/resources/db/changelog/master.xml"), CHANGELOG);
        addPlugin(project, GROUP, PLUGIN, "<changeLogFile>db/changelog/master.xml</changeLogFile>");

        assertEquals(List.of(folder.resolve("src/main/resources/db/changelog/master.xml")),
                settings(Map.of()).changelogs());
    }

    @Test
    void aClasspathPrefixedPropertyIsFoundWithoutAnyPluginDeclared() throws IOException {
        write(folder.resolve("src/main/resources/db/changelog/master.xml"), CHANGELOG);

        assertEquals(List.of(folder.resolve("src/main/resources/db/changelog/master.xml")),
                settings(Map.of("liquibase.changeLogFile", "classpath:/db/changelog/master.xml")).changelogs());
    }

    @Test
    void thePropertyCountsWhenTheConfigurationSetsNoChangelogAndTheCommandLineWinsOverThePom() throws IOException {
        write(folder.resolve("db/pom.xml"), CHANGELOG);
        write(folder.resolve("db/cli.xml"), CHANGELOG);
        addPlugin(project, GROUP, PLUGIN, "<url>jdbc:h2:mem:x</url>");
        project.getProperties().setProperty("liquibase.changeLogFile", "db/pom.xml");

        assertEquals(List.of(folder.resolve("db/pom.xml")), settings(Map.of()).changelogs());
        assertEquals(List.of(folder.resolve("db/cli.xml")),
                settings(Map.of("liquibase.changeLogFile", "db/cli.xml")).changelogs());
    }

    @Test
    void theConfigurationWinsOverTheCommandLineAsForEveryMavenParameter() throws IOException {
        write(folder.resolve("db/configured.xml"), CHANGELOG);
        write(folder.resolve("db/cli.xml"), CHANGELOG);
        addPlugin(project, GROUP, PLUGIN, "<changeLogFile>db/configured.xml</changeLogFile>");

        assertEquals(List.of(folder.resolve("db/configured.xml")),
                settings(Map.of("liquibase.changeLogFile", "db/cli.xml")).changelogs());
    }

    @Test
    void eachExecutionsChangelogIsFound() throws IOException {
        write(folder.resolve("db/main/master.xml"), CHANGELOG);
        write(folder.resolve("db/audit/master.xml"), CHANGELOG);
        Plugin plugin = addPlugin(project, GROUP, PLUGIN, null);
        addExecution(plugin, "main", "<changeLogFile>db/main/master.xml</changeLogFile>");
        addExecution(plugin, "audit", "<changeLogFile>db/audit/master.xml</changeLogFile>");

        assertEquals(List.of(folder.resolve("db/main"), folder.resolve("db/audit")), settings(Map.of()).folders());
    }

    @Test
    void aPluginOnlyInPluginManagementIsReadButNotMissed() throws IOException {
        write(folder.resolve("db/master.xml"), CHANGELOG);
        addManagedPlugin(project, GROUP, PLUGIN, "<changeLogFile>db/master.xml</changeLogFile>");
        MavenProject without = TestProjects.project(folder.resolve("module"));
        addManagedPlugin(without, GROUP, PLUGIN, "<changeLogFile>db/master.xml</changeLogFile>");

        assertEquals(List.of(folder.resolve("db/master.xml")), settings(Map.of()).changelogs());
        assertEquals(LiquibasePluginSettings.NONE,
                LiquibasePluginSettings.of(without, new BuildProperties(Map.of(), Map.of())));
    }

    @Test
    void theChangelogOfAPropertyFileIsFound() throws IOException {
        write(folder.resolve("src/main/liquibase/master.yaml"), "databaseChangeLog: []\n");
        write(folder.resolve("liquibase.properties"), "url: jdbc:h2:mem:x\nchangeLogFile: src/main/liquibase/master.yaml\n");
        addPlugin(project, GROUP, PLUGIN, "<propertyFile>liquibase.properties</propertyFile>");

        assertEquals(List.of(folder.resolve("src/main/liquibase/master.yaml")), settings(Map.of()).changelogs());
    }

    @Test
    void thePropertyFileWinsOnlyWithPropertyFileWillOverride() throws IOException {
        write(folder.resolve("db/configured.xml"), CHANGELOG);
        write(folder.resolve("db/file.xml"), CHANGELOG);
        write(folder.resolve("src/main/resources/liquibase.properties"), "changeLogFile=db/file.xml\n");
        addPlugin(project, GROUP, PLUGIN, "<changeLogFile>db/configured.xml</changeLogFile>"
                + "<propertyFile>liquibase.properties</propertyFile>");

        assertEquals(List.of(folder.resolve("db/configured.xml")), settings(Map.of()).changelogs());
        assertEquals(List.of(folder.resolve("db/file.xml")),
                settings(Map.of("liquibase.propertyFileWillOverride", "true")).changelogs());
    }

    @Test
    void theSearchPathIsWhereAChangelogIsLookedUpFirst() throws IOException {
        write(folder.resolve("migrations/master.xml"), CHANGELOG);
        addPlugin(project, GROUP, PLUGIN, "<changeLogFile>master.xml</changeLogFile>"
                + "<searchPath>migrations</searchPath>");

        assertEquals(List.of(folder.resolve("migrations/master.xml")), settings(Map.of()).changelogs());
    }

    /** Liquibase looks up every changelog path in these folders, also what one module includes from another. */
    @Test
    void theSearchPathFoldersAreKeptForTheIncludes() throws IOException {
        write(folder.resolve("app/src/main/resources/db/master.xml"), CHANGELOG);
        addPlugin(project, GROUP, PLUGIN, "<changeLogFile>db/master.xml</changeLogFile>"
                + "<searchPath>common/src/main/resources, app/src/main/resources</searchPath>");

        assertEquals(List.of(folder.resolve("common/src/main/resources"), folder.resolve("app/src/main/resources")),
                settings(Map.of()).searchPath());
    }

    @Test
    void aChangelogNamedInTheBuildOutputIsCheckedWhereItsResourceLies() throws IOException {
        write(folder.resolve("src/main/resources/db/master.xml"), CHANGELOG);
        write(folder.resolve("target/classes/db/master.xml"), CHANGELOG);
        addPlugin(project, GROUP, PLUGIN, "<changeLogFile>" + folder.resolve("target/classes/db/master.xml")
                + "</changeLogFile>");

        assertEquals(List.of(folder.resolve("src/main/resources/db/master.xml")), settings(Map.of()).changelogs());
    }

    @Test
    void aMissingChangelogIsAWarningThatSaysWhereItWasLookedFor() {
        addPlugin(project, GROUP, PLUGIN, "<changeLogFile>src/main/liquibase/master.xml</changeLogFile>");

        LiquibasePluginSettings settings = settings(Map.of());

        assertEquals(List.of(), settings.changelogs());
        assertEquals(List.of("sqlguard: the liquibase-maven-plugin's changeLogFile 'src/main/liquibase/master.xml' "
                + "was not found (looked in the project folder, src/main/resources); its changes are not checked. "
                + "Correct the path, or list the changelog's folder in sqlguard's <directories>"), settings.warnings());
    }

    @Test
    void aChangelogInTheProjectFolderItselfIsAWarningNotAScanOfTheBuildOutput() throws IOException {
        write(folder.resolve("changelog.xml"), CHANGELOG);
        addPlugin(project, GROUP, PLUGIN, "<changeLogFile>changelog.xml</changeLogFile>");

        LiquibasePluginSettings settings = settings(Map.of());

        assertEquals(List.of(), settings.folders());
        assertEquals(List.of("sqlguard: the liquibase-maven-plugin's changeLogFile 'changelog.xml' lies in the "
                + "project folder itself, which sqlguard does not scan as a whole (it holds the build output); its "
                + "changes are not checked. Move the changelog into a folder of its own, or list that folder in "
                + "sqlguard's <directories>"), settings.warnings());
    }

    @Test
    void withoutPluginOrPropertyThereIsNothing() {
        assertEquals(LiquibasePluginSettings.NONE, settings(Map.of()));
    }

    @Test
    void theUrlIsTakenFromThePluginOrItsPropertyFileAsTheChangelogIs() throws IOException {
        write(folder.resolve("liquibase.properties"), "url=jdbc:postgresql://db/app\n");
        addPlugin(project, GROUP, PLUGIN, "<propertyFile>liquibase.properties</propertyFile>");

        assertEquals(List.of(new DatabaseUrl("jdbc:postgresql://db/app",
                "url in the liquibase-maven-plugin's propertyFile liquibase.properties")), settings(Map.of()).databaseUrls());
        assertEquals(List.of(new DatabaseUrl("jdbc:mysql://db/app", "the liquibase-maven-plugin's url")),
                settings(Map.of("liquibase.url", "jdbc:mysql://db/app")).databaseUrls());
        assertEquals(List.of("jdbc:postgresql://db/app"), settings(Map.of("liquibase.url", "jdbc:mysql://db/app",
                "liquibase.propertyFileWillOverride", "true")).databaseUrls().stream().map(DatabaseUrl::url).toList());
    }

    @Test
    void aSpringBootApplicationsChangelogOutsideTheResourcesIsScannedWithoutAnyPluginDeclared() throws IOException {
        write(folder.resolve("liquibase/master.yaml"), "databaseChangeLog: []\n");
        write(folder.resolve("src/main/resources/application.properties"),
                "spring.liquibase.change-log=file:liquibase/master.yaml\n");

        LiquibasePluginSettings settings = settings(Map.of());

        assertEquals(List.of(folder.resolve("liquibase/master.yaml")), settings.changelogs());
        assertEquals(List.of(folder.resolve("liquibase")), settings.folders());
        assertEquals(List.of(), settings.warnings());
    }

    @Test
    void everyProfilesSpringBootChangelogIsFoundOnTheClasspath() throws IOException {
        write(folder.resolve("src/main/resources/db/main.xml"), CHANGELOG);
        write(folder.resolve("src/main/resources/db/demo/extra.xml"), CHANGELOG);
        write(folder.resolve("src/main/resources/application.yml"), """
                spring:
                  liquibase:
                    change-log: classpath:db/main.xml
                ---
                spring:
                  config.activate.on-profile: demo
                  liquibase.changeLog: db/demo/extra.xml
                """);

        assertEquals(List.of(folder.resolve("src/main/resources/db/main.xml"),
                folder.resolve("src/main/resources/db/demo/extra.xml")), settings(Map.of()).changelogs());
    }

    @Test
    void aSpringBootChangelogThatIsNotThereIsAWarningThatSaysWhereItWasLookedFor() throws IOException {
        write(folder.resolve("src/main/resources/application.properties"),
                "spring.liquibase.change-log=classpath:db/changelog/master.yaml\n");

        LiquibasePluginSettings settings = settings(Map.of());

        assertEquals(List.of(), settings.changelogs());
        assertEquals(List.of("sqlguard: spring.liquibase.change-log 'classpath:db/changelog/master.yaml' "
                + "(src/main/resources/application.properties) was not found (looked in src/main/resources); its "
                + "changes are not checked. Correct the path, or list the changelog's folder in sqlguard's "
                + "<directories>"), settings.warnings());
    }

    private LiquibasePluginSettings settings(Map<String, String> commandLine) {
        return LiquibasePluginSettings.of(project, new BuildProperties(
                TestProjects.pomProperties(project), commandLine));
    }
}
