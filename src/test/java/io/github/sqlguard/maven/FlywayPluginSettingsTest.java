package io.github.sqlguard.maven;

import static io.github.sqlguard.maven.TestProjects.addManagedPlugin;
import static io.github.sqlguard.maven.TestProjects.addPlugin;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flyway's settings come from where flyway-maven-plugin takes them, in the order it lets them override. */
class FlywayPluginSettingsTest {

    private static final String GROUP = "org.flywaydb";
    private static final String PLUGIN = "flyway-maven-plugin";

    @TempDir
    Path folder;

    private MavenProject project;

    @BeforeEach
    void project() throws IOException {
        project = TestProjects.project(folder);
    }

    @Test
    void aLocationsPropertyInThePomIsReadWithThePluginDeclaredWithoutConfiguration() {
        addPlugin(project, GROUP, PLUGIN, null);
        project.getProperties().setProperty("flyway.locations", "filesystem:db/sql");

        assertEquals(List.of(folder.resolve("db/sql")), settings(Map.of(), Map.of()).locations());
    }

    @Test
    void aLocationsPropertyIsReadWithoutAnyFlywayPlugin() {
        project.getProperties().setProperty("flyway.locations", "filesystem:db/sql, classpath:db/more");

        assertEquals(List.of(folder.resolve("db/sql"), folder.resolve("src/main/resources/db/more")),
                settings(Map.of(), Map.of()).locations());
    }

    @Test
    void theCommandLineOverridesThePomPropertyWhichOverridesThePluginConfiguration() {
        addPlugin(project, GROUP, PLUGIN, "<locations><location>filesystem:db/configured</location></locations>"
                + "<sqlMigrationPrefix>M</sqlMigrationPrefix><sqlMigrationSeparator>-</sqlMigrationSeparator>");
        project.getProperties().setProperty("flyway.locations", "filesystem:db/pom");
        project.getProperties().setProperty("flyway.sqlMigrationPrefix", "P");

        FlywayPluginSettings fromPom = settings(Map.of(), Map.of());
        FlywayPluginSettings fromCommandLine = settings(Map.of("flyway.locations", "filesystem:db/cli"), Map.of());

        assertEquals(List.of(folder.resolve("db/pom")), fromPom.locations());
        assertEquals(Optional.of("P"), fromPom.versionedPrefix());
        assertEquals(Optional.of("-"), fromPom.separator(), "the configuration stands where nothing overrides it");
        assertEquals(List.of(folder.resolve("db/cli")), fromCommandLine.locations());
    }

    @Test
    void withoutAnyPropertyThePluginConfigurationStands() {
        addPlugin(project, GROUP, PLUGIN, "<locations>filesystem:db/configured</locations>");

        assertEquals(List.of(folder.resolve("db/configured")), settings(Map.of(), Map.of()).locations());
    }

    @Test
    void everyNamingAndPlaceholderSettingHasItsPropertyForm() {
        addPlugin(project, GROUP, PLUGIN, "<placeholders><schema>configured</schema><owner>app</owner>"
                + "</placeholders><sqlMigrationSuffixes><sqlMigrationSuffix>.sql</sqlMigrationSuffix>"
                + "</sqlMigrationSuffixes>");
        Map<String, String> commandLine = Map.of(
                "flyway.placeholders.schema", "billing",
                "flyway.placeholders.tenant", "acme",
                "flyway.placeholderPrefix", "#[",
                "flyway.placeholderSuffix", "]",
                "flyway.undoSqlMigrationPrefix", "D",
                "flyway.repeatableSqlMigrationPrefix", "A",
                "flyway.sqlMigrationSeparator", "--",
                "flyway.sqlMigrationSuffixes", ".sql,.pgsql");

        FlywayPluginSettings settings = settings(commandLine, Map.of());

        assertEquals(Map.of("schema", "billing", "owner", "app", "tenant", "acme"), settings.placeholders());
        assertEquals(Optional.of("#["), settings.placeholderPrefix());
        assertEquals(Optional.of("]"), settings.placeholderSuffix());
        assertEquals(Optional.of("D"), settings.undoPrefix());
        assertEquals(Optional.of("A"), settings.repeatablePrefix());
        assertEquals(Optional.of("--"), settings.separator());
        assertEquals(List.of(".sql", ".pgsql"), settings.suffixes());
    }

