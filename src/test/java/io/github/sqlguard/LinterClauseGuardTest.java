package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A guard lowers only the findings about what it protects: dropping a column the script added is INFO, the
 * column dropped alongside it stays an ERROR; a full copy of one table does not protect another table the
 * same statement drops.
 */
class LinterClauseGuardTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | drop-column | ALTER TABLE orders ADD COLUMN tmp_flag INT; ALTER TABLE orders DROP COLUMN tmp_flag, DROP COLUMN note; | INFO ERROR
            MYSQL      | drop-column | ALTER TABLE orders ADD tmp_flag INT; ALTER TABLE orders DROP tmp_flag, DROP note;                     | INFO ERROR
            MARIADB    | drop-column | ALTER TABLE orders ADD COLUMN tmp_flag INT; ALTER TABLE orders DROP COLUMN IF EXISTS note, DROP COLUMN tmp_flag; | ERROR INFO
            SQLSERVER  | drop-column | ALTER TABLE orders ADD tmp_flag INT; ALTER TABLE orders DROP COLUMN tmp_flag, note;                   | ERROR
            SQLSERVER  | drop-column | ALTER TABLE orders ADD tmp_flag INT, tmp_2 INT; ALTER TABLE orders DROP COLUMN tmp_flag, tmp_2;         | INFO
            ORACLE     | drop-column | ALTER TABLE orders ADD (tmp_flag NUMBER); ALTER TABLE orders DROP (tmp_flag, note);                  | ERROR
            ORACLE     | drop-column | ALTER TABLE orders ADD (tmp_flag NUMBER, tmp_2 NUMBER); ALTER TABLE orders DROP (tmp_flag, tmp_2);   | INFO
            ORACLE     | drop-column | ALTER TABLE orders ADD tmp_flag NUMBER; ALTER TABLE orders DROP COLUMN tmp_flag; ALTER TABLE orders DROP COLUMN note; | INFO ERROR
            POSTGRESQL | drop-table  | CREATE TABLE a_backup AS SELECT * FROM a; DROP TABLE a, b;                                            | ERROR
            POSTGRESQL | drop-table  | CREATE TABLE a_backup AS SELECT * FROM a; DROP TABLE a; DROP TABLE b;                                 | INFO ERROR
            MYSQL      | drop-table  | CREATE TABLE a_backup AS SELECT * FROM a; DROP TABLE a, b;                                            | ERROR
            SQLSERVER  | drop-table  | SELECT * INTO a_backup FROM a; DROP TABLE a, b;                                                       | ERROR
            SQLSERVER  | drop-table  | SELECT * INTO a_backup FROM a; DROP TABLE a; DROP TABLE b;                                            | INFO ERROR
            ORACLE     | drop-table  | CREATE TABLE a_bak AS SELECT * FROM a; DROP TABLE a PURGE; DROP TABLE b PURGE;                         | INFO ERROR
            POSTGRESQL | truncate-table | INSERT INTO a_archive SELECT * FROM a; TRUNCATE a, b;                                              | ERROR
            """)
    void aGuardLowersOnlyTheFindingsAboutWhatItProtects(Dialect dialect, String rule, String sql, String expected)
            throws IOException {
        Path file = project.resolve("db/V2__change.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql.replace("; ", ";\n") + "\n", StandardCharsets.UTF_8);

        List<Finding> findings = run(dialect, rule);

        assertEquals(Arrays.stream(expected.split(" ")).map(Severity::valueOf).toList(),
                findings.stream().map(Finding::severity).toList(), findings.toString());
        findings.stream().filter(f -> f.severity() == Severity.ERROR)
                .forEach(f -> assertEquals(-1, f.message().indexOf("guarded"), f.message()));
    }

    private List<Finding> run(Dialect dialect, String rule) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        return result.findings().stream().filter(f -> f.ruleId().equals(rule)).sorted().toList();
    }
}
