package io.github.sqlguard.liquibase;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code # sqlguard:allow} comments in YAML acknowledge what they stand next to, like XML comments. */
class YamlCommentAcknowledgementTest {

    private static List<String> comments(String yaml) {
        var scripts = YamlChangelogTest.read("c.yaml", yaml, LiquibaseOptions.defaults()).scripts();
        return scripts.isEmpty() ? List.of() : ChangelogAcknowledgementTest.attached(scripts.get(0)).stream()
                .filter(c -> c.contains("sqlguard")).toList();
    }

    @Test
    void commentBeforeAChangeAppliesToThatChangeOnly() {
        assertEquals(List.of("6:9 -- sqlguard:allow drop-table reason: retired -> [8]"), comments("""
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        # sqlguard:allow drop-table reason: retired

                        - dropTable:
                            tableName: old
                        - dropTable:
                            tableName: other
                """));
    }

    @Test
    void commentBeforeAChangeSetAppliesToAllItsStatements() {
        assertEquals(List.of("2:3 -- sqlguard:allow delete-without-where reason: scratch -> [7, 9]"), comments("""
                databaseChangeLog:
                  # sqlguard:allow delete-without-where reason: scratch
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - delete:
                            tableName: a
                        - delete:
                            tableName: b
                  - changeSet:
                      id: 2
                      author: a
                      changes:
                        - delete:
                            tableName: c
                """));
    }

    @Test
    void inlineCommentAfterTheSqlBelongsToThatChange() {
        assertEquals(List.of("7:37 -- sqlguard:allow delete-without-where reason: cache -> [7]"), comments("""
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - sql:
                            sql: DELETE FROM cache  # sqlguard:allow delete-without-where reason: cache
                        - sql:
                            sql: DELETE FROM orders
                """));
    }

    @Test
    void hashesInsideValuesAreNoComments() {
        assertEquals(List.of(), comments("""
                databaseChangeLog:
                  - changeSet:
                      id: "1 # sqlguard:allow delete-without-where reason: not a comment"
                      author: a#b
                      changes:
                        - sql:
                            sql: |
                              DELETE FROM t WHERE note = '# sqlguard:allow delete-without-where reason: x'
                """));
    }

    @Test
    void fileWideCommentAnywhereIsKeptWhereItIsWritten() {
        assertEquals(List.of("8:1 -- sqlguard:allow-file drop-table reason: sandbox schema -> [6]"), comments("""
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - dropTable:
                            tableName: old
                # sqlguard:allow-file drop-table reason: sandbox schema
                """));
    }
}
