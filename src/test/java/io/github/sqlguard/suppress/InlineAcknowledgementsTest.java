package io.github.sqlguard.suppress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.Acknowledgement;
import io.github.sqlguard.Dialect;
import io.github.sqlguard.Finding;
import io.github.sqlguard.Location;
import io.github.sqlguard.Severity;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.Script;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.StatementSplitter;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
        Script script = split("SELECT 1;\n/* sqlguard:allow delete-without-where reason: cache */ DELETE FROM cache;\n");
        List<Finding> result = apply(script, List.of(findingAt(script.statements().get(1), "delete-without-where")));
        assertEquals(1, result.size());
        assertEquals("cache", result.get(0).acknowledgement().reason());
        assertEquals("V1__x.sql:2", result.get(0).acknowledgement().where());
    }

    @Test
    void multiLineBlockCommentWithStarPrefixesAndAReasonOverTwoLines() {
        Script script = split("/**\n * sqlguard:allow drop-table reason: the table moved\n *   to the archive schema\n */\n"
                + "DROP TABLE old_orders;\n");
        List<Finding> result = apply(script, everyStatement(script, "drop-table"));
        assertEquals("the table moved * to the archive schema", result.get(0).acknowledgement().reason());
    }

    @Test
    void mysqlHashComment() {
        Script script = split(Dialect.MYSQL, "DELETE FROM cache; # sqlguard:allow delete-without-where reason: rebuilt\n");
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

    /** A DO block whose body is split again, as the full splitter does: container first, inner statements next. */
    static Script doBlock(String sql) {
        StatementSplitter splitter = new StatementSplitter(Dialect.POSTGRESQL, Placeholders.DEFAULT);
        Script top = splitter.split(PATH, sql);
        List<Statement> statements = new ArrayList<>();
        List<Token> comments = new ArrayList<>(top.comments());
        for (Statement statement : top.statements()) {
            if (!statement.firstToken().isWord("DO")) {
                statements.add(statement);
                continue;
            }
            statements.add(new Statement(statement.sql(), statement.start(), statement.tokens(), statement.context(),
                    statement.dialect(), true));
            Token body = statement.tokens().stream().filter(t -> t.type() == TokenType.STRING).findFirst().orElseThrow();
            Script inner = splitter.split(PATH, sql, body.offset() + 2, body.endOffset() - 2, body.line(),
                    body.column() + 2, new StatementContext(StatementContext.Kind.EXECUTED_BLOCK, "DO block"));
            statements.addAll(inner.statements());
            comments.addAll(inner.comments());
        }
        return new Script(statements, comments, top.lexError());
    }

    static final String DO_BLOCK = """
            %s
            DO $$
              DELETE FROM a;
              %s
              UPDATE b SET x = 1;
            $$;
            DELETE FROM c;
            """;

    @Test
    void commentBeforeAContainerCoversEveryInnerStatement() {
        Script script = doBlock(DO_BLOCK.formatted(
                "-- sqlguard:allow delete-without-where, update-without-where reason: one-off cleanup", ""));
        assertEquals(4, script.statements().size());
        Statement delete = script.statements().get(1);
        Statement update = script.statements().get(2);
        assertEquals(new Location(PATH, 3, 3), delete.start());
        List<Finding> result = apply(script, List.of(findingAt(delete, "delete-without-where"),
                findingAt(update, "update-without-where"), findingAt(script.statements().get(3), "delete-without-where")));
        assertTrue(only(result, "update-without-where").isAcknowledged());
        List<Finding> deletes = ofRule(result, "delete-without-where");
        assertTrue(deletes.get(0).isAcknowledged());
        assertFalse(deletes.get(1).isAcknowledged(), "the statement after the block is not covered");
        assertEquals(3, result.size(), result::toString);
    }

    @Test
    void commentInsideAContainerCoversOnlyTheNextInnerStatement() {
        Script script = doBlock(DO_BLOCK.formatted("", "-- sqlguard:allow update-without-where reason: reset"));
        Statement delete = script.statements().get(1);
        Statement update = script.statements().get(2);
        List<Finding> result = apply(script, List.of(findingAt(delete, "delete-without-where"),
                findingAt(update, "update-without-where")));
        assertFalse(only(result, "delete-without-where").isAcknowledged());
        Finding updateFinding = only(result, "update-without-where");
        assertEquals("V1__x.sql:4", updateFinding.acknowledgement().where());
    }

    @Test
    void trailingCommentOnAContainersLineCoversTheContainerAndItsInnerStatements() {
        Script script = doBlock("DO $$ DELETE FROM a; $$; -- sqlguard:allow delete-without-where reason: r\n");
        assertEquals(2, script.statements().size());
        List<Finding> result = apply(script, List.of(findingAt(script.statements().get(1), "delete-without-where")));
        assertTrue(only(result, "delete-without-where").isAcknowledged());
        assertNull(result.stream().filter(f -> f.ruleId().equals("unused-suppression")).findAny().orElse(null));
    }
}
