package io.github.sqlguard.rules;

import static io.github.sqlguard.rules.RuleHarness.analyzed;
import static io.github.sqlguard.rules.RuleHarness.messages;
import static io.github.sqlguard.rules.RuleHarness.tokenMessages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.github.sqlguard.analysis.AnalyzedStatement;
import io.github.sqlguard.analysis.StatementAnalyzer;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.sql.Lexer;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeleteWithoutWhereRuleTest {

    private static final Set<TokenType> SEPARATORS = EnumSet.of(TokenType.COMMENT, TokenType.TERMINATOR,
            TokenType.BATCH_SEPARATOR, TokenType.DELIMITER_CHANGE);

    private final Rule rule = new DeleteWithoutWhereRule();

    private static List<String> expected(String table) {
        if (table != null && table.startsWith("some of ")) {
            // TOP or LIMIT without WHERE: arbitrary rows, and every row once a loop repeats the statement.
            return List.of("DELETE without WHERE (its TOP, LIMIT or FETCH FIRST only caps how many rows it takes)"
                    + " removes arbitrary rows of " + table.substring("some of ".length())
                    + ", and every row when it runs in a loop until none is left");
        }
        return table == null ? List.of() : List.of("DELETE without WHERE removes every row of " + table);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "AUTO       | DELETE FROM customers                                               | customers",
        "AUTO       | delete from customers;                                              | customers",
        "POSTGRESQL | DELETE FROM public.customers                                        | public.customers",
        "MYSQL      | DELETE FROM `customers`                                             | `customers`",
        "SQLSERVER  | DELETE FROM [dbo].[customers]                                       | [dbo].[customers]",
        "ORACLE     | DELETE customers                                                    | customers",
        "MYSQL      | DELETE FROM t ORDER BY id LIMIT 10                                  | some of t",
        "H2         | DELETE FROM t FETCH FIRST 100 ROWS ONLY                             | some of t",
        "H2         | DELETE FROM t WHERE id < 5 FETCH NEXT 1 ROW ONLY                    |",
        "MYSQL      | DELETE LOW_PRIORITY QUICK IGNORE FROM t                             | t",
        "AUTO       | DELETE FROM t WHERE id IN (SELECT id FROM u)                        |",
        "AUTO       | DELETE FROM t WHERE id = 1                                          |",
        "AUTO       | DELETE FROM t\\nWHERE id = 1                                       |",
        "POSTGRESQL | DELETE FROM t USING s                                               | t",
        "POSTGRESQL | DELETE FROM t USING s WHERE t.id = s.id                             |",
        "MYSQL      | DELETE t1 FROM t1 JOIN t2 ON t1.a = t2.a                            |",
        "MYSQL      | DELETE t1, t2 FROM t1 INNER JOIN t2 ON t1.a = t2.a                  |",
        "MYSQL      | DELETE o FROM orders o JOIN refunds r ON o.id = r.order_id          |",
        "MYSQL      | DELETE t1 FROM t1, t2                                               | t1",
        "POSTGRESQL | WITH x AS (DELETE FROM a RETURNING *) SELECT * FROM x               | a",
        "POSTGRESQL | WITH x AS (DELETE FROM a WHERE id = 1 RETURNING *) SELECT * FROM x |",
        "POSTGRESQL | WITH x AS (SELECT id FROM u WHERE a = 1) DELETE FROM t              | t",
        "POSTGRESQL | WITH x AS (SELECT id FROM u) DELETE FROM t WHERE id IN (SELECT id FROM x) |",
        "SQLSERVER  | IF EXISTS (SELECT 1 FROM t WHERE a = 1) DELETE FROM t                | t",
        "SQLSERVER  | IF @mode = 1 DELETE FROM t WHERE a = 1 ELSE DELETE FROM u           | u",
        "SQLSERVER  | IF @mode = 1 DELETE FROM t WHERE a = 1                              |",
        "SQLSERVER  | DELETE FROM t\\nSELECT id FROM u WHERE id = 1                    | t",
        "SQLSERVER  | BEGIN\\nDELETE FROM t\\nSELECT @n = COUNT(*) FROM u WHERE a = 1\\nEND | t",
        "AUTO       | DELETE FROM ${schema}.customers                                     | ${schema}.customers",
        "AUTO       | DELETE FROM ${schema}.customers WHERE id = ${id}                    |",
        "AUTO       | GRANT DELETE ON t TO app                                            |",
        "AUTO       | REVOKE DELETE ON t FROM app                                         |",
        "AUTO       | CREATE TABLE c (id INT, p INT REFERENCES p(id) ON DELETE CASCADE)   |",
        "AUTO       | ALTER TABLE c ADD CONSTRAINT f FOREIGN KEY (p) REFERENCES p (id) ON DELETE CASCADE |",
        "POSTGRESQL | MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE        |",
        "POSTGRESQL | CREATE TRIGGER trg AFTER DELETE ON t FOR EACH ROW EXECUTE FUNCTION f() |",
        "AUTO       | SELECT 'DELETE FROM t' FROM dual                                    |",
        "AUTO       | SELECT 1 -- DELETE FROM t                                           |",
        "AUTO       | SELECT deleted FROM t                                               |",
    })
    void findsADeleteWithoutWhereFromTheAstAndFromTheTokens(Dialect dialect, String sql, String table) {
        String text = sql.replace("\\n", "\n");
        assertEquals(expected(table), messages(rule, dialect, text), "pipeline");
        assertEquals(expected(table), tokenMessages(rule, dialect, text), "tokens only");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "WITH x AS (DELETE FROM ${s}.a RETURNING *) DELETE FROM ${s}.b                 | ${s}.a         | ${s}.b",
        "WITH x AS (DELETE FROM ${s}.a RETURNING *) DELETE TOP (1) FROM ${s}.b         | ${s}.a         | some of ${s}.b",
        "WITH x AS (DELETE FROM ${s}.a LIMIT 5 RETURNING *) DELETE FROM ${s}.b         | some of ${s}.a | ${s}.b",
    })
    void reportsEveryDeleteOfAStatementNamingTablesAsWritten(String sql, String first, String second) {
        List<String> both = List.of(expected(first).get(0), expected(second).get(0));
        assertEquals(both, messages(rule, Dialect.AUTO, sql));
        assertEquals(both, tokenMessages(rule, Dialect.AUTO, sql));
    }

    @Test
    void statementsAfterADelimiterChangeAreCheckedOneByOne() {
        String sql = "DELIMITER $$\nDELETE FROM t WHERE a = 1; DELETE FROM u; UPDATE v SET a = 1 WHERE b = 2$$";
        assertEquals(3, RuleHarness.statements(Dialect.MYSQL, sql).size(), "the splitter cuts at ';' too");
        assertEquals(expected("u"), messages(rule, Dialect.MYSQL, sql));
        assertEquals(expected("u"), tokenMessages(rule, Dialect.MYSQL, sql));
    }

    /** A statement text that still holds several (the splitter no longer makes one) is read part by part. */
    @Test
    void aStatementHoldingSeveralIsReadStatementByStatement() {
        String sql = "DELIMITER $$\nDELETE FROM t WHERE a = 1; DELETE FROM u; UPDATE v SET a = 1 WHERE b = 2$$";
        List<Token> tokens = new Lexer(Dialect.MYSQL).tokenize(sql).tokens().stream()
                .filter(token -> !SEPARATORS.contains(token.type()))
                .toList();
        Token first = tokens.get(0);
        Statement several = new Statement(sql.substring(first.offset(), tokens.get(tokens.size() - 1).endOffset()),
                new Location("t.sql", first.line(), first.column()), tokens, StatementContext.SCRIPT, Dialect.MYSQL,
                false);
        AnalyzedStatement analyzed = new StatementAnalyzer().analyze(several);
        AnalyzedStatement.Unparsed unparsed = assertInstanceOf(AnalyzedStatement.Unparsed.class, analyzed);
        assertEquals("another statement (\"DELETE\") starts at line 2, column 28", unparsed.parserMessage());
        assertEquals(expected("u"), messages(rule, several));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "POSTGRESQL | DELETE FROM t WHERE CURRENT OF c                |",
        "MYSQL      | DELETE FROM t1 USING t1 JOIN t2 ON t1.a = t2.a  |",
        "MYSQL      | DELETE t1.* FROM t1 JOIN t2 ON t1.a = t2.a      |",
        // MySQL's multi-table form with USING deletes from every table listed after FROM.
        "MYSQL      | DELETE FROM t1, t2 USING t1 INNER JOIN t2 INNER JOIN t3 | t1, t2",
        "MYSQL      | DELETE FROM t1, t2.* USING t1 JOIN t2 ON t1.a = t2.a |",
        "POSTGRESQL | DELETE FROM t USING a JOIN b ON a.id = b.id     | t",
        // SQL*Plus substitution variables stand for names, replaced before the database sees the statement.
        "ORACLE     | DELETE FROM &schema_name..audit_log             | &schema_name..audit_log",
        "ORACLE     | DELETE FROM &&app_owner..sessions               | &&app_owner..sessions",
    })
    void formsJSqlParserRejectsAreCheckedFromTheirTokens(Dialect dialect, String sql, String table) {
        assertInstanceOf(AnalyzedStatement.Unparsed.class, analyzed(dialect, sql));
        assertEquals(expected(table), messages(rule, dialect, sql));
    }

    /** The parser gets PostgreSQL's ONLY before the table blanked out: it spares only the inheriting tables. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "POSTGRESQL | DELETE FROM ONLY t                              | t",
        "POSTGRESQL | DELETE FROM ONLY t WHERE a = 1                  |",
        "AUTO       | DELETE FROM ONLY t                              | t",
    })
    void postgresqlOnlyTheParserIsGivenWithout(Dialect dialect, String sql, String table) {
        assertInstanceOf(AnalyzedStatement.Parsed.class, analyzed(dialect, sql));
        assertEquals(expected(table), messages(rule, dialect, sql));
    }

    /** The parser gets T-SQL's row cap blanked out; the cap is still named, from the tokens. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "SQLSERVER  | DELETE TOP (10) FROM t                          | some of t",
        "AUTO       | DELETE TOP (10) PERCENT FROM audit              | some of audit",
        "SQLSERVER  | DELETE TOP (10) FROM t WHERE a = 1              |",
        "SQLSERVER  | DELETE TOP (@batch) t FROM t JOIN #ids i ON i.id = t.id |",
    })
    void rowCapsAreReadFromTokensWhileTheRestIsParsed(Dialect dialect, String sql, String table) {
        assertInstanceOf(AnalyzedStatement.Parsed.class, analyzed(dialect, sql));
        assertEquals(expected(table), messages(rule, dialect, sql));
    }

    @Test
    void mySqlPartitionSelectionIsNamedInTheMessage() {
        assertEquals(List.of("DELETE without WHERE removes every row of partition p2024 of metrics"),
                messages(new DeleteWithoutWhereRule(), Dialect.MYSQL, "DELETE FROM metrics PARTITION (p2024)"));
        assertEquals(List.of("DELETE without WHERE removes every row of partitions p1, p2 of metrics"),
                tokenMessages(new DeleteWithoutWhereRule(), Dialect.MYSQL, "DELETE FROM metrics PARTITION (p1, p2)"));
        assertEquals(List.of("UPDATE without WHERE changes every row of partition pmax of metrics"),
                messages(new UpdateWithoutWhereRule(), Dialect.MYSQL, "UPDATE metrics PARTITION (pmax) SET v = 0"));
        assertEquals(List.of(), messages(new DeleteWithoutWhereRule(), Dialect.MYSQL,
                "DELETE FROM metrics PARTITION (p2024) WHERE v < 0"));
    }

    /** A package after a statement left without its ; is a package of its own: its PROCEDURE delete is a name. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "ORACLE | SELECT 1 FROM dual\\nCREATE OR REPLACE PACKAGE files AS\\n  PROCEDURE delete (p_name IN VARCHAR2);\\nEND files;\\n/",
        "AUTO | EXEC dbms_output.put_line('x')\\nCREATE OR REPLACE PACKAGE files AS\\n  PROCEDURE delete (p_name VARCHAR2);\\nEND;\\n/",
    })
    void aProcedureNamedDeleteIsNoDelete(Dialect dialect, String sql) {
        List<String> rules = RulePipeline.run(dialect, sql.replace("\\n", "\n"), RuleRegistry.all()).stream()
                .map(RulePipeline.Hit::rule).toList();
        assertEquals(List.of(), rules);
    }
}
