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
     * A finding about a column the script added with {@code ADD COLUMN IF NOT EXISTS} to a table the migrations do
     * not show whole says why the column is not taken as new, and what makes the statement safe; a finding about
     * another column of the same statement says nothing of it. Each line: the second migration and the message of
     * each of its findings, as {@code line:column rule SEVERITY message}.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ALTER TABLE shares ADD COLUMN IF NOT EXISTS allow_join bool; UPDATE shares SET allow_join = FALSE; | 2:1 update-without-where ERROR UPDATE without WHERE changes every row of shares (column allow_join was added at line 1 by ADD COLUMN IF NOT EXISTS, which keeps an older allow_join and its values: WHERE allow_join IS NULL changes only the rows without a value)
            ALTER TABLE shares ADD COLUMN IF NOT EXISTS a INT; ALTER TABLE shares ADD COLUMN IF NOT EXISTS b INT; DO $$ BEGIN UPDATE shares s SET a = 1, b = 2; END $$; | 3:13 update-without-where ERROR UPDATE without WHERE changes every row of shares (columns a, b were added at line 1, line 2 by ADD COLUMN IF NOT EXISTS, which keeps older columns of those names and their values: WHERE a IS NULL AND b IS NULL changes only the rows without a value) (inside DO block)
            ALTER TABLE shares ADD COLUMN IF NOT EXISTS tmp INT; ALTER TABLE shares DROP COLUMN tmp, DROP COLUMN owner; | 2:20 drop-column ERROR ALTER TABLE shares drops column tmp (column tmp was added at line 1 by ADD COLUMN IF NOT EXISTS, which keeps an older tmp and its values; a plain ADD COLUMN would make it surely new), 2:37 drop-column ERROR ALTER TABLE shares drops column owner
            ALTER TABLE shares ADD COLUMN IF NOT EXISTS label TEXT NOT NULL DEFAULT ''; UPDATE shares SET label = 'x'; | 2:1 update-without-where ERROR UPDATE without WHERE changes every row of shares (column label was added at line 1 by ADD COLUMN IF NOT EXISTS, which keeps an older label and its values)
            ALTER TABLE shares ADD COLUMN IF NOT EXISTS tmp INT; UPDATE shares SET tmp = 1, owner = 2; | 2:1 update-without-where ERROR UPDATE without WHERE changes every row of shares
            ALTER TABLE shares ADD COLUMN IF NOT EXISTS tmp INT; ALTER TABLE shares DROP COLUMN tmp; ALTER TABLE shares ADD COLUMN tmp INT; UPDATE shares SET tmp = 1; | 2:20 drop-column ERROR ALTER TABLE shares drops column tmp (column tmp was added at line 1 by ADD COLUMN IF NOT EXISTS, which keeps an older tmp and its values; a plain ADD COLUMN would make it surely new), 4:1 update-without-where INFO UPDATE without WHERE changes every row of shares (guarded: column tmp was added earlier in this script and nothing has written it since)
            """)
    void aFindingAboutAColumnAddedIfMissingSaysWhyItMayHoldValues(String second, String expected)
            throws IOException {
        write("db/V1__create.sql", "ALTER TABLE shares ADD COLUMN owner BIGINT;");
        write("db/V2__change.sql", second);

        List<String> findings = ProjectLint.findings(project, Dialect.POSTGRESQL).stream()
                .filter(f -> f.location().path().endsWith("V2__change.sql"))
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.ruleId() + " "
                        + f.severity() + " " + f.message()).toList();

        assertEquals(List.of(expected.split(", (?=\\d+:\\d+ )")), findings);
    }

    /**
     * {@code ADD COLUMN IF NOT EXISTS c T} leaves an older {@code c} as it was, so a later change of its type is
     * judged against the older type, or as not known where the migrations before never show the table whole.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | ALTER TABLE alerts ADD COLUMN sign VARCHAR(40); | 2:20 alter-column-type WARNING to VARCHAR(512) (its type before is not known: column title is added at line 1 by ADD COLUMN IF NOT EXISTS, which keeps a column of that name the table already had, and table alerts is not created by the migrations that run before this one)
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
