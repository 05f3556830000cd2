package io.github.sqlguard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void aDeclaredBooleanIsTheNumberTypeItIsKeptAsAndSaysSo() {
        SqlType declared = SqlType.parse("NUMBER(1)  declared boolean");
        assertEquals("NUMBER(1)", declared.written());
        assertEquals("NUMBER", declared.base());
        assertEquals(List.of(1L), declared.arguments());
        assertTrue(declared.declaredBoolean());
        assertTrue(declared.sameTypeAs(SqlType.parse("NUMBER(1)")));
        assertFalse(SqlType.parse("NUMBER(1)").declaredBoolean());
        assertFalse(SqlType.parse("BOOLEAN").declaredBoolean());
    }
}
