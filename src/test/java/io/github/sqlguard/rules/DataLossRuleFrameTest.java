package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.Dialect;
import io.github.sqlguard.analysis.AnalyzedStatement;
import io.github.sqlguard.analysis.StatementAnalyzer;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.StatementSplitter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** What every data-loss rule shares: the parser's verdict does not matter, containers are skipped, scratch tables. */
class DataLossRuleFrameTest {

    private static Statement only(Dialect dialect, String sql) {
        List<Statement> statements = new StatementSplitter(dialect, Placeholders.DEFAULT).split("t.sql", sql)
                .statements();
        assertEquals(1, statements.size(), sql);
        return statements.get(0);
    }

    @Test
    void parsedAndUnparsedStatementsGiveTheSameFinding() {
        StatementAnalyzer analyzer = new StatementAnalyzer();
        AnalyzedStatement parsed = analyzer.analyze(only(Dialect.ORACLE, "DROP TABLE orders"));
        AnalyzedStatement unparsed = analyzer.analyze(only(Dialect.ORACLE, "DROP TABLE orders PURGE"));
        assertInstanceOf(AnalyzedStatement.Parsed.class, parsed);
        assertInstanceOf(AnalyzedStatement.Unparsed.class, unparsed, "JSqlParser 5.3 rejects PURGE");
        Rule rule = new DropTableRule();
        assertEquals(rule.check(parsed, new ScriptState()), rule.check(unparsed, new ScriptState()));
        assertEquals(List.of(new Violation("DROP TABLE removes table orders and all its rows")),
                rule.check(parsed, new ScriptState()));
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
        ScriptState state = new ScriptState();
        new DropTableRule().check(new AnalyzedStatement.NotNeeded(only(Dialect.AUTO, sql)), state);
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
        List<DataLossPipeline.Hit> hits = DataLossPipeline.run(Dialect.POSTGRESQL,
                "/* DROP TABLE a; */ SELECT 'TRUNCATE b'; -- ALTER TABLE c DROP COLUMN d\n"
                        + "INSERT INTO log VALUES ('DROP DATABASE x');\nCOMMENT ON TABLE t IS 'DROP SCHEMA s';");
        assertEquals(List.of(), hits);
    }

    @Test
    void positionsAreThoseOfTheStatementStart() {
        List<DataLossPipeline.Hit> hits = DataLossPipeline.run(Dialect.AUTO,
                "-- cleanup\nSELECT 1;\n\n  DROP TABLE a;\r\nTRUNCATE\n b;");
        assertEquals("[4:drop-table, 5:truncate-table]", hits.toString());
        assertFalse(hits.isEmpty());
    }
}
