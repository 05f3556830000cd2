package io.github.sqlguard.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObjectNamePartsTest {

    /** A name splits at its last dot outside quotes into its qualifier and its last part. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            dbo.orders.total     | dbo.orders   | total
            orders.total         | orders       | total
            total                | ''           | total
            [dbo].[a.b].[c]      | [dbo].[a.b]  | [c]
            "s"."t.u"            | "s"         | "t.u"
            """)
    void qualifierAndLastPart(String name, String qualifier, String last) {
        assertEquals(qualifier, ObjectNames.qualifier(name));
        assertEquals(last, ObjectNames.lastPart(name));
        assertEquals(name, qualifier.isEmpty() ? last : qualifier + "." + last);
    }
}
