package io.github.sqlguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Another plugin's settings given on the command line win over those of the pom. */
class BuildPropertiesTest {

    @Test
    void theCommandLineWinsOverThePom() {
        BuildProperties properties = new BuildProperties(Map.of("liquibase.changeLogFile", "pom.xml",
                "flyway.locations", "db"), Map.of("liquibase.changeLogFile", "cli.xml"));

        assertEquals("cli.xml", properties.value("liquibase.changeLogFile"));
        assertEquals("db", properties.value("flyway.locations"));
        assertNull(properties.value("flyway.url"));
    }
}
