package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A name that comes to mean another table ({@code dispensables} after {@code referencedata.dispensables}, with no
 * default schema configured) ends what the run knew of the table of that name only: the guards of other tables hold.
 */
class LinterRenamedNameGuardTest {

    @TempDir
    Path project;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // another table named qualified and unqualified: the added column of ftap is still new and unwritten
        "INSERT INTO referencedata.dispensables (id) VALUES (1);| UPDATE ftap SET active = true;"
                + "| update-without-where INFO",
        "WITH moved AS (UPDATE dispensables SET kind = 'x' WHERE id = 1 RETURNING id) INSERT INTO "
                + "referencedata.dispensables (id) SELECT id FROM moved;| UPDATE ftap SET active = true;"
                + "| update-without-where INFO",
        // the table whose name changed meaning: what was known of it no longer holds
        "INSERT INTO referencedata.ftap (id) VALUES (1);| UPDATE ftap SET active = true;"
                + "| update-without-where ERROR",
        "INSERT INTO referencedata.dispensables (id) VALUES (1);| UPDATE dispensables SET kind = 'x';"
                + "| update-without-where ERROR",
        "SELECT 1;| UPDATE referencedata.ftap SET active = true;| update-without-where ERROR",
        "SELECT 1;| UPDATE referencedata.dispensables SET kind = 'x';| update-without-where ERROR",
    })
    void onlyTheNameWhoseMeaningChangedLosesItsGuards(String between, String update, String expected)
            throws IOException {
        write("db/V1__fill.sql", "ALTER TABLE ftap ADD COLUMN active boolean;\n"
                + "ALTER TABLE dispensables ADD COLUMN kind text;\n" + between + "\n" + update + "\n");
        assertEquals(expected, ruleIds(lint(null)));
    }

    /** A copy of another table stays a copy when a third name changes meaning. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "INSERT INTO referencedata.dispensables (id) VALUES (1);| drop-table INFO",
        "INSERT INTO referencedata.orders_backup (id) VALUES (1);| drop-table ERROR",
        "INSERT INTO referencedata.orders (id) VALUES (1);| drop-table ERROR",
    })
    void copyOfAnotherTableStillGuards(String between, String expected) throws IOException {
        write("db/V2__copy.sql", "CREATE TABLE orders_backup AS SELECT * FROM orders;\n"
                + "ALTER TABLE dispensables ADD COLUMN kind text;\n" + between + "\nDROP TABLE orders;\n");
        assertEquals(expected, ruleIds(lint(null)));
    }

    /**
     * A finding that lost its guard only because one name has a schema and the other not says so, and how to make
     * them one table; the finding stays what it was.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ALTER TABLE ftap ADD COLUMN active boolean;| UPDATE referencedata.ftap SET active = true;| POSTGRESQL"
                + "| update-without-where ERROR| referencedata.ftap is taken as another table than ftap",
        "ALTER TABLE referencedata.ftap ADD COLUMN active boolean;| UPDATE ftap SET active = true;| POSTGRESQL"
                + "| update-without-where ERROR| ftap is taken as another table than referencedata.ftap",
        "CREATE TABLE ftap_old AS SELECT * FROM ftap;| DROP TABLE referencedata.ftap;| POSTGRESQL"
                + "| drop-table ERROR| referencedata.ftap is taken as another table than ftap",
        // SQL Server keeps the user's default schema whatever Flyway's is: nothing to configure
        "ALTER TABLE ftap ADD active bit;| UPDATE sales.ftap SET active = 1;| SQLSERVER| update-without-where ERROR|",
        // two schemas named: the note has nothing to suggest
        "ALTER TABLE a.ftap ADD COLUMN active boolean;| UPDATE b.ftap SET active = true;| POSTGRESQL"
                + "| update-without-where ERROR|",
        // no guard lost: nothing to say
        "ALTER TABLE ftap ADD COLUMN active boolean;| UPDATE referencedata.ftap SET other = 1;| POSTGRESQL"
                + "| update-without-where ERROR|",
    })
    void findingSaysWhenOnlyTheSchemaKeptTheGuardApart(String before, String statement, Dialect dialect,
            String expected, String note) throws IOException {
        write("db/V1__fill.sql", before + "\n" + statement + "\n");
        LintResult result = lint(null, dialect);
        assertEquals(expected, ruleIds(result));
        String message = result.findings().get(0).message();
        if (note == null) {
            assertFalse(message.contains("is taken as another table"), message);
        } else {
            assertTrue(message.contains(note), message);
            assertTrue(message.contains("spring.flyway.default-schema"), message);
        }
    }

    private static String ruleIds(LintResult result) {
        return String.join(",", result.findings().stream().map(f -> f.ruleId() + " " + f.severity()).sorted()
                .toList());
    }

    private LintResult lint(String defaultSchema) {
        return lint(defaultSchema, Dialect.POSTGRESQL);
    }

    private LintResult lint(String defaultSchema, Dialect dialect) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        FlywayConfig flyway = FlywayConfig.DEFAULTS.withDefaultSchema(defaultSchema);
        return new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                dialect, StandardCharsets.UTF_8, Map.of(), List.of(), flyway, defaults.liquibase(),
                List.of(), null, defaults.maxFileBytes(), 2));
    }

    private void write(String path, String text) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
