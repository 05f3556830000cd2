package io.github.sqlguard.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CaseWithoutElseTest {

    @Test
    void aCaseWithoutItsOwnElseNullsWhatItDoesNotList() {
        assertTrue(CaseWithoutElse.is("CASE status WHEN 'new' THEN 1 WHEN 'paid' THEN 2 END"));
        assertTrue(CaseWithoutElse.is("( CASE WHEN a THEN 1 END )"));
        assertTrue(CaseWithoutElse.is("CASE WHEN a THEN CASE WHEN b THEN 1 ELSE 2 END END"));
        assertTrue(CaseWithoutElse.is("CASE WHEN note = 'ELSE' THEN 1 END"));
    }

    @Test
    void aCaseWithAnElseOrAnotherExpressionIsNot() {
        assertFalse(CaseWithoutElse.is("CASE WHEN a THEN 1 ELSE 0 END"));
        assertFalse(CaseWithoutElse.is("CASE WHEN a THEN CASE WHEN b THEN 1 END ELSE 0 END"));
        assertFalse(CaseWithoutElse.is("coalesce ( CASE WHEN a THEN 1 END , 0 )"));
        assertFalse(CaseWithoutElse.is("round ( price , 0 )"));
        assertFalse(CaseWithoutElse.is("CASE WHEN a THEN 1"));
    }
}
