package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A soft-delete flag is retired by purging the rows it marks and then dropping it: {@code DELETE FROM t WHERE
 * deleted = TRUE; ALTER TABLE t DROP COLUMN deleted}. When the flag is a BOOLEAN that cannot be NULL, every row the
 * DELETE leaves holds the other value, so the drop loses nothing (the DELETE of the marked rows is what loses data,
 * and it names the rows it removes). Anything that may write the flag again in between, a flag that can be NULL, or a
 * DELETE that also asks something else keeps the drop an error.
 */
class LinterPurgedFlagDropTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            DELETE FROM meta WHERE deleted = TRUE;                                            | deleted | INFO
            DELETE FROM meta WHERE deleted;                                                   | deleted | INFO
            DELETE FROM meta m WHERE m.deleted IS TRUE;                                       | deleted | INFO
            DELETE FROM meta WHERE NOT active;                                                | active  | INFO
            DELETE FROM meta WHERE active = FALSE;                                            | active  | INFO
            DELETE FROM meta WHERE hidden = TRUE;                                             | hidden  | ERROR
            DELETE FROM meta WHERE deleted = TRUE AND id > 5;                                 | deleted | ERROR
            DELETE FROM meta WHERE deleted = TRUE; INSERT INTO meta (id) VALUES (1);          | deleted | ERROR
            DELETE FROM meta WHERE deleted = TRUE; UPDATE meta SET deleted = TRUE WHERE id = 1; | deleted | ERROR
            DELETE FROM meta WHERE deleted = TRUE; UPDATE meta SET name = 'x' WHERE id = 1;     | deleted | INFO
            DELETE FROM other WHERE deleted = TRUE;                                           | deleted | ERROR
            DO $$ BEGIN IF now() > '2020-01-01' THEN DELETE FROM meta WHERE deleted = TRUE; END IF; END $$; | deleted | ERROR
            """)
    void theDropOfAFlagAfterItsMarkedRowsWereDeleted(String delete, String dropped, Severity expected)
            throws IOException {
        TestProject.write(project, "db/V1__init.sql", """
                CREATE TABLE meta (id int PRIMARY KEY, name varchar(64), deleted boolean DEFAULT false NOT NULL,
                    active boolean NOT NULL, hidden boolean);
                CREATE TABLE other (id int PRIMARY KEY, deleted boolean NOT NULL);
                """);
        TestProject.write(project, "db/V2__purge.sql", delete.replace("; ", ";\n") + "\nALTER TABLE meta DROP COLUMN "
                + dropped + ";\n");

        List<Finding> drops = ProjectLint.findings(project, Dialect.POSTGRESQL).stream()
                .filter(f -> f.ruleId().equals("drop-column")).toList();

        assertEquals(1, drops.size(), drops.toString());
        assertEquals(expected, drops.get(0).severity(), drops.get(0).message());
        if (expected == Severity.INFO) {
            assertTrue(drops.get(0).message().contains("every row left holds one value of " + dropped
                    + ": the DELETE at line 1 removed the rows holding the other"), drops.get(0).message());
        }
    }

    @Test
    void aPurgeInAnEarlierMigrationGuardsNothingAsTheApplicationWritesTheFlagBetweenThem() throws IOException {
        TestProject.write(project, "db/V1__init.sql", """
                CREATE TABLE meta (id int PRIMARY KEY, deleted boolean DEFAULT false NOT NULL);
                DELETE FROM meta WHERE deleted = TRUE;
                """);
        TestProject.write(project, "db/V2__drop.sql", "ALTER TABLE meta DROP COLUMN deleted;\n");

        List<Finding> drops = ProjectLint.findings(project, Dialect.POSTGRESQL).stream()
                .filter(f -> f.ruleId().equals("drop-column")).toList();

        assertEquals(1, drops.size(), drops.toString());
        assertEquals(Severity.ERROR, drops.get(0).severity(), drops.get(0).message());
    }
}
