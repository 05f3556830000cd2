package io.github.sqlguard.suppress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Acknowledgement;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.Script;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which statements inline comments acknowledge, in every written form. */
class InlineAcknowledgementsTest {

    static final String PATH = "V1__x.sql";
    static final Set<String> KNOWN = Set.of("delete-without-where", "update-without-where", "drop-table",
            "truncate-table", "always-true-where");

    static Script split(String sql) {
        return split(Dialect.AUTO, sql);
    }

    static Script split(Dialect dialect, String sql) {
        return new StatementSplitter(dialect, Placeholders.DEFAULT).split(PATH, sql);
    }

    static Finding findingAt(Statement statement, String rule) {
        return Finding.of(rule, Severity.ERROR, statement.start(), rule + " found", "fix it", statement.firstLine());
    }

    static Finding findingAt(Location location, String rule) {
        return Finding.of(rule, Severity.ERROR, location, rule + " found", "fix it", "");
    }

    /** Findings of {@code rule} at every statement of the script. */
    static List<Finding> everyStatement(Script script, String rule) {
        return script.statements().stream().map(s -> findingAt(s, rule)).toList();
    }

    static List<Finding> apply(Script script, List<Finding> findings) {
        return InlineAcknowledgements.apply(PATH, script, findings, KNOWN);
    }

    static Finding only(List<Finding> findings, String rule) {
        List<Finding> matching = findings.stream().filter(f -> f.ruleId().equals(rule)).toList();
        assertEquals(1, matching.size(), () -> "expected one " + rule + " in " + findings);
        return matching.get(0);
    }

    static List<Finding> ofRule(List<Finding> findings, String rule) {
        return findings.stream().filter(f -> f.ruleId().equals(rule)).toList();
    }

    @Test
    void commentOnTheLineBeforeAcknowledgesTheNextStatement() {
        Script script = split("-- sqlguard:allow delete-without-where reason: cache is rebuilt\nDELETE FROM cache;\n");
        List<Finding> result = apply(script, everyStatement(script, "delete-without-where"));
        assertEquals(1, result.size());
        Finding finding = result.get(0);
        assertEquals(new Acknowledgement(Acknowledgement.Source.INLINE_COMMENT, "cache is rebuilt", "V1__x.sql:1"),
                finding.acknowledgement());
        assertEquals(new Location(PATH, 2, 1), finding.location());
    }

    @Test
    void commentCoversAFindingInsideTheMultiLineBodyThatEndsTheStatement() {
        // Dialect-neutral shape: a finding inside the dollar-quoted body stands lines after the body's first token.
        Script script = split(Dialect.POSTGRESQL, "-- sqlguard:allow truncate-table reason: reviewed\n"
                + "CREATE FUNCTION purge() RETURNS void LANGUAGE plpython3u AS $$\r\n# one\r\n"
                + "plpy.execute('TRUNCATE t')\r\n$$;\nDROP TABLE t;\n");
        Statement create = script.statements().get(0);
        Statement drop = script.statements().get(script.statements().size() - 1);
        List<Finding> result = apply(script, List.of(findingAt(new Location(PATH, 4, 1), "truncate-table"),
                findingAt(drop, "truncate-table")));
        assertEquals(2, create.start().line());
        assertTrue(only(result.subList(0, 1), "truncate-table").isAcknowledged());
        assertFalse(result.get(1).isAcknowledged());
        assertEquals(2, result.size());
    }

    @Test
    void trailingCommentOnTheStatementsLineAcknowledgesThatStatementOnly() {
        Script script = split("DELETE FROM cache; -- sqlguard:allow delete-without-where reason: cache is rebuilt\n"
                + "DELETE FROM customers;\n");
        List<Finding> result = apply(script, everyStatement(script, "delete-without-where"));
        assertEquals(2, result.size());
        assertEquals("cache is rebuilt", result.get(0).acknowledgement().reason());
        assertEquals(new Location(PATH, 2, 1), result.get(1).location());
        assertFalse(result.get(1).isAcknowledged(), "the next statement is not covered by a trailing comment");
    }

    @Test
    void trailingCommentAfterTwoStatementsOnOneLineCoversTheLastOfThem() {
        Script script = split("DELETE FROM a; DELETE FROM b; -- sqlguard:allow delete-without-where reason: r\n");
        List<Finding> result = apply(script, everyStatement(script, "delete-without-where"));
        assertFalse(result.get(0).isAcknowledged());
        assertTrue(result.get(1).isAcknowledged());
        assertEquals(new Location(PATH, 1, 16), result.get(1).location());
    }

