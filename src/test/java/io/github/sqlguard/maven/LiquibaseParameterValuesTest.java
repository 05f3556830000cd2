package io.github.sqlguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Liquibase parameters as a run of this build sees them: the command line wins, and what the JVM and Maven set
 * on every run stays out, since each value is part of the analysis cache's key.
 */
class LiquibaseParameterValuesTest {

    @Test
    void theCommandLineWinsOverSqlguardsPropertiesOverThePlugins() {
        Map<String, String> values = LiquibaseParameterValues.of(Map.of("prefix", "plugin_", "schema", "app"),
                Map.of("prefix", "configured_", "owner", "dba"), Map.of("prefix", "cli_"));

        assertEquals(Map.of("prefix", "cli_", "schema", "app", "owner", "dba"), values);
    }

    @Test
    void twoRunsThatDifferOnlyInEnvironmentCommandAndLogLevelSeeTheSameParameters() {
        Map<String, String> quiet = LiquibaseParameterValues.of(Map.of(), null, Map.of("product_prefix", "acme_",
                "env.OLDPWD", "/home/a", "env.HYPERFINE_RANDOMIZED_ENVIRONMENT_OFFSET", "xx",
                "sun.java.command", "Launcher -q verify", "org.slf4j.simpleLogger.defaultLogLevel", "error",
                "user.dir", "/work/a", "maven.home", "/usr/share/maven", "java.version", "17"));
        Map<String, String> debug = LiquibaseParameterValues.of(Map.of(), null, Map.of("product_prefix", "acme_",
                "env.OLDPWD", "/tmp", "sun.java.command", "Launcher -X verify",
                "org.slf4j.simpleLogger.defaultLogLevel", "debug", "user.dir", "/work/b"));

        assertEquals(Map.of("product_prefix", "acme_"), quiet);
        assertEquals(quiet, debug);
    }

    @Test
    void sqlguardsOwnSwitchesAndOtherPluginsSwitchesAreNoParameters() {
        Map<String, String> values = LiquibaseParameterValues.of(Map.of(), null, Map.of("skipTests", "true",
                "sqlguard.maxConsoleFindingsPerRule", "0", "surefire.rerunFailingTestsCount", "2", "test", "MyTest",
                "test_schema", "qa", "skipTestsFor", "x"));

        assertEquals(Map.of("test_schema", "qa", "skipTestsFor", "x"), values);
    }
}
