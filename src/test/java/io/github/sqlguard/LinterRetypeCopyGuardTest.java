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
 * A script that copies a column's values aside before a lossy type change (formbricks keeps email_verified's
 * timestamps in email_verified_at before making it a boolean) can restore them: the change is guarded as a
 * DROP COLUMN after such a copy is. A copy overwritten since, or of another column, guards nothing. Each line:
 * the script (one statement a line) and its findings as {@code line:column rule SEVERITY guard}.
 */
class LinterRetypeCopyGuardTest {

    private static final String INIT = "CREATE TABLE users (id INT PRIMARY KEY, verified TIMESTAMP(3), age INT);";

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | ALTER TABLE users ADD COLUMN verified_at TIMESTAMP(3); UPDATE users SET verified_at = verified; ALTER TABLE users ALTER COLUMN verified TYPE BOOLEAN USING (verified IS NOT NULL); | 2:1 update-without-where INFO column verified_at was added earlier in this script and nothing has written it since, 3:19 alter-column-type INFO values of verified copied to verified_at at line 2
            MYSQL      | ALTER TABLE users ADD COLUMN verified_at DATETIME(3); UPDATE users SET verified_at = verified; ALTER TABLE users MODIFY verified TINYINT; | 2:1 update-without-where INFO column verified_at was added earlier in this script and nothing has written it since, 3:19 alter-column-type INFO values of verified copied to verified_at at line 2
            POSTGRESQL | ALTER TABLE users ADD COLUMN verified_at TIMESTAMP(3); UPDATE users SET verified_at = verified; UPDATE users SET verified_at = NULL WHERE id = 1; ALTER TABLE users ALTER COLUMN verified TYPE BOOLEAN USING (verified IS NOT NULL); | 2:1 update-without-where INFO column verified_at was added earlier in this script and nothing has written it since, 4:19 alter-column-type WARNING
            POSTGRESQL | ALTER TABLE users ADD COLUMN age_text TEXT; UPDATE users SET age_text = age; ALTER TABLE users ALTER COLUMN verified TYPE BOOLEAN USING (verified IS NOT NULL); | 2:1 update-without-where INFO column age_text was added earlier in this script and nothing has written it since, 3:19 alter-column-type WARNING
            """)
    void aCopyMadeBeforeTheTypeChangeGuardsIt(Dialect dialect, String sql, String expected) throws IOException {
        TestProject.write(project, "db/V0__init.sql", INIT + "\n");

        List<String> findings = ProjectLint.placesAndGuardsOfOneScript(project, dialect, sql);

        assertEquals(List.of(expected.split(", (?=\\d+:\\d+ )")), findings);
    }
}