    @Test
    void commentAtTheEndOfAMultiLineStatementsFirstLineCoversIt() {
        Script script = split("UPDATE accounts -- sqlguard:allow update-without-where reason: reset all flags\n"
                + "   SET flag = 0;\nUPDATE other SET x = 1;\n");
        List<Finding> result = apply(script, everyStatement(script, "update-without-where"));
        assertTrue(result.get(0).isAcknowledged());
        assertFalse(result.get(1).isAcknowledged());
    }

    @Test
    void commentOnALaterLineInsideAStatementCoversThatStatementNotTheNext() {
        Script script = split("UPDATE accounts\n   SET flag = 0 -- sqlguard:allow update-without-where reason: r\n;\n"
                + "UPDATE other SET x = 1;\n");
        List<Finding> result = apply(script, everyStatement(script, "update-without-where"));
        assertTrue(result.get(0).isAcknowledged());
        assertEquals(new Location(PATH, 4, 1), result.get(1).location());
        assertFalse(result.get(1).isAcknowledged());
    }

    @Test
    void commentTrailingTheLastLineOfAMultiLineStatementCoversThatStatement() {
        Script script = split("UPDATE accounts\n   SET flag = 0; -- sqlguard:allow update-without-where reason: r\n"
                + "UPDATE other SET x = 1;\n");
        List<Finding> result = apply(script, everyStatement(script, "update-without-where"));
        assertTrue(result.get(0).isAcknowledged());
        assertFalse(result.get(1).isAcknowledged());
    }

    @Test
    void blockCommentBetweenTwoStatementsOnOneLineCoversTheOneAfterIt() {
        Script script = split("SELECT 1; /* sqlguard:allow delete-without-where reason: r */ DELETE FROM t;\n");
        List<Finding> result = apply(script, List.of(findingAt(script.statements().get(1), "delete-without-where")));
        assertEquals(1, result.size(), result::toString);
        assertTrue(result.get(0).isAcknowledged());
    }

    @Test
    void blockCommentBeforeTheStatementOnTheSameLine() {
        Script script = split("SELECT 1;\n"
                + "/* sqlguard:allow delete-without-where reason: cache */ DELETE FROM cache;\n");
        List<Finding> result = apply(script, List.of(findingAt(script.statements().get(1), "delete-without-where")));
        assertEquals(1, result.size());
        assertEquals("cache", result.get(0).acknowledgement().reason());
        assertEquals("V1__x.sql:2", result.get(0).acknowledgement().where());
    }

    @Test
    void multiLineBlockCommentWithStarPrefixesAndAReasonOverTwoLines() {
        Script script = split("/**\n * sqlguard:allow drop-table reason: the table moved\n"
                + " *   to the archive schema\n */\n"
                + "DROP TABLE old_orders;\n");
        List<Finding> result = apply(script, everyStatement(script, "drop-table"));
        assertEquals("the table moved * to the archive schema", result.get(0).acknowledgement().reason());
    }

    @Test
    void mysqlHashComment() {
        Script script = split(Dialect.MYSQL,
                "DELETE FROM cache; # sqlguard:allow delete-without-where reason: rebuilt\n");
        List<Finding> result = apply(script, everyStatement(script, "delete-without-where"));
        assertEquals("rebuilt", result.get(0).acknowledgement().reason());
    }

    @Test
    void severalRulesInOneComment() {
        Script script = split("-- sqlguard:allow delete-without-where,update-without-where , drop-table reason: r\n"
                + "DELETE FROM t;\n");
        Statement statement = script.statements().get(0);
        List<Finding> result = apply(script, List.of(findingAt(statement, "delete-without-where"),
                findingAt(statement, "update-without-where"), findingAt(statement, "drop-table")));
        assertEquals(3, result.size());
        assertTrue(result.stream().allMatch(Finding::isAcknowledged), result::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "--sqlguard:allow delete-without-where reason:r",
        "--   sqlguard:allow   delete-without-where    reason :   r   ",
        "-- SQLGUARD:ALLOW Delete-Without-Where REASON: r",
        "-- sqlguard : allow delete-without-where Reason: r",
        "/*sqlguard:allow delete-without-where reason: r*/",
    })
    void spacingAndCaseAreTolerated(String comment) {
        Script script = split(comment + "\nDELETE FROM t;\n");
        List<Finding> result = apply(script, everyStatement(script, "delete-without-where"));
        assertEquals(1, result.size(), result::toString);
        assertEquals("r", result.get(0).acknowledgement().reason());
    }

