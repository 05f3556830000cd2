package io.github.sqlguard.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.StatementSplitter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatementAnalyzerTest {

    private final StatementAnalyzer analyzer = new StatementAnalyzer();

    static Statement statement(Dialect dialect, String sql) {
        return new StatementSplitter(dialect, Placeholders.DEFAULT).split("t.sql", sql).statements().get(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "AUTO | CREATE TABLE t (id INT PRIMARY KEY)",
        "AUTO | INSERT INTO t VALUES (1, 'DELETE FROM t')",
        "AUTO | SELECT deleted FROM t -- DELETE FROM t",
        "POSTGRESQL | SELECT 1 /* UPDATE t SET a = 1 */",
        "AUTO | ALTER TABLE t ADD COLUMN c INT",
        "AUTO | CREATE TABLE c (id INT, p INT REFERENCES p (id) ON DELETE CASCADE ON UPDATE CASCADE)",
        "MYSQL | CREATE TABLE c (id INT, changed TIMESTAMP ON UPDATE CURRENT_TIMESTAMP)",
        "AUTO | SELECT * FROM t WHERE id = 1 FOR UPDATE",
        "MYSQL | INSERT INTO t VALUES (1) ON DUPLICATE KEY UPDATE a = 1",
        "POSTGRESQL | INSERT INTO t VALUES (1) ON CONFLICT (id) DO UPDATE SET a = 1",
        "AUTO | GRANT SELECT, UPDATE, DELETE ON t TO app",
        "AUTO | REVOKE DELETE ON t FROM app",
        "AUTO | ALTER TABLE t ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES p (id)",
        "AUTO | ALTER TABLE t ALTER COLUMN c TYPE BIGINT",
        "AUTO | ALTER TABLE t DROP COLUMN c",
        "AUTO | DROP TABLE t PURGE",
        "AUTO | TRUNCATE TABLE t",
        "ORACLE | names.DELETE()",
        "ORACLE | names.delete(1, 2)",
        "ORACLE | names.DELETE",
        "AUTO | SELECT t.update, t.delete FROM t",
    })
    void statementsTheRowRulesDoNotReadAreNotParsed(Dialect dialect, String sql) {
        assertInstanceOf(AnalyzedStatement.NotNeeded.class, analyzer.analyze(statement(dialect, sql)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "delete from t",
        "UPDATE t SET a = 1",
        "WITH x AS (DELETE FROM a RETURNING *) SELECT * FROM x",
        "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE",
        "MERGE INTO t USING s ON t.delete = s.id WHEN MATCHED THEN DELETE",
    })
    void deletesAndUpdatesPassThePreCheck(String sql) {
        assertTrue(StatementAnalyzer.mayDestroyData(statement(Dialect.AUTO, sql)));
    }

    @Test
    void containersAreNotParsed() {
        Statement block = statement(Dialect.AUTO, "DELETE FROM t");
        Statement container = new Statement(block.sql(), block.start(), block.tokens(), block.context(),
                block.dialect(), true);
        assertInstanceOf(AnalyzedStatement.NotNeeded.class, analyzer.analyze(container));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "AUTO | DELETE FROM customers",
        "AUTO | UPDATE t SET a = 1 WHERE id = ${id}",
        "SQLSERVER | DELETE FROM [dbo].[orders] WHERE [id] = 1",
        "AUTO | DELETE FROM [dbo].[orders] WHERE [id] = 1",
        "MYSQL | UPDATE t SET a = 'it\\'s' WHERE id = 1",
        "POSTGRESQL | WITH x AS (DELETE FROM a RETURNING *) SELECT * FROM x",
        "ORACLE | DELETE t",
        "POSTGRESQL | UPDATE t SET a = 1 WHERE (name COLLATE \"C\", b) > ('x', 1)",
        "AUTO | DELETE FROM t WHERE (name COLLATE pg_catalog.\"default\", b) > ('x', 1)",
        "POSTGRESQL | DELETE FROM t WHERE name COLLATE \"C\" > 'x'",
        "POSTGRESQL | WITH b AS (SELECT id FROM t ORDER BY name COLLATE \"C\" LIMIT 5) DELETE FROM t USING b",
        "POSTGRESQL | DELETE FROM t WHERE json ?? 'status' OR 1 = 1",
        "SQLSERVER | DELETE TOP (@batch) s FROM [dbo].[sso_user] s INNER JOIN #ids ON #ids.id = s.id",
        "AUTO | UPDATE TOP (10) PERCENT t SET a = 1 FROM t JOIN u ON u.id = t.u_id",
        "SQLSERVER | UPDATE u SET u.[revised] = GETUTCDATE() FROM @ids i INNER JOIN [dbo].[users] u ON i.id = u.id",
        "SQLSERVER | UPDATE u SET revised = 1 FROM [dbo].[users] u INNER JOIN @ids i ON i.id = u.id",
        "SQLSERVER | DELETE x FROM @ids x JOIN [dbo].[users] u ON u.id = x.id",
        "POSTGRESQL | UPDATE t SET json = json - 'a' WHERE json ?? 'a' AND NOT json ?? 'b' OR true",
        "POSTGRESQL | DELETE FROM t WHERE NOT EXISTS (SELECT FROM u WHERE u.id = t.id)",
        "AUTO | DELETE FROM t USING u WHERE u.id = t.id AND EXISTS (SELECT   FROM v WHERE v.id = u.id)",
        "SQLSERVER | DELETE a FROM t a JOIN u ON u.id = a.id OPTION (MAXDOP 1)",
        "AUTO | DELETE TOP (10) a FROM @ids a JOIN u ON u.id = a.id OPTION (MAXDOP 1, RECOMPILE);",
        "SQLSERVER | UPDATE a SET [Type] = j.[Type] FROM [dbo].[auth] a INNER JOIN OPENJSON(@json) WITH (Id INT '$.Id', [Type] SMALLINT '$.Type') j ON a.Id = j.Id",
        "AUTO | DELETE FROM t WHERE id IN (SELECT id FROM OPENJSON(@ids, '$.list') WITH (id INT '$.id', doc NVARCHAR(MAX) '$.doc' AS JSON))",
        "SQLSERVER | UPDATE TOP (1000) u SET p = NULL WHERE EXISTS (SELECT 1 FROM OPENJSON(u.p) WITH (x BIT '$.x') AS j WHERE j.x = 1)",
    })
    void destructiveStatementsAreParsedWithDialectFeatures(Dialect dialect, String sql) {
        AnalyzedStatement analyzed = analyzer.analyze(statement(dialect, sql));
        assertInstanceOf(AnalyzedStatement.Parsed.class, analyzed, () -> analyzed.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DELETE a FROM t a JOIN u FOR SYSTEM_TIME ALL AS v ON v.id = a.id | unexpected \"FOR\" at line 1, column 26",
        "DELETE TOP (10) a FROM @ids a JOIN u FOR SYSTEM_TIME ALL AS v ON v.id = a.id | unexpected \"FOR\" at line 1, column 38",
        "DELETE FROM t WHERE CURRENT OF c | unexpected \"OF\" at line 1, column 29",
    })
    void unparsableStatementsKeepAShortOneLineMessage(String sql, String message) {
        AnalyzedStatement analyzed = analyzer.analyze(statement(Dialect.AUTO, sql));
        AnalyzedStatement.Unparsed unparsed = assertInstanceOf(AnalyzedStatement.Unparsed.class, analyzed);
        assertEquals(message, unparsed.parserMessage());
    }

    @Test
    void lexicalErrorsGetAShortMessageToo() {
        AnalyzedStatement analyzed = analyzer.analyze(statement(Dialect.AUTO, "DELETE FROM t WHERE a = \u00a4"));
        AnalyzedStatement.Unparsed unparsed = assertInstanceOf(AnalyzedStatement.Unparsed.class, analyzed);
        assertEquals("Lexical error; Encountered: <EOF> at line 1, column 26", unparsed.parserMessage());
    }

    @Test
    void parserPositionsAreFilePositions() {
        Statement statement = new StatementSplitter(Dialect.AUTO, Placeholders.DEFAULT)
                .split("t.sql", "SELECT 1;\n\n  DELETE\n  FROM t WHERE CURRENT OF c;").statements().get(1);
        AnalyzedStatement.Unparsed unparsed =
                assertInstanceOf(AnalyzedStatement.Unparsed.class, analyzer.analyze(statement));
        assertEquals("unexpected \"OF\" at line 4, column 24", unparsed.parserMessage());
    }

    @Test
    void deeplyNestedStatementsComeBackUnparsedInsteadOfCrashing() {
        String deep = "DELETE FROM t WHERE a = " + "(".repeat(20_000) + "1" + ")".repeat(20_000);
        AnalyzedStatement analyzed = analyzer.analyze(statement(Dialect.AUTO, deep));
        AnalyzedStatement.Unparsed unparsed = assertInstanceOf(AnalyzedStatement.Unparsed.class, analyzed);
        assertFalse(unparsed.parserMessage().contains("\n"));
    }

    @Test
    void aParseRunningPastTheLimitComesBackUnparsed() {
        // Simple parsing fails fast at the trailing ORDER; JSqlParser's "complex" retry is exponential in
        // the nesting of these parentheses (about 10 s here), so only the time limit stops it.
        String slow = "UPDATE t SET a = " + "(".repeat(10) + "1" + " + 1)".repeat(10) + " WHERE id = 1 ORDER";
        // The message shows the limit stopped it: run to its end, the parse fails at ORDER with the parser's message.
        StatementAnalyzer impatient = new StatementAnalyzer(Duration.ofMillis(200));
        AnalyzedStatement analyzed = impatient.analyze(statement(Dialect.AUTO, slow));
        AnalyzedStatement.Unparsed unparsed = assertInstanceOf(AnalyzedStatement.Unparsed.class, analyzed);
        assertEquals("parsing took more than 200 ms of processor time", unparsed.parserMessage());
    }

    @Test
    void anUnexpectedEndIsNamed() {
        AnalyzedStatement analyzed = analyzer.analyze(statement(Dialect.AUTO, "DELETE FROM t ORDER"));
        AnalyzedStatement.Unparsed unparsed = assertInstanceOf(AnalyzedStatement.Unparsed.class, analyzed);
        assertEquals("unexpected <EOF> at line 1, column 19", unparsed.parserMessage());
    }

    @Test
    void aTimeLimitMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new StatementAnalyzer(Duration.ZERO));
    }

    @Test
    void oneInstanceServesSeveralThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<AnalyzedStatement>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String sql = i % 2 == 0 ? "DELETE FROM t" + i + " WHERE id = " + i : "DELETE FROM t" + i + " WHERE CURRENT OF c";
                Statement statement = statement(Dialect.AUTO, sql);
                results.add(pool.submit(() -> analyzer.analyze(statement)));
            }
            for (int i = 0; i < results.size(); i++) {
                Class<?> expected = i % 2 == 0 ? AnalyzedStatement.Parsed.class : AnalyzedStatement.Unparsed.class;
                assertInstanceOf(expected, results.get(i).get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void statementsFromAnywhereKeepTheirContext() {
        Statement base = statement(Dialect.AUTO, "DELETE FROM t");
        Statement inBlock = new Statement(base.sql(), new Location("t.sql", 7, 3), base.tokens(),
                new StatementContext(StatementContext.Kind.EXECUTED_BLOCK, "DO block"), Dialect.AUTO, false);
        assertEquals(inBlock, analyzer.analyze(inBlock).statement());
    }
}
