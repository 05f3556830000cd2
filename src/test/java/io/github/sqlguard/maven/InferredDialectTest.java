package io.github.sqlguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Under auto the project's one database decides the dialect; two databases, or a configured dialect, do not. */
class InferredDialectTest {

    private static final String SPRING = "spring.datasource.url in src/main/resources/application.properties";

    @TempDir
    Path folder;

    @Test
    void oneDatabaseDecidesAndTheLogSaysWhereItCameFrom() {
        assertEquals(new InferredDialect.Decision(Dialect.POSTGRESQL, Optional.of("sqlguard: dialect postgresql, "
                + "from " + SPRING + " (set <dialect> to override)")),
                InferredDialect.decide(List.of(new DatabaseUrl("jdbc:postgresql://db/app", SPRING))));
    }

    @Test
    void sourcesThatAgreeDecideTogetherAndTheFirstIsNamed() {
        InferredDialect.Decision decision = InferredDialect.decide(List.of(
                new DatabaseUrl("jdbc:mysql://db/app", "flyway.url"),
                new DatabaseUrl("jdbc:mysql://other/app", SPRING)));

        assertEquals(Dialect.MYSQL, decision.dialect());
        assertEquals(Optional.of("sqlguard: dialect mysql, from flyway.url (set <dialect> to override)"),
                decision.note());
    }

    @Test
    void twoDatabasesLeaveAutoAndTheLogNamesBoth() {
        assertEquals(new InferredDialect.Decision(Dialect.AUTO, Optional.of("sqlguard: dialect auto: the project "
                + "names more than one database, postgresql (url in flyway.toml) and h2 (" + SPRING + "); set "
                + "<dialect> to the one the migrations run on")), InferredDialect.decide(List.of(
                        new DatabaseUrl("jdbc:postgresql://db/app", "url in flyway.toml"),
                        new DatabaseUrl("jdbc:h2:mem:app", SPRING))));
    }

    @Test
    void aDatabaseWithoutDialectBesideOneWithADialectIsTwoDatabases() {
        assertEquals(Dialect.AUTO, InferredDialect.decide(List.of(new DatabaseUrl("jdbc:db2://db/app", "flyway.url"),
                new DatabaseUrl("jdbc:postgresql://db/app", SPRING))).dialect());
    }

    @Test
    void onlyADatabaseWithoutDialectStaysAutoQuietly() {
        assertEquals(new InferredDialect.Decision(Dialect.AUTO, Optional.empty()),
                InferredDialect.decide(List.of(new DatabaseUrl("jdbc:snowflake://acct/app", "flyway.url"))));
    }

    @Test
    void anUnresolvedUrlIsLeftOutRatherThanCountedAsADatabase() {
        assertEquals(Dialect.ORACLE, InferredDialect.decide(List.of(new DatabaseUrl("${DB_URL}", "flyway.url"),
                new DatabaseUrl("jdbc:oracle:thin:@db:1521/app", SPRING))).dialect());
        assertEquals(new InferredDialect.Decision(Dialect.AUTO, Optional.empty()), InferredDialect.decide(List.of()));
    }

    @Test
    void aConfiguredDialectWinsOverTheUrlAndNothingIsSaid() throws IOException {
        MavenProject project = TestProjects.project(folder);
        TestProjects.write(folder.resolve("src/main/resources/application.properties"),
                "spring.datasource.url=jdbc:mysql://db/app\n");
        List<String> logged = new ArrayList<>();

        assertEquals(Dialect.POSTGRESQL, of("postgresql", project, logged));
        assertEquals(List.of(), logged);
        assertEquals(Dialect.MYSQL, of("auto", project, logged));
        assertEquals(List.of("sqlguard: dialect mysql, from " + SPRING + " (set <dialect> to override)"), logged);
    }

    @Test
    void theUrlsOfFlywayLiquibaseAndSpringAreWeighedTogether() throws IOException {
        MavenProject project = TestProjects.project(folder);
        TestProjects.write(folder.resolve("src/main/resources/application.yml"),
                "spring:\n  datasource:\n    url: jdbc:mysql://db/app\n");
        TestProjects.addPlugin(project, "org.liquibase", "liquibase-maven-plugin",
                "<url>jdbc:mariadb://db/app</url>");
        List<String> logged = new ArrayList<>();

        assertEquals(Dialect.AUTO, of("auto", project, logged));
        assertEquals(List.of("sqlguard: dialect auto: the project names more than one database, mariadb (the "
                + "liquibase-maven-plugin's url) and mysql (spring.datasource.url in "
                + "src/main/resources/application.yml); set <dialect> to the one the migrations run on"), logged);
    }

    @Test
    void withoutAUrlTheDriverDependencyDecidesAndAUrlWinsOverIt() throws IOException {
        MavenProject project = TestProjects.project(folder);
        org.apache.maven.model.Dependency driver = new org.apache.maven.model.Dependency();
        driver.setGroupId("com.microsoft.sqlserver");
        driver.setArtifactId("mssql-jdbc");
        project.getModel().addDependency(driver);
        List<String> logged = new ArrayList<>();

        assertEquals(Dialect.SQLSERVER, of("auto", project, logged));
        assertEquals(List.of("sqlguard: dialect sqlserver, from dependency com.microsoft.sqlserver:mssql-jdbc, as no "
                + "setting names a database URL (set <dialect> to override)"), logged);

        TestProjects.write(folder.resolve("src/main/resources/application.properties"),
                "spring.datasource.url=jdbc:postgresql://db/app\n");
        assertEquals(Dialect.POSTGRESQL, of("auto", project, new ArrayList<>()));
    }

