package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.ScriptMode;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acknowledgements written in Liquibase changelogs, as a user sees them in the findings. */
class LinterLiquibaseAcknowledgementTest {

    @TempDir
    Path project;

    @Test
    void aChangeSetCommentUsedByTheChangeIsNotReportedAtItsRollback() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="3" author="a">
                    <comment>sqlguard:allow delete-without-where reason: u is a cache</comment>
                    <delete tableName="u"/>
                    <rollback><sql>INSERT INTO u SELECT 1</sql></rollback>
                  </changeSet>
                </databaseChangeLog>
                """);

        for (ScriptMode mode : List.of(ScriptMode.WARN, ScriptMode.CHECK)) {
            List<String> shown = shown(lint(mode));
            assertEquals(List.of("db/changelog.xml:4:5 delete-without-where acknowledged"), shown, mode.toString());
        }
    }

    @Test
    void aJsonChangeSetCommentUsedByTheChangeIsNotReportedAtItsRollback() throws IOException {
        write("db/changelog.json", """
                {"databaseChangeLog": [
                  {"changeSet": {"id": "3", "author": "a",
                    "comment": "sqlguard:allow delete-without-where reason: u is a cache",
                    "changes": [{"delete": {"tableName": "u"}}],
                    "rollback": [{"sql": {"sql": "INSERT INTO u SELECT 1"}}]}}
                ]}
                """);

        List<String> shown = shown(lint(ScriptMode.WARN));

        assertEquals(1, shown.size(), shown.toString());
        assertEquals(true, shown.get(0).endsWith("delete-without-where acknowledged"), shown.toString());
    }

    @Test
    void changelogAcknowledgementsThatMatchNothingAreReportedAtTheComment() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a">
                    <!-- sqlguard:allow delete-without-where reason: x -->
                    <createIndex tableName="t" indexName="i"><column name="c"/></createIndex>
                  </changeSet>
                  <changeSet id="2" author="a">
                    <comment>sqlguard:allow drop-table reason: x</comment>
                    <addColumn tableName="t"><column name="d" type="int"/></addColumn>
                  </changeSet>
                </databaseChangeLog>
                """);
        write("db/other.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 3
                      author: a
                      comment: "sqlguard:allow update-without-where reason: x"
                      changes:
                        - tagDatabase:
                            tag: v3
                """);

        List<String> shown = shown(lint(ScriptMode.SKIP));

        assertEquals(List.of(
                "db/changelog.xml:3:5 unused-suppression sqlguard:allow delete-without-where acknowledges nothing:"
                        + " the createIndex at line 4 has no statement sqlguard checks",
                "db/changelog.xml:7:14 unused-suppression sqlguard:allow drop-table acknowledges nothing:"
                        + " changeset a:2 has no statement sqlguard checks",
                "db/other.yaml:5:17 unused-suppression sqlguard:allow update-without-where acknowledges nothing:"
                        + " changeset a:3 has no statement sqlguard checks"), shown);
    }

    @Test
    void diagnosticsAboutAnXmlCommentPointAtTheComment() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a">
                    <!-- sqlguard:allow drop-table -->
                    <dropTable tableName="a"/>
                    <!-- sqlguard:allow drop-tabel reason: typo -->
                    <dropTable tableName="b"/>
                  </changeSet>
                </databaseChangeLog>
                """);

        List<String> shown = shown(lint(ScriptMode.SKIP)).stream()
                .filter(s -> !s.contains(".xml:4:5 ") && !s.contains(".xml:6:5 ")).toList();

        assertEquals(2, shown.size(), shown.toString());
        assertEquals("db/changelog.xml:3:5 suppression-without-reason sqlguard:allow drop-table gives no reason, so it"
                + " acknowledges nothing; add `reason: <why>` after the rule ids", shown.get(0));
        assertEquals(true, shown.get(1).startsWith("db/changelog.xml:5:5 unknown-rule sqlguard:allow names the"
                + " unknown rule `drop-tabel`"), shown.get(1));
    }

    @Test
    void aCommentBeforeTheChangeSetCoversItsSqlFileToo() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <!-- sqlguard:allow delete-without-where reason: sessions are rebuilt on login -->
                  <changeSet id="1" author="a">
                    <sqlFile path="cleanup.sql" relativeToChangelogFile="true"/>
                  </changeSet>
                </databaseChangeLog>
                """);
        write("db/cleanup.sql", "DELETE FROM sessions;\n");

        assertEquals(List.of("db/cleanup.sql:1:1 delete-without-where acknowledged"), shown(lint(ScriptMode.SKIP)));
    }

    @Test
    void anAcknowledgementOfOneChangeSetLeavesTheSameSqlFileRunByAnotherChangeSetReported() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a">
                    <comment>sqlguard:allow delete-without-where reason: sessions are rebuilt on login</comment>
                    <sqlFile path="cleanup.sql" relativeToChangelogFile="true"/>
                  </changeSet>
                  <changeSet id="2" author="a">
                    <sqlFile path="cleanup.sql" relativeToChangelogFile="true"/>
                  </changeSet>
                </databaseChangeLog>
                """);
        write("db/cleanup.sql", "DELETE FROM sessions;\n");

        assertEquals(List.of("db/cleanup.sql:1:1 delete-without-where acknowledged",
                "db/cleanup.sql:1:1 delete-without-where DELETE without WHERE removes every row of sessions"
                        + " (changeset a:2)"),
                shown(lint(ScriptMode.SKIP)));
    }

    @Test
    void aCommentInAnSqlFileCoversItsStatementInEveryChangeSetThatRunsIt() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a"><sqlFile path="cleanup.sql" relativeToChangelogFile="true"/></changeSet>
                  <changeSet id="2" author="a"><sqlFile path="cleanup.sql" relativeToChangelogFile="true"/></changeSet>
                </databaseChangeLog>
                """);
        write("db/cleanup.sql", """
                -- sqlguard:allow delete-without-where reason: sessions are rebuilt on login
                DELETE FROM sessions;
                """);

        assertEquals(List.of("db/cleanup.sql:2:1 delete-without-where acknowledged"), shown(lint(ScriptMode.SKIP)));
    }

    @Test
    void aFileWideAcknowledgementAfterTheChangeSetsCoversTheChangelog() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a"><dropTable tableName="a"/></changeSet>
                  <!-- sqlguard:allow-file drop-table reason: test fixtures -->
                  <changeSet id="2" author="a"><dropTable tableName="b"/></changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of("db/changelog.xml:2:32 drop-table acknowledged",
                "db/changelog.xml:4:32 drop-table acknowledged"),
                shown(lint(ScriptMode.SKIP)));
    }

    @Test
    void aFormattedSqlCommentLineAcknowledgesItsChangeSetAndIsReportedWhenUnused() throws IOException {
        write("db/f1.sql", """
                --liquibase formatted sql
                --changeset alice:1
                --comment: sqlguard:allow delete-without-where reason: sessions are rebuilt on login
                DELETE FROM sessions;
                --rollback INSERT INTO sessions SELECT 1;
                --changeset alice:2
                --comment: sqlguard:allow drop-table reason: nothing here drops
                DELETE FROM cache WHERE id = 1;
                """);

        assertEquals(List.of("db/f1.sql:4:1 delete-without-where acknowledged",
                "db/f1.sql:7:12 unused-suppression sqlguard:allow drop-table acknowledges nothing:"
                        + " no statement of changeset alice:2 has a drop-table finding"),
                shown(lint(ScriptMode.CHECK)));
    }

    @Test
    void aFormattedSqlCommentLineAcknowledgesItsChangeSetWhenAnotherChangelogIncludesTheFile() throws IOException {
        write("db/master.yaml", """
                databaseChangeLog:
                  - include:
                      file: changes.sql
                      relativeToChangelogFile: true
                """);
        write("db/changes.sql", """
                --liquibase formatted sql
                --changeset bob:12
                --comment: sqlguard:allow truncate-table reason: staging is reloaded every night
                TRUNCATE staging;
                --changeset bob:13
                --comment: sqlguard:allow drop-table reason: nothing here drops
                DELETE FROM cache WHERE id = 1;
                """);

        assertEquals(List.of("db/changes.sql:4:1 truncate-table acknowledged",
                "db/changes.sql:6:12 unused-suppression sqlguard:allow drop-table acknowledges nothing:"
                        + " no statement of changeset bob:13 has a drop-table finding"),
                shown(lint(ScriptMode.SKIP)));
    }

    @Test
    void aFormattedSqlEmptinessPreconditionGuardsTheDrop() throws IOException {
        write("db/f1.sql", """
                --liquibase formatted sql
                --changeset alice:2
                --preconditions onFail:MARK_RAN
                --precondition-sql-check expectedResult:0 SELECT COUNT(*) FROM audit
                DROP TABLE audit;
                --changeset alice:3
                --preconditions onFail:WARN
                --precondition-sql-check expectedResult:0 SELECT COUNT(*) FROM audit_2019
                DROP TABLE audit_2019;
                """);

        List<Finding> drops = lint(ScriptMode.SKIP).findings().stream()
                .filter(f -> f.ruleId().equals("drop-table")).toList();

        assertEquals(2, drops.size(), drops.toString());
        assertEquals("db/f1.sql:5:1", drops.get(0).location().toString());
        assertEquals(Severity.INFO, drops.get(0).severity(), drops.get(0).message());
        assertTrue(drops.get(0).message().contains("(guarded: runs only when audit is empty"), drops.get(0).message());
        assertEquals(Severity.ERROR, drops.get(1).severity(), "onFail:WARN runs the changeset anyway");
    }

    @Test
    void anXmlCommentAfterTheLastChangeBelongsToItsChangeSet() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a">
                    <sql>DELETE FROM cache <!-- sqlguard:allow delete-without-where reason: rebuilt --></sql>
                    <dropTable tableName="old"/>
                    <!-- sqlguard:allow drop-table reason: replaced by new -->
                  </changeSet>
                  <!-- sqlguard:allow truncate-table reason: stands before nothing -->
                </databaseChangeLog>
                """);

        assertEquals(List.of("db/changelog.xml:3:10 delete-without-where acknowledged",
                "db/changelog.xml:4:5 drop-table acknowledged",
                "db/changelog.xml:7:3 unused-suppression sqlguard:allow truncate-table acknowledges nothing:"
                        + " the databaseChangeLog element has no statement sqlguard checks"),
                shown(lint(ScriptMode.SKIP)));
    }

    @Test
    void changelogCommentsAcknowledgeTheUncheckedChangesOfTheirChangeOrChangeSet() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a">
                    <comment>sqlguard:allow unchecked-change reason: MoveOptions only copies rows</comment>
                    <customChange class="com.example.MoveOptions"/>
                  </changeSet>
                  <changeSet id="2" author="a">
                    <!-- sqlguard:allow unchecked-change reason: reindexing touches no row -->
                    <customChange class="com.example.Reindex"/>
                  </changeSet>
                  <changeSet id="3" author="a">
                    <!-- sqlguard:allow unchecked-change reason: meant for changeset 4 -->
                    <addColumn tableName="t"><column name="d" type="int"/></addColumn>
                  </changeSet>
                  <changeSet id="4" author="a">
                    <customChange class="com.example.Purge"/>
                  </changeSet>
                </databaseChangeLog>
                """);
        write("db/other.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 5
                      author: a
                      comment: "sqlguard:allow unchecked-change reason: archives first"
                      changes:
                        - customChange:
                            class: com.example.Archive
                """);

        LintResult result = lint(ScriptMode.SKIP);
        List<String> shown = shown(result);

        assertEquals(List.of(
                "db/changelog.xml:4:5 unchecked-change acknowledged",
                "db/changelog.xml:8:5 unchecked-change acknowledged",
                "db/changelog.xml:11:5 unused-suppression",
                "db/changelog.xml:15:5 unchecked-change",
                "db/other.yaml:7:11 unchecked-change acknowledged"),
                shown.stream().map(line -> line.replaceAll("(unused-suppression|unchecked-change) [^a].*", "$1"))
                        .toList(), shown.toString());
        String hint = result.findings().stream().filter(f -> !f.isAcknowledged() && f.location().line() == 15)
                .findFirst().orElseThrow().hint();
        assertTrue(hint.contains("in the changelog also <!-- sqlguard:allow unchecked-change reason: <why> -->"), hint);
    }

    private static List<String> shown(LintResult result) {
        return result.findings().stream().map(LinterLiquibaseAcknowledgementTest::describe).toList();
    }

    private static String describe(Finding f) {
        return f.location() + " " + f.ruleId() + (f.isAcknowledged() ? " acknowledged" : " " + f.message());
    }

    private void write(String path, String text) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private LintResult lint(ScriptMode rollbacks) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        return new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                Dialect.AUTO, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                new LiquibaseConfig(rollbacks, Map.of()), List.of(), null, defaults.maxFileBytes(), 2));
    }
}
