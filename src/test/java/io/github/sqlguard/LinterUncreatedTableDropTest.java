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
 * A re-runnable {@code DROP TABLE IF EXISTS t} of a table none of the migrations that run before it made stays
 * reported, and says why: where t exists, something else made it, and its rows go with it.
 */
class LinterUncreatedTableDropTest {

    private static final String NOTE = " (none of the migrations that run before it creates report_cache: where the"
            + " table exists, something else made it)";

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | DROP TABLE IF EXISTS report_cache;\\nCREATE TABLE report_cache (id INT);                     | ERROR 1:1 note
            MYSQL      | DROP TABLE IF EXISTS `report_cache`;\\nCREATE TABLE report_cache (id INT);                   | ERROR 1:1 quoted
            POSTGRESQL | DROP TABLE report_cache;                                                                  | ERROR 1:1 plain
            SQLSERVER  | IF OBJECT_ID('report_cache') IS NOT NULL DROP TABLE report_cache;\\nCREATE TABLE report_cache (id INT); | ERROR 1:42 note
            MYSQL      | DROP TEMPORARY TABLE IF EXISTS report_cache;                                              | plain or guarded
            POSTGRESQL | CREATE TABLE report_cache (id INT);\\nDROP TABLE IF EXISTS report_cache;                  | plain or guarded
            POSTGRESQL | DROP TABLE IF EXISTS invoices;                                                            | ERROR 1:1 plain
            POSTGRESQL | DROP TABLE IF EXISTS report_cache, other_cache;                                           | ERROR 1:1 plain
            """)
    void namesWhyADropOfATableNoMigrationMadeIsReported(Dialect dialect, String sql, String expected)
            throws IOException {
        write(sql.replace("\\n", "\n"));

        List<String> found = ProjectLint.findings(project, dialect).stream()
                .filter(f -> f.ruleId().equals("drop-table") && f.location().path().endsWith("V2__change.sql"))
                .map(f -> f.severity() + " " + f.location().line() + ":" + f.location().column() + " "
                        + (f.message().contains(NOTE) ? "note" : f.message().contains(NOTE.replace("report_cache",
                                "`report_cache`")) ? "quoted" : f.message().contains("none of the migrations")
                                        ? "misplaced note" : f.severity().name().equals("INFO") ? "guarded" : "plain"))
                .toList();

        if (expected.equals("plain or guarded")) {
            assertEquals(List.of(), found.stream().filter(f -> f.contains("note")).toList());
        } else {
            assertEquals(List.of(expected), found);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            CREATE FUNCTION reset_cache() RETURNS void LANGUAGE plpgsql AS $$ BEGIN DROP TABLE IF EXISTS report_cache; END $$;
            """)
    void saysNothingOfADropInARoutineBody(String sql) throws IOException {
        write(sql);

        List<String> notes = ProjectLint.findings(project, Dialect.POSTGRESQL).stream()
                .filter(f -> f.message().contains("none of the migrations")).map(f -> f.message()).toList();

        assertEquals(List.of(), notes);
    }

    private void write(String sql) throws IOException {
        // An earlier migration makes another table: the scripts are not the first of their history.
        Files.createDirectories(project.resolve("db"));
        Files.writeString(project.resolve("db/V1__schema.sql"), "CREATE TABLE invoices (id INT PRIMARY KEY);\n",
                StandardCharsets.UTF_8);
        Files.writeString(project.resolve("db/V2__change.sql"), sql, StandardCharsets.UTF_8);
    }
}
