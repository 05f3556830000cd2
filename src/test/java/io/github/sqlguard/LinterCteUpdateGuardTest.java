package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A data-modifying CTE's UPDATE that only fills a column the script added overwrites nothing, as the statement's own
 * UPDATE would not: {@code WITH x AS (UPDATE t SET c = 1 RETURNING id) INSERT INTO log SELECT id FROM x}. The guard
 * holds only when that UPDATE is the statement's one change of rows, and the column counts as written afterwards.
 * Each line: the second script (one statement a line) and its findings as {@code line:column rule SEVERITY guard}.
 */
class LinterCteUpdateGuardTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | ALTER TABLE token ADD COLUMN c INT; WITH x AS (UPDATE token SET c = 1 RETURNING sig) INSERT INTO log SELECT sig FROM x; | 2:12 update-without-where INFO column c was added earlier in this script and nothing has written it since
            POSTGRESQL | ALTER TABLE token ADD COLUMN c INT; WITH x AS (UPDATE token SET c = 1 RETURNING sig) SELECT count(*) FROM x; | 2:12 update-without-where INFO column c was added earlier in this script and nothing has written it since
            POSTGRESQL | ALTER TABLE token ADD COLUMN c INT; WITH x AS (UPDATE token SET c = 1 RETURNING sig) INSERT INTO log SELECT sig FROM x; UPDATE token SET c = 2; | 2:12 update-without-where INFO column c was added earlier in this script and nothing has written it since, 3:1 update-without-where ERROR
            POSTGRESQL | ALTER TABLE token ADD COLUMN c INT; WITH x AS (UPDATE token SET c = 1, note = 'x' RETURNING sig) INSERT INTO log SELECT sig FROM x; | 2:12 update-without-where ERROR
            POSTGRESQL | ALTER TABLE token ADD COLUMN c INT; WITH x AS (UPDATE token SET c = 1 RETURNING sig), y AS (UPDATE log SET sig = 'x' RETURNING sig) SELECT 1; | 2:12 update-without-where ERROR, 2:57 update-without-where ERROR
            POSTGRESQL | ALTER TABLE token ADD COLUMN c INT; WITH x AS (UPDATE token SET c = 1 RETURNING sig) UPDATE log SET sig = 'y'; | 2:12 update-without-where ERROR, 2:50 update-without-where ERROR
            POSTGRESQL | ALTER TABLE token ADD COLUMN c INT; WITH x AS (UPDATE token t SET c = 1 FROM log l RETURNING t.sig) SELECT 1; UPDATE token SET c = 2; | 2:12 update-without-where INFO column c was added earlier in this script and nothing has written it since, 3:1 update-without-where ERROR
            """)
    void aCteUpdateFillingAnAddedColumnIsGuarded(Dialect dialect, String sql, String expected) throws IOException {
        Path first = project.resolve("db/V1__token.sql");
        Files.createDirectories(first.getParent());
        Files.writeString(first, "CREATE TABLE token (sig VARCHAR(64) NOT NULL PRIMARY KEY, note TEXT);\n"
                + "CREATE TABLE log (sig VARCHAR(64));\n", StandardCharsets.UTF_8);
        Path second = project.resolve("db/V2__fill.sql");
        Files.writeString(second, sql.strip().replace("; ", ";\n") + "\n", StandardCharsets.UTF_8);

        List<String> findings = ProjectLint.findings(project, dialect).stream()
                .filter(finding -> finding.location().path().endsWith("V2__fill.sql"))
                .map(ProjectLint::placeAndGuard).toList();

        assertEquals(List.of(expected.split(", (?=\\d+:\\d+ )")), findings);
    }
}
