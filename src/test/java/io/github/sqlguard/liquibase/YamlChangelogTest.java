package io.github.sqlguard.liquibase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.ScriptMode;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlChangelogTest {

    static Changelog read(String name, String text, LiquibaseOptions options) {
        return ChangelogReader.read(Path.of("/nowhere/db/" + name), "db/" + name, text, options);
    }

    static List<Statement> statements(String name, String text, LiquibaseOptions options) {
        Changelog changelog = read(name, text, options);
        assertEquals(List.of(), changelog.problems());
        return changelog.scripts().get(0).script().statements();
    }

    @Test
    void aListItemWithTwoChangeKeysRunsBothAsLiquibaseDoes() {
        List<Statement> statements = statements("c.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: alice
                      changes:
                        - dropTable:
                            tableName: t1
                          delete:
                            tableName: t2
                """, LiquibaseOptions.defaults());
        assertEquals(List.of("DROP TABLE t1", "DELETE FROM t2"), statements.stream().map(Statement::sql).toList());
        assertEquals("db/c.yaml:6:11", statements.get(0).start().toString());
        assertEquals("db/c.yaml:8:11", statements.get(1).start().toString());
    }

    @Test
    void propertiesIndentedBesideTheirChangeAreReadAsMeantAndTheSlipIsReported() {
        Changelog changelog = read("c.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: alice
                      changes:
                        - delete:
                          tableName: orders
                          where: status = 'void'
                        - update:
                          tableName: customer
                          columns:
                            - column: { name: tier, value: gold }
                """, LiquibaseOptions.defaults());
        List<Statement> statements = changelog.scripts().get(0).script().statements();
        assertEquals(List.of("DELETE FROM orders WHERE status = 'void'", "UPDATE customer SET tier = 'gold'"),
                statements.stream().map(Statement::sql).toList());
        assertEquals("db/c.yaml:6:11", statements.get(0).start().toString());
        assertEquals(2, changelog.problems().size(), changelog.problems().toString());
        Finding delete = changelog.problems().get(0);
        assertEquals("malformed-changelog", delete.ruleId());
        assertEquals("db/c.yaml:7:11", delete.location().toString());
        assertTrue(delete.message().startsWith("tableName, where stand beside 'delete' in its list item"),
                delete.message());
        assertTrue(changelog.problems().get(1).message().startsWith("tableName, columns stand beside 'update'"),
                changelog.problems().get(1).message());
    }

    @Test
    void aChangeWithoutPropertiesBesideAnotherChangeStaysTwoChanges() {
        List<Statement> statements = statements("c.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: alice
                      changes:
                        - tagDatabase:
                          dropTable: { tableName: t1 }
                """, LiquibaseOptions.defaults());
        assertEquals(List.of("DROP TABLE t1"), statements.stream().map(Statement::sql).toList());
    }

    @Test
    void settingsWrittenAsItemsOfTheChangesListBelongToTheChangesetAsInLiquibase() {
        String yaml = """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: alice
                      changes:
                        - dropTable:
                            tableName: t1
                        - modifySql:
                            append:
                              value: " CASCADE"
                        - rollback:
                            - sql: DELETE FROM t2
                        - comment: "No operation on execution."
                        - changes:
                            - delete:
                                tableName: t3
                """;
        // Liquibase's loader reads each item of the list as if it stood beside it: none of them is a change.
        assertEquals(List.of("DROP TABLE t1 CASCADE", "DELETE FROM t3 CASCADE"),
                statements("c.yaml", yaml, LiquibaseOptions.defaults()).stream().map(Statement::sql).toList());
        List<String> withRollback = statements("c.yaml", yaml, LiquibaseOptions.defaults()
                .withRollbacks(ScriptMode.CHECK)).stream().map(Statement::sql).toList();
        assertEquals("DELETE FROM t2", withRollback.get(withRollback.size() - 1));

        List<Statement> json = statements("c.json", """
                {"databaseChangeLog": [{"changeSet": {"id": "1", "author": "alice", "changes": [
                  {"dropTable": {"tableName": "t1"}},
                  {"modifySql": {"append": {"value": " CASCADE"}}},
                  {"comment": "text"}]}}]}
                """, LiquibaseOptions.defaults());
        assertEquals(List.of("DROP TABLE t1 CASCADE"), json.stream().map(Statement::sql).toList());
    }

    @Test
    void aJsonListItemWithTwoChangeKeysRunsBoth() {
        List<Statement> statements = statements("c.json", """
                {"databaseChangeLog": [{"changeSet": {"id": "1", "author": "alice", "changes": [
                  {"dropTable": {"tableName": "t1"}, "delete": {"tableName": "t2"}}]}}]}
                """, LiquibaseOptions.defaults());
        assertEquals(List.of("DROP TABLE t1", "DELETE FROM t2"), statements.stream().map(Statement::sql).toList());
        assertEquals("db/c.json:2:4", statements.get(0).start().toString());
        assertEquals("db/c.json:2:38", statements.get(1).start().toString());
    }

    @Test
    void aJsonOrYamlNullWhereIsNoWhereAndAQuotedNullIsText() {
        List<Statement> json = statements("c.json", """
                {"databaseChangeLog": [{"changeSet": {"id": "1", "author": "alice", "changes": [
                  {"delete": {"tableName": "t1", "where": null}},
                  {"update": {"tableName": "t2", "columns": [{"column": {"name": "a", "value": null}}], "where": null}},
                  {"delete": {"tableName": "t3", "where": "null"}}]}}]}
                """, LiquibaseOptions.defaults());
        assertEquals(List.of("DELETE FROM t1", "UPDATE t2 SET a = ?", "DELETE FROM t3 WHERE null"),
                json.stream().map(Statement::sql).toList());
        assertEquals("db/c.json:2:4", json.get(0).start().toString());

        List<Statement> yaml = statements("c.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: alice
                      changes:
                        - delete:
                            tableName: t1
                            where: ~
                        - delete:
                            tableName: t2
                            where: Null
                """, LiquibaseOptions.defaults());
        assertEquals(List.of("DELETE FROM t1", "DELETE FROM t2"), yaml.stream().map(Statement::sql).toList());
    }

    @Test
    void yamlBooleansYesAndOnAreTrueAsLiquibaseLoadsThem() {
        List<Statement> statements = statements("c.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: alice
                      changes:
                        - dropTable: {tableName: t1, cascadeConstraints: yes}
                        - dropTable: {tableName: t2, cascadeConstraints: On}
                        - dropTable: {tableName: t3, cascadeConstraints: no}
                        - dropTable: {tableName: t4, cascadeConstraints: "yes"}
                """, LiquibaseOptions.defaults());
        assertEquals(List.of("DROP TABLE t1 CASCADE", "DROP TABLE t2 CASCADE", "DROP TABLE t3", "DROP TABLE t4"),
                statements.stream().map(Statement::sql).toList());
    }

    @Test
    void changesAreLocatedAtTheirKey() {
        List<Statement> statements = statements("c.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: alice
                      changes:
                        - delete:
                            tableName: customers
                        - update:
                            tableName: t
                            columns:
                              - column:
                                  name: a
                                  value: x
                            where: id = 1
                        - dropColumn:
                            tableName: t
                            columns:
                              - column:
                                  name: a
                              - column:
                                  name: b
                """, LiquibaseOptions.defaults());
        assertEquals(List.of("DELETE FROM customers", "UPDATE t SET a = 'x' WHERE id = 1",
                "ALTER TABLE t DROP COLUMN a, b"), statements.stream().map(Statement::sql).toList());
        assertEquals("db/c.yaml:6:11", statements.get(0).start().toString());
        assertEquals("db/c.yaml:8:11", statements.get(1).start().toString());
        assertEquals("db/c.yaml:15:11", statements.get(2).start().toString());
        assertEquals("changeset alice:1", statements.get(0).context().label());
    }

    @Test
    void literalBlockSqlStartsOnItsFirstContentLine() {
        List<Statement> statements = statements("c.yml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - sql:
                            splitStatements: true
                            sql: |
                              UPDATE a SET x = 1;
                                DELETE FROM b;
                        - sql:
                            sql: "DELETE FROM c"
                """, LiquibaseOptions.defaults());
        assertEquals(3, statements.size());
        assertEquals("db/c.yml:9:15", statements.get(0).start().toString());
        assertEquals("db/c.yml:10:17", statements.get(1).start().toString());
        assertEquals("DELETE FROM c", statements.get(2).sql());
        assertEquals("db/c.yml:12:19", statements.get(2).start().toString());
    }

    @Test
    void jsonChangelogHasPositionsToo() {
        List<Statement> statements = statements("c.json", """
                { "databaseChangeLog": [
                  { "changeSet": { "id": "1", "author": "a",
                    "changes": [
                      { "dropTable": { "tableName": "t", "cascadeConstraints": true } },
                      { "sql": { "sql": "DELETE FROM u" } }
                    ] } }
                ] }
                """, LiquibaseOptions.defaults());
        assertEquals(List.of("DROP TABLE t CASCADE", "DELETE FROM u"),
                statements.stream().map(Statement::sql).toList());
        assertEquals("db/c.json:4:9", statements.get(0).start().toString());
        assertEquals("db/c.json:5:26", statements.get(1).start().toString());
    }

    @Test
    void yamlRollbackIsEmittedOnlyWhenAsked() {
        String yaml = """
                databaseChangeLog:
                  - changeSet:
                      id: 7
                      author: bob
                      changes:
                        - createTable:
                            tableName: t
                      rollback: DROP TABLE t
                  - changeSet:
                      id: 8
                      author: bob
                      changes:
                        - addColumn:
                            tableName: t
                      rollback:
                        - dropColumn:
                            tableName: t
                            columnName: c
                """;
        assertTrue(read("c.yaml", yaml, LiquibaseOptions.defaults()).scripts().stream()
                .allMatch(script -> script.script().statements().stream().allMatch(Statement::container)),
                "without rollbacks only the schema replay's createTable and addColumn remain");
        List<Statement> statements = statements("c.yaml", yaml, LiquibaseOptions.defaults()
                .withRollbacks(ScriptMode.WARN)).stream().filter(s -> !s.container()).toList();
        assertEquals(List.of("DROP TABLE t", "ALTER TABLE t DROP COLUMN c"),
                statements.stream().map(Statement::sql).toList());
        assertEquals(new StatementContext(StatementContext.Kind.ROLLBACK, "changeset bob:7 rollback"),
                statements.get(0).context());
        assertEquals("db/c.yaml:8:17", statements.get(0).start().toString());
        assertEquals("db/c.yaml:16:11", statements.get(1).start().toString());
    }

    @Test
    void billionLaughsFailsFastWithAClearMessage() {
        StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char previous = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            yaml.append("]\n");
        }
        yaml.append("databaseChangeLog: *j\n");
        // Generous for a loaded CI machine (it takes about a second); a chain expanded in full takes far longer.
        Changelog changelog = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> read("bomb.yaml", yaml.toString(), LiquibaseOptions.defaults()));
        assertEquals(1, changelog.problems().size());
        Finding problem = changelog.problems().get(0);
        assertEquals("malformed-changelog", problem.ruleId());
        assertTrue(problem.message().contains("aliases"), problem.message());
    }

    @Test
    void aliasChainUnderTheAliasLimitStillCannotExplode() {
        StringBuilder yaml = new StringBuilder("databaseChangeLog:\n  - changeSet: &l0 {id: 1, author: a}\n");
        for (int i = 1; i <= 24; i++) {
            yaml.append("  - x").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l")
                    .append(i - 1).append("]\n");
        }
        // Generous for a loaded CI machine (it takes about a second); a chain expanded in full takes far longer.
        Changelog changelog = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> read("chain.yaml", yaml.toString(), LiquibaseOptions.defaults()));
        assertEquals("malformed-changelog", changelog.problems().get(0).ruleId());
        assertTrue(changelog.problems().get(0).message().contains("nodes"), changelog.problems().get(0).message());
    }

    @Test
    void malformedYamlAndJsonGiveFindingsAtTheError() {
        Changelog yaml = read("bad.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                     author: a
                """, LiquibaseOptions.defaults());
        assertEquals("malformed-changelog", yaml.problems().get(0).ruleId());
        assertEquals(4, yaml.problems().get(0).location().line());
        Changelog json = read("bad.json", "{ \"databaseChangeLog\": [\n  { \"changeSet\": { \"id\": 1, } \n",
                LiquibaseOptions.defaults());
        assertEquals("malformed-changelog", json.problems().get(0).ruleId());
        assertEquals(3, json.problems().get(0).location().line()); // the unclosed brackets are noticed at the end
    }

    @Test
    void duplicateKeyIsReportedNotGuessed() {
        Changelog changelog = read("dup.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - delete:
                            tableName: t
                            where: id = 1
                            where: ""
                """, LiquibaseOptions.defaults());
        assertEquals("malformed-changelog", changelog.problems().get(0).ruleId());
        assertEquals("db/dup.yaml:9:13", changelog.problems().get(0).location().toString());
    }

    @Test
    void aSecondDatabaseChangeLogKeyIsReportedNotSkipped() {
        Changelog changelog = read("twice.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - sql: select 1
                databaseChangeLog:
                  - changeSet:
                      id: 2
                      author: a
                      changes:
                        - dropTable:
                            tableName: customers
                """, LiquibaseOptions.defaults());
        assertEquals("malformed-changelog", changelog.problems().get(0).ruleId());
        assertEquals("db/twice.yaml:7:1", changelog.problems().get(0).location().toString());
        assertTrue(changelog.problems().get(0).message().contains("only the last"),
                changelog.problems().get(0).message());
    }

    @Test
    void aMergeKeyBringsInTheAnchoredEntriesAndTheOwnOnesWin() {
        List<Statement> statements = statements("m.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: alice
                      changes:
                        - delete: &recent
                            tableName: notifications
                            where: created_at > now() - interval '1 day'
                        - delete:
                            <<: *recent
                            tableName: notification_reads
                        - update:
                            <<: [*recent, {tableName: ignored, columns: [{column: {name: seen, value: 1}}]}]
                        - dropTable:
                            <<: {tableName: legacy_notifications}
                """, LiquibaseOptions.defaults());
        assertEquals(List.of("DELETE FROM notifications WHERE created_at > now() - interval '1 day'",
                "DELETE FROM notification_reads WHERE created_at > now() - interval '1 day'",
                "UPDATE notifications SET seen = '1' WHERE created_at > now() - interval '1 day'",
                "DROP TABLE legacy_notifications"), statements.stream().map(Statement::sql).toList());
        assertEquals("db/m.yaml:9:11", statements.get(1).start().toString());
    }

    @Test
    void aMergeKeyWithoutAMappingIsMalformed() {
        Changelog changelog = read("m.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - delete:
                            <<: notifications
                """, LiquibaseOptions.defaults());
        assertEquals("malformed-changelog", changelog.problems().get(0).ruleId());
        assertEquals("db/m.yaml:7:17", changelog.problems().get(0).location().toString());
        assertTrue(changelog.problems().get(0).message().contains("merge key"),
                changelog.problems().get(0).message());
    }
}
