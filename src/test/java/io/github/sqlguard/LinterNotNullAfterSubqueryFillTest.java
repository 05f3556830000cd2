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
 * A column filled from a scalar subquery over another table ({@code SET region_id = (SELECT id FROM regions LIMIT
 * 1)}) holds a value in every row when that table surely holds a row: an earlier top-level INSERT .. VALUES put one
 * there and nothing since may have removed it. Where the table may be empty, or the subquery may find no row or
 * read a nullable column, the NULLs may stay and MODIFY .. NOT NULL is still reported.
 * Each case: what the second migration does to regions, the fill, and the finding expected at the MODIFY.
 */
class LinterNotNullAfterSubqueryFillTest {

    private static final String FINDING = "db/V3__fill.sql:3:40 not-null-fills-nulls";
    private static final String SEEDED = "INSERT INTO regions (id, name) VALUES (1, 'default')";
    private static final String FILL = "UPDATE sites SET region_id = (SELECT id FROM regions LIMIT 1)";

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // a row put there, read from a NOT NULL or key column, without a filter
        SEEDED + "|" + FILL + "|-",
        "INSERT IGNORE INTO regions SET id = 1, name = 'x'|" + FILL + "|-",
        SEEDED + "|UPDATE sites SET region_id = (SELECT r.id FROM regions r ORDER BY r.id LIMIT 1)|-",
        SEEDED + "|UPDATE sites SET region_id = (SELECT MIN(id) FROM regions)|-",
        SEEDED + "|UPDATE sites SET region_id = (SELECT code FROM regions LIMIT 1)|-",
        // no row known, or the row may be gone
        "SELECT 1|" + FILL + "|" + FINDING,
        "INSERT INTO regions (id, name) SELECT id, name FROM old_regions|" + FILL + "|" + FINDING,
        SEEDED + "; DELETE FROM regions WHERE id = 1|" + FILL + "|" + FINDING,
        SEEDED + "; TRUNCATE TABLE regions|" + FILL + "|" + FINDING,
        SEEDED + "; DROP TABLE regions; CREATE TABLE regions (id INT PRIMARY KEY, name VARCHAR(20))|" + FILL + "|"
                + FINDING,
        SEEDED + "; CREATE TRIGGER t BEFORE INSERT ON sites FOR EACH ROW DELETE FROM regions|" + FILL + "|" + FINDING,
        // a subquery that may find no row, or a value that may be NULL
        SEEDED + "|UPDATE sites SET region_id = (SELECT id FROM regions WHERE name = 'main' LIMIT 1)|" + FINDING,
        SEEDED + "|UPDATE sites SET region_id = (SELECT id FROM regions LIMIT 1 OFFSET 1)|" + FINDING,
        SEEDED + "|UPDATE sites SET region_id = (SELECT id FROM regions LIMIT 0)|" + FINDING,
        SEEDED + "|UPDATE sites SET region_id = (SELECT name FROM regions LIMIT 1)|" + FINDING,
        SEEDED + "|UPDATE sites SET region_id = (SELECT id FROM regions r JOIN zones z ON z.id = r.id LIMIT 1)|"
                + FINDING,
        SEEDED + "|UPDATE sites SET region_id = (SELECT id FROM regions LIMIT 1) WHERE id > 3|" + FINDING,
    })
    void aFillFromATableThatHoldsARowGivesEveryRowAValue(String second, String fill, String expected)
            throws IOException {
        TestProject.write(project, "db/V1__init.sql", """
                CREATE TABLE regions (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, code INT NOT NULL DEFAULT 0,
                  name VARCHAR(20));
                CREATE TABLE sites (id INT PRIMARY KEY, name VARCHAR(20));
                """);
        TestProject.write(project, "db/V2__seed.sql", second + ";\n");
        TestProject.write(project, "db/V3__fill.sql", "ALTER TABLE sites ADD COLUMN region_id INT;\n" + fill + ";\n"
                + "ALTER TABLE sites MODIFY region_id INT NOT NULL;\n");

        List<String> findings = TestProject.lint(project, Dialect.MYSQL).findings().stream()
                .filter(f -> f.ruleId().equals("not-null-fills-nulls"))
                .map(f -> f.location() + " " + f.ruleId()).toList();
        assertEquals(expected == null ? List.of() : List.of(expected), findings);
    }

    /** A table whose rows a delete elsewhere may remove (ON DELETE CASCADE) is not known to hold one. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "ON DELETE CASCADE|" + FINDING,
        "ON DELETE RESTRICT|-",
    })
    void aRowThatACascadeMayRemoveIsNotCounted(String action, String expected) throws IOException {
        TestProject.write(project, "db/V1__init.sql", "CREATE TABLE orgs (id INT PRIMARY KEY);\n"
                + "CREATE TABLE regions (id INT NOT NULL PRIMARY KEY, org_id INT,"
                + " FOREIGN KEY (org_id) REFERENCES orgs (id) " + action + ");\n"
                + "CREATE TABLE sites (id INT PRIMARY KEY, name VARCHAR(20));\n");
        TestProject.write(project, "db/V2__seed.sql", "INSERT INTO regions (id) VALUES (1);\n");
        TestProject.write(project, "db/V3__fill.sql", "ALTER TABLE sites ADD COLUMN region_id INT;\n" + FILL + ";\n"
                + "ALTER TABLE sites MODIFY region_id INT NOT NULL;\n");

        List<String> findings = TestProject.lint(project, Dialect.MYSQL).findings().stream()
                .filter(f -> f.ruleId().equals("not-null-fills-nulls"))
                .map(f -> f.location() + " " + f.ruleId()).toList();
        assertEquals(expected == null ? List.of() : List.of(expected), findings);
    }
}
