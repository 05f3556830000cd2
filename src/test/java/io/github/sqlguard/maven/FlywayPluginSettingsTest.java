package io.github.sqlguard.maven;

import static io.github.sqlguard.maven.TestProjects.addManagedPlugin;
import static io.github.sqlguard.maven.TestProjects.addPlugin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void wildcardLocationsAreTheFoldersTheyMatchAsFlywayExpandsThem() throws IOException {
        Files.createDirectories(folder.resolve("sql/release-1/migration"));
        Files.createDirectories(folder.resolve("sql/release-2/extra/migration"));
        Files.createDirectories(folder.resolve("sql/archive/migration"));
        Files.createDirectories(folder.resolve("src/main/resources/db/team-a"));
        Files.createDirectories(folder.resolve("src/main/resources/db/team-b"));
        Files.createDirectories(folder.resolve("src/main/resources/db/other"));
        project.getProperties().setProperty("flyway.locations",
                "filesystem:sql/**/migration,classpath:db/team-?,filesystem:sql/release-*");

        assertEquals(List.of(folder.resolve("sql/archive/migration"), folder.resolve("sql/release-1/migration"),
                folder.resolve("sql/release-2/extra/migration"), folder.resolve("src/main/resources/db/team-a"),
                folder.resolve("src/main/resources/db/team-b"), folder.resolve("sql/release-1"),
                folder.resolve("sql/release-2")), settings(Map.of(), Map.of()).locations());
    }

    @Test
    void aWildcardLocationMatchingNoFolderStaysAsWrittenSoItIsReportedMissing() throws IOException {
        Files.createDirectories(folder.resolve("sql/common"));
        project.getProperties().setProperty("flyway.locations", "filesystem:sql/**/migration");

        assertEquals(List.of(folder.resolve("sql/**/migration")), settings(Map.of(), Map.of()).locations());
    }

    @Test
    void aVendorLocationWithoutAnyFolderStaysAsWrittenSoItIsReportedMissing() {
        project.getProperties().setProperty("flyway.locations", "filesystem:db/{vendor}");

        assertEquals(List.of(folder.resolve("db/{vendor}")), settings(Map.of(), Map.of()).locations());
    }

    @Test
    void theLocationsForJavaMigrationsKeepTheVendorFolderThatTheResourceFoldersExpand() throws IOException {
        Files.createDirectories(folder.resolve("src/main/resources/db/h2"));
        project.getProperties().setProperty("flyway.locations", "classpath:db/{vendor},filesystem:sql");

        FlywayPluginSettings settings = settings(Map.of(), Map.of());

        assertEquals(List.of(folder.resolve("src/main/resources/db/h2"), folder.resolve("sql")), settings.locations());
        assertEquals(List.of(folder.resolve("src/main/resources/db/{vendor}"), folder.resolve("sql")),
                settings.javaLocations(), "the packages of db/{vendor} are looked for in the sources");
    }

    @Test
    void aSpringBootApplicationPropertiesFileAddsItsLocationsPlaceholdersAndNaming() throws IOException {
        write("src/main/resources/application.properties", """
                spring.datasource.url=jdbc:postgresql://localhost/app
                spring.flyway.locations=classpath:db/migration,filesystem:sql/extra
                spring.flyway.placeholders.cleanup_cond=1=1
                spring.flyway.sql-migration-separator=-
                spring.flyway.placeholder-prefix=#[
                """);
        Files.createDirectories(folder.resolve("src/main/resources/db/migration"));

        FlywayPluginSettings settings = settings(Map.of(), Map.of());

        assertEquals(List.of(folder.resolve("src/main/resources/db/migration"), folder.resolve("sql/extra")),
                settings.locations());
        assertEquals(Map.of("cleanup_cond", "1=1"), settings.placeholders());
        assertEquals(Optional.of("-"), settings.separator());
        assertEquals(Optional.of("#["), settings.placeholderPrefix());
        assertEquals(List.of(), settings.warnings());
    }

    @Test
    void theEncodingFlywayReadsScriptsInComesFromSpringBootOrThePlugin() throws IOException {
        write("src/main/resources/application.properties", "spring.flyway.encoding=ISO-8859-1\n");

        assertEquals(Optional.of("ISO-8859-1"), settings(Map.of(), Map.of()).encoding());

        addPlugin(project, GROUP, PLUGIN, "<encoding>windows-1252</encoding>");

        assertEquals(Optional.of("windows-1252"), settings(Map.of(), Map.of()).encoding());
    }

    @Test
    void springBootYamlListsProfileDocumentsAndIndexedEntriesAddEveryLocation() throws IOException {
        write("src/main/resources/application.yml", """
                spring:
                  flyway:
                    locations:
                      - classpath:db/migration
                      - filesystem:sql/common
                    placeholders:
                      schema: billing
                ---
                spring:
                  config:
                    activate:
                      on-profile: prod
                  flyway:
                    locations: ${FLYWAY_LOCATIONS:filesystem:sql/prod}
                """);
        write("src/main/resources/config/application-ops.properties",
                "spring.flyway.locations[0]=filesystem:sql/ops\nspring.flyway.locations[1]=filesystem:sql/more\n");

        FlywayPluginSettings settings = settings(Map.of(), Map.of());

        assertEquals(List.of(folder.resolve("src/main/resources/db/migration"), folder.resolve("sql/common"),
                folder.resolve("sql/prod"), folder.resolve("sql/ops"), folder.resolve("sql/more")),
                settings.locations());
        assertEquals(Map.of("schema", "billing"), settings.placeholders());
    }

    @Test
    void aSpringBootPlaceholderWhoseNameHasDotsIsWrittenInBracketsWhichAreNotPartOfItsName() throws IOException {
        write("src/main/resources/application.properties", "spring.flyway.placeholders.[tenant.filter]=tenant = 1\n");
        write("src/main/resources/application-eu.yml", """
                spring:
                  flyway:
                    placeholders:
                      "[region.filter]": region = 'eu'
                """);

        assertEquals(Map.of("tenant.filter", "tenant = 1", "region.filter", "region = 'eu'"),
                settings(Map.of(), Map.of()).placeholders());
    }

    @Test
    void aPlaceholderThatAnotherSpringBootProfileGivesAnotherValueKeepsThatValueAsAnAlternative() throws IOException {
        write("src/main/resources/application.properties", """
                spring.flyway.placeholders.purge_filter=created < now()
                spring.flyway.placeholders.schema=app
                """);
        write("src/main/resources/application-prod.yml", """
                spring.flyway.placeholders:
                  purge_filter: 1 = 1
                  schema: app
                """);

        FlywayPluginSettings settings = settings(Map.of(), Map.of());

        assertEquals(Map.of("purge_filter", "created < now()", "schema", "app"), settings.placeholders());
        assertEquals(Map.of("purge_filter", List.of("1 = 1")), settings.placeholderAlternatives());
        assertEquals(Map.of(), settings.alternativesOutside(Map.of("purge_filter", "id < 0")),
                "sqlguard's own <placeholders> decide the value to check");
    }

    @Test
    void springBootLocationsFilteredByMavenOrReferringToAnotherKeyAreResolved() throws IOException {
        project.getProperties().setProperty("db.locations", "filesystem:sql/app");
        project.getProperties().setProperty("migration.dir", "sql/dev");
        write("src/main/resources/application.yml", """
                spring:
                  flyway:
                    locations: "@db.locations@"
                """);
        write("src/main/resources/application-dev.properties", """
                spring.flyway.locations=filesystem:${migration.dir},filesystem:${app.sql-root}/seed
                app.sql-root=sql/${app.tenant:acme}
                """);

        FlywayPluginSettings settings = settings(Map.of(), Map.of());

        assertEquals(List.of(folder.resolve("sql/app"), folder.resolve("sql/dev"), folder.resolve("sql/acme/seed")),
                settings.locations(), "the application's own settings come before its profiles'");
        assertEquals(List.of(), settings.warnings());
    }

    @Test
    void aSpringBootSuffixOrLocationReferringToAKeyEachProfileSetsTakesEveryProfilesValue() throws IOException {
        write("src/main/resources/application.properties", """
                spring.jpa.database=H2
                spring.flyway.sql-migration-suffixes=${spring.jpa.database}.sql
                spring.flyway.locations=filesystem:sql/${db.vendor:common},filesystem:ops/${ops.vendor}
                """);
        write("src/main/resources/application-mysql.properties",
                "spring.jpa.database=MYSQL\ndb.vendor=mysql\nops.vendor=mysql\n");
        write("src/main/resources/application-mssql.yml", "spring.jpa.database: SQL_SERVER\n");
        Files.createDirectories(folder.resolve("sql/common"));
        Files.createDirectories(folder.resolve("sql/mysql"));
        Files.createDirectories(folder.resolve("ops/mysql"));

        FlywayPluginSettings settings = settings(Map.of(), Map.of());

        assertEquals(List.of("H2.sql", "SQL_SERVER.sql", "MYSQL.sql"), settings.suffixes(),
                "the application's own value first, then each profile's");
        assertEquals(List.of(folder.resolve("sql/common"), folder.resolve("sql/mysql"), folder.resolve("ops/mysql")),
                settings.locations());
        assertEquals(List.of(), settings.warnings(), "a reference only a profile defines is no missing folder");
    }

    @Test
    void aSpringBootLocationWhoseReferenceNothingDefinesIsAWarningNotAFolderOfThatName() throws IOException {
        write("src/main/resources/application.properties",
                "spring.flyway.locations=classpath:db/migration,classpath:@sql.location@\n");
        Files.createDirectories(folder.resolve("src/main/resources/db/migration"));

        FlywayPluginSettings settings = settings(Map.of(), Map.of());

        assertEquals(List.of(folder.resolve("src/main/resources/db/migration")), settings.locations());
        assertEquals(List.of("sqlguard: spring.flyway.locations in "
                + folder.resolve("src/main/resources/application.properties") + " names 'classpath:@sql.location@', "
                + "but neither the application's files nor the pom's properties define @sql.location@; the migrations "
                + "there are not checked, list their folder in sqlguard's <directories>"), settings.warnings());
    }

    @Test
    void theLocationsOfProfilesThatAreNotActiveAreScannedTooButTheirNamingIsNotTaken() throws Exception {
        addPlugin(project, GROUP, PLUGIN, "<locations><location>filesystem:sql/common</location></locations>");
        project.getProperties().setProperty("sql.root", "sql");
        org.apache.maven.model.Profile prod = new org.apache.maven.model.Profile();
        prod.setId("prod");
        prod.getProperties().setProperty("flyway.locations", "filesystem:sql/common,filesystem:${sql.root}/prod");
        prod.getProperties().setProperty("flyway.sqlMigrationPrefix", "P");
        org.apache.maven.model.Profile staging = new org.apache.maven.model.Profile();
        staging.setId("staging");
        org.apache.maven.model.BuildBase build = new org.apache.maven.model.BuildBase();
        build.addPlugin(TestProjects.plugin(GROUP, PLUGIN,
                "<locations><location>filesystem:sql/common</location><location>filesystem:sql/staging</location>"
                + "</locations>"));
        staging.setBuild(build);
        project.getModel().addProfile(prod);
        project.getModel().addProfile(staging);

        FlywayPluginSettings settings = settings(Map.of(), Map.of());

        assertEquals(List.of(folder.resolve("sql/common"), folder.resolve("sql/prod"), folder.resolve("sql/staging")),
                settings.locations());
        assertEquals(Optional.empty(), settings.versionedPrefix());
    }

    @Test
    void thePomWinsOverSpringBootForNamingAndPlaceholdersAndBothLocationsAreScanned() throws IOException {
        addPlugin(project, GROUP, PLUGIN, "<locations>filesystem:db/plugin</locations>"
                + "<sqlMigrationSeparator>__</sqlMigrationSeparator><placeholders><schema>pom</schema></placeholders>");
        write("src/main/resources/application.properties", """
                spring.flyway.locations=filesystem:db/app
                spring.flyway.sqlMigrationSeparator=-
                spring.flyway.placeholders.schema=app
                spring.flyway.placeholders.owner=app_owner
                """);

        FlywayPluginSettings settings = settings(Map.of(), Map.of());

        assertEquals(List.of(folder.resolve("db/plugin"), folder.resolve("db/app")), settings.locations());
        assertEquals(Optional.of("__"), settings.separator());
        assertEquals(Map.of("schema", "pom", "owner", "app_owner"), settings.placeholders());
    }

    @Test
    void aFlywayConfInTheProjectFolderAddsItsLocations() throws IOException {
        write("flyway.conf", """
                flyway.url=jdbc:postgresql://localhost:5432/app
                flyway.locations=filesystem:src/main/sql
                flyway.placeholders.env=prod
                flyway.sqlMigrationPrefix=M
                """);

        FlywayPluginSettings settings = settings(Map.of(), Map.of());

        assertEquals(List.of(folder.resolve("src/main/sql")), settings.locations());
        assertEquals(Map.of("env", "prod"), settings.placeholders());
        assertEquals(Optional.of("M"), settings.versionedPrefix());
    }

    @Test
    void aFlywayTomlAddsTheLocationsOfItsFlywayTableAndOfEachEnvironment() throws IOException {
        write("flyway.toml", """
                [environments.default]
                url = "jdbc:postgresql://localhost:5432/app"  # the local database
                locations = ["filesystem:not/flyway"]

                [flyway]
                locations = [
                    "filesystem:src/main/sql",   # shared
                    "filesystem:src/main/seed"
                ]
                placeholders = { schema = "app", owner = 'ops, team' }
                sqlMigrationSeparator = "--"

                [environments.prod.flyway]
                locations = ["filesystem:src/main/prod"]

                [flyway.placeholders]
                tenant = "acme"
                """);

        FlywayPluginSettings settings = settings(Map.of(), Map.of());

        assertEquals(List.of(folder.resolve("src/main/sql"), folder.resolve("src/main/seed"),
                folder.resolve("src/main/prod")), settings.locations());
        assertEquals(Map.of("schema", "app", "owner", "ops, team", "tenant", "acme"), settings.placeholders());
        assertEquals(Optional.of("--"), settings.separator());
    }

    @Test
    void configFilesNamedInThePomAreReadAndAMissingOrMalformedOneIsAWarning() throws IOException {
        write("conf/prod.conf", "flyway.locations=filesystem:db/prod\n");
        project.getProperties().setProperty("flyway.configFiles", "conf/prod.conf, conf/missing.conf");
        write("src/main/resources/application.yml", "spring:\n  flyway: [unclosed\n");

        FlywayPluginSettings settings = settings(Map.of(), Map.of());

        assertEquals(List.of(folder.resolve("db/prod")), settings.locations());
        assertEquals(2, settings.warnings().size(), settings.warnings().toString());
        assertTrue(settings.warnings().get(0).startsWith("sqlguard: could not read the Spring Boot settings in "
                + folder.resolve("src/main/resources/application.yml") + " (not valid YAML"), settings.warnings().get(0));
        assertEquals("sqlguard: the Flyway config file 'conf/missing.conf' named by configFiles was not found; "
                + "the locations it sets are not scanned", settings.warnings().get(1));
    }

    @Test
    void theBaselineVersionIsTheLowestAnySourceNames() throws IOException {
        assertEquals(Optional.empty(), settings(Map.of(), Map.of()).baselineVersion());

        addPlugin(project, GROUP, PLUGIN, "<baselineVersion>3</baselineVersion>");
        assertEquals(Optional.of("3"), settings(Map.of(), Map.of()).baselineVersion());

        write("src/main/resources/application.properties", "spring.flyway.baseline-version=1.5\n");
        assertEquals(Optional.of("1.5"), settings(Map.of(), Map.of()).baselineVersion());
        assertEquals(Optional.of("0"), settings(Map.of("flyway.baselineVersion", "0"), Map.of()).baselineVersion());
        assertEquals(Optional.of("1.5"), settings(Map.of("flyway.baselineVersion", "2"), Map.of()).baselineVersion());

        // a value that is no version may be any: it is kept, and no script then counts as the empty schema's
        write("flyway.conf", "flyway.baselineVersion=${baseline}\n");
        assertEquals(Optional.of("${baseline}"), settings(Map.of(), Map.of()).baselineVersion());
    }

    @Test
    void theDefaultSchemaIsThePluginsDefaultSchemaElseTheFirstOfItsSchemas() throws IOException {
        addPlugin(project, GROUP, PLUGIN, "<schemas><schema>referencedata</schema><schema>audit</schema></schemas>");
        assertEquals(Optional.of("referencedata"), settings(Map.of(), Map.of()).defaultSchema());

        project = TestProjects.project(folder);
        addPlugin(project, GROUP, PLUGIN, "<defaultSchema>app</defaultSchema><schemas>referencedata</schemas>");
        assertEquals(Optional.of("app"), settings(Map.of(), Map.of()).defaultSchema());
    }

    @Test
    void theDefaultSchemaPropertiesOverrideThePluginConfiguration() {
        addPlugin(project, GROUP, PLUGIN, "<schemas>configured</schemas>");
        project.getProperties().setProperty("flyway.schemas", "pom,other");

        assertEquals(Optional.of("pom"), settings(Map.of(), Map.of()).defaultSchema());
        assertEquals(Optional.of("cli"), settings(Map.of("flyway.defaultSchema", "cli"), Map.of()).defaultSchema());
        assertEquals(Optional.of("env"), settings(Map.of(), Map.of("FLYWAY_DEFAULT_SCHEMA", "env")).defaultSchema());
    }

    @Test
    void aSpringBootDefaultSchemaOrSchemaListNamesTheDefaultSchema() throws IOException {
        write("src/main/resources/application.properties", "spring.flyway.schemas=referencedata\n");
        assertEquals(Optional.of("referencedata"), settings(Map.of(), Map.of()).defaultSchema());

        write("src/main/resources/application.properties", "");
        write("src/main/resources/application.yml", """
                spring:
                  flyway:
                    default-schema: app
                    schemas:
                      - referencedata
                """);
        assertEquals(Optional.of("app"), settings(Map.of(), Map.of()).defaultSchema());
    }

    @Test
    void aFlywayConfNamesTheDefaultSchema() throws IOException {
        write("flyway.conf", "flyway.schemas=referencedata,audit\n");

        assertEquals(Optional.of("referencedata"), settings(Map.of(), Map.of()).defaultSchema());
    }

    /** Which of two different default schemas runs the scripts is not known; nor is a placeholder's value. */
    @Test
    void noDefaultSchemaWhenSourcesDisagreeOrTheNameIsNoPlainOne() throws IOException {
        addPlugin(project, GROUP, PLUGIN, "<defaultSchema>app</defaultSchema>");
        write("src/main/resources/application.properties", "spring.flyway.default-schema=referencedata\n");
        assertEquals(Optional.empty(), settings(Map.of(), Map.of()).defaultSchema());

        write("src/main/resources/application.properties", "spring.flyway.default-schema=app\n");
        assertEquals(Optional.of("app"), settings(Map.of(), Map.of()).defaultSchema());

        assertEquals(Optional.empty(), settings(Map.of("flyway.defaultSchema", "${schema}"), Map.of()).defaultSchema());
        assertEquals(Optional.empty(), settings(Map.of("flyway.defaultSchema", "RefData"), Map.of()).defaultSchema());
    }

    private void write(String path, String text) throws IOException {
        Path file = folder.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void theUrlSettingWinsOverThePluginsUrlAndTheConfigFilesAddTheirs() throws IOException {
        addPlugin(project, GROUP, PLUGIN, "<url>jdbc:h2:mem:app</url>");
        write("flyway.conf", "flyway.url=jdbc:mysql://db/app\n");
        write("flyway.toml", """
                [environments.default]
                url = "jdbc:postgresql://db/app"
                user = "app"
                [environments.default.flyway]
                locations = ["filesystem:db/toml"]
                """);

        assertEquals(List.of(new DatabaseUrl("jdbc:h2:mem:app", "the flyway-maven-plugin's <url>"),
                new DatabaseUrl("jdbc:mysql://db/app", "url in flyway.conf"),
                new DatabaseUrl("jdbc:postgresql://db/app", "url in flyway.toml")),
                settings(Map.of(), Map.of()).databaseUrls());
        assertEquals(List.of(new DatabaseUrl("jdbc:oracle:thin:@db/app", "flyway.url")),
                settings(Map.of(), Map.of("FLYWAY_URL", "jdbc:oracle:thin:@db/app")).databaseUrls().subList(0, 1));
        assertEquals(List.of(folder.resolve("db/toml")), settings(Map.of(), Map.of()).locations());
    }

    @Test
    void aSpringFlywayUrlIsNotAFlywaySettingsUrlHere() throws IOException {
        write("src/main/resources/application-test.properties", "spring.flyway.url=jdbc:h2:mem:test\n");

        assertEquals(List.of(), settings(Map.of(), Map.of()).databaseUrls());
    }

    private FlywayPluginSettings settings(Map<String, String> commandLine, Map<String, String> environment) {
        BuildProperties properties = new BuildProperties(
                TestProjects.pomProperties(project), commandLine);
        return FlywayPluginSettings.of(project, properties, environment, List.of());
    }
}
