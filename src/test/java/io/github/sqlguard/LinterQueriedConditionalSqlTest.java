package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MySQL migrations guard a statement by choosing its text in the query that reads the catalogue, then prepare it:
 * {@code SELECT IF(COUNT(*) > 0, 'DELETE FROM jobs', 'SELECT 1') INTO @s FROM INFORMATION_SCHEMA.TABLES WHERE ..}.
 * The query only picks the branch, so each branch is checked where it is written, not passed as run-time SQL; so
 * does a query that surely finds one row (it aggregates) where the variable held another text before. Each
 * line: the second migration (one statement a line) and its findings as {@code line:column rule SEVERITY}.
 */
class LinterQueriedConditionalSqlTest {

    private static final String TABLES = "CREATE TABLE jobs (id INT PRIMARY KEY, data TEXT);\n"
            + "CREATE TABLE users (id INT PRIMARY KEY, roles VARCHAR(256));\n";

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            SELECT IF(COUNT(*) > 0, 'DELETE FROM jobs', 'SELECT 1') INTO @s FROM INFORMATION_SCHEMA.TABLES WHERE table_name = 'jobs'; PREPARE st FROM @s; EXECUTE st; | 1:26 delete-without-where ERROR
            SELECT IF(COUNT(*) > 0, 'DELETE FROM jobs WHERE id < 5', 'SELECT 1') INTO @s FROM INFORMATION_SCHEMA.TABLES; PREPARE st FROM @s; EXECUTE st; | -
            SELECT CASE WHEN COUNT(*) > 0 THEN 'ALTER TABLE users MODIFY roles VARCHAR(64)' ELSE 'SELECT 1' END FROM INFORMATION_SCHEMA.COLUMNS WHERE column_name = 'roles' INTO @s; PREPARE st FROM @s; EXECUTE st; | 1:55 alter-column-type WARNING
            SET @s = (SELECT IF(COUNT(*) > 0, 'UPDATE users SET roles = ''system_user''', 'SELECT 1') FROM INFORMATION_SCHEMA.COLUMNS WHERE column_name = 'roles'); PREPARE st FROM @s; EXECUTE st; | 1:36 update-without-where ERROR
            SET @s = IF(@a > 0, IF(@b > 0, 'TRUNCATE TABLE jobs', 'SELECT 1'), 'SELECT 2'); PREPARE st FROM @s; EXECUTE st; | 1:33 truncate-table ERROR
            SELECT IF(COUNT(*) > 0, CONCAT('DELETE FROM ', MAX(table_name)), 'SELECT 1') INTO @s FROM INFORMATION_SCHEMA.TABLES; PREPARE st FROM @s; EXECUTE st; | 1:33 delete-without-where ERROR, 2:1 runtime-sql WARNING
            SET @s = 'SELECT 1'; PREPARE st FROM @s; SELECT IF(COUNT(*) > 0, 'DELETE FROM jobs', 'SELECT 1') INTO @s FROM INFORMATION_SCHEMA.TABLES; PREPARE st FROM @s; EXECUTE st; | 3:26 delete-without-where ERROR
            SELECT IF(COUNT(*) > 0, 'ALTER TABLE users DROP COLUMN roles', 'SELECT 1') INTO @s FROM INFORMATION_SCHEMA.COLUMNS; PREPARE st FROM @s; SELECT IF(COUNT(*) > 0, 'TRUNCATE TABLE jobs', 'SELECT 1') INTO @s FROM INFORMATION_SCHEMA.TABLES; PREPARE st FROM @s; | 1:44 drop-column ERROR, 3:26 truncate-table ERROR
            SET @s = 'SELECT 1'; PREPARE st FROM @s; SELECT IF(id > 0, 'DELETE FROM users', 'SELECT 1') INTO @s FROM jobs LIMIT 1; PREPARE st FROM @s; | 4:1 runtime-sql WARNING
            """)
    void eachBranchAQueryPicksIsChecked(String migration, String expected) throws IOException {
        TestProject.write(project, "db/V1__create.sql", TABLES);
        TestProject.write(project, "db/V2__change.sql", migration.replace("; ", ";\n") + "\n");

        List<String> findings = ProjectLint.findings(project, Dialect.MYSQL).stream()
                .filter(f -> f.location().path().endsWith("V2__change.sql"))
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.ruleId() + " "
                        + f.severity())
                .toList();

        assertEquals(expected.equals("-") ? List.of() : List.of(expected.split(", ")), findings);
    }
}
