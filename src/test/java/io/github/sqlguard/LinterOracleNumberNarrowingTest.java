package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Oracle never rounds or cuts the values of a NUMBER column whose precision or scale a MODIFY decreases: it refuses
 * the change (ORA-01440) unless every value of the column is NULL. The finding stays, as the migration stops on a
 * table with rows, but it must not say that values are rounded; other databases do round, and say so. Nor does
 * it convert the values of a column whose type a MODIFY changes between NUMBER and a character type (ORA-01439),
 * and it changes the type of no LOB column (ORA-22859).
 */
class LinterOracleNumberNarrowingTest {

    private static final String REFUSED = "Oracle refuses to give a NUMBER column fewer integer or decimal digits"
            + " unless every value of it is NULL (ORA-01440), so the migration stops on a table with values";

    @TempDir
    Path project;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ALTER TABLE stock MODIFY qty NUMBER(10);         | from NUMBER(10, 2) to NUMBER(10)",
        "ALTER TABLE stock MODIFY (qty NUMBER(6, 2));     | from NUMBER(10, 2) to NUMBER(6, 2)",
        "ALTER TABLE stock MODIFY qty INTEGER;            | from NUMBER(10, 2) to INTEGER",
        "ALTER TABLE stock MODIFY lines NUMBER(5);        | from NUMBER(10) to NUMBER(5)",
    })
    void aDecreasedNumberIsRefusedRatherThanRounded(String modify, String change) throws IOException {
        TestProject.write(project, "db/V1__stock.sql",
                "CREATE TABLE stock (id NUMBER(10) PRIMARY KEY, qty NUMBER(10, 2), lines NUMBER(10));\n");
        TestProject.write(project, "db/V2__narrow.sql", modify + "\n");

        List<String> messages = TestProject.lint(project, Dialect.ORACLE).findings().stream()
                .map(Finding::message).toList();
        assertEquals(1, messages.size(), messages.toString());
        assertEquals(true, messages.get(0).contains(change + " (" + REFUSED + ")"), messages.get(0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ALTER TABLE stock MODIFY note VARCHAR2(20 CHAR);    | from VARCHAR2(100 CHAR) to VARCHAR2(20 CHAR) (shorter: 100 to 20 characters)",
    })
    void otherOracleNarrowingsKeepTheirReason(String modify, String expected) throws IOException {
        TestProject.write(project, "db/V1__stock.sql",
                "CREATE TABLE stock (id NUMBER(10) PRIMARY KEY, note VARCHAR2(100 CHAR));\n");
        TestProject.write(project, "db/V2__narrow.sql", modify + "\n");

        List<String> messages = TestProject.lint(project, Dialect.ORACLE).findings().stream()
                .map(Finding::message).toList();
        assertEquals(1, messages.size(), messages.toString());
        assertEquals(true, messages.get(0).contains(expected), messages.get(0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ALTER TABLE stock MODIFY (lines VARCHAR2(3));   | from NUMBER(10) to VARCHAR2(3) (Oracle refuses to change the"
                + " data type of a column between NUMBER and VARCHAR unless every value of it is NULL (ORA-01439),"
                + " so the migration stops on a table with values)",
        "ALTER TABLE stock MODIFY code NUMBER(12);       | from VARCHAR2(12) to NUMBER(12) (Oracle refuses to change the"
                + " data type of a column between NUMBER and VARCHAR unless every value of it is NULL (ORA-01439),"
                + " so the migration stops on a table with values)",
        "ALTER TABLE stock MODIFY flag NUMBER(1);        | from CHAR(1) to NUMBER(1) (Oracle refuses to change the"
                + " data type of a column between NUMBER and CHAR unless every value of it is NULL (ORA-01439),"
                + " so the migration stops on a table with values)",
    })
    void aChangeBetweenNumberAndTextIsRefusedRatherThanConverted(String modify, String expected) throws IOException {
        TestProject.write(project, "db/V1__stock.sql", "CREATE TABLE stock (id NUMBER(10) PRIMARY KEY,"
                + " lines NUMBER(10), code VARCHAR2(12), flag CHAR(1));\n");
        TestProject.write(project, "db/V2__retype.sql", modify + "\n");

        List<String> messages = TestProject.lint(project, Dialect.ORACLE).findings().stream()
                .map(Finding::message).toList();
        assertEquals(1, messages.size(), messages.toString());
        assertEquals(true, messages.get(0).endsWith(expected), messages.get(0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ALTER TABLE stock MODIFY (note VARCHAR2(100));   | from CLOB to VARCHAR2(100) (Oracle refuses to change the"
                + " data type of a CLOB column (ORA-22859), even an empty one, so the migration stops here; copy the"
                + " values into a new column instead)",
        "ALTER TABLE stock MODIFY photo RAW(2000);        | from BLOB to RAW(2000) (Oracle refuses to change the"
                + " data type of a BLOB column (ORA-22859), even an empty one, so the migration stops here; copy the"
                + " values into a new column instead)",
        "ALTER TABLE stock MODIFY old_text VARCHAR2(100); | from LONG to VARCHAR2(100) (shorter: unlimited to 100"
                + " characters)",
    })
    void aChangeOfALargeObjectColumnIsRefused(String modify, String expected) throws IOException {
        TestProject.write(project, "db/V1__stock.sql", "CREATE TABLE stock (id NUMBER(10) PRIMARY KEY,"
                + " note CLOB, photo BLOB, old_text LONG);\n");
        TestProject.write(project, "db/V2__retype.sql", modify + "\n");

        List<String> messages = TestProject.lint(project, Dialect.ORACLE).findings().stream()
                .map(Finding::message).toList();
        assertEquals(1, messages.size(), messages.toString());
        assertEquals(true, messages.get(0).endsWith(expected), messages.get(0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ALTER TABLE stock ALTER COLUMN qty TYPE NUMERIC(10);    | scale 2 to 0 rounds values",
    })
    void postgresStillRoundsAndSaysSo(String alter, String reason) throws IOException {
        TestProject.write(project, "db/V1__stock.sql",
                "CREATE TABLE stock (id INT PRIMARY KEY, qty NUMERIC(10, 2));\n");
        TestProject.write(project, "db/V2__narrow.sql", alter + "\n");

        List<String> messages = TestProject.lint(project, Dialect.POSTGRESQL).findings().stream()
                .map(Finding::message).toList();
        assertEquals(1, messages.size(), messages.toString());
        assertEquals(true, messages.get(0).contains(reason), messages.get(0));
    }
}
