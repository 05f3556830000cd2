package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A key column renamed ({@code CHANGE COLUMN id mp_id ..}, {@code RENAME COLUMN id TO mp_id}) is still the key under
 * its new name: a copy that takes {@code mp_id} beside a column's values keeps which row each belonged to, so the
 * column's drop after it is guarded.
 */
class LinterRenamedKeyCopyTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            mysql      | ALTER TABLE feed CHANGE COLUMN id mp_id VARCHAR(128) NOT NULL;
            mysql      | ALTER TABLE feed RENAME COLUMN id TO mp_id;
            postgresql | ALTER TABLE feed RENAME COLUMN id TO mp_id;
            """)
    void theDropAfterACopyKeyedByTheRenamedKeyIsGuarded(String dialect, String rename) throws IOException {
        TestProject.write(project, "db/V1__init.sql", """
                CREATE TABLE feed (id VARCHAR(128) NOT NULL, repo VARCHAR(64) NOT NULL, body TEXT,
                  PRIMARY KEY (id, repo));
                """);
        TestProject.write(project, "db/V2__move.sql", """
                %s
                CREATE TABLE feed_part (id INT PRIMARY KEY, mp_id VARCHAR(128) NOT NULL, repo VARCHAR(64) NOT NULL,
                  xml TEXT NOT NULL);
                INSERT INTO feed_part (xml, mp_id, repo) SELECT f.body, f.mp_id, f.repo FROM feed AS f
                  WHERE f.body IS NOT NULL;
                ALTER TABLE feed DROP COLUMN body;
                """.formatted(rename));

        List<Finding> drops = ProjectLint.findings(project, Dialect.valueOf(dialect.toUpperCase())).stream()
                .filter(f -> f.ruleId().equals("drop-column")).toList();

        assertEquals(1, drops.size(), drops.toString());
        assertEquals(Severity.INFO, drops.get(0).severity(), drops.get(0).message());
        assertTrue(drops.get(0).message().contains("values of body copied to feed_part at line 4"),
                drops.get(0).message());
    }
}
