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
 * {@code ADD COLUMN IF NOT EXISTS c} may meet an older {@code c} full of values, so an UPDATE of every row that
 * fills it is reported, unless the earlier migrations created the table and it had no {@code c} just before: then
 * the column is surely new. Each line: the first migration, the second (one statement a line), and the second's
 * findings as {@code line:column rule SEVERITY guard}.
 */
class LinterConditionalAddColumnTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | CREATE TABLE shares (id BIGINT PRIMARY KEY, owner BIGINT); | ALTER TABLE shares ADD COLUMN IF NOT EXISTS allow_join bool DEFAULT TRUE; UPDATE shares SET allow_join = FALSE; | 2:1 update-without-where INFO column allow_join was added earlier in this script and nothing has written it since
            POSTGRESQL | CREATE TABLE shares (id BIGINT PRIMARY KEY, created BIGINT); | ALTER TABLE shares ADD COLUMN IF NOT EXISTS gone bool DEFAULT FALSE, ADD COLUMN IF NOT EXISTS seen BIGINT; UPDATE shares SET seen = created, gone = FALSE; | 2:1 update-without-where INFO columns seen, gone were added earlier in this script and nothing has written them since
            POSTGRESQL | CREATE TABLE shares (id BIGINT PRIMARY KEY, allow_join bool); | ALTER TABLE shares ADD COLUMN IF NOT EXISTS allow_join bool DEFAULT TRUE; UPDATE shares SET allow_join = FALSE; | 2:1 update-without-where ERROR
            POSTGRESQL | CREATE TABLE shares (id BIGINT PRIMARY KEY); ALTER TABLE shares ADD COLUMN allow_join bool; | ALTER TABLE shares ADD COLUMN IF NOT EXISTS allow_join bool DEFAULT TRUE; UPDATE shares SET allow_join = FALSE; | 2:1 update-without-where ERROR
            POSTGRESQL | ALTER TABLE shares ADD COLUMN owner BIGINT; | ALTER TABLE shares ADD COLUMN IF NOT EXISTS allow_join bool DEFAULT TRUE; UPDATE shares SET allow_join = FALSE; | 2:1 update-without-where ERROR
            MARIADB    | CREATE TABLE shares (id BIGINT PRIMARY KEY, owner BIGINT); | ALTER TABLE shares ADD COLUMN IF NOT EXISTS allow_join TINYINT DEFAULT 1; UPDATE shares SET allow_join = 0; | 2:1 update-without-where INFO column allow_join was added earlier in this script and nothing has written it since
            """)
    void fillingAColumnTheTableSurelyLackedOverwritesNothing(Dialect dialect, String first, String second,
            String expected) throws IOException {
        write("db/V1__create.sql", first);
        write("db/V2__change.sql", second);

        List<String> findings = ProjectLint.findings(project, dialect).stream()
                .filter(f -> f.location().path().endsWith("V2__change.sql"))
                .map(ProjectLint::placeAndGuard).toList();

        assertEquals(List.of(expected.split(", (?=\\d+:\\d+ )")), findings);
    }

    /**
     * {@code ADD COLUMN IF NOT EXISTS c T} leaves an older {@code c} as it was, so a later change of its type is
     * judged against the older type, or as not known where the migrations before never show the table whole.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | ALTER TABLE alerts ADD COLUMN sign VARCHAR(40); | 2:20 alter-column-type WARNING to VARCHAR(512) (its type before is not known: column title is added at db/V2__change.sql:1 by ADD COLUMN IF NOT EXISTS, which keeps a column of that name the table already had, and table alerts is not created by the migrations that run before this one)
            POSTGRESQL | CREATE TABLE alerts (id INT, title VARCHAR(1024)); | 2:20 alter-column-type WARNING from VARCHAR(1024) to VARCHAR(512)
            POSTGRESQL | CREATE TABLE alerts (id INT); |
            MARIADB    | CREATE TABLE alerts (id INT, title VARCHAR(1024)); | 2:20 alter-column-type WARNING from VARCHAR(1024) to VARCHAR(512)
            """)
    void retypingAColumnAddedIfMissingJudgesTheColumnThatWasThere(Dialect dialect, String first, String expected)
            throws IOException {
        write("db/V1__create.sql", first);
        write("db/V2__change.sql", "ALTER TABLE alerts ADD COLUMN IF NOT EXISTS title VARCHAR(512); "
                + (dialect == Dialect.POSTGRESQL ? "ALTER TABLE alerts ALTER COLUMN title TYPE VARCHAR(512);"
                        : "ALTER TABLE alerts MODIFY title VARCHAR(512);"));

        List<String> findings = ProjectLint.findings(project, dialect).stream()
                .filter(f -> f.location().path().endsWith("V2__change.sql"))
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.ruleId() + " "
                        + f.severity() + " " + f.message().replaceFirst("^.*? column title ", ""))
                .map(text -> text.replaceFirst(" \\(shorter.*$", ""))
                .toList();

        assertEquals(expected == null ? List.of() : List.of(expected), findings);
    }

    private void write(String name, String sql) throws IOException {
        Path file = project.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql.strip().replace("; ", ";\n") + "\n", StandardCharsets.UTF_8);
    }
}
