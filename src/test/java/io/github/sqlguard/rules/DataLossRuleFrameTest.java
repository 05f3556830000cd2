package io.github.sqlguard.rules;

import static io.github.sqlguard.rules.RuleHarness.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.analysis.ScriptAnalysis;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.analysis.StatementReader;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Script;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What every data-loss rule shares: the parser's verdict does not matter, containers are skipped, scratch tables. */
class DataLossRuleFrameTest {

    @Test
    void aStatementTheParserRejectsIsReadFromItsTokensAlike() {
        assertThrows(JSQLParserException.class, () -> CCJSqlParserUtil.parse("DROP TABLE orders PURGE"),
                "JSqlParser 5.3 rejects PURGE");
        List<String> expected = List.of("DROP TABLE removes table orders and all its rows");
        assertEquals(expected, RuleHarness.messages(new DropTableRule(), Dialect.ORACLE, "DROP TABLE orders"));
        assertEquals(expected, RuleHarness.messages(new DropTableRule(), Dialect.ORACLE, "DROP TABLE orders PURGE"));
    }

    @Test
    void containerStatementsAreLeftToTheirInnerStatements() {
        Statement plain = only(Dialect.POSTGRESQL, "DROP TABLE orders");
        Statement container = new Statement(plain.sql(), plain.start(), plain.tokens(), plain.context(),
                plain.dialect(), true);
        for (Rule rule : RuleRegistry.all()) {
            assertEquals(List.of(), RuleHarness.messages(rule, container), rule.info().id());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "CREATE TABLE orders (id INT)                         | orders | true",
        "CREATE TABLE IF NOT EXISTS orders (id INT)           | orders | false",
        "CREATE TEMP TABLE IF NOT EXISTS orders (id INT)      | orders | true",
        "CREATE GLOBAL TEMPORARY TABLE orders (id INT)        | orders | true",
        "DECLARE GLOBAL TEMPORARY TABLE SESSION.TMP (ID INT) ON COMMIT DELETE ROWS NOT LOGGED | SESSION.TMP | true",
        "DECLARE GLOBAL TEMPORARY TABLE TMP (ID INT) WITH REPLACE | TMP | true",
        "DECLARE x CURSOR FOR SELECT 1                        | x | false",
        "CREATE UNLOGGED TABLE app.orders (id INT)            | app.orders | true",
        "CREATE TABLE \"orders\" AS SELECT * FROM x           | orders | true",
        "CREATE TABLE \"Orders\" AS SELECT * FROM x           | \"Orders\" | true",
        "CREATE TABLE \"Orders\" AS SELECT * FROM x           | orders | false",
        "CREATE VIEW orders AS SELECT 1                       | orders | false",
        "CREATE INDEX orders ON t (a)                         | orders | false",
        "CREATE TABLE foo (id INT);\\nRENAME TABLE foo TO foo_old | foo_old | true",
        "CREATE TABLE foo (id INT);\\nALTER TABLE foo RENAME TO foo_old | foo_old | true",
        "ALTER TABLE foo RENAME TO foo_old                    | foo_old | false",
        "IF OBJECT_ID('x') IS NULL CREATE TABLE x (a INT)     | x       | false",
        "DO $$ BEGIN IF NOT EXISTS (SELECT 1) THEN CREATE TABLE x (a INT); END IF; END $$ | x | false",
    })
    void aTableTheScriptSurelyCreatedIsScratch(String sql, String table, boolean scratch) {
        String script = sql.replace("\\n", "\n") + ";\nDROP TABLE " + table;
        List<String> drops = RulePipeline.run(Dialect.AUTO, script).stream().map(RulePipeline.Hit::rule)
                .filter(rule -> rule.equals("drop-table")).toList();
        assertEquals(scratch, drops.isEmpty(), script);
    }

    @Test
    void aTableCreatedInARoutineBodyIsNotScratch() {
        Statement create = only(Dialect.POSTGRESQL, "CREATE TABLE orders (id INT)");
        Statement inBody = new Statement(create.sql(), create.start(), create.tokens(),
                new StatementContext(StatementContext.Kind.ROUTINE_BODY, "function f"), create.dialect(), false);
        Statement drop = only(Dialect.POSTGRESQL, "DROP TABLE orders");
        ScriptAnalysis analysis = new ScriptAnalysis(StatementReader.tokensOnly());
        List<StatementModel> afterBody = analysis.models(new Script(List.of(inBody, drop), List.of(),
                Optional.empty()));
        assertFalse(afterBody.get(1).clauses().get(0).scratch());
        List<StatementModel> afterScript = analysis.models(new Script(List.of(create, drop), List.of(),
                Optional.empty()));
        assertTrue(afterScript.get(1).clauses().get(0).scratch());
    }

    @Test
    void disabledRulesDoNotMatterToScratchTables() {
        // The scratch-table step runs in the analysis, before any rule: a rule alone still sees the creation.
        List<String> messages = RuleHarness.messages(new TruncateTableRule(), Dialect.AUTO,
                "CREATE TABLE t (id INT);\nTRUNCATE TABLE t;");
        assertEquals(List.of(), messages);
    }

    @Test
    void stringsAndCommentsAreNeverRead() {
        List<RulePipeline.Hit> hits = RulePipeline.run(Dialect.POSTGRESQL,
                "/* DROP TABLE a; */ SELECT 'TRUNCATE b'; -- ALTER TABLE c DROP COLUMN d\n"
                        + "INSERT INTO log VALUES ('DROP DATABASE x');\nCOMMENT ON TABLE t IS 'DROP SCHEMA s';");
        assertEquals(List.of(), hits);
    }

    @Test
    void findingsStandWhereTheClauseIsWritten() {
        List<RulePipeline.Hit> hits = RulePipeline.run(Dialect.AUTO,
                "-- cleanup\nSELECT 1;\n\n  DROP TABLE a;\r\nTRUNCATE\n b;\nALTER TABLE site\n  DROP COLUMN x,\n"
                        + "  DROP COLUMN y;\nDROP VIEW v\n  CASCADE;");
        assertEquals("[4:drop-table, 5:truncate-table, 8:drop-column, 9:drop-column, 11:cascade]",
                hits.toString());
        assertEquals(List.of(3, 1, 3, 3, 3), hits.stream().map(RulePipeline.Hit::column).toList());
    }
}
