package io.github.sqlguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Scripts are read in the encoding Flyway reads them in, unless sqlguard is told otherwise. */
class ScriptEncodingTest {

    @Test
    void flywaysEncodingWinsOverTheSourceEncodingSqlguardTakesByDefault() {
        assertEquals(StandardCharsets.ISO_8859_1, ScriptEncoding.of("UTF-8", "UTF-8", Optional.of("ISO-8859-1")));
        assertEquals(StandardCharsets.ISO_8859_1, ScriptEncoding.of(null, null, Optional.of("ISO-8859-1")));
    }

    @Test
    void anEncodingGivenToSqlguardThatIsNotTheSourceEncodingWins() {
        assertEquals(StandardCharsets.UTF_16LE, ScriptEncoding.of("UTF-16LE", "UTF-8", Optional.of("ISO-8859-1")));
    }

    @Test
    void withoutFlywaysEncodingTheConfiguredOneElseUtf8() {
        assertEquals(StandardCharsets.ISO_8859_1, ScriptEncoding.of("ISO-8859-1", "ISO-8859-1", Optional.empty()));
        assertEquals(StandardCharsets.UTF_8, ScriptEncoding.of(" ", null, Optional.empty()));
    }

    @Test
    void aMisspeltFlywayEncodingSaysWhereItWasWritten() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ScriptEncoding.of("UTF-8", "UTF-8", Optional.of("latin-one")));

        assertEquals("Unknown encoding 'latin-one' (Flyway's encoding setting); use a Java charset name such as UTF-8 "
                + "or ISO-8859-1", error.getMessage());
    }
}
