package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * A generated column holds nothing of its own: the database computes its values from the row's other columns,
 * so dropping it (often to add it again with another expression) loses no data, while a plain column beside it does.
 * Changing its type loses no stored value either: it may only fail the migration, or be refused outright. A plain
 * column made generated, though, loses every value it held.
 */
class LinterGeneratedColumnTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | CREATE TABLE logs (value JSONB, note TEXT, fulltext TSVECTOR GENERATED ALWAYS AS (to_tsvector(value ->> 'm')) STORED) | ALTER TABLE logs DROP COLUMN fulltext | -
            POSTGRESQL | CREATE TABLE logs (value JSONB, note TEXT, fulltext TSVECTOR GENERATED ALWAYS AS (to_tsvector(value ->> 'm')) STORED) | ALTER TABLE logs DROP COLUMN note, DROP COLUMN fulltext | 1:18 ALTER TABLE logs drops column note
            POSTGRESQL | CREATE TABLE logs (value JSONB, n TEXT GENERATED ALWAYS AS (value ->> 'n') STORED); ALTER TABLE logs ALTER COLUMN n DROP EXPRESSION | ALTER TABLE logs DROP COLUMN n | 1:18 ALTER TABLE logs drops column n
            POSTGRESQL | CREATE TABLE logs (id BIGINT GENERATED ALWAYS AS IDENTITY, n TEXT) | ALTER TABLE logs DROP COLUMN id | 1:18 ALTER TABLE logs drops column id
            MYSQL      | CREATE TABLE jobs (`value` JSON NOT NULL, `run_id` VARCHAR(150) GENERATED ALWAYS AS (value ->> '$.id') STORED NOT NULL) | ALTER TABLE jobs DROP COLUMN run_id | -
            SQLSERVER  | CREATE TABLE orders (qty INT, price INT, total AS (qty * price) PERSISTED) | ALTER TABLE orders DROP COLUMN total | -
            H2         | CREATE TABLE jobs ("value" TEXT NOT NULL, "run_id" VARCHAR(150) NOT NULL GENERATED ALWAYS AS (f("value"))) | ALTER TABLE jobs DROP COLUMN "run_id" | -
            """)
    void droppingAGeneratedColumnLosesNothing(Dialect dialect, String create, String drop, String expected)
            throws IOException {
        write("V1__create.sql", create.replace("; ", ";\n") + ";");
        write("V2__drop.sql", drop + (dialect == Dialect.SQLSERVER ? "\nGO" : ";"));

        assertEquals(expected.equals("-") ? List.of() : List.of(expected), findings(dialect));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | CREATE TABLE t (a TEXT, c TEXT GENERATED ALWAYS AS (upper(a)) STORED) | ALTER TABLE t ALTER COLUMN c TYPE varchar(10) | 1:15 ALTER TABLE t changes the type of column c from TEXT to varchar(10) (shorter: unlimited to 10 characters; RECOMPUTED)
            POSTGRESQL | CREATE TABLE t (a TEXT, n NUMERIC(10,2) GENERATED ALWAYS AS (length(a) * 1.5) STORED) | ALTER TABLE t ALTER COLUMN n SET DATA TYPE NUMERIC(5,0) | 1:15 ALTER TABLE t changes the type of column n from NUMERIC(10, 2) to NUMERIC(5, 0) (scale 2 to 0 rounds values; RECOMPUTED)
            POSTGRESQL | CREATE TABLE t (a TEXT, c TEXT GENERATED ALWAYS AS (upper(a)) STORED) | ALTER TABLE t ALTER COLUMN a TYPE varchar(10) | 1:15 ALTER TABLE t changes the type of column a from TEXT to varchar(10) (shorter: unlimited to 10 characters)
            POSTGRESQL | CREATE TABLE t (a TEXT, c VARCHAR(10) GENERATED ALWAYS AS (upper(a)) STORED) | ALTER TABLE t ALTER COLUMN c TYPE TEXT | -
            POSTGRESQL | CREATE TABLE t (a TEXT, c TEXT GENERATED ALWAYS AS (upper(a)) STORED); ALTER TABLE t ALTER COLUMN c DROP EXPRESSION | ALTER TABLE t ALTER COLUMN c TYPE varchar(10) | 1:15 ALTER TABLE t changes the type of column c from TEXT to varchar(10) (shorter: unlimited to 10 characters)
            MYSQL      | CREATE TABLE q (`value` JSON NOT NULL, state_current VARCHAR(20) GENERATED ALWAYS AS (`value` ->> '$.state') STORED) | ALTER TABLE q MODIFY state_current ENUM('A','B') GENERATED ALWAYS AS (`value` ->> '$.state') STORED | 1:15 ALTER TABLE q changes the type of column state_current from VARCHAR(20) to ENUM('A', 'B') (a value the list does not hold becomes '' or, in strict mode, makes the statement fail; RECOMPUTED)
            MYSQL      | CREATE TABLE q (`value` JSON NOT NULL, v VARCHAR(50) AS (`value` ->> '$.x') VIRTUAL) | ALTER TABLE q MODIFY v VARCHAR(5) AS (`value` ->> '$.x') VIRTUAL | 1:15 ALTER TABLE q changes the type of column v from VARCHAR(50) to VARCHAR(5) (shorter: 50 to 5 characters; RECOMPUTED)
            MYSQL      | CREATE TABLE q (`value` JSON NOT NULL, state_current VARCHAR(20) GENERATED ALWAYS AS (`value` ->> '$.state') STORED) | ALTER TABLE q MODIFY state_current VARCHAR(5) | 1:15 ALTER TABLE q changes the type of column state_current from VARCHAR(20) to VARCHAR(5) (shorter: 20 to 5 characters)
            MYSQL      | CREATE TABLE q (`value` JSON NOT NULL, s VARCHAR(20) GENERATED ALWAYS AS (`value` ->> '$.s') STORED) | ALTER TABLE q CHANGE s s VARCHAR(5) GENERATED ALWAYS AS (`value` ->> '$.s') STORED | 1:15 ALTER TABLE q changes the type of column s from VARCHAR(20) to VARCHAR(5) (shorter: 20 to 5 characters; RECOMPUTED)
            SQLSERVER  | CREATE TABLE orders (qty INT, price INT, total AS (qty * price) PERSISTED) | ALTER TABLE orders ALTER COLUMN total SMALLINT | 1:20 ALTER TABLE orders changes the type of column total to SMALLINT (SQLSERVER_REFUSES)
            SQLSERVER  | CREATE TABLE orders (qty INT, price INT, total AS (qty * price)) | ALTER TABLE orders ALTER COLUMN total BIGINT | 1:20 ALTER TABLE orders changes the type of column total to BIGINT (SQLSERVER_REFUSES)
            ORACLE     | CREATE TABLE emp (first_name VARCHAR2(100), c VARCHAR2(200) GENERATED ALWAYS AS (UPPER(first_name)) VIRTUAL) | ALTER TABLE emp MODIFY c VARCHAR2(10) | 1:17 ALTER TABLE emp changes the type of column c from VARCHAR2(200) to VARCHAR2(10) (ORACLE_REFUSES)
            ORACLE     | CREATE TABLE emp (first_name VARCHAR2(100), c VARCHAR2(200) AS (UPPER(first_name))) | ALTER TABLE emp MODIFY (c VARCHAR2(400)) | 1:25 ALTER TABLE emp changes the type of column c from VARCHAR2(200) to VARCHAR2(400) (ORACLE_REFUSES)
            ORACLE     | CREATE TABLE emp (first_name VARCHAR2(100), c VARCHAR2(200) AS (UPPER(first_name))) | ALTER TABLE emp MODIFY (c VARCHAR2(10) GENERATED ALWAYS AS (UPPER(first_name)) VIRTUAL) | 1:25 ALTER TABLE emp changes the type of column c from VARCHAR2(200) to VARCHAR2(10) (shorter: 200 to 10 characters; RECOMPUTED)
            H2         | CREATE TABLE jobs (a VARCHAR(100), g VARCHAR(100) GENERATED ALWAYS AS (UPPER(a))) | ALTER TABLE jobs ALTER COLUMN g SET DATA TYPE VARCHAR(10) | 1:18 ALTER TABLE jobs changes the type of column g from VARCHAR(100) to VARCHAR(10) (shorter: 100 to 10 characters; RECOMPUTED)
            H2         | CREATE TABLE jobs (a VARCHAR(100), h VARCHAR(100) AS (LOWER(a))) | ALTER TABLE jobs ALTER COLUMN h VARCHAR(10) AS (LOWER(a)) | 1:18 ALTER TABLE jobs changes the type of column h from VARCHAR(100) to VARCHAR(10) (shorter: 100 to 10 characters; RECOMPUTED)
            H2         | CREATE TABLE jobs (a VARCHAR(100), h VARCHAR(100) AS (LOWER(a))) | ALTER TABLE jobs ALTER COLUMN h VARCHAR(10) | 1:18 ALTER TABLE jobs changes the type of column h from VARCHAR(100) to VARCHAR(10) (shorter: 100 to 10 characters)
            """)
    void retypingAGeneratedColumnLosesNoStoredValue(Dialect dialect, String create, String alter, String expected)
            throws IOException {
        write("V1__create.sql", create.replace("; ", ";\n") + ";");
        write("V2__alter.sql", alter + (dialect == Dialect.SQLSERVER ? "\nGO" : ";"));

        List<String> found = findings(dialect);
        assertEquals(expected.equals("-") ? List.of() : List.of(expected.replace("RECOMPUTED", RECOMPUTED)
                .replace("SQLSERVER_REFUSES", SQLSERVER_REFUSES).replace("ORACLE_REFUSES", ORACLE_REFUSES)), found);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            MYSQL      | CREATE TABLE q (`value` JSON NOT NULL, note VARCHAR(100)) | ALTER TABLE q MODIFY note VARCHAR(100) GENERATED ALWAYS AS (`value` ->> '$.n') STORED | 1:15 ALTER TABLE q changes the type of column note to VARCHAR(100) (MADE_GENERATED)
            MYSQL      | CREATE TABLE q (`value` JSON NOT NULL, note VARCHAR(100)) | ALTER TABLE q MODIFY note VARCHAR(10) GENERATED ALWAYS AS (`value` ->> '$.n') STORED | 1:15 ALTER TABLE q changes the type of column note from VARCHAR(100) to VARCHAR(10) (MADE_GENERATED)
            MYSQL      | CREATE TABLE q (id INT, n INT) | ALTER TABLE q CHANGE n n BIGINT AS (id * 2) STORED | 1:15 ALTER TABLE q changes the type of column n from INT to BIGINT (MADE_GENERATED)
            H2         | CREATE TABLE jobs (a VARCHAR(100), h VARCHAR(100)) | ALTER TABLE jobs ALTER COLUMN h VARCHAR(100) AS (LOWER(a)) | 1:18 ALTER TABLE jobs changes the type of column h to VARCHAR(100) (MADE_GENERATED)
            ORACLE     | CREATE TABLE emp (first_name VARCHAR2(100), c VARCHAR2(200)) | ALTER TABLE emp MODIFY (c VARCHAR2(200) AS (UPPER(first_name))) | 1:25 ALTER TABLE emp changes the type of column c to VARCHAR2(200) (ORACLE_REFUSES_REAL_TO_VIRTUAL)
            MYSQL      | CREATE TABLE q (`value` JSON NOT NULL, note VARCHAR(100)) | ALTER TABLE q MODIFY note VARCHAR(100) NOT NULL | 1:40 NULLS_FILLED
            """)
    void makingAPlainColumnGeneratedReplacesItsValues(Dialect dialect, String create, String alter, String expected)
            throws IOException {
        write("V1__create.sql", create + ";");
        write("V2__alter.sql", alter + ";");

        assertEquals(expected.equals("-") ? List.of() : List.of(expected.replace("MADE_GENERATED", MADE_GENERATED)
                .replace("ORACLE_REFUSES_REAL_TO_VIRTUAL", ORACLE_REFUSES_VIRTUAL).replace("NULLS_FILLED", NULLS_FILLED)),
                findings(dialect));
    }

    /** Not a type change, but the NULLs of the nullable column become '' (not-null-fills-nulls). */
    private static final String NULLS_FILLED = "NOT NULL on nullable column note of q: every NULL it holds becomes the"
            + " type's implicit default ('' or 0, not the DEFAULT clause) outside strict mode, and fails the statement"
            + " in strict mode";

    private static final String RECOMPUTED = "a generated column: the database computes every value again from its"
            + " expression, so no stored value is lost, but the migration fails on a row whose computed value does"
            + " not fit";

    private static final String SQLSERVER_REFUSES = "a computed column, which SQL Server refuses to alter: the"
            + " migration stops here, losing no value; drop the column and add it again with the new type";

    private static final String ORACLE_REFUSES = "a virtual column, whose type Oracle refuses to change unless the"
            + " MODIFY restates its expression (ORA-54027): the migration stops here, losing no value";

    private static final String MADE_GENERATED = "a plain column made generated: every value it holds is replaced"
            + " by the one its expression computes";

    private static final String ORACLE_REFUSES_VIRTUAL = "a real column, which Oracle refuses to make virtual: the"
            + " migration stops here, losing no value";

    private List<String> findings(Dialect dialect) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        return result.findings().stream()
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.message()).toList();
    }

    private void write(String name, String sql) throws IOException {
        Path file = project.resolve("db/" + name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql + "\n", StandardCharsets.UTF_8);
    }
}
