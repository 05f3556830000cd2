package io.github.sqlguard.maven;

import static io.github.sqlguard.maven.TestProjects.addPlugin;
import static io.github.sqlguard.maven.TestProjects.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.Linter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Dependency;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} reads the migrations Flyway's and Liquibase's Maven plugins are told about, outside the resource
 * folders too, instead of passing with "nothing to check".
 */
class CheckMojoPluginLocationsTest {

    private static final String CREATE_ORDERS = "CREATE TABLE orders (id INT PRIMARY KEY);\n";

    @TempDir
    Path folder;

    private MavenProject project;
    private final TestProjects.RecordingLog log = new TestProjects.RecordingLog(false);
    private final List<String> warnings = log.warnings;
    private final List<String> infos = log.infos;

    @BeforeEach
    void project() throws IOException {
        project = TestProjects.project(folder);
    }

    @Test
    void aFlywayLocationsPropertyOfThePomIsChecked() throws IOException {
        addPlugin(project, "org.flywaydb", "flyway-maven-plugin", null);
        project.getProperties().setProperty("flyway.locations", "filesystem:db/sql");
        write(folder.resolve("db/sql/V1__orders.sql"), CREATE_ORDERS);
        write(folder.resolve("db/sql/V2__x.sql"), "DELETE FROM orders;\n");

        MojoFailureException failure = assertThrows(MojoFailureException.class, () -> mojo().execute());

        assertTrue(failure.getMessage().contains("db/sql/V2__x.sql:1:1 [delete-without-where]"),
                failure.getMessage());
    }

    @Test
    void aLiquibaseChangelogOutsideTheResourcesIsChecked() throws IOException {
        addPlugin(project, "org.liquibase", "liquibase-maven-plugin",
                "<changeLogFile>src/main/liquibase/master.xml</changeLogFile><url>jdbc:h2:mem:x</url>");
        write(folder.resolve("src/main/liquibase/master.xml"), """
                <databaseChangeLog>
                    <changeSet id="1" author="a">
                        <createTable tableName="t1"><column name="id" type="int"/></createTable>
                    </changeSet>
                    <changeSet id="2" author="a">
                        <delete tableName="t1"/>
                    </changeSet>
                </databaseChangeLog>
                """);

        MojoFailureException failure = assertThrows(MojoFailureException.class, () -> mojo().execute());

        assertTrue(failure.getMessage().contains("src/main/liquibase/master.xml:6:9 [delete-without-where]"),
                failure.getMessage());
    }

    @Test
    void aProjectWithoutResourcesWhoseChangelogLiesElsewhereHearsNothingOfThem() throws Exception {
        addPlugin(project, "org.liquibase", "liquibase-maven-plugin",
                "<changeLogFile>schema/changelog-master.xml</changeLogFile>");
        write(folder.resolve("schema/changelog-master.xml"), """
                <databaseChangeLog>
                    <changeSet id="1" author="a">
                        <createTable tableName="t1"><column name="id" type="int"/></createTable>
                    </changeSet>
                </databaseChangeLog>
                """);
        CheckMojo mojo = mojo();

        assertEquals(List.of(folder.resolve("schema")), mojo.lintConfig().directories());
        mojo.execute();
        assertEquals(List.of(), warnings, "src/main/resources is Maven's default, not a folder the pom names");
    }

    /**
     * A Grails application keeps its changelogs in grails-app/migrations, where the Grails database-migration plugin
     * reads them without any Maven plugin naming the folder: it is checked, not passed as "nothing to check".
     */
    @Test
    void aGrailsApplicationsMigrationsFolderIsChecked() throws Exception {
        write(folder.resolve("grails-app/migrations/changelog.xml"), """
                <databaseChangeLog>
                    <include file="1.0.x/purge.xml"/>
                </databaseChangeLog>
                """);
        write(folder.resolve("grails-app/migrations/1.0.x/purge.xml"), """
                <databaseChangeLog>
                    <changeSet id="1" author="a">
                        <delete tableName="audit_log"/>
                    </changeSet>
                </databaseChangeLog>
                """);
        CheckMojo mojo = mojo();

        assertEquals(List.of(folder.resolve("grails-app/migrations")), mojo.lintConfig().directories());
        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(failure.getMessage().contains("grails-app/migrations/1.0.x/purge.xml:3:9 [delete-without-where]"),
                failure.getMessage());
    }

