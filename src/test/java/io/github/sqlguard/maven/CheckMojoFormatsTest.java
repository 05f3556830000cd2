package io.github.sqlguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.report.ReportFormat;
import java.util.EnumSet;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.Test;

/**
 * Report formats are written the way Maven users write lists: as {@code <format>} elements, or as one
 * comma-separated value (the form a {@code -Dsqlguard.formats} property takes).
 */
@MojoTest
class CheckMojoFormatsTest {

    @Test
    @InjectMojo(goal = "check", pom = "src/test/resources/unit/check-formats/pom.xml")
    void formatElementsSelectThoseReports(CheckMojo mojo) {
        assertEquals(EnumSet.of(ReportFormat.JSON, ReportFormat.SARIF), ReportFormat.fromConfig(mojo.formats));
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/resources/unit/check-configured/pom.xml")
    @MojoParameter(name = "formats", value = "checkstyle, html")
    void aCommaSeparatedValueSelectsThoseReports(CheckMojo mojo) {
        assertEquals(EnumSet.of(ReportFormat.CHECKSTYLE, ReportFormat.HTML), ReportFormat.fromConfig(mojo.formats));
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/resources/unit/check-configured/pom.xml")
    void everyReportByDefault(CheckMojo mojo) {
        assertEquals(EnumSet.allOf(ReportFormat.class), ReportFormat.fromConfig(mojo.formats));
    }
}
