package io.github.sqlguard.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FlywayNamingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "V1__init.sql,               FLYWAY_VERSIONED,  1,     init",
        "V1.2.3__x.sql,              FLYWAY_VERSIONED,  1.2.3, x",
        "V1_2__x.sql,                FLYWAY_VERSIONED,  1.2,   x",
        "V2__close_acme.sql,         FLYWAY_VERSIONED,  2,     close acme",
        "V20240101120000__big.sql,   FLYWAY_VERSIONED,  20240101120000, big",
        "V1__.sql,                   FLYWAY_VERSIONED,  1,     ''",
        "V1___x.sql,                 FLYWAY_VERSIONED,  1,     ' x'",
        "U2__undo.sql,               FLYWAY_UNDO,       2,     undo",
        "U1.1__undo_it.sql,          FLYWAY_UNDO,       1.1,   undo it",
        "R__views.sql,               FLYWAY_REPEATABLE, '',    views",
        "R__refresh_all_views.sql,   FLYWAY_REPEATABLE, '',    refresh all views",
        "B1_20_0__baseline.sql,      FLYWAY_BASELINE,   1.20.0, baseline",
    })
    void parsesFlywayNames(String fileName, SourceKind kind, String version, String description) {
        FlywayScriptName name = FlywayNaming.DEFAULT.parse(fileName).orElseThrow();

        assertEquals(kind, name.kind());
        assertEquals(version.isEmpty() ? Optional.empty() : Optional.of(FlywayVersion.parse(version)), name.version());
        assertEquals(description, name.description());
    }

    @ParameterizedTest
    @ValueSource(strings = {"V__x.sql", "Vabc__x.sql", "V1_x.sql", "V1.sql", "R1__x.sql", "U__x.sql",
        "v1__x.sql", "V1__x.SQL", "V1__x.sql.bak", "init.sql", "afterMigrate.sql", "X1__x.sql", "V1.a__x.sql"})
    void otherNamesAreNotFlywayScripts(String fileName) {
        assertEquals(Optional.empty(), FlywayNaming.DEFAULT.parse(fileName));
    }

    @Test
    void usesConfiguredPrefixesSeparatorAndSuffixes() {
        FlywayNaming naming = new FlywayNaming("M", "Undo", "Rep", "-", List.of(".sql", ".pgsql"));

        FlywayScriptName versioned = naming.parse("M3-add_column.pgsql").orElseThrow();
        assertEquals(SourceKind.FLYWAY_VERSIONED, versioned.kind());
        assertEquals(FlywayVersion.parse("3"), versioned.version().orElseThrow());
        assertEquals("add column", versioned.description());
        assertEquals(SourceKind.FLYWAY_UNDO, naming.parse("Undo3-x.sql").orElseThrow().kind());
        assertEquals(SourceKind.FLYWAY_REPEATABLE, naming.parse("Rep-views.sql").orElseThrow().kind());
        assertEquals(Optional.empty(), naming.parse("V3__x.sql"));
    }

    @Test
    void aLongerPrefixStartingWithAnotherOneIsRecognised() {
        FlywayNaming naming = new FlywayNaming("V", "VU", "R", "__", List.of(".sql"));

        assertEquals(SourceKind.FLYWAY_UNDO, naming.parse("VU2__undo.sql").orElseThrow().kind());
        assertEquals(SourceKind.FLYWAY_VERSIONED, naming.parse("V2__do.sql").orElseThrow().kind());
    }

    @Test
    void aConfiguredPrefixBWinsOverTheBaselinePrefix() {
        FlywayNaming naming = new FlywayNaming("B", "U", "R", "__", List.of(".sql"));

        assertEquals(SourceKind.FLYWAY_VERSIONED, naming.parse("B2__do.sql").orElseThrow().kind());
        assertEquals(Optional.empty(), naming.parse("B__x.sql"));
    }

    @Test
    void rejectsUnusableSettingsWithAMessage() {
        IllegalArgumentException sameprefix = assertThrows(IllegalArgumentException.class,
                () -> new FlywayNaming("V", "V", "R", "__", List.of(".sql")));
        assertTrue(sameprefix.getMessage().contains("prefixes must differ"), sameprefix.getMessage());
        IllegalArgumentException noSeparator = assertThrows(IllegalArgumentException.class,
                () -> new FlywayNaming("V", "U", "R", "", List.of(".sql")));
        assertEquals("Flyway separator must not be empty", noSeparator.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FlywayNaming("V", "U", "R", "__", List.of()));
    }
}