    @Test
    void aMissingFlywayLocationIsStillAWarning() throws Exception {
        project.getProperties().setProperty("flyway.locations", "filesystem:db/sql,filesystem:db/extra");
        write(folder.resolve("db/sql/V1__orders.sql"), CREATE_ORDERS);

        mojo().execute();

        assertEquals(1, warnings.stream().filter(w -> w.contains("does not exist")).count(), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("directory db/extra does not exist")), warnings.toString());
    }

    @Test
    @SuppressWarnings("deprecation") // the session's simplest constructor, with the modules of the build
    void theMigrationsOfTheModuleTheApplicationDependsOnAreChecked() throws Exception {
        MavenProject app = TestProjects.project(folder.resolve("app"));
        MavenProject db = TestProjects.project(folder.resolve("db"));
        db.setArtifactId("db");
        addPlugin(app, "org.flywaydb", "flyway-maven-plugin",
                "<locations><location>classpath:db/migration</location></locations>");
        Dependency dependency = new Dependency();
        dependency.setGroupId(db.getGroupId());
        dependency.setArtifactId("db");
        app.getModel().addDependency(dependency);
        write(folder.resolve("db/src/main/resources/db/migration/V1__orders.sql"), CREATE_ORDERS);
        write(folder.resolve("db/src/main/resources/db/migration/V2__x.sql"), "DELETE FROM orders;\n");
        project = app;
        CheckMojo mojo = mojo();
        mojo.session = new MavenSession(null, new DefaultMavenExecutionRequest(), new DefaultMavenExecutionResult(),
                List.of(app, db));

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(failure.getMessage().contains("db/src/main/resources/db/migration/V2__x.sql:1:1 "
                + "[delete-without-where]"), failure.getMessage());
        assertEquals(List.of(), warnings);
    }

    @Test
    @SuppressWarnings("deprecation") // the session's simplest constructor
    void aCommandLinePropertyFillsALiquibaseReferenceOverThePluginsExpressionVariables() throws Exception {
        // mvn -Dcond=1=1 liquibase:update: Liquibase reads the system property before its runner's parameters
        addPlugin(project, "org.liquibase", "liquibase-maven-plugin",
                "<changeLogFile>src/main/liquibase/master.xml</changeLogFile><url>jdbc:h2:mem:x</url>"
                        + "<expressionVariables><cond>id = 1</cond></expressionVariables>");
        write(folder.resolve("src/main/liquibase/master.xml"), """
                <databaseChangeLog>
                    <changeSet id="1" author="a">
                        <createTable tableName="t1"><column name="id" type="int"/></createTable>
                    </changeSet>
                    <changeSet id="2" author="a">
                        <delete tableName="t1"><where>${cond}</where></delete>
                    </changeSet>
                </databaseChangeLog>
                """);
        CheckMojo mojo = mojo();
        mojo.session = new MavenSession(null, new DefaultMavenExecutionRequest(), new DefaultMavenExecutionResult(),
                List.of(project));
        mojo.session.getUserProperties().setProperty("cond", "1=1");

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(failure.getMessage().contains("src/main/liquibase/master.xml:6:9 [always-true-where]"),
                failure.getMessage());
    }

    @Test
    @SuppressWarnings("deprecation") // the session's simplest constructor, with the modules of the build
    void aModuleWhoseMigrationsAreCheckedByTheModuleItDependsOnSaysSo() throws Exception {
        MavenProject app = TestProjects.project(folder.resolve("app"));
        app.setArtifactId("app");
        MavenProject db = TestProjects.project(folder.resolve("db"));
        db.setArtifactId("db");
        addPlugin(db, "io.github.sqlguard", "sqlguard-maven-plugin", null);
        Dependency dependency = new Dependency();
        dependency.setGroupId(db.getGroupId());
        dependency.setArtifactId("db");
        app.getModel().addDependency(dependency);
        write(folder.resolve("db/src/main/resources/db/migration/V1__x.sql"), "DELETE FROM orders;\n");
        project = app;
        CheckMojo mojo = mojo();
        mojo.session = new MavenSession(null, new DefaultMavenExecutionRequest(), new DefaultMavenExecutionResult(),
                List.of(app, db));

        mojo.execute();

        assertEquals(List.of("sqlguard: no migrations in app (src/main/resources does not exist); the modules it"
                + " depends on that run sqlguard themselves (db) check their own; nothing to check"), infos);
    }

    @Test
    void aMissingLiquibaseChangelogIsAWarningBeforeNothingToCheck() throws Exception {
        addPlugin(project, "org.liquibase", "liquibase-maven-plugin",
                "<changeLogFile>src/main/liquibase/master.xml</changeLogFile>");

        mojo().execute();

        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("sqlguard: the liquibase-maven-plugin's changeLogFile "
                + "'src/main/liquibase/master.xml' was not found"), warnings.get(0));
        assertEquals(List.of("sqlguard: no migrations in fw2 (src/main/resources does not exist); nothing to check"),
                infos);
    }

    @Test
    void explicitDirectoriesWinOverThePluginsLocations() throws Exception {
        project.getProperties().setProperty("flyway.locations", "filesystem:db/sql");
        addPlugin(project, "org.liquibase", "liquibase-maven-plugin",
                "<changeLogFile>src/main/liquibase/master.xml</changeLogFile>");
        write(folder.resolve("src/main/liquibase/master.xml"), "<databaseChangeLog/>\n");
        CheckMojo mojo = mojo();
        mojo.directories = List.of(new File("migrations"));

        assertEquals(List.of(folder.resolve("migrations")), mojo.lintConfig().directories());
        assertEquals(List.of(), warnings);
    }

    @Test
    void aScannedFolderInsideTheResourcesFindsTheIncludesNamedByTheirPathOnTheClasspath() throws Exception {
        write(folder.resolve("src/main/resources/db/changelog/master.xml"), """
                <databaseChangeLog>
                    <include file="db/changelog/orders.xml"/>
                </databaseChangeLog>
                """);
        write(folder.resolve("src/main/resources/db/changelog/orders.xml"), """
                <databaseChangeLog>
                    <changeSet id="1" author="a">
                        <delete tableName="orders"/>
                    </changeSet>
                </databaseChangeLog>
                """);
        CheckMojo mojo = mojo();
        mojo.directories = List.of(new File("src/main/resources/db/changelog"));

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        // Liquibase finds db/changelog/orders.xml on the classpath, which src/main/resources is part of.
        assertTrue(failure.getMessage().contains("src/main/resources/db/changelog/orders.xml:3:9 "
                + "[delete-without-where]"), failure.getMessage());
        assertTrue(!failure.getMessage().contains("missing-include"), failure.getMessage());
    }

    @Test
    void aConfiguredBaselineFileThatDoesNotExistIsAWarningTheDefaultOneIsNot() throws Exception {
        write(folder.resolve("src/main/resources/db/migration/V1__orders.sql"), CREATE_ORDERS);
        CheckMojo mojo = mojo();
        mojo.baselineFile = folder.resolve("baseline/sqlguard.json").toFile();
        mojo.execute();
        assertEquals(List.of("sqlguard: the baseline file " + folder.resolve("baseline/sqlguard.json")
                + " (baselineFile) does not exist, so no finding is baselined; mvn sqlguard:baseline writes it"),
                warnings);

        warnings.clear();
        CheckMojo withDefault = mojo();
        withDefault.baselineFile = folder.resolve("sqlguard-baseline.json").toFile();
        withDefault.execute();
        assertEquals(List.of(), warnings);
    }

    @Test
    void javaMigrationsInsideExplicitDirectoriesAreFoundByTheirType() throws Exception {
        write(folder.resolve("module/src/main/resources/db/migration/V1__orders.sql"), CREATE_ORDERS);
        Path backfill = folder.resolve("module/src/main/java/com/acme/db/v2/V2__Backfill_orders.java");
        write(backfill, "public class V2__Backfill_orders extends BaseJavaMigration {\n}\n");
        write(folder.resolve("module/src/main/java/com/acme/db/Support.java"), "final class Support {\n}\n");
        write(folder.resolve("elsewhere/V3__Outside.java"), "class V3__Outside extends BaseJavaMigration {}\n");
        CheckMojo mojo = mojo();
        mojo.directories = List.of(new File("module"));

        List<String> javaFindings = new Linter().run(mojo.lintConfig()).findings().stream()
                .filter(finding -> finding.location().path().endsWith(".java"))
                .map(finding -> finding.location() + " " + finding.ruleId()).toList();
        assertEquals(List.of("module/src/main/java/com/acme/db/v2/V2__Backfill_orders.java:1:1 unchecked-change"),
                javaFindings,
                "a folder named in <directories> that holds a module's sources runs their Java migrations too");
    }

    @Test
    void javaMigrationsOfTheProjectAreFoundWhenDirectoriesNameItsScriptFolder() throws Exception {
        project.addCompileSourceRoot(folder.resolve("src/main/java").toString());
        write(folder.resolve("src/main/resources/db/migration/V1__orders.sql"), CREATE_ORDERS);
        Path named = folder.resolve("src/main/java/db/migration/V2__Backfill.java");
        write(named, "public class V2__Backfill extends AcmeMigration {\n}\n");
        Path typed = folder.resolve("src/main/java/com/acme/PurgeOrders.java");
        write(typed, "public class PurgeOrders extends BaseJavaMigration {\n}\n");
        CheckMojo mojo = mojo();
        mojo.directories = List.of(new File("src/main/resources/db/migration"));

        assertEquals(List.of(named, typed), mojo.lintConfig().flyway().javaMigrations(),
                "Flyway runs the classes of the scripts' package and every Java migration bean beside the scripts");
    }

    private CheckMojo mojo() {
        return TestProjects.checkMojo(project, log);
    }
}
