package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Nothing can depend on a foreign key: dropping one the replay knows, by its name or by the name PostgreSQL gives
 * an unnamed one, with CASCADE drops nothing else. A primary key's CASCADE takes the foreign keys that reference it,
 * and a constraint the replay does not know may be either.
 */
class LinterForeignKeyCascadeTest {

    private static final String TABLES = "CREATE TABLE customers (id INT PRIMARY KEY);\n"
            + "CREATE TABLE orders (id INT, customer_id INT REFERENCES customers (id), shop_id INT,\n"
            + "  payer_id INT CONSTRAINT orders_payer_fk REFERENCES customers (id),\n"
            + "  CONSTRAINT orders_shop_fk FOREIGN KEY (shop_id) REFERENCES customers (id));\n";

    @TempDir
    Path project;

    /** Each row: the tables V1 creates (or none), the drop in V2, the cascade findings expected. */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            TABLES | ALTER TABLE orders DROP CONSTRAINT orders_shop_fk CASCADE                 |
            TABLES | ALTER TABLE orders DROP CONSTRAINT IF EXISTS "orders_customer_id_fkey" CASCADE |
            TABLES | ALTER TABLE orders DROP CONSTRAINT orders_payer_fk CASCADE                |
            TABLES | ALTER TABLE orders DROP CONSTRAINT orders_payer_id_fkey CASCADE           | WARNING
            TABLES | ALTER TABLE customers DROP CONSTRAINT customers_pkey CASCADE             | WARNING
            TABLES | ALTER TABLE orders DROP CONSTRAINT orders_id_check CASCADE               | WARNING
            NONE   | ALTER TABLE orders DROP CONSTRAINT orders_shop_fk CASCADE                 | WARNING
            """)
    void aForeignKeyDroppedWithCascadeTakesNothingAlong(String tables, String drop, String expected)
            throws IOException {
        assertEquals(expected == null ? "" : expected, String.join(" ", cascades(tables.equals("TABLES") ? TABLES
                : "SELECT 1;\n", drop).stream().map(f -> f.severity().name()).toList()));
    }

    /** Each row: the drop in V2 after the tables, the end of the cascade finding's message. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ALTER TABLE customers DROP CONSTRAINT customers_pkey CASCADE | it (the foreign keys of orders reference customers: those that rely on this key go with it)
            ALTER TABLE orders DROP CONSTRAINT orders_id_check CASCADE   | it
            ALTER TABLE customers DROP COLUMN id CASCADE                 | it
            """)
    void aKeyDroppedWithCascadeNamesTheTablesWhoseForeignKeysReferenceIt(String drop, String ending)
            throws IOException {
        List<Finding> cascades = cascades(TABLES, drop);

        assertEquals(1, cascades.size(), cascades.toString());
        assertTrue(cascades.get(0).message().endsWith(" depends on " + ending), cascades.get(0).message());
    }

    private List<Finding> cascades(String tables, String drop) throws IOException {
        TestProject.write(project, "db/V1__tables.sql", tables);
        TestProject.write(project, "db/V2__drop.sql", drop + ";\n");
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), Dialect.POSTGRESQL, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1), null);
        return result.findings().stream().filter(f -> f.ruleId().equals("cascade")).toList();
    }
}
