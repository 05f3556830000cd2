package io.github.sqlguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

/** The rehearse goal's own parameters, and the configurations it refuses before starting any database. */
@MojoTest
class RehearseMojoConfigurationTest {

    private static final String POM = "src/test/resources/unit/check-configured/pom.xml";

    @Test
    @InjectMojo(goal = "rehearse", pom = POM)
    void defaultsAreARecentPostgresAFewHundredRowsAndHalfATable(RehearseMojo mojo) {
        assertEquals("17.6.0", mojo.postgresVersion);
        assertEquals(300, mojo.rehearsalRows);
        assertEquals(0.5, mojo.maxRowShare);
        assertFalse(mojo.skip);
    }

    @Test
    @InjectMojo(goal = "rehearse", pom = POM)
    @MojoParameter(name = "maxRowShare", value = "1.5")
    void aShareAboveOneIsRefusedWithTheValidRange(RehearseMojo mojo) {
        MojoExecutionException error = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(error.getMessage().contains("maxRowShare must be at least 0 and below 1"), error.getMessage());
    }

    @Test
    @InjectMojo(goal = "rehearse", pom = POM)
    @MojoParameter(name = "dialect", value = "mysql")
    void aProjectThatIsNotPostgresIsRefused(RehearseMojo mojo) {
        MojoExecutionException error = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(error.getMessage().contains("dialect mysql is not PostgreSQL"), error.getMessage());
    }

    @Test
    @InjectMojo(goal = "rehearse", pom = POM)
    @MojoParameter(name = "skip", value = "true")
    @MojoParameter(name = "maxRowShare", value = "7")
    void skipReturnsBeforeReadingAnyOtherParameter(RehearseMojo mojo) throws Exception {
        mojo.execute();
        assertTrue(mojo.skip);
    }
}