    @Test
    void environmentVariablesOverrideThePomButNotTheCommandLine() {
        project.getProperties().setProperty("flyway.locations", "filesystem:db/pom");
        project.getProperties().setProperty("flyway.sqlMigrationPrefix", "P");
        Map<String, String> environment = Map.of("FLYWAY_LOCATIONS", "filesystem:db/env",
                "FLYWAY_SQL_MIGRATION_PREFIX", "E", "FLYWAY_PLACEHOLDERS_SCHEMA", "billing", "PATH", "/bin");

        FlywayPluginSettings fromEnvironment = settings(Map.of(), environment);
        FlywayPluginSettings fromCommandLine = settings(Map.of("flyway.sqlMigrationPrefix", "C"), environment);

        assertEquals(List.of(folder.resolve("db/env")), fromEnvironment.locations());
        assertEquals(Optional.of("E"), fromEnvironment.versionedPrefix());
        assertEquals(Map.of("schema", "billing"), fromEnvironment.placeholders());
        assertEquals(Optional.of("C"), fromCommandLine.versionedPrefix());
    }

    @Test
    void aPluginOnlyInPluginManagementIsReadForMvnFlywayMigrate() {
        addManagedPlugin(project, GROUP, PLUGIN, "<locations>filesystem:db/managed</locations>");

        assertEquals(List.of(folder.resolve("db/managed")), settings(Map.of(), Map.of()).locations());
    }

    @Test
    void otherPropertiesAndABlankLocationsPropertyChangeNothing() {
        addPlugin(project, GROUP, PLUGIN, "<locations>filesystem:db/configured</locations>");
        project.getProperties().setProperty("flyway.url", "jdbc:h2:mem:x");
        project.getProperties().setProperty("sqlguard.flyway.sqlMigrationPrefix", "X");

        FlywayPluginSettings settings = settings(Map.of("flyway.locations", " "), Map.of());

        assertEquals(List.of(folder.resolve("db/configured")), settings.locations());
        assertEquals(Optional.empty(), settings.versionedPrefix());
    }

    @Test
    void aVendorFolderInALocationIsEveryFolderInItsPlace() throws IOException {
        Files.createDirectories(folder.resolve("src/main/sql/postgresql"));
        Files.createDirectories(folder.resolve("src/main/sql/mysql"));
        Files.createDirectories(folder.resolve("src/main/resources/db/vendor/h2/extra"));
        Files.createDirectories(folder.resolve("src/main/resources/db/vendor/oracle/extra"));
        addPlugin(project, GROUP, PLUGIN, "<locations><location>filesystem:src/main/sql/{vendor}</location>"
                + "<location>classpath:db/vendor/{vendor}/extra</location></locations>");

        assertEquals(List.of(folder.resolve("src/main/sql/mysql"), folder.resolve("src/main/sql/postgresql"),
                folder.resolve("src/main/resources/db/vendor/h2/extra"),
                folder.resolve("src/main/resources/db/vendor/oracle/extra")),
                settings(Map.of(), Map.of()).locations());
    }

    @Test
    void aVendorLocationWithoutAnyFolderStaysAsWrittenSoItIsReportedMissing() {
        project.getProperties().setProperty("flyway.locations", "filesystem:db/{vendor}");

        assertEquals(List.of(folder.resolve("db/{vendor}")), settings(Map.of(), Map.of()).locations());
    }

    private FlywayPluginSettings settings(Map<String, String> commandLine, Map<String, String> environment) {
        BuildProperties properties = new BuildProperties(
                TestProjects.pomProperties(project), commandLine);
        return FlywayPluginSettings.of(project, properties, environment);
    }
}
