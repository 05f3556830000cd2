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
 * A DROP COLUMN of a column that an earlier migration surely dropped or renamed away removes nothing: the finding is
 * lowered to INFO and says where the column went; the other columns of the statement stay reported. A column of
 * the name given back since, a branch that may have dropped it, a drop from another table, or from a table whose
 * columns the replay did not know, keeps the finding as it was.
 */
class LinterColumnDroppedInEarlierMigrationTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1} | {2}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | ALTER TABLE queue DROP COLUMN IF EXISTS id | ALTER TABLE queue DROP COLUMN IF EXISTS id | INFO ALTER TABLE queue drops column id (guarded: column id was dropped or renamed away at line 1 of V2__earlier.sql and nothing has taken its name since)
            MYSQL      | ALTER TABLE queue DROP COLUMN id | ALTER TABLE queue DROP COLUMN id | INFO ALTER TABLE queue drops column id (guarded: column id was dropped or renamed away at line 1 of V2__earlier.sql and nothing has taken its name since)
            POSTGRESQL | ALTER TABLE queue RENAME COLUMN id TO legacy_id | ALTER TABLE queue DROP COLUMN IF EXISTS id | INFO ALTER TABLE queue drops column id (guarded: column id was dropped or renamed away at line 1 of V2__earlier.sql and nothing has taken its name since)
            POSTGRESQL | ALTER TABLE queue DROP COLUMN id | ALTER TABLE queue DROP COLUMN IF EXISTS id, DROP COLUMN IF EXISTS note | INFO ALTER TABLE queue drops column id (guarded: column id was dropped or renamed away at line 1 of V2__earlier.sql and nothing has taken its name since) // ERROR ALTER TABLE queue drops column note
            POSTGRESQL | ALTER TABLE queue DROP COLUMN id; ALTER TABLE queue ADD COLUMN id BIGINT | ALTER TABLE queue DROP COLUMN id | ERROR ALTER TABLE queue drops column id
            POSTGRESQL | ALTER TABLE queue DROP COLUMN id; ALTER TABLE queue RENAME COLUMN note TO id | ALTER TABLE queue DROP COLUMN id | ERROR ALTER TABLE queue drops column id
            POSTGRESQL | DO $$ BEGIN IF random() > 0.5 THEN ALTER TABLE queue DROP COLUMN id; END IF; END $$ | ALTER TABLE queue DROP COLUMN IF EXISTS id | ERROR ALTER TABLE queue drops column id
            POSTGRESQL | ALTER TABLE other DROP COLUMN id | ALTER TABLE queue DROP COLUMN IF EXISTS id | ERROR ALTER TABLE queue drops column id
            POSTGRESQL | ALTER TABLE elsewhere DROP COLUMN id | ALTER TABLE elsewhere DROP COLUMN IF EXISTS id | ERROR ALTER TABLE elsewhere drops column id
            """)
    void aColumnAnEarlierMigrationSurelyDroppedHasNoValuesToLose(Dialect dialect, String earlier, String later,
            String expected) throws IOException {
        write("V1__init.sql", "CREATE TABLE queue (id INT, name VARCHAR(50) NOT NULL, note TEXT);\n"
                + "CREATE TABLE other (id INT PRIMARY KEY);\n");
        write("V2__earlier.sql", statements(earlier));
        write("V3__later.sql", statements(later));

        assertEquals(expected, String.join(" // ", dropsIn("V3__later.sql", dialect)));
    }

    private static String statements(String semicolonSeparated) {
        return semicolonSeparated.replace("; ", ";\n") + ";\n";
    }

    private void write(String name, String sql) throws IOException {
        TestProject.write(project, "db/" + name, sql);
    }

    private List<String> dropsIn(String name, Dialect dialect) {
        return TestProject.lint(project, dialect).findings().stream().filter(f -> f.ruleId().equals("drop-column"))
                .filter(f -> f.location().path().endsWith(name))
                .map(f -> f.severity() + " " + f.message()).toList();
    }
}
