package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL and MariaDB rename a sequence with ALTER TABLE, Oracle with RENAME and SQL Server with sp_rename, as
 * some upgrade scripts do for TASK_SEQ: a name an earlier migration created by CREATE SEQUENCE is
 * no table, and its rename is judged as ALTER SEQUENCE .. RENAME is. A table of the same statement shape still is.
 */
class LinterSequenceRenameTest {

    @TempDir
    Path project;

    @Test
    void postgresAlterTableOfASequenceRenamesNoTable() throws IOException {
        write("db/V1__init.sql", """
                CREATE TABLE task_execution (id BIGINT PRIMARY KEY);
                CREATE SEQUENCE task_seq MAXVALUE 9223372036854775807 NO CYCLE;
                CREATE SEQUENCE boot3_task_seq;
                """);
        write("db/V2__prefix.sql", """
                ALTER TABLE task_seq RENAME TO v2_task_seq;
                ALTER TABLE boot3_task_seq RENAME TO task_seq;
                ALTER TABLE v2_task_seq RENAME TO v3_task_seq;
                ALTER TABLE task_execution RENAME TO v2_task_execution;
                """);

        List<Finding> findings = renames(Dialect.POSTGRESQL);

        assertEquals(List.of(4), findings.stream().map(f -> f.location().line()).toList(), findings.toString());
    }

    @Test
    void oracleRenameAndSqlServerSpRenameOfASequenceRenameNoTable() throws IOException {
        write("db/V1__init.sql", """
                CREATE SEQUENCE boot3_task_seq START WITH 1 MINVALUE 1 ORDER NOCYCLE;
                CREATE SEQUENCE boot3_job_seq START WITH 1;
                CREATE TABLE boot3_task_lock (lock_key CHAR(36) NOT NULL);
                """);
        write("db/V2__prefix.sql", """
                RENAME boot3_task_seq TO task_seq;
                RENAME boot3_task_lock TO task_lock;
                EXEC sp_rename 'boot3_job_seq', 'job_seq';
                """);

        List<Finding> findings = renames(Dialect.AUTO);

        assertEquals(List.of(2), findings.stream().map(f -> f.location().line()).toList(), findings.toString());
    }

    /** T-SQL takes a name written without quotes as its text: all of its parts name the object, not the first. */
    @Test
    void spRenameOfANameWrittenWithoutQuotesReadsTheWholeName() throws IOException {
        write("db/V1__init.sql", """
                CREATE SEQUENCE app.tags_seq START WITH 1;
                CREATE TABLE app.tags (id INT);
                """);
        write("db/V2__rename.sql", """
                EXEC sp_rename app.tags_seq, 'tag_seq';
                EXEC sp_rename app.tags, 'tag', 'OBJECT';
                """);

        List<Finding> findings = renames(Dialect.SQLSERVER);

        assertEquals(List.of("2 Renames table app.tags to tag"), findings.stream()
                .map(f -> f.location().line() + " " + f.message()).toList());
    }

    @Test
    void aSequenceDroppedAndATableCreatedUnderItsNameIsATableAgain() throws IOException {
        write("db/V1__init.sql", "CREATE SEQUENCE IF NOT EXISTS job_seq;\n");
        write("db/V2__emulate.sql", """
                DROP SEQUENCE job_seq;
                CREATE TABLE job_seq (id BIGINT NOT NULL);
                """);
        write("db/V3__rename.sql", "ALTER TABLE job_seq RENAME TO v2_job_seq;\n");

        List<Finding> findings = renames(Dialect.MARIADB);

        assertEquals(1, findings.size(), findings.toString());
        assertEquals("db/V3__rename.sql", findings.get(0).location().path());
    }

    private void write(String path, String sql) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql, StandardCharsets.UTF_8);
    }

    private List<Finding> renames(Dialect dialect) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        return result.findings().stream().filter(f -> f.ruleId().equals("rename-table")).toList();
    }
}
