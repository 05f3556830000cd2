package io.github.sqlguard.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FlywayVersionTest {

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource({
        "1.9, 1.10",
        "1, 1.0.1",
        "1.2, 2",
        "2, 10",
        "1.1, 1_2",
        "9223372036854775807, 9223372036854775808",
        "1.9223372036854775808, 1.18446744073709551616",
        "0, 0.0.1",
    })
    void ordersNumericallyPartByPart(String lower, String higher) {
        FlywayVersion low = FlywayVersion.parse(lower);
        FlywayVersion high = FlywayVersion.parse(higher);
        assertTrue(low.compareTo(high) < 0, lower + " < " + higher);
        assertTrue(high.compareTo(low) > 0, higher + " > " + lower);
        assertNotEquals(low, high);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "2, 2.0",
        "2, 2.0.0",
        "1_1, 1.1",
        "1.01, 1.1",
        "007, 7",
        "0, 0.0",
        "1_2_0, 1.2",
    })
    void treatsEquivalentSpellingsAsEqual(String one, String other) {
        FlywayVersion a = FlywayVersion.parse(one);
        FlywayVersion b = FlywayVersion.parse(other);
        assertEquals(0, a.compareTo(b));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc", "1.a", "1..2", ".1", "1.", "1__2", "-1", "1.2-SNAPSHOT", "1 2", "v1"})
    void rejectsGarbageWithAClearMessage(String garbage) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> FlywayVersion.parse(garbage));
        assertTrue(error.getMessage().contains("Flyway version"), error.getMessage());
        if (!garbage.isBlank()) {
            assertTrue(error.getMessage().contains("'" + garbage + "'"), error.getMessage());
        }
    }

    @Test
    void rejectsNull() {
        assertThrows(IllegalArgumentException.class, () -> FlywayVersion.parse(null));
    }

    @Test
    void showsUnderscoresAsDots() {
        assertEquals("1.2.3", FlywayVersion.parse("1_2_3").toString());
        assertEquals("2.0", FlywayVersion.parse("2.0").toString());
    }

    @Test
    void sortsLikeFlyway() {
        List<String> expected = List.of("0.1", "1", "1.0.1", "1.1", "1.2", "1.9", "1.10", "1.10.1", "2", "10", "100.0.1");
        List<FlywayVersion> shuffled = new ArrayList<>(expected.stream().map(FlywayVersion::parse).toList());
        Collections.shuffle(shuffled, new Random(42));
        Collections.sort(shuffled);
        assertEquals(expected, shuffled.stream().map(FlywayVersion::toString).toList());
    }
}
