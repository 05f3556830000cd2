package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Flyway runs the first versioned migration, up to its baseline version, only on an empty schema: the {@code DROP
 * TABLE IF EXISTS} before each {@code CREATE TABLE} of a dumped schema finds nothing to drop there.
 */
class LinterFirstMigrationTest {

    private static final String DUMPED = "DROP TABLE IF EXISTS users;\nCREATE TABLE users (id int);\n";

    @TempDir
    Path project;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // the first migration, at or below Flyway's default baseline version 1
        "V1__init.sql      | " + DUMPED_CSV + " |      | POSTGRESQL | V1__init.sql:1 drop-table INFO",
        "V1.0__init.sql    | " + DUMPED_CSV + " |      | MYSQL      | V1.0__init.sql:1 drop-table INFO",
        "V0_9__init.sql    | " + DUMPED_CSV + " |      | POSTGRESQL | V0_9__init.sql:1 drop-table INFO",
        // a baseline migration runs only on an empty schema whatever its version
        "B5__init.sql      | " + DUMPED_CSV + " |      | POSTGRESQL | B5__init.sql:1 drop-table INFO",
        // above the baseline version, a first migration runs on a schema Flyway baselined, tables and all
        "V2__init.sql      | " + DUMPED_CSV + " |      | POSTGRESQL | V2__init.sql:1 drop-table ERROR",
        "V1__init.sql      | " + DUMPED_CSV + " | 0    | POSTGRESQL | V1__init.sql:1 drop-table ERROR",
        "V3__init.sql      | " + DUMPED_CSV + " | 5    | POSTGRESQL | V3__init.sql:1 drop-table INFO",
        // a version sqlguard cannot read (filled in at deploy) may be any: nothing is lowered
        "V1__init.sql      | " + DUMPED_CSV + " | ${v} | POSTGRESQL | V1__init.sql:1 drop-table ERROR",
        // another schema or database may hold the table
        "V1__init.sql      | DROP TABLE IF EXISTS audit.users; |  | POSTGRESQL | V1__init.sql:1 drop-table ERROR",
        "V1__init.sql      | DROP TABLE IF EXISTS archive.users; | | MYSQL    | V1__init.sql:1 drop-table ERROR",
        // the database's default schema, where the settings name no other
        "V1__init.sql      | DROP TABLE IF EXISTS public.users; |  | POSTGRESQL | V1__init.sql:1 drop-table INFO",
        "V1__init.sql      | DROP TABLE IF EXISTS [dbo].[users]; | | SQLSERVER | V1__init.sql:1 drop-table INFO",
        "V1__init.sql      | USE archive; DROP TABLE IF EXISTS users; | | MYSQL | V1__init.sql:1 drop-table ERROR",
    })
    void aDropInTheFirstMigrationFindsNoTableOnlyInTheSchemaItRunsOn(String name, String sql, String baseline,
            Dialect dialect, String expected) throws IOException {
        write("db/" + name, sql.replace("\\n", "\n"));

        assertEquals(List.of(expected), shown(lint(dialect, baseline)));
    }

    private static final String DUMPED_CSV = "DROP TABLE IF EXISTS users;\\nCREATE TABLE users (id int);";

    private static final String DROPPED_WHEN_PRESENT = """
            DECLARE n NUMBER;
            BEGIN
              SELECT COUNT(*) INTO n FROM user_tables WHERE table_name = 'USERS';
              IF n > 0 THEN EXECUTE IMMEDIATE 'DROP TABLE users CASCADE CONSTRAINTS PURGE'; END IF;
            END;
            /
            CREATE TABLE users (id NUMBER(8));
            """;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // Oracle before 23c has no DROP TABLE IF EXISTS: a block drops the table when the dictionary lists it
        // nor do the foreign keys that CASCADE CONSTRAINTS would drop with it
        "V1__init.sql | | V1__init.sql:4 drop-table INFO, V1__init.sql:4 cascade INFO",
        "B5__init.sql | | B5__init.sql:4 drop-table INFO, B5__init.sql:4 cascade INFO",
        "V3__init.sql | | V3__init.sql:4 drop-table ERROR, V3__init.sql:4 cascade WARNING",
        "V3__init.sql | 3 | V3__init.sql:4 drop-table INFO, V3__init.sql:4 cascade INFO",
    })
    void aBlockThatDropsTheTableWhenPresentFindsNoneInTheFirstMigration(String name, String baseline,
            String expected) throws IOException {
        write("db/" + name, DROPPED_WHEN_PRESENT);

        assertEquals(expected, String.join(", ", shown(lint(Dialect.ORACLE, baseline))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DROP TABLE users CASCADE CONSTRAINTS; | V1__init.sql:1 drop-table INFO, V1__init.sql:1 cascade INFO",
        // a CASCADE of a table that exists elsewhere still reaches its dependants
        "DROP TABLE audit.users CASCADE CONSTRAINTS; | V1__init.sql:1 drop-table ERROR, V1__init.sql:1 cascade WARNING",
    })
    void cascadeConstraintsOfATableTheEmptySchemaLacksDropsNothing(String sql, String expected) throws IOException {
        write("db/V1__init.sql", sql);

        assertEquals(expected, String.join(", ", shown(lint(Dialect.ORACLE, null))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // a name built at run time may be of any schema, and sp_MSforeachtable reaches the tables created before it
        "ORACLE    | DECLARE v VARCHAR2(30);\\nBEGIN\\n  SELECT MIN(table_name) INTO v FROM user_tables;\\n  EXECUTE IMMEDIATE 'DROP TABLE ' || v;\\nEND;\\n/",
        "SQLSERVER | CREATE TABLE users (id int);\\nEXEC sp_MSforeachtable 'DROP TABLE ?';",
    })
    void aDropOfATableNamedOnlyAtRunTimeStaysAnError(Dialect dialect, String sql) throws IOException {
        write("db/V1__init.sql", sql.replace("\\n", "\n"));

        List<String> drops = shown(lint(dialect, null)).stream().filter(f -> f.contains("drop-table")).toList();

        assertEquals(1, drops.size(), drops::toString);
        assertEquals(true, drops.get(0).endsWith("drop-table ERROR"), drops.get(0));
    }

    @Test
    void aBlockDropAboveTheBaselineVersionSaysWhichSettingWouldLowerIt() throws IOException {
        write("db/V3__init.sql", DROPPED_WHEN_PRESENT);

        String message = lint(Dialect.ORACLE, null).findings().stream().filter(f -> f.ruleId().equals("drop-table"))
                .findFirst().orElseThrow().message();

        assertEquals(true, message.contains("set baselineVersion to 3"), message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // only the first migration of the history: a later one runs on a schema with the earlier ones' data
        "V0_1__seed.sql | V1__init.sql | V1__init.sql:1 drop-table ERROR",
        "V1__init.sql   | V2__more.sql | V2__more.sql:1 drop-table ERROR",
    })
    void aLaterMigrationIsNotTheFirstEvenBelowTheBaselineVersion(String first, String second, String expected)
            throws IOException {
        write("db/" + first, "CREATE TABLE seeds (id int);\n");
        write("db/" + second, DUMPED);

        assertEquals(List.of(expected), shown(lint(Dialect.POSTGRESQL, null)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "V2.0__core.sql |      | DROP TABLE removes table users and all its rows (the first migration, but its version"
                + " 2.0 is above Flyway's baselineVersion 1: a schema that holds tables is baselined at 1 and then"
                + " runs it; where the deploy baselines at 2.0 or above, or never baselines, set baselineVersion to 2.0)",
        "V3__core.sql   | 2    | DROP TABLE removes table users and all its rows (the first migration, but its version"
                + " 3 is above Flyway's baselineVersion 2: a schema that holds tables is baselined at 2 and then"
                + " runs it; where the deploy baselines at 3 or above, or never baselines, set baselineVersion to 3)",
    })
    void aFirstMigrationAboveTheBaselineVersionSaysWhyItsDropsStayErrors(String name, String baseline,
            String expected) throws IOException {
        write("db/" + name, DUMPED);

        LintResult result = lint(Dialect.MYSQL, baseline);

        assertEquals(List.of(name + ":1 drop-table ERROR"), shown(result));
        assertEquals(expected, result.findings().get(0).message());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // a later migration, and a table of another database: no such note
        "V1__seed.sql | V2__init.sql | DROP TABLE IF EXISTS users;",
        "V2__init.sql |              | DROP TABLE IF EXISTS archive.users;",
        "V2__init.sql |              | USE archive;\\nDROP TABLE IF EXISTS users;",
    })
    void theNoteSpeaksOnlyOfTheFirstMigrationsDropsOfItsOwnSchema(String first, String second, String sql)
            throws IOException {
        String target = second == null ? first : second;
        if (second != null) {
            write("db/" + first, "CREATE TABLE seeds (id int);\n");
        }
        write("db/" + target, sql.replace("\\n", "\n"));

        List<String> messages = lint(Dialect.MYSQL, null).findings().stream()
                .filter(f -> f.ruleId().equals("drop-table")).map(f -> f.message()).toList();

        assertEquals(1, messages.size(), messages::toString);
        assertEquals(false, messages.get(0).contains("baselineVersion"), messages.get(0));
    }

    private static List<String> shown(LintResult result) {
        return result.findings().stream().map(f -> f.location().path().replace("db/", "") + ":"
                + f.location().line() + " " + f.ruleId() + " " + f.severity()).toList();
    }

    private LintResult lint(Dialect dialect, String baselineVersion) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        FlywayConfig flyway = FlywayConfig.DEFAULTS.withBaselineVersion(baselineVersion);
        Map<String, String> none = new LinkedHashMap<>();
        return new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                dialect, StandardCharsets.UTF_8, none, List.of(), flyway, defaults.liquibase(), List.of(),
                null, defaults.maxFileBytes(), 2));
    }

    private void write(String path, String text) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
