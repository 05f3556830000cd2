package io.github.sqlguard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlTypeTest {

    @Test
    void aTypeWrittenAgainIsTheOneReadBefore() {
        SqlType first = SqlType.parse("character varying( 120 )");
        assertSame(first, SqlType.parse("character varying( 120 )"));
        assertEquals("VARCHAR", first.base());
        assertEquals(List.of(120L), first.arguments());
        // Another spelling is read on its own, to the same meaning.
        SqlType other = SqlType.parse("VARCHAR(120)");
        assertEquals(first.base(), other.base());
        assertEquals(first.arguments(), other.arguments());
        assertEquals("VARCHAR(120)", other.written());
    }
}
