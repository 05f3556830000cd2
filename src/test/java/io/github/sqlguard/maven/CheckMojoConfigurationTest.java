package io.github.sqlguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.LintConfig;
import io.github.sqlguard.SuppressionConfig;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.ScriptMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

/** The pom configuration reaches the lint configuration unchanged in meaning. */
@MojoTest
class CheckMojoConfigurationTest {

    private static final String POM = "src/test/resources/unit/check-configured/pom.xml";

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void everyParameterReachesTheLintConfiguration(CheckMojo mojo) throws Exception {
        LintConfig config = mojo.lintConfig();

        assertEquals(1, config.directories().size());
        assertTrue(config.directories().get(0).endsWith("migrations"), config.directories().toString());
        assertEquals(List.of("**/*.sql"), config.includes());
        assertEquals(List.of("**/old/**"), config.excludes());
        assertEquals(Dialect.POSTGRESQL, config.dialect());
        assertEquals(StandardCharsets.ISO_8859_1, config.encoding());
        assertEquals(Map.of("drop-column", "WARNING", "cascade", "OFF"), config.ruleLevels());
        assertEquals(List.of("rename-table", "rename-column"), config.disabledRules());
        assertEquals("billing", config.flyway().placeholders().get("schema"));
        assertEquals("1.10", config.flyway().sinceVersion());
        assertEquals(ScriptMode.SKIP, config.flyway().undoScripts());
        assertEquals(ScriptMode.CHECK, config.liquibase().rollbacks());
        assertEquals(List.of(new SuppressionConfig("drop-table", "**/U*__*.sql",
                "undo scripts drop what their version created")), config.suppressions());
        assertEquals("warning", mojo.failOn);
        assertFalse(mojo.skip);
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    @MojoParameter(name = "dialect", value = "postgress")
    void anUnknownDialectNamesTheValidValues(CheckMojo mojo) {
        MojoExecutionException error = assertThrows(MojoExecutionException.class, mojo::lintConfig);
        assertTrue(error.getMessage().contains("valid values are: auto, postgresql, mysql, mariadb, sqlserver, "
                + "oracle, h2, sqlite"), error.getMessage());
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    @MojoParameter(name = "failOn", value = "sometimes")
    void anUnknownFailOnStopsTheBuildBeforeAnyAnalysis(CheckMojo mojo) {
        MojoExecutionException error = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(error.getMessage().contains("valid values are: ERROR, WARNING, INFO, NONE"), error.getMessage());
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    @MojoParameter(name = "skip", value = "true")
    @MojoParameter(name = "failOn", value = "sometimes")
    void skipReturnsBeforeReadingAnyOtherParameter(CheckMojo mojo) throws Exception {
        mojo.execute();
        assertTrue(mojo.skip);
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void emptyPlaceholderAndLiquibasePropertyElementsAreEmptyValues(CheckMojo mojo) throws Exception {
        // <placeholders><schemaPrefix/></placeholders>: Maven hands the mojo a null value
        mojo.placeholders = new java.util.HashMap<>();
        mojo.placeholders.put("schemaPrefix", null);
        mojo.liquibaseProperties = new java.util.HashMap<>();
        mojo.liquibaseProperties.put("suffix", null);

        LintConfig config = mojo.lintConfig();

        assertEquals("", config.flyway().placeholders().get("schemaPrefix"));
        assertEquals("", config.liquibase().properties().get("suffix"));
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void anEmptyDirectoryElementIsAConfigurationErrorNotACrash(CheckMojo mojo) {
        mojo.directories = new java.util.ArrayList<>();
        mojo.directories.add(null);

        MojoExecutionException error = assertThrows(MojoExecutionException.class, mojo::lintConfig);

        assertTrue(error.getMessage().startsWith("sqlguard configuration: An empty <directory> in <directories>; "
                + "name a folder to scan"), error.getMessage());
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void anEmptySuffixElementNamesNoSuffix(CheckMojo mojo) throws Exception {
        // <sqlMigrationSuffixes><s>.pgsql</s><s/></sqlMigrationSuffixes>
        mojo.sqlMigrationSuffixes = new java.util.ArrayList<>(java.util.Arrays.asList(".pgsql", null, " "));

        assertEquals(List.of(".pgsql"), mojo.lintConfig().flyway().suffixes());
    }
}
