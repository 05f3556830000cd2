package io.github.sqlguard.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaseWithoutElseTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            CASE status WHEN 'new' THEN 1 WHEN 'paid' THEN 2 END      | true
            ( CASE WHEN a THEN 1 END )                                 | true
            CASE WHEN a THEN CASE WHEN b THEN 1 ELSE 2 END END         | true
            CASE WHEN note = 'ELSE' THEN 1 END                         | true
            CASE WHEN a THEN 1 ELSE 0 END                              | false
            CASE WHEN a THEN CASE WHEN b THEN 1 END ELSE 0 END         | false
            coalesce ( CASE WHEN a THEN 1 END , 0 )                    | false
            round ( price , 0 )                                        | false
            CASE WHEN a THEN 1                                         | false
            """)
    void onlyACaseWithoutItsOwnElseNullsWhatItDoesNotList(String expression, boolean nullsUnlisted) {
        assertEquals(nullsUnlisted, CaseWithoutElse.is(expression));
    }
}
