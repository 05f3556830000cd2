package io.github.sqlguard.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Findings are equal when every part is, as a record's would be: the written-out methods leave out none. */
class FindingTest {

    private static final Finding FINDING = new Finding("delete-without-where", Severity.ERROR,
            new Location("db/V2__purge.sql", 3, 1), "DELETE removes every row of orders", "add a WHERE",
            "DELETE FROM orders;", null, "abc123");

    @Test
    void equalPartsMakeEqualFindingsWithEqualHashes() {
        Finding same = new Finding("delete-without-where", Severity.ERROR, new Location("db/V2__purge.sql", 3, 1),
                "DELETE removes every row of orders", "add a WHERE", "DELETE FROM orders;", null, "abc123");

        assertEquals(FINDING, same);
        assertEquals(FINDING.hashCode(), same.hashCode());
        Acknowledgement reason = new Acknowledgement(Acknowledgement.Source.BASELINE, "on purpose", "baseline.json");
        assertEquals(FINDING.acknowledged(reason), same.acknowledged(
                new Acknowledgement(Acknowledgement.Source.BASELINE, "on purpose", "baseline.json")));
        assertEquals(FINDING.acknowledged(reason).hashCode(), same.acknowledged(reason).hashCode());
    }

    @Test
    void aFindingDiffersFromOneThatDiffersInAnyPart() {
        List<Finding> others = List.of(
                new Finding("truncate-table", Severity.ERROR, FINDING.location(), FINDING.message(), FINDING.hint(),
                        FINDING.excerpt(), null, FINDING.fingerprint()),
                FINDING.withSeverity(Severity.WARNING),
                FINDING.at(new Location("db/V2__purge.sql", 3, 2)),
                FINDING.withMessage("DELETE removes every row of lines"),
                new Finding(FINDING.ruleId(), FINDING.severity(), FINDING.location(), FINDING.message(), "other hint",
                        FINDING.excerpt(), null, FINDING.fingerprint()),
                new Finding(FINDING.ruleId(), FINDING.severity(), FINDING.location(), FINDING.message(),
                        FINDING.hint(), "DELETE FROM lines;", null, FINDING.fingerprint()),
                FINDING.acknowledged(new Acknowledgement(Acknowledgement.Source.INLINE_COMMENT, "on purpose", "")),
                FINDING.withFingerprint("def456"));

        for (Finding other : others) {
            assertNotEquals(FINDING, other, other.toString());
            assertNotEquals(other, FINDING, other.toString());
        }
    }

    @Test
    void aFindingWithMissingPartsEqualsItsCopy() {
        Finding bare = new Finding(null, null, null, null, null, null, null, null);

        assertEquals(bare, new Finding(null, null, null, null, null, null, null, null));
        assertEquals(bare.hashCode(), new Finding(null, null, null, null, null, null, null, null).hashCode());
        assertNotEquals(bare, FINDING);
    }
}
