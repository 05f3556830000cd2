package io.github.sqlguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

/** The cache and the build-log limit are on by default, and a negative limit is refused with a clear message. */
@MojoTest
class CheckMojoSpeedParametersTest {

    private static final String POM = "src/test/resources/unit/check-configured/pom.xml";

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void theCacheIsOnAndTheBuildLogShowsTwentyFiveFindingsPerRuleByDefault(CheckMojo mojo) {
        assertTrue(mojo.cache);
        assertEquals(25, mojo.maxConsoleFindingsPerRule);
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    @MojoParameter(name = "cache", value = "false")
    @MojoParameter(name = "maxConsoleFindingsPerRule", value = "3")
    void bothCanBeSet(CheckMojo mojo) {
        assertEquals(false, mojo.cache);
        assertEquals(3, mojo.maxConsoleFindingsPerRule);
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    @MojoParameter(name = "maxConsoleFindingsPerRule", value = "-1")
    void aNegativeLimitStopsTheBuildBeforeAnyAnalysis(CheckMojo mojo) {
        MojoExecutionException error = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("sqlguard configuration: maxConsoleFindingsPerRule must be 0 or more, not -1",
                error.getMessage());
    }
}
