package io.github.sqlguard.rules;

import static io.github.sqlguard.rules.RuleHarness.analyzed;
import static io.github.sqlguard.rules.RuleHarness.messages;
import static io.github.sqlguard.rules.RuleHarness.tokenMessages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.github.sqlguard.analysis.AnalyzedStatement;
import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlwaysTrueWhereRuleTest {

    private final Rule rule = new AlwaysTrueWhereRule();

    private static List<String> expected(String verb, String table) {
        if (table == null) {
            return List.of();
        }
        String effect = verb.equals("DELETE") ? "removes" : "changes";
        return List.of(verb + " with an always-true WHERE " + effect + " every row of " + table);
    }

    private static String delete(String condition) {
        return "DELETE FROM t WHERE " + condition;
    }

    @ParameterizedTest(name = "{0}: WHERE {1}")
    @CsvSource(delimiter = '|', value = {
        "AUTO       | 1 = 1                             | true",
        "AUTO       | 1=1                               | true",
        "AUTO       | 'a' = 'a'                         | true",
        "AUTO       | 'a' <> 'b'                        | true",
        "AUTO       | 1 <> 0                            | true",
        "AUTO       | 1 != 0                            | true",
        "AUTO       | 2 > 1                             | true",
        "AUTO       | 1 <= 1.0                          | true",
        "AUTO       | TRUE                              | true",
        "POSTGRESQL | true                              | true",
        "AUTO       | NOT FALSE                         | true",
        "AUTO       | NOT (1 = 0)                       | true",
        "MYSQL      | 1                                 | true",
        "AUTO       | id = id                           | true",
        "AUTO       | t.id = t.id                       | true",
        // A row constructor compared with itself: every pair of its values is, so every row matches.
        "POSTGRESQL | (vo_id, sys_version) = (vo_id, sys_version) | true",
        "AUTO       | (t.a, t.b) = (t.a, t.b) AND 1 = 1 | true",
        "AUTO       | (a, b) <> (a, 2)                  | false",
        "AUTO       | (a, 1) <> (a, 2)                  | true",
        "AUTO       | (a, b) = (a, c)                   | false",
        "AUTO       | (a, b) = (b, a)                   | false",
        "AUTO       | (a, b) <= (a, b)                  | false",
        "AUTO       | (a, b) = (a, b, c)                | false",
        "AUTO       | x IS NULL OR x IS NOT NULL        | true",
        "MYSQL      | id <=> id                         | true",
        "MYSQL      | t.b <=> b                         | true",
        "MYSQL      | a <=> b                           | false",
        "SQLITE     | a IS a                            | true",
        "SQLITE     | a IS NOT a                        | false",
        "SQLITE     | a IS b                            | false",
        "SQLITE     | a IS TRUE                         | false",
        "AUTO       | lower(x) IS NULL OR lower(x) IS NOT NULL | true",
        "AUTO       | (a + 1) IS NOT NULL OR ((a + 1) IS NULL) | true",
        "POSTGRESQL | data->'k' IS NOT NULL OR data->'k' IS NULL | true",
        "AUTO       | id = 5 OR 1 = 1                   | true",
        "AUTO       | 1 = 1 OR id = 5                   | true",
        "AUTO       | 1 = 1 AND TRUE                    | true",
        "AUTO       | (1 = 1)                           | true",
        "AUTO       | ((1 = 1) OR id = 3)               | true",
        "AUTO       | (id = 3 OR (1 = 1)) AND 2 > 1     | true",
        "AUTO       | 1 = 0                             | false",
        "AUTO       | id = 1                            | false",
        "AUTO       | a = b                             | false",
        "AUTO       | t.id = u.id                       | false",
        "AUTO       | 1 = 1 AND id = 5                  | false",
        "AUTO       | id <> id                          | false",
        "AUTO       | 'a' = 'A'                         | false",
        "AUTO       | FALSE                             | false",
        "MYSQL      | 0                                 | false",
        "AUTO       | x BETWEEN 0 AND 1                 | false",
        "AUTO       | x BETWEEN 0 AND 1 AND 1 = 1       | false",
        "AUTO       | f(1) = f(1)                       | false",
        // A built-in deterministic function of the same arguments equals itself; random() inside may not.
        "POSTGRESQL | coalesce(id, 0) = coalesce(id, 0) | true",
        "AUTO       | lower(t.name) = LOWER(t.name)     | true",
        "AUTO       | CAST(id AS varchar(10)) = CAST(id AS varchar(10)) | true",
        "AUTO       | CAST(a AS int) = CAST(b AS int)   | false",
        "AUTO       | coalesce(a, 0) = coalesce(b, 0)   | false",
        "AUTO       | coalesce(a, random()) = coalesce(a, random()) | false",
        // PostgreSQL's cast of a value that equals itself equals itself too; SQL Server's CONVERT likewise.
        "POSTGRESQL | id::text = id::text               | true",
        "POSTGRESQL | t.id::varchar(10) = t.id::VARCHAR (10) | true",
        "POSTGRESQL | id::character varying = id::character varying | true",
        "POSTGRESQL | ts::timestamp(3) with time zone = ts::timestamp(3) with time zone | true",
        "POSTGRESQL | tags::text[] = tags::text[] AND 1 = 1 | true",
        "POSTGRESQL | id::text::int = id::text::int     | true",
        "POSTGRESQL | lower(name)::text = lower(name)::text | true",
        "POSTGRESQL | id::text = other::text            | false",
        "POSTGRESQL | id::text = id::varchar            | false",
        "POSTGRESQL | f(id)::text = f(id)::text         | false",
        "POSTGRESQL | random()::int = random()::int     | false",
        "SQLSERVER  | CONVERT(varchar(10), id) = CONVERT(varchar(10), id) | true",
        "SQLSERVER  | TRY_CAST(id AS int) = TRY_CAST(id AS int) | true",
        "SQLSERVER  | CONVERT(varchar(10), a) = CONVERT(varchar(10), b) | false",
        // A literal that matches a pattern of % and _ with its case matches it under every collation.
        "AUTO       | 'x' LIKE 'x%'                     | true",
        "AUTO       | 'abc' LIKE 'a_c'                  | true",
        "AUTO       | 'abc' LIKE '%b%'                  | true",
        "AUTO       | 'abc' NOT LIKE 'a%'               | false",
        "AUTO       | 'abc' LIKE 'A%'                   | false",
        "AUTO       | 'abc' LIKE 'b%'                   | false",
        "SQLSERVER  | 'abc' LIKE '[a]%'                 | false",
        "AUTO       | name LIKE 'a%'                    | false",
        "AUTO       | lower(name) <> lower(name)        | false",
        "AUTO       | -1 = -1                           | false",
        "AUTO       | x IS NULL OR y IS NOT NULL        | false",
        "AUTO       | lower(x) IS NULL OR upper(x) IS NOT NULL | false",
        "AUTO       | a = 1 IS NULL OR a = 2 IS NOT NULL | false",
        "AUTO       | NOT (1 = 1)                       | false",
        "AUTO       | CASE WHEN a = 1 OR 1 = 1 THEN 1 ELSE 0 END = 1 | false",
        "AUTO       | id IN (SELECT id FROM u WHERE 1 = 1) | false",
    })
    void judgesTheConditionFromTheAstAndFromTheTokens(Dialect dialect, String condition, boolean alwaysTrue) {
        List<String> expected = expected("DELETE", alwaysTrue ? "t" : null);
        assertEquals(expected, messages(rule, dialect, delete(condition)), "pipeline");
        assertEquals(expected, tokenMessages(rule, dialect, delete(condition)), "tokens only");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "AUTO       | UPDATE orders SET status = 'void' WHERE 1 = 1                         | UPDATE | orders",
        "MYSQL      | UPDATE orders SET status = 'void' WHERE 1 ORDER BY id LIMIT 3         | UPDATE | orders",
        "POSTGRESQL | UPDATE orders SET status = 'void' WHERE true RETURNING id             | UPDATE | orders",
        "POSTGRESQL | WITH x AS (DELETE FROM a WHERE 1 = 1 RETURNING *) SELECT * FROM x     | DELETE | a",
        "MYSQL      | DELETE t1 FROM t1 JOIN t2 ON t1.a = t2.a WHERE 1 = 1                  | DELETE |",
        "AUTO       | DELETE FROM t                                                         | DELETE |",
        "AUTO       | SELECT * FROM t WHERE 1 = 1                                           | DELETE |",
        "AUTO       | INSERT INTO t SELECT * FROM u WHERE 1 = 1                             | DELETE |",
        "POSTGRESQL | MERGE INTO t USING s ON t.id = s.id WHEN MATCHED AND 1 = 1 THEN DELETE | DELETE |",
    })
    void looksOnlyAtTheWhereOfDeleteAndUpdate(Dialect dialect, String sql, String verb, String table) {
        assertEquals(expected(verb, table), messages(rule, dialect, sql), "pipeline");
        assertEquals(expected(verb, table), tokenMessages(rule, dialect, sql), "tokens only");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "POSTGRESQL | DELETE FROM t * WHERE TRUE               | DELETE | t",
        "POSTGRESQL | DELETE FROM t WHERE CURRENT OF c         | DELETE |",
    })
    void formsJSqlParserRejectsAreCheckedFromTheirTokens(Dialect dialect, String sql, String verb, String table) {
        assertInstanceOf(AnalyzedStatement.Unparsed.class, analyzed(dialect, sql));
        assertEquals(expected(verb, table), messages(rule, dialect, sql));
    }

    /** The parser gets T-SQL's row cap blanked out; the condition it reads is the statement's own. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "SQLSERVER  | DELETE TOP (5) FROM t WHERE 1 = 1        | DELETE | t",
        "SQLSERVER  | UPDATE TOP (5) t SET a = 1 WHERE id = id | UPDATE | t",
    })
    void rowCapsAreLeftOutOfTheParsedText(Dialect dialect, String sql, String verb, String table) {
        assertInstanceOf(AnalyzedStatement.Parsed.class, analyzed(dialect, sql));
        assertEquals(expected(verb, table), messages(rule, dialect, sql));
    }
}
