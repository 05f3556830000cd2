package io.github.sqlguard.maven;

import static io.github.sqlguard.maven.TestProjects.addPlugin;
import static io.github.sqlguard.maven.TestProjects.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.model.Dependency;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A {@code classpath:} location is found in the resources of the modules of the build the project depends on, as
 * Flyway finds it on the classpath, and one found nowhere is a warning.
 */
class FlywayModuleLocationsTest {

    private static final String GROUP = "org.flywaydb";
    private static final String PLUGIN = "flyway-maven-plugin";

    @TempDir
    Path folder;

    private MavenProject app;
    private MavenProject db;

    @BeforeEach
    void modules() throws IOException {
        app = module("app");
        db = module("db");
        write(folder.resolve("db/src/main/resources/db/migration/V1__orders.sql"), "CREATE TABLE orders (id INT);\n");
    }

    /** Named once, or twice (a location found by its first naming is no news for the second). */
    @ParameterizedTest
    @ValueSource(strings = {"<locations><location>classpath:db/migration</location></locations>",
        "<locations>classpath:db/migration,db/migration</locations>"})
    void aClasspathLocationIsFoundInTheModuleTheApplicationDependsOn(String locations) {
        addPlugin(app, GROUP, PLUGIN, locations);
        dependOn(app, db, null);

        FlywayPluginSettings settings = settings(app);

        assertEquals(List.of(folder.resolve("db/src/main/resources/db/migration")), settings.moduleLocations());
        assertEquals(List.of(), settings.warnings());
    }

    @Test
    void aModuleThatRunsSqlguardItselfIsLeftToItsOwnCheck() {
        addPlugin(app, GROUP, PLUGIN, "<locations><location>classpath:db/migration</location></locations>");
        addPlugin(db, "io.github.sqlguard", "sqlguard-maven-plugin", null);
        dependOn(app, db, null);

        FlywayPluginSettings settings = settings(app);

        assertEquals(List.of(), settings.moduleLocations());
        assertEquals(List.of(), settings.warnings(), "the location is there, checked in its own module");
    }

    @Test
    void throughAnotherModuleToo() throws IOException {
        MavenProject service = module("service");
        addPlugin(app, GROUP, PLUGIN, null);
        dependOn(app, service, "runtime");
        dependOn(service, db, null);

        assertEquals(List.of(folder.resolve("db/src/main/resources/db/migration")), settings(app, service)
                .moduleLocations(), "Flyway's default location, as the module runs Flyway");
    }

    @Test
    void theDefaultLocationCountsOnlyForAModuleThatRunsFlyway() {
        dependOn(app, db, null);

        assertEquals(List.of(), settings(app).moduleLocations(), "no Flyway in app: db checks its own scripts");

        Dependency flyway = new Dependency();
        flyway.setGroupId(GROUP);
        flyway.setArtifactId("flyway-core");
        app.getModel().addDependency(flyway);
        assertEquals(List.of(folder.resolve("db/src/main/resources/db/migration")), settings(app).moduleLocations());
    }

    @Test
    void aTestScopedModuleIsNotOnTheClasspathFlywayRunsWith() {
        addPlugin(app, GROUP, PLUGIN, "<locations>classpath:db/migration</locations>");
        dependOn(app, db, "test");

        FlywayPluginSettings settings = settings(app);

        assertEquals(List.of(), settings.moduleLocations());
        assertEquals(1, settings.warnings().size(), settings.warnings().toString());
    }

    @Test
    void aClasspathLocationFoundNowhereIsAWarningThatNamesIt() {
        addPlugin(app, GROUP, PLUGIN, "<locations>classpath:db/migration,classpath:db/gone</locations>");
        dependOn(app, db, null);

        List<String> warnings = settings(app).warnings();

        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("sqlguard: the Flyway location classpath:db/gone is in no resource "
                + "folder of app or of the modules of this build it depends on;"), warnings.get(0));
    }

    @Test
    void aLocationInTheModulesOwnResourcesIsNoNews() throws IOException {
        addPlugin(db, GROUP, PLUGIN, "<locations>classpath:db/migration,db/migration</locations>");

        FlywayPluginSettings settings = settings(db);

        assertEquals(List.of(), settings.warnings());
        assertEquals(List.of(), settings.moduleLocations());
    }

    private MavenProject module(String name) throws IOException {
        MavenProject module = TestProjects.project(folder.resolve(name));
        module.setArtifactId(name);
        return module;
    }

    private static void dependOn(MavenProject from, MavenProject to, String scope) {
        Dependency dependency = new Dependency();
        dependency.setGroupId(to.getGroupId());
        dependency.setArtifactId(to.getArtifactId());
        dependency.setVersion(to.getVersion());
        dependency.setScope(scope);
        from.getModel().addDependency(dependency);
    }

    private FlywayPluginSettings settings(MavenProject project, MavenProject... more) {
        List<MavenProject> reactor = new java.util.ArrayList<>(List.of(app, db));
        reactor.addAll(List.of(more));
        return FlywayPluginSettings.of(project, new BuildProperties(TestProjects.pomProperties(project), Map.of()),
                Map.of(), reactor);
    }
}
