package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What Liquibase passes over in a formatted-SQL changelog without a word is reported where it stands: a directive
 * it does not know (the guard or rollback the author meant does not exist), SQL above the first changeset, and a
 * file in which it finds no changeset at all.
 */
class LinterFormattedSqlPassedOverLinesTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--preconditions-sql-check expectedResult:0 SELECT COUNT(*) FROM t|--precondition-sql-check|a --preconditions",
        "--precondition sql-check expectedResult:0 SELECT COUNT(*) FROM t|--precondition-sql-check|as a comment",
        "--precondtions onFail:MARK_RAN|--preconditions|as a comment",
        "--rolback DROP TABLE t;|--rollback|as a comment",
        "-- ignoreLine:2|--ignoreLines|as a comment",
        "--includ file:other.sql|--include|as a comment"
    })
    void aMisspeltDirectiveIsAWarningNamingTheSpellingMeant(String line, String meant, String readAs)
            throws IOException {
        write("""
                --liquibase formatted sql
                --changeset a:1
                CREATE TABLE t (id INT PRIMARY KEY);
                --changeset a:2
                %s
                DELETE FROM t;
                """.formatted(line));

        List<Finding> findings = run();

        assertEquals(List.of("5:1 malformed-changelog WARNING", "6:1 delete-without-where ERROR"), located(findings));
        String message = findings.get(0).message();
        assertTrue(message.contains("(did you mean " + meant + "?)") && message.contains(readAs), message);
        assertEquals("Write it as " + meant + ", the spelling Liquibase reads.", findings.get(0).hint());
    }

    @Test
    void aMisspeltPreconditionTypeNamesTheOneMeant() throws IOException {
        write("""
                --liquibase formatted sql
                --changeset a:1
                --precondition-sqlcheck expectedResult:0 SELECT COUNT(*) FROM t
                CREATE TABLE t (id INT PRIMARY KEY);
                """);

        List<Finding> findings = run();

        assertEquals(List.of("3:1 malformed-changelog ERROR"), located(findings));
        assertTrue(findings.get(0).message().contains("(did you mean sql-check?)"), findings.get(0).message());
        assertEquals("Write it as --precondition-sql-check, the spelling Liquibase reads.", findings.get(0).hint());
    }

    @Test
    void proseCommentsAndKnownDirectivesAreLeftAlone() throws IOException {
        write("""
                --liquibase formatted sql
                --changeset a:1
                --comment: the first table
                -- comments below explain the columns
                -- precondition: none needed, the table is new
                --validCheckSum: ANY
                CREATE TABLE t (id INT PRIMARY KEY);
                --rollback DROP TABLE t;
                """);

        assertEquals(List.of(), located(run()));
    }

    @Test
    void sqlAboveTheFirstChangesetIsOneWarningAtItsFirstStatement() throws IOException {
        write("""
                --liquibase formatted sql
                --property name:x value:1
                -- a remark
                  DELETE FROM t;
                DROP TABLE t;

                --changeset a:1
                CREATE TABLE t (id INT PRIMARY KEY);
                """);

        List<Finding> findings = run();

        assertEquals(List.of("4:3 malformed-changelog WARNING"), located(findings));
        assertTrue(findings.get(0).message().startsWith("SQL stands above the first --changeset line (line 7)"),
                findings.get(0).message());
    }

    @Test
    void sqlAboveTheFirstChangesetIsLocatedWithCrlfAndAByteOrderMark() throws IOException {
        write("\uFEFF--liquibase formatted sql\r\n\r\n  UPDATE t SET id = 1;\r\n--changeset a:1\r\n"
                + "CREATE TABLE t (id INT PRIMARY KEY);\r\n");

        assertEquals(List.of("3:3 malformed-changelog WARNING"), located(run()));
    }

    @Test
    void linesIgnoredAboveTheFirstChangesetAreNotReported() throws IOException {
        write("""
                --liquibase formatted sql
                --ignoreLines:start
                DELETE FROM t;
                --ignoreLines:end
                --ignoreLines:1
                DROP TABLE t;
                --changeset a:1
                CREATE TABLE t (id INT PRIMARY KEY);
                """);

        assertEquals(List.of(), located(run()));
    }

    @Test
    void aFileWhoseLineBreaksAreEscapedHasNoChangesetAndSaysWhy() throws IOException {
        write("--liquibase formatted sql\\n--changeset a:1\\nCREATE TABLE t (id INT);\\n--changeset a:2\\n"
                + "DROP TABLE t;\\n");

        List<Finding> findings = run();

        assertEquals(List.of("1:1 malformed-changelog WARNING"), located(findings));
        assertTrue(findings.get(0).message().startsWith("Liquibase finds no --changeset line in this file: its line"
                + " breaks are written as the two characters \\n"), findings.get(0).message());
    }

    @Test
    void aFileWithSqlAndNoChangesetIsReportedAtItsFirstStatement() throws IOException {
        write("""
                --liquibase formatted sql

                DELETE FROM t;
                """);

        List<Finding> findings = run();

        assertEquals(List.of("3:1 malformed-changelog WARNING"), located(findings));
        assertTrue(findings.get(0).message().startsWith("Liquibase finds no --changeset line in this formatted SQL"
                + " file"), findings.get(0).message());
    }

    @Test
    void aFileOfIncludesAloneIsNoProblem() throws IOException {
        write("""
                --liquibase formatted sql
                --include file:other.sql relativeToChangelogFile:true
                """);
        Files.writeString(project.resolve("db/other.sql"), """
                --liquibase formatted sql
                --changeset a:1
                CREATE TABLE t (id INT PRIMARY KEY);
                """, StandardCharsets.UTF_8);

        assertEquals(List.of(), located(run()));
    }

    private void write(String text) throws IOException {
        Path file = project.resolve("db/changelog.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static List<String> located(List<Finding> findings) {
        return findings.stream()
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.ruleId() + " " + f.severity())
                .toList();
    }

    private List<Finding> run() {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), Dialect.POSTGRESQL, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        return result.findings();
    }
}
