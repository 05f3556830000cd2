package io.github.sqlguard.suppress;

import static io.github.sqlguard.suppress.InlineAcknowledgementsTest.PATH;
import static io.github.sqlguard.suppress.InlineAcknowledgementsTest.apply;
import static io.github.sqlguard.suppress.InlineAcknowledgementsTest.everyStatement;
import static io.github.sqlguard.suppress.InlineAcknowledgementsTest.findingAt;
import static io.github.sqlguard.suppress.InlineAcknowledgementsTest.ofRule;
import static io.github.sqlguard.suppress.InlineAcknowledgementsTest.only;
import static io.github.sqlguard.suppress.InlineAcknowledgementsTest.split;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.sql.Script;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The findings about allow comments that cannot acknowledge: exact rule, severity, position and message. */
class InlineAcknowledgementDiagnosticsTest {

    @Test
    void unknownRuleIsAnErrorAtTheCommentWithTheCloseMatch() {
        Script script = split("SELECT 1;\n  -- sqlguard:allow delet-without-where reason: r\nDELETE FROM t;\n");
        List<Finding> result = apply(script, List.of(findingAt(script.statements().get(1), "delete-without-where")));
        Finding unknown = only(result, "unknown-rule");
        assertEquals(Severity.ERROR, unknown.severity());
        assertEquals(new Location(PATH, 2, 3), unknown.location());
        assertTrue(unknown.message().contains("`delet-without-where`"), unknown.message());
        assertTrue(unknown.message().contains("did you mean delete-without-where?"), unknown.message());
        assertFalse(only(result, "delete-without-where").isAcknowledged());
    }

    @Test
    void unknownRuleFarFromEveryIdListsTheValidIds() {
        Script script = split("-- sqlguard:allow nonsense reason: r\nDELETE FROM t;\n");
        Finding unknown = only(apply(script, List.of()), "unknown-rule");
        assertTrue(unknown.message().endsWith("valid rule ids: always-true-where, delete-without-where, drop-table, "
                + "truncate-table, update-without-where"), unknown.message());
    }

    @Test
    void unknownRuleBesideAKnownOneStillLetsTheKnownOneAcknowledge() {
        Script script = split("-- sqlguard:allow delete-without-where, bogus-rule reason: r\nDELETE FROM t;\n");
        List<Finding> result = apply(script, everyStatement(script, "delete-without-where"));
        assertTrue(only(result, "delete-without-where").isAcknowledged());
        assertEquals(1, ofRule(result, "unknown-rule").size());
        assertEquals(0, ofRule(result, "unused-suppression").size());
    }

    @Test
    void commentNamingNoRuleIsReported() {
        Script script = split("-- sqlguard:allow reason: r\nDELETE FROM t;\n");
        Finding unknown = only(apply(script, everyStatement(script, "delete-without-where")), "unknown-rule");
        assertTrue(unknown.message().contains("names no rule"), unknown.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "-- sqlguard:allow delete-without-where",
        "-- sqlguard:allow delete-without-where reason:",
        "-- sqlguard:allow delete-without-where reason:    ",
        "-- sqlguard:allow delete-without-where because the cache is rebuilt",
    })
    void allowWithoutReasonDoesNotSuppressAndIsAnError(String comment) {
        Script script = split("SELECT 1;\n" + comment + "\nDELETE FROM t;\n");
        List<Finding> result = apply(script, List.of(findingAt(script.statements().get(1), "delete-without-where")));
        assertEquals(2, result.size(), result::toString);
        Finding diagnostic = only(result, "suppression-without-reason");
        assertEquals(Severity.ERROR, diagnostic.severity());
        assertEquals(new Location(PATH, 2, 1), diagnostic.location());
        assertFalse(only(result, "delete-without-where").isAcknowledged());
    }

    @Test
    void allowThatMatchesNothingIsAWarningAtTheComment() {
        Script script = split("-- sqlguard:allow delete-without-where reason: r\nDELETE FROM t WHERE id = 1;\n");
        Finding unused = only(apply(script, List.of()), "unused-suppression");
        assertEquals(Severity.WARNING, unused.severity());
        assertEquals(new Location(PATH, 1, 1), unused.location());
        assertEquals("sqlguard:allow delete-without-where acknowledges nothing: the statement at line 2 has no "
                + "delete-without-where finding", unused.message());
    }

    @Test
    void eachUnusedRuleOfACommentIsReported() {
        Script script = split("-- sqlguard:allow delete-without-where, drop-table reason: r\nDELETE FROM t;\n");
        List<Finding> result = apply(script, everyStatement(script, "delete-without-where"));
        Finding unused = only(result, "unused-suppression");
        assertTrue(unused.message().startsWith("sqlguard:allow drop-table acknowledges nothing"), unused.message());
    }

    @Test
    void allowAtTheEndOfTheFileFollowedByNoStatementIsUnused() {
        Script script = split("DELETE FROM t WHERE a = 1;\n-- sqlguard:allow delete-without-where reason: r\n");
        Finding unused = only(apply(script, List.of()), "unused-suppression");
        assertTrue(unused.message().endsWith("no statement follows the comment"), unused.message());
    }

    @Test
    void allowFileAfterTheFirstStatementIsMisplacedAndSuppressesNothing() {
        Script script = split("CREATE TABLE a (id INT);\n-- sqlguard:allow-file drop-table reason: r\nDROP TABLE a;\n");
        List<Finding> result = apply(script, List.of(findingAt(script.statements().get(1), "drop-table")));
        Finding misplaced = only(result, "misplaced-suppression");
        assertEquals(Severity.ERROR, misplaced.severity());
        assertEquals(new Location(PATH, 2, 1), misplaced.location());
        assertTrue(misplaced.message().contains("move it above line 1"), misplaced.message());
        assertFalse(only(result, "drop-table").isAcknowledged());
        assertEquals(0, ofRule(result, "unused-suppression").size());
    }
}