    @Test
    void theDriverGivenToTheFlywayPluginDecidesWithoutAUrl() throws IOException {
        MavenProject project = TestProjects.project(folder);
        org.apache.maven.model.Plugin flyway = TestProjects.addPlugin(project, "org.flywaydb", "flyway-maven-plugin",
                "<url>${env.DB_URL}</url>");
        org.apache.maven.model.Dependency driver = new org.apache.maven.model.Dependency();
        driver.setGroupId("com.oracle.database.jdbc");
        driver.setArtifactId("ojdbc11");
        flyway.addDependency(driver);
        List<String> logged = new ArrayList<>();

        assertEquals(Dialect.ORACLE, of("auto", project, logged));
        assertEquals(List.of("sqlguard: dialect oracle, from dependency com.oracle.database.jdbc:ojdbc11 of the "
                + "flyway-maven-plugin, as no setting names a database URL (set <dialect> to override)"), logged);
    }

    @Test
    void aPrismaLockFileNamesTheDatabaseOfAFolderCheckedWithoutAPom() throws IOException {
        write("prisma/migrations/migration_lock.toml", "# Please do not edit this file manually\n"
                + "provider = \"postgresql\"\n");
        write("prisma/migrations/20240101000000_init/migration.sql", "CREATE TABLE t (id INT);\n");
        List<String> logged = new ArrayList<>();

        assertEquals(Dialect.POSTGRESQL, of("auto", new MavenProject(), logged, List.of(folder), folder));
        assertEquals(List.of("sqlguard: dialect postgresql, from provider in prisma/migrations/migration_lock.toml"
                + " (set <dialect> to override)"), logged);
        List<String> warned = new ArrayList<>();
        assertEquals(Dialect.MYSQL, of("mysql", new MavenProject(), warned, List.of(folder), folder));
        assertEquals(List.of("WARNING sqlguard: dialect mysql is configured, but the provider in"
                + " prisma/migrations/migration_lock.toml is postgresql, the only database Prisma applies those"
                + " migrations to; they are read as mysql"), warned);
    }

    @Test
    void lockFilesOfDependenciesOfFoldersPerDatabaseAndOfTwoDatabasesDecideNothing() throws IOException {
        write("node_modules/lib/prisma/migrations/migration_lock.toml", "provider = \"mysql\"\n");
        List<String> logged = new ArrayList<>();

        assertEquals(Dialect.AUTO, of("auto", new MavenProject(), logged, List.of(folder), folder));
        assertEquals(List.of(), logged);

        // A folder per database already decides its scripts' dialect: their lock files add nothing
        write("db/postgresql/migrations/migration_lock.toml", "provider = \"postgresql\"\n");
        write("db/mysql/migrations/migration_lock.toml", "provider = 'mysql'\n");
        assertEquals(Dialect.AUTO, of("auto", new MavenProject(), logged, List.of(folder), folder));
        assertEquals(List.of(), logged);

        write("app/prisma/migrations/migration_lock.toml", "provider = \"sqlite\"\n");
        write("web/prisma/migrations/migration_lock.toml", "provider = \"postgresql\"\n");
        assertEquals(Dialect.AUTO, of("auto", new MavenProject(), logged, List.of(folder), folder));
        assertEquals(1, logged.size(), logged.toString());
    }

    private void write(String path, String text) throws IOException {
        TestProjects.write(folder.resolve(path), text);
    }

    private static Dialect of(String configured, MavenProject project, List<String> logged) {
        return of(configured, project, logged, List.of(), Path.of("."));
    }

    private static Dialect of(String configured, MavenProject project, List<String> logged, List<Path> scanned,
            Path base) {
        BuildProperties properties = new BuildProperties(TestProjects.pomProperties(project), Map.of());
        return InferredDialect.of(configured, project, properties,
                FlywayPluginSettings.of(project, properties, Map.of(), List.of()),
                LiquibasePluginSettings.of(project, properties), new SystemStreamLog() {
                    @Override
                    public void info(CharSequence content) {
                        logged.add(content.toString());
                    }

                    @Override
                    public void warn(CharSequence content) {
                        logged.add("WARNING " + content);
                    }
                }, scanned, base);
    }

    @Test
    void whenOnlyProfilesThatAreNotActiveNameADatabaseTheLogSaysWhichAndStaysAuto() {
        assertEquals(new InferredDialect.Decision(Dialect.AUTO, Optional.of("sqlguard: dialect auto: only profiles "
                + "that are not active name a database, mysql (spring.datasource.url in a-standalone.yml, "
                + "spring.datasource.url in a-distributed.yml) and h2 (spring.datasource.url in a-desktop.yml); "
                + "activate one with spring.profiles.active in application.properties or application.yml, or set "
                + "<dialect> to the one the migrations run on")),
                InferredDialect.undecidedAmongProfiles(List.of(
                        new DatabaseUrl("jdbc:mysql://db/app", "spring.datasource.url in a-standalone.yml"),
                        new DatabaseUrl("jdbc:h2:/opt/x", "spring.datasource.url in a-desktop.yml"),
                        new DatabaseUrl("${DB_URL}", "spring.datasource.url in a-cloud.yml"),
                        new DatabaseUrl("jdbc:mysql://db/m", "spring.datasource.url in a-distributed.yml"))));
        assertEquals(new InferredDialect.Decision(Dialect.AUTO, Optional.empty()),
                InferredDialect.undecidedAmongProfiles(List.of(new DatabaseUrl("${DB_URL}", "x"))));
    }
}
