package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files reached through a Liquibase changelog are reported once, with the changelog's context. */
class LinterChangelogTest {

    @TempDir
    Path project;

    @Test
    void anSqlFileTargetInTheScannedFolderIsReportedOnceWithItsChangeset() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <changeSet id="1" author="a">
                        <sqlFile path="scripts/cleanup.sql" relativeToChangelogFile="true"/>
                    </changeSet>
                </databaseChangeLog>
                """);
        write("db/scripts/cleanup.sql", "DELETE FROM sessions;\n");

        LintResult result = lint();

        List<Finding> deletes = result.findings().stream()
                .filter(f -> f.ruleId().equals("delete-without-where")).toList();
        assertEquals(1, deletes.size(), deletes.toString());
        assertEquals("db/scripts/cleanup.sql:1:1", deletes.get(0).location().toString());
        assertTrue(deletes.get(0).message().contains("changeset a:1"), deletes.get(0).message());
        assertTrue(result.scannedFiles().contains("db/scripts/cleanup.sql"), result.scannedFiles().toString());
        assertEquals(1, result.statements(), "the sqlFile's statement is counted once");
    }

    @Test
    void aChangesetThatRunsMoreThanOnceSaysSoInEachFormat() throws IOException {
        write("db/always.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <changeSet id="refresh" author="ops" runAlways="true">
                        <delete tableName="report_cache"/>
                    </changeSet>
                    <changeSet id="once" author="ops">
                        <delete tableName="import_log"/>
                    </changeSet>
                </databaseChangeLog>
                """);
        write("db/changed.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: views
                      author: ops
                      runOnChange: true
                      changes:
                        - sql:
                            sql: DELETE FROM view_state
                """);
        write("db/formatted.sql", """
                --liquibase formatted sql
                --changeset ops:cache runAlways:true
                DELETE FROM cache_entries;
                """);

        List<String> messages = lint().findings().stream().filter(f -> f.ruleId().equals("delete-without-where"))
                .map(f -> f.location().path() + " " + f.message()).sorted().toList();

        assertEquals(List.of(
                "db/always.xml DELETE without WHERE removes every row of import_log (changeset ops:once)",
                "db/always.xml DELETE without WHERE removes every row of report_cache (changeset ops:refresh,"
                        + " runAlways: runs on every update)",
                "db/changed.yaml DELETE without WHERE removes every row of view_state (changeset ops:views,"
                        + " runOnChange: runs again whenever it changes)",
                "db/formatted.sql DELETE without WHERE removes every row of cache_entries (changeset ops:cache,"
                        + " runAlways: runs on every update)"), messages);
    }

    @Test
    void anIncludedChangelogIsReportedOnceWithTheIncludingChangelogsProperties() throws IOException {
        write("db/master.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <property name="schema" value="billing"/>
                    <include file="child.xml" relativeToChangelogFile="true"/>
                </databaseChangeLog>
                """);
        write("db/child.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <changeSet id="2" author="b">
                        <delete tableName="customers" schemaName="${schema}"/>
                    </changeSet>
                </databaseChangeLog>
                """);

        LintResult result = lint();

        List<Finding> deletes = result.findings().stream()
                .filter(f -> f.ruleId().equals("delete-without-where")).toList();
        assertEquals(1, deletes.size(), deletes.toString());
        assertEquals("db/child.xml:3:9", deletes.get(0).location().toString());
        assertTrue(deletes.get(0).message().contains("billing.customers"), deletes.get(0).message());
    }

    @Test
    void anXmlChangelogDeclaringLatin1IsReadInLatin1() throws IOException {
        Files.createDirectories(project.resolve("db"));
        Files.write(project.resolve("db/changelog.xml"), """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <!-- Tabelle f\u00fcr Pr\u00e4ferenzen -->
                    <changeSet id="1" author="j\u00fcrgen">
                        <delete tableName="pr\u00e4ferenzen"/>
                    </changeSet>
                </databaseChangeLog>
                """.getBytes(StandardCharsets.ISO_8859_1));

        List<String> findings = lint().findings().stream().map(f -> f.location() + " " + f.ruleId()).toList();

        assertEquals(List.of("db/changelog.xml:5:9 delete-without-where"), findings);
    }

    @Test
    void changesWhoseDbmsMatchesNoDatabaseAreReportedAtInfoOnly() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <changeSet id="1" author="a" dbms="none">
                        <dropTable tableName="a"/>
                    </changeSet>
                    <changeSet id="2" author="a" dbms="!postgresql">
                        <sql dbms="postgresql">DROP TABLE b</sql>
                        <sql dbms="mysql">DROP TABLE c</sql>
                    </changeSet>
                </databaseChangeLog>
                """);
        write("db/f.sql", "--liquibase formatted sql\n--changeset a:3 dbms:none\nDROP TABLE d;\n");

        List<String> drops = lint().findings().stream().filter(f -> f.ruleId().equals("drop-table"))
                .map(f -> f.location() + " " + f.severity() + " " + f.message()).toList();

        assertEquals(4, drops.size(), drops.toString());
        assertTrue(drops.get(0).startsWith("db/changelog.xml:3:9 INFO "), drops.get(0));
        assertTrue(drops.get(0).endsWith("(changeset a:1: its dbms matches no database, so Liquibase never runs it)"),
                drops.get(0));
        assertTrue(drops.get(1).startsWith("db/changelog.xml:6:32 INFO "), drops.get(1));
        assertTrue(drops.get(2).startsWith("db/changelog.xml:7:27 ERROR "), drops.get(2));
        assertTrue(drops.get(3).startsWith("db/f.sql:3:1 INFO "), drops.get(3));
    }

    @Test
    void aChangesetLiquibaseIgnoresRunsNothingButTheOthersStillCount() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <changeSet id="1" author="a" ignore="true">
                        <dropTable tableName="a"/>
                    </changeSet>
                    <changeSet id="2" author="a" ignore="false">
                        <dropTable tableName="b"/>
                    </changeSet>
                </databaseChangeLog>
                """);
        write("db/f.sql", """
                --liquibase formatted sql
                --changeset a:3 ignore:true
                DELETE FROM c;
                --changeset a:4
                DELETE FROM d;
                """);

        List<String> findings = lint().findings().stream().map(f -> f.location() + " " + f.ruleId()).toList();

        assertEquals(List.of("db/changelog.xml:6:9 drop-table", "db/f.sql:5:1 delete-without-where"), findings);
    }

    @Test
    void aBinaryOrMisencodedSqlFileTargetIsReportedNotPassed() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <changeSet id="1" author="a">
                        <sqlFile path="blob.bin" relativeToChangelogFile="true"/>
                        <sqlFile path="latin1.txt" relativeToChangelogFile="true"/>
                    </changeSet>
                </databaseChangeLog>
                """);
        Files.write(project.resolve("db/blob.bin"), new byte[] {'D', 'E', 'L', 0, 0, 1, 2});
        Files.write(project.resolve("db/latin1.txt"), "-- caf\u00e9\nDELETE FROM t;\n".getBytes(StandardCharsets.ISO_8859_1));

        LintResult result = lint();

        List<String> found = result.findings().stream().map(f -> f.location().path() + ":" + f.location().line()
                + " " + f.ruleId()).sorted().toList();
        assertEquals(List.of("db/blob.bin:1 unreadable-file", "db/latin1.txt:1 invalid-encoding",
                "db/latin1.txt:2 delete-without-where"), found);
    }

    /**
     * A trigger created in a changeset fires after the migration, when the table the changeset created holds rows:
     * its body's DELETE is reported (at INFO, as trigger bodies are) and says that it runs when the trigger fires.
     */
    @Test
    void aTriggerBodyInAChangesetRunsWhenItFires() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <changeSet id="6" author="app">
                        <sql>CREATE TABLE device_log (id INTEGER PRIMARY KEY);
                CREATE TRIGGER device_ad AFTER DELETE ON device BEGIN DELETE FROM device_log; END;</sql>
                    </changeSet>
                </databaseChangeLog>
                """);

        List<String> found = TestProject.lint(project, Dialect.SQLITE).findings().stream()
                .map(f -> f.location() + " " + f.severity() + " " + f.message()).toList();

        assertEquals(List.of("db/changelog.xml:4:55 INFO DELETE without WHERE removes every row of device_log (inside"
                + " changeset app:6, trigger device_ad body, which runs when it fires)"), found);
    }

    @Test
    void aChangeForOneOtherDatabaseIsReadInItsDialectWhenAnotherIsConfigured() throws IOException {
        // T-SQL updates the alias the FROM declares; PostgreSQL would read "a" as another table, joined to nothing.
        write("db/changelog.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: audits-1
                      author: dev
                      changes:
                        - sql:
                            dbms: mssql
                            sql: UPDATE a SET org = e.org FROM audits a JOIN envs e ON e.id = a.ref WHERE a.kind = 'E'
                        - sql:
                            dbms: postgresql
                            sql: UPDATE audits SET org = e.org FROM audits a, envs e WHERE e.id = a.ref
                """);

        List<String> found = TestProject.lint(project, Dialect.POSTGRESQL).findings().stream()
                .map(f -> f.location() + " " + f.ruleId()).toList();

        assertEquals(List.of("db/changelog.yaml:11:18 update-without-where"), found);
    }

    @Test
    void aChangeForMySqlAndMariaDbIsReadAsMySqlWhenAnotherIsConfigured() throws IOException {
        // PostgreSQL would end the string at 'it\' and swallow the WHERE and the DELETE after it.
        write("db/changelog.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - sql:
                            dbms: mysql, mariadb
                            sql: >-
                              UPDATE t SET note = 'it\\'s' WHERE id = 1;
                              DELETE FROM t;
                """);

        for (Dialect dialect : List.of(Dialect.POSTGRESQL, Dialect.MARIADB, Dialect.AUTO)) {
            List<String> found = TestProject.lint(project, dialect).findings().stream()
                    .map(f -> f.location() + " " + f.ruleId()).toList();
            assertEquals(List.of("db/changelog.yaml:10:15 delete-without-where"), found, dialect.name());
        }
    }

    @Test
    void aChangesetForOneDialectsDatabasesAndOnesNoDialectDescribesIsReadInThatDialect() throws IOException {
        // MySQL would read 'C:\' on as 'C:' followed by a quote, and PostgreSQL would end 'it\' there: either
        // swallows the DELETE after it. HSQLDB names no dialect, so each changeset is written for one only.
        write("db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <changeSet author="a" id="1" dbms="postgresql,hsqldb">
                        <sql>
                            UPDATE files SET dir = 'C:\\' WHERE id = 1;
                            DELETE FROM files;
                        </sql>
                    </changeSet>
                    <changeSet author="a" id="2" dbms="hsqldb, mysql,mariadb">
                        <sql>
                            UPDATE notes SET body = 'it\\'s' WHERE id = 1;
                            DELETE FROM notes;
                        </sql>
                    </changeSet>
                </databaseChangeLog>
                """);

        for (Dialect dialect : List.of(Dialect.POSTGRESQL, Dialect.MYSQL, Dialect.AUTO)) {
            List<String> found = TestProject.lint(project, dialect).findings().stream()
                    .map(f -> f.location() + " " + f.ruleId()).toList();
            assertEquals(List.of("db/changelog.xml:5:13 delete-without-where",
                    "db/changelog.xml:11:13 delete-without-where"), found, dialect.name());
        }
    }

    @Test
    void aChangesetWhoseContextNamesADatabaseIsReadInThatDatabasesDialect() throws IOException {
        // Projects that pick the database by context: PostgreSQL would end the string at 'it\' and swallow the
        // DROP TABLE after it, and report the UPDATE as unrestricted.
        write("db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <changeSet author="a" id="1-mysql" context="mysql">
                        <sql>
                            UPDATE notes SET body = 'it\\'s' WHERE id = 1;
                            DROP TABLE audit_log;
                        </sql>
                    </changeSet>
                    <changeSet author="a" id="1-postgresql" context="postgresql">
                        <sql>
                            UPDATE notes SET body = E'it\\'s' WHERE id = 1;
                            DROP TABLE audit_log;
                        </sql>
                    </changeSet>
                </databaseChangeLog>
                """);
        write("db/formatted.sql", """
                --liquibase formatted sql
                --changeset a:2 context:mysql
                UPDATE notes SET body = 'it\\'s' WHERE id = 2;
                DROP TABLE audit_archive;
                """);

        for (Dialect dialect : List.of(Dialect.POSTGRESQL, Dialect.MYSQL, Dialect.AUTO)) {
            List<String> found = TestProject.lint(project, dialect).findings().stream()
                    .map(f -> f.location() + " " + f.ruleId()).toList();
            assertEquals(List.of("db/changelog.xml:5:13 drop-table", "db/changelog.xml:11:13 drop-table",
                    "db/formatted.sql:4:1 drop-table"), found, dialect.name());
        }
    }

    private void write(String path, String text) throws IOException {
        TestProject.write(project, path, text);
    }

    private LintResult lint() {
        return TestProject.lint(project, Dialect.AUTO);
    }
}