    @Test
    void proseMentioningTheDirectiveIsNotADirective() {
        Script script = split("-- use sqlguard:allow delete-without-where to silence it\nDELETE FROM t;\n");
        List<Finding> result = apply(script, everyStatement(script, "delete-without-where"));
        assertEquals(1, result.size());
        assertFalse(result.get(0).isAcknowledged());
    }

    @Test
    void allowFileBeforeTheFirstStatementCoversEveryStatementAndFileLevelFindings() {
        Script script = split("-- sqlguard:allow-file drop-table, unreadable-file reason: undo script\n\n"
                + "DROP TABLE a;\nDROP TABLE b;\n");
        List<Finding> findings = new ArrayList<>(everyStatement(script, "drop-table"));
        findings.add(findingAt(new Location(PATH, 1, 1), "drop-table"));
        List<Finding> result = InlineAcknowledgements.apply(PATH, script, findings,
                Set.of("drop-table", "unreadable-file"));
        assertEquals(4, result.size(), result::toString);
        assertTrue(ofRule(result, "drop-table").stream().allMatch(Finding::isAcknowledged));
        assertEquals("V1__x.sql:1", result.get(0).acknowledgement().where());
        Finding unused = only(result, "unused-suppression");
        assertEquals("sqlguard:allow-file unreadable-file acknowledges nothing: no statement of this file has a "
                + "unreadable-file finding", unused.message());
    }

    @Test
    void findingBeforeTheFirstStatementIsNotCoveredByAStatementAllow() {
        Script script = split("-- sqlguard:allow delete-without-where reason: r\nDELETE FROM t WHERE a = 1;\n");
        List<Finding> result = apply(script, List.of(findingAt(new Location(PATH, 1, 1), "delete-without-where")));
        assertFalse(only(result, "delete-without-where").isAcknowledged());
        assertEquals(1, ofRule(result, "unused-suppression").size());
    }

    @Test
    void statementAllowGivesItsReasonOverAnAllowFile() {
        Script script = split("-- sqlguard:allow-file drop-table reason: file reason\n"
                + "-- sqlguard:allow drop-table reason: statement reason\nDROP TABLE a;\nDROP TABLE b;\n");
        List<Finding> result = apply(script, everyStatement(script, "drop-table"));
        assertEquals("statement reason", result.get(0).acknowledgement().reason());
        assertEquals("file reason", result.get(1).acknowledgement().reason());
        assertEquals(2, result.size(), "both comments were used: " + result);
    }

    @Test
    void crlfLineEndingsKeepPositions() {
        Script script = split("SELECT 1;\r\n-- sqlguard:allow delete-without-where\r\nDELETE FROM t;\r\n"
                + "DELETE FROM u; -- sqlguard:allow delete-without-where reason: r\r\n");
        List<Finding> result = apply(script, everyStatement(script, "delete-without-where").subList(1, 3));
        assertEquals(new Location(PATH, 2, 1), only(result, "suppression-without-reason").location());
        List<Finding> deletes = ofRule(result, "delete-without-where");
        assertEquals(new Location(PATH, 3, 1), deletes.get(0).location());
        assertFalse(deletes.get(0).isAcknowledged());
        assertEquals("r", deletes.get(1).acknowledgement().reason());
        assertEquals("V1__x.sql:4", deletes.get(1).acknowledgement().where());
    }

    @Test
    void findingsOfOtherFilesAndEarlierAcknowledgementsPassThrough() {
        Script script = split("-- sqlguard:allow delete-without-where reason: r\nDELETE FROM t;\n");
        Finding elsewhere = findingAt(new Location("V2__y.sql", 2, 1), "delete-without-where");
        Acknowledgement earlier = new Acknowledgement(Acknowledgement.Source.POM_SUPPRESSION, "pom", "pom.xml");
        Finding acknowledged = findingAt(script.statements().get(0), "delete-without-where").acknowledged(earlier);
        List<Finding> result = apply(script, List.of(elsewhere, acknowledged));
        assertTrue(result.contains(elsewhere));
        assertTrue(result.contains(acknowledged));
        assertEquals(1, ofRule(result, "unused-suppression").size());
    }
}
