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
 * A column moved to a table of its own through a link made first: a new column of the old table gets a value of its
 * own in every row from a generator that never repeats one ({@code SET unit_id = gen_random_uuid()}), and the copy
 * takes that link beside the values. Each row then still finds its value, so dropping the old column loses nothing,
 * as when the copy takes the primary key. A link that may repeat, or that some rows lack, tells nothing.
 */
class LinterLinkFilledPerRowTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            UPDATE products SET unit_id = uuid_generate_v4();                                                        | INFO
            UPDATE products SET unit_id = gen_random_uuid();                                                         | INFO
            UPDATE products SET unit_id = public.uuid_generate_v4();                                                 | INFO
            UPDATE products SET unit_id = nextval('unit_seq');                                                       | INFO
            WITH n AS (UPDATE products SET unit_id = gen_random_uuid() RETURNING unit_id) INSERT INTO units SELECT unit_id FROM n; | INFO
            UPDATE products SET unit_id = '0b4c8f4e-5d3a-4d7e-9a61-3f0c2b1a9e77';                                    | ERROR
            UPDATE products SET unit_id = md5(random()::text)::uuid;                                                 | ERROR
            UPDATE products SET unit_id = gen_random_uuid() WHERE unit <> 'each';                                    | ERROR
            UPDATE products SET unit_id = gen_random_uuid(); UPDATE products SET unit_id = NULL WHERE unit = 'box';  | ERROR
            UPDATE products SET unit_id = gen_random_uuid(); INSERT INTO products (id, unit) VALUES ('a1', 'box');   | ERROR
            UPDATE products SET unit_id = gen_random_uuid(); ALTER TABLE products RENAME COLUMN unit_id TO u_id; ALTER TABLE products RENAME COLUMN product_code TO unit_id; | ERROR
            """)
    void theDropOfAColumnCopiedBesideALinkFilledPerRow(String fill, Severity expected) throws IOException {
        assertEquals(expected, severityOfTheDrop(fill, ""));
    }

    /** A link written again after the copy no longer leads each row to its value. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            UPDATE products SET unit_id = gen_random_uuid();                 | ERROR
            UPDATE products SET unit_id = NULL WHERE unit = 'box';           | ERROR
            UPDATE products SET product_code = upper(product_code);          | INFO
            """)
    void theDropAfterTheLinkChanged(String change, Severity expected) throws IOException {
        assertEquals(expected, severityOfTheDrop("UPDATE products SET unit_id = gen_random_uuid();", change));
    }

    /**
     * Generating the link again after a copy took it orphans the copied rows: unlike a value that is the same in
     * every row, the generated ones were each a row's own, and the copy now points at values no row holds.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            INSERT INTO units SELECT unit_id FROM products;                              | ERROR
            INSERT INTO unit_attributes SELECT unit_id, 'unit', unit FROM products;      | ERROR
            INSERT INTO units (id) SELECT p.unit_id FROM products p WHERE unit IS NOT NULL; | ERROR
            INSERT INTO units (id) VALUES (gen_random_uuid());                           | INFO
            """)
    void theLinkGeneratedAgainAfterACopyTookIt(String between, Severity expected) throws IOException {
        TestProject.write(project, "db/V1__init.sql", """
                CREATE TABLE products (id text PRIMARY KEY, unit text);
                CREATE TABLE units (id uuid PRIMARY KEY);
                CREATE TABLE unit_attributes (unit_id uuid NOT NULL, key text NOT NULL, value text);
                """);
        TestProject.write(project, "db/V2__units.sql", """
                ALTER TABLE products ADD COLUMN unit_id uuid;
                UPDATE products SET unit_id = gen_random_uuid();
                %s
                UPDATE products SET unit_id = gen_random_uuid();
                """.formatted(between));

        List<Finding> refills = ProjectLint.findings(project, Dialect.POSTGRESQL).stream()
                .filter(f -> f.ruleId().equals("update-without-where") && f.location().line() == 4).toList();

        assertEquals(1, refills.size(), refills.toString());
        assertEquals(expected, refills.get(0).severity(), refills.get(0).message());
    }

    private Severity severityOfTheDrop(String fill, String afterCopy) throws IOException {
        TestProject.write(project, "db/V1__init.sql", """
                CREATE TABLE products (id text PRIMARY KEY, product_code text, unit text);
                CREATE TABLE units (id uuid PRIMARY KEY);
                CREATE TABLE unit_attributes (unit_id uuid NOT NULL, key text NOT NULL, value text,
                    PRIMARY KEY (unit_id, key));
                """);
        TestProject.write(project, "db/V2__units.sql", """
                ALTER TABLE products ADD COLUMN unit_id uuid;
                %s
                INSERT INTO unit_attributes SELECT unit_id, 'unit', unit FROM products;
                %s
                ALTER TABLE products DROP COLUMN unit;
                """.formatted(fill.replace("; ", ";\n"), afterCopy));

        List<Finding> drops = ProjectLint.findings(project, Dialect.POSTGRESQL).stream()
                .filter(f -> f.ruleId().equals("drop-column")).toList();

        assertEquals(1, drops.size(), drops.toString());
        assertTrue(drops.get(0).severity() == Severity.ERROR
                || drops.get(0).message().contains("values of unit copied to unit_attributes at line"),
                drops.get(0).message());
        return drops.get(0).severity();
    }
}
