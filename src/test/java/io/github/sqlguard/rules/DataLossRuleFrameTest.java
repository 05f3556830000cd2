package io.github.sqlguard.rules;

import static io.github.sqlguard.rules.RuleHarness.only;
import static io.github.sqlguard.rules.RuleHarness.statements;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.analysis.AnalyzedStatement;
import io.github.sqlguard.analysis.StatementAnalyzer;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import java.util.List;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What every data-loss rule shares: the parser's verdict does not matter, containers are skipped, scratch tables. */
class DataLossRuleFrameTest {

    /**
     * TRUNCATE, DROP and ALTER no longer go to the parser, so the parsed variant is built here: the rules must
     * give the same result from an AST as from tokens alone, whichever way the analyzer goes in the future.
     */
    @Test
    void parsedUnparsedAndNotParsedStatementsGiveTheSameFinding() throws Exception {
        Statement plain = only(Dialect.ORACLE, "DROP TABLE orders");
        Statement purge = only(Dialect.ORACLE, "DROP TABLE orders PURGE");
        assertInstanceOf(AnalyzedStatement.NotNeeded.class, new StatementAnalyzer().analyze(plain),
                "only DELETE and UPDATE go to the parser");
        AnalyzedStatement parsed = new AnalyzedStatement.Parsed(plain, CCJSqlParserUtil.parse(plain.sql()));
        assertThrows(JSQLParserException.class, () -> CCJSqlParserUtil.parse(purge.sql()),
                "JSqlParser 5.3 rejects PURGE");
        AnalyzedStatement unparsed = new AnalyzedStatement.Unparsed(purge, "PURGE");
        Rule rule = new DropTableRule();
        List<Violation> expected = List.of(new Violation("DROP TABLE removes table orders and all its rows"));
        assertEquals(expected, rule.check(parsed, new ScriptState()));
        assertEquals(expected, rule.check(unparsed, new ScriptState()));
        assertEquals(expected, rule.check(new AnalyzedStatement.NotNeeded(plain), new ScriptState()));
    }

    @Test
    void containerStatementsAreLeftToTheirInnerStatements() {
        Statement plain = only(Dialect.POSTGRESQL, "DROP TABLE orders");
        Statement container = new Statement(plain.sql(), plain.start(), plain.tokens(), plain.context(),
                plain.dialect(), true);
        for (Rule rule : DataLossRules.all()) {
            assertTrue(rule.check(new AnalyzedStatement.NotNeeded(container), new ScriptState()).isEmpty(),
                    rule.info().id());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "CREATE TABLE orders (id INT)                         | orders | true",
        "CREATE TABLE IF NOT EXISTS orders (id INT)           | orders | false",
        "CREATE TEMP TABLE IF NOT EXISTS orders (id INT)      | orders | true",
        "CREATE GLOBAL TEMPORARY TABLE orders (id INT)        | orders | true",
        "CREATE UNLOGGED TABLE app.orders (id INT)            | app.orders | true",
        "CREATE OR REPLACE TABLE orders (id INT)              | orders | true",
        "CREATE TABLE \"Orders\" AS SELECT * FROM x           | orders | true",
        "CREATE VIEW orders AS SELECT 1                       | orders | false",
        "CREATE INDEX orders ON t (a)                         | orders | false",
        "IF OBJECT_ID('x') IS NULL CREATE TABLE dbo.x (a INT) | dbo.x  | true",
    })
    void createTableIsRecordedAsScratch(String sql, String table, boolean recorded) {
        // A T-SQL IF guard is a container; the CREATE after it is its own statement.
        ScriptState state = new ScriptState();
        Rule rule = new DropTableRule();
        for (Statement statement : statements(Dialect.AUTO, sql)) {
            rule.check(new AnalyzedStatement.NotNeeded(statement), state);
        }
        assertEquals(recorded, state.wasCreatedInScript(table), sql);
    }

    @Test
    void aTableCreatedInARoutineBodyIsNotScratch() {
        Statement create = only(Dialect.POSTGRESQL, "CREATE TABLE orders (id INT)");
        Statement inBody = new Statement(create.sql(), create.start(), create.tokens(),
                new StatementContext(StatementContext.Kind.ROUTINE_BODY, "function f"), create.dialect(), false);
        ScriptState state = new ScriptState();
        Rule rule = new DropTableRule();
        rule.check(new AnalyzedStatement.NotNeeded(inBody), state);
        assertFalse(state.wasCreatedInScript("orders"));
        rule.check(new AnalyzedStatement.NotNeeded(create), state);
        assertTrue(state.wasCreatedInScript("orders"));
    }

    @Test
    void stringsAndCommentsAreNeverRead() {
        List<RulePipeline.Hit> hits = RulePipeline.run(Dialect.POSTGRESQL,
                "/* DROP TABLE a; */ SELECT 'TRUNCATE b'; -- ALTER TABLE c DROP COLUMN d\n"
                        + "INSERT INTO log VALUES ('DROP DATABASE x');\nCOMMENT ON TABLE t IS 'DROP SCHEMA s';");
        assertEquals(List.of(), hits);
    }

    @Test
    void positionsAreThoseOfTheStatementStart() {
        List<RulePipeline.Hit> hits = RulePipeline.run(Dialect.AUTO,
                "-- cleanup\nSELECT 1;\n\n  DROP TABLE a;\r\nTRUNCATE\n b;");
        assertEquals("[4:drop-table, 5:truncate-table]", hits.toString());
        assertFalse(hits.isEmpty());
    }
}
