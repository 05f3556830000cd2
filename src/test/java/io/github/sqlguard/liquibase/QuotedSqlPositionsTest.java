package io.github.sqlguard.liquibase;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SQL in a quoted JSON or YAML value with escapes is located where its characters stand in the file. */
class QuotedSqlPositionsTest {

    private static List<String> positions(String name, String text) {
        return YamlChangelogTest.statements(name, text, LiquibaseOptions.defaults()).stream()
                .map(s -> s.start().line() + ":" + s.start().column() + " " + s.sql()).toList();
    }

    @Test
    void jsonNewlineEscapesStayOnTheLineOfTheValue() {
        String json = """
                {"databaseChangeLog": [
                  {"changeSet": {"id": "1", "author": "a", "changes": [
                    {"sql": {"sql": "DELETE FROM a;\\nDELETE FROM \\"b\\";\\n\\tUPDATE c SET x = 1"}}
                  ]}}
                ]}
                """;
        assertEquals(List.of("3:22 DELETE FROM a", "3:38 DELETE FROM \"b\"", "3:60 UPDATE c SET x = 1"),
                positions("c.json", json));
    }

    @Test
    void yamlDoubleQuotedValueWithEscapesAndFoldedLines() {
        String yaml = """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - sql:
                            sql: "DELETE FROM a;\\n\\
                              DELETE FROM b;
                              UPDATE \\u0063 SET x = 'it''s'"
                """;
        assertEquals(List.of("7:19 DELETE FROM a", "8:15 DELETE FROM b", "9:15 UPDATE c SET x = 'it''s'"),
                positions("c.yaml", yaml));
    }

    @Test
    void yamlSingleQuotedValueWithDoubledQuotesKeepsItsColumns() {
        String yaml = """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - sql:
                            sql: 'UPDATE t SET n = ''x''; DELETE FROM t'
                """;
        assertEquals(List.of("7:19 UPDATE t SET n = 'x'", "7:43 DELETE FROM t"), positions("c.yaml", yaml));
    }

    @Test
    void tokensCarryFilePositionsToo() {
        String json = "{\"databaseChangeLog\": [{\"changeSet\": {\"id\": \"1\", \"author\": \"a\", \"changes\": ["
                + "{\"sql\": {\"sql\": \"SELECT 1;\\r\\nDELETE FROM t\"}}]}}]}";
        Statement delete = YamlChangelogTest.statements("c.json", json, LiquibaseOptions.defaults()).get(1);
        int column = json.indexOf("DELETE") + 1;
        assertEquals(List.of("1:" + column, "1:" + (column + 7), "1:" + (column + 12)),
                delete.tokens().stream().map(t -> t.line() + ":" + t.column()).toList());
        assertEquals(json.indexOf("DELETE"), delete.firstToken().offset());
    }
}
