package io.github.sqlguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

/** An element of sqlguard's configuration that no goal knows is named in a warning, with the parameter meant. */
class UnknownParametersTest {

    private static final Set<String> KNOWN = Set.of("failOn", "dialect", "maxConsoleFindingsPerRule", "rules",
            "placeholders", "rehearsalRows");

    @Test
    void namesEachUnknownElementOnceWithTheParameterItIsClosestTo() throws Exception {
        List<Xpp3Dom> configurations = List.of(
                dom("<configuration><failon>WARNING</failon><dialect>mysql</dialect></configuration>"),
                dom("<configuration><failon>ERROR</failon><maxConsoleFindingPerRule>3</maxConsoleFindingPerRule>"
                        + "</configuration>"));
        assertEquals(List.of(
                "sqlguard: <failon> in the plugin's configuration is not a parameter of any sqlguard goal, so it is"
                        + " ignored; did you mean <failOn>?",
                "sqlguard: <maxConsoleFindingPerRule> in the plugin's configuration is not a parameter of any"
                        + " sqlguard goal, so it is ignored; did you mean <maxConsoleFindingsPerRule>?"),
                UnknownParameters.warnings(configurations, KNOWN, "sqlguard"));
    }

    @Test
    void pointsToTheReadmeWhenNoParameterIsClose() throws Exception {
        assertEquals(List.of("sqlguard: <flyway> in the plugin's configuration is not a parameter of any sqlguard"
                        + " goal, so it is ignored; the README lists the parameters"),
                UnknownParameters.warnings(List.of(dom("<configuration><flyway><placeholders><a>b</a>"
                        + "</placeholders></flyway></configuration>")), KNOWN, "sqlguard"));
    }

    @Test
    void saysNothingWhenEveryElementIsAParameterOfSomeGoal() throws Exception {
        // rehearsalRows belongs to the rehearse goal only; set for the whole plugin it is still a parameter
        assertEquals(List.of(), UnknownParameters.warnings(List.of(dom("<configuration><rules><cascade>OFF</cascade>"
                + "</rules><rehearsalRows>5</rehearsalRows></configuration>")), KNOWN, "sqlguard"));
    }

    private static Xpp3Dom dom(String xml) throws Exception {
        return Xpp3DomBuilder.build(new StringReader(xml));
    }
}
