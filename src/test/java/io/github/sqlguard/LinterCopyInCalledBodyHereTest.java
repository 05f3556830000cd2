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
 * A routine the script defines and then calls runs its body at the call: the rows its body copies are kept for the
 * statements after the call ({@code CALL copy_orders(); DELETE FROM orders;}), but only what the body certainly
 * runs, in its last definition before the call, counts.
 */
class LinterCopyInCalledBodyHereTest {

    @TempDir
    Path project;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // a whole copy in the body keeps every row
        "copy_orders | INSERT INTO orders_old SELECT * FROM orders; | | INFO"
                + " | (guarded: rows copied to orders_old at line 10)",
        // reached by its bare name, as the search path finds it
        "public.copy_orders | INSERT INTO orders_old SELECT * FROM orders; | | INFO"
                + " | (guarded: rows copied to orders_old at line 10)",
        // a copy in one arm of the body may not have run
        "copy_orders | IF (SELECT count(*) FROM orders) > 0 THEN INSERT INTO orders_old SELECT * FROM orders; END IF;"
                + " | | ERROR | ",
        // the body empties its copy again
        "copy_orders | INSERT INTO orders_old SELECT * FROM orders; TRUNCATE orders_old; | | ERROR | ",
        // a later definition, which copies nothing, is the one the call runs
        "copy_orders | INSERT INTO orders_old SELECT * FROM orders; | CREATE OR REPLACE PROCEDURE copy_orders()"
                + " LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE 'none'; END $$; | ERROR | "})
    void theCopiesOfACalledBodyKeepRowsAfterTheCall(String name, String body, String redefinition, String severity,
            String note) throws IOException {
        TestProject.write(project, "db/V1__orders.sql", """
                CREATE TABLE orders (id BIGINT PRIMARY KEY, total NUMERIC(10, 2));
                CREATE TABLE orders_old (id BIGINT PRIMARY KEY, total NUMERIC(10, 2));
                """);
        TestProject.write(project, "db/V2__archive.sql", """
                CREATE OR REPLACE PROCEDURE %s()
                    LANGUAGE plpgsql AS
                $$
                BEGIN
                    %s
                END
                $$;
                %s
                SELECT 1;
                CALL copy_orders();
                DELETE FROM orders;
                """.formatted(name, body, redefinition == null ? "" : redefinition));

        String expected = "db/V2__archive.sql:11:1 " + severity + " DELETE without WHERE removes every row of orders"
                + (note == null ? "" : " " + note);
        assertEquals(List.of(expected), TestProject.lint(project, Dialect.POSTGRESQL).findings().stream()
                .filter(f -> f.ruleId().equals("delete-without-where") && f.location().line() == 11)
                .map(f -> f.location() + " " + f.severity() + " " + f.message()).toList());
    }

    /** A routine of an earlier migration that copies the rows and then empties its copy keeps nothing. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "                          | INFO  | (guarded: rows copied to orders_old at line 1)",
        "TRUNCATE orders_old;      | ERROR | ",
        "DELETE FROM orders_old WHERE id < 0; | ERROR | ",
        "DROP TABLE orders_old;    | ERROR | "})
    void aCopyAnEarlierRoutineEmptiesAgainKeepsNothingAfterTheCall(String undo, String severity, String note)
            throws IOException {
        TestProject.write(project, "db/V1__orders.sql", """
                CREATE TABLE orders (id BIGINT PRIMARY KEY, total NUMERIC(10, 2));
                CREATE TABLE orders_old (id BIGINT PRIMARY KEY, total NUMERIC(10, 2));
                CREATE OR REPLACE PROCEDURE copy_orders()
                    LANGUAGE plpgsql AS
                $$
                BEGIN
                    INSERT INTO orders_old SELECT * FROM orders;
                    %s
                END
                $$;
                """.formatted(undo == null ? "" : undo));
        TestProject.write(project, "db/V2__archive.sql", "CALL copy_orders();\nDELETE FROM orders;\n");

        String expected = "db/V2__archive.sql:2:1 " + severity + " DELETE without WHERE removes every row of orders"
                + (note == null ? "" : " " + note);
        assertEquals(List.of(expected), TestProject.lint(project, Dialect.POSTGRESQL).findings().stream()
                .filter(f -> f.ruleId().equals("delete-without-where")
                        && f.location().path().endsWith("V2__archive.sql"))
                .map(f -> f.location() + " " + f.severity() + " " + f.message()).toList());
    }
}
