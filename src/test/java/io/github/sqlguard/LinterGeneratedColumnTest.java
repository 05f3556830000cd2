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

        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));

        List<String> found = result.findings().stream()
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.message()).toList();
        assertEquals(expected.equals("-") ? List.of() : List.of(expected), found);
    }

    private void write(String name, String sql) throws IOException {
        Path file = project.resolve("db/" + name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql + "\n", StandardCharsets.UTF_8);
    }
}
