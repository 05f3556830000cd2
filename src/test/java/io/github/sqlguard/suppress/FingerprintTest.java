package io.github.sqlguard.suppress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FingerprintTest {

    static final String RULE = "delete-without-where";
    static final String PATH = "db/V2__close.sql";
    static final String ORIGINAL = "DELETE FROM customers WHERE name = 'Acme Ltd'";

    @ParameterizedTest
    @ValueSource(strings = {
        "DELETE FROM customers WHERE name = 'Acme Ltd'",
        "delete from customers where name = 'Acme Ltd'",
        "  DELETE   FROM\tcustomers\n  WHERE name='Acme Ltd'  ",
        "DELETE\r\nFROM customers\r\nWHERE name = 'Acme Ltd';",
        "DELETE FROM customers -- the old client\nWHERE name = 'Acme Ltd'",
        "DELETE /* reviewed */ FROM Customers WHERE NAME = 'Acme Ltd'",
    })
    void whitespaceCaseCommentsAndLineBreaksDoNotChangeIt(String variant) {
        assertEquals(Fingerprint.of(RULE, PATH, ORIGINAL), Fingerprint.of(RULE, PATH, variant));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DELETE FROM clients WHERE name = 'Acme Ltd'|a changed table name",
        "DELETE FROM customers WHERE name = 'acme ltd'|the case inside a string literal",
        "DELETE FROM customers WHERE name = 'Acme  Ltd'|the spacing inside a string literal",
        "DELETE FROM \"Customers\" WHERE name = 'Acme Ltd'|a quoted name",
        "DELETE FROM customers WHERE name <> 'Acme Ltd'|an operator",
    })
    void meaningfulChangesDo(String changed, String what) {
        assertNotEquals(Fingerprint.of(RULE, PATH, ORIGINAL), Fingerprint.of(RULE, PATH, changed), what);
    }

    @Test
    void ruleAndFileEnterTheFingerprint() {
        String base = Fingerprint.of(RULE, PATH, ORIGINAL);
        assertNotEquals(base, Fingerprint.of("always-true-where", PATH, ORIGINAL));
        assertNotEquals(base, Fingerprint.of(RULE, "db/V3__close.sql", ORIGINAL));
        assertEquals(base, Fingerprint.of(RULE, "db\\V2__close.sql", ORIGINAL), "either slash");
    }

    @Test
    void isSixteenHexDigitsAndStableAcrossRuns() {
        String fingerprint = Fingerprint.of(RULE, PATH, ORIGINAL);
        assertTrue(fingerprint.matches("[0-9a-f]{16}"), fingerprint);
        assertEquals(Fingerprint.of(RULE, PATH, ORIGINAL), fingerprint);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DELETE FROM t WHERE a = 1|delete from t where a=1",
        "UPDATE t SET a = b - -1|update t set a=b- -1",
        "SELECT E'x' , \"Q\"|select e'x',\"Q\"",
        "DO $$ BEGIN   DELETE FROM T; END $$|do $$ BEGIN   DELETE FROM T; END $$",
        "SELECT v$session.Id FROM v$session|select v$session.id from v$session",
        "SELECT a /* unterminated|select a",
        "SELECT 1 /* a /* nested */ still comment */ AS b|select 1 as b",
        "SELECT Παράμετρος, ΠΑΡΆΜΕΤΡΟΣ|select παράμετροσ,παράμετροσ",
        "SELECT 'it''s' AS X|select 'it''s' as x",
        "SELECT E'it\\'s  A' ,  B|select e'it\\'s  A',b",
        "SELECT a ->> 'k', b :: TEXT, c - -1|select a->>'k',b::text,c- -1",
    })
    void normalizedText(String sql, String expected) {
        assertEquals(expected, Fingerprint.normalize(sql));
    }
}
