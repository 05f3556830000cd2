package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A formatted-SQL {@code --precondition-sql-check} is read as Liquibase reads it: every spelling of the expected
 * result Liquibase accepts guards the changeset, and a precondition line Liquibase refuses is reported where it
 * stands instead of passing as a guard or as nothing. The expected result is compared, as Liquibase compares it
 * (XML's {@code <sqlCheck>} alike), with the text the database's driver prints for the query's value.
 */
class LinterFormattedSqlPreconditionLineTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "expectedResult:0 SELECT COUNT(*) FROM t",
        "expectedResult:'0' SELECT COUNT(*) FROM t",
        "expectedResult:\"0\" SELECT COUNT(*) FROM t",
        "0 SELECT COUNT(*) FROM t",
        "'0' select count(1) from t;",
        "EXPECTEDRESULT:0   SELECT COUNT(*) FROM t"
    })
    void everySpellingLiquibaseReadsGuardsTheDelete(String check) throws IOException {
        write("""
                --liquibase formatted sql
                --changeset a:1
                CREATE TABLE t (id INT PRIMARY KEY);
                --changeset a:2
                --preconditions onFail:MARK_RAN
                --precondition-sql-check %s
                DELETE FROM t;
                """.formatted(check));

        List<Finding> findings = run();

        assertEquals(List.of("7:1 delete-without-where INFO"), located(findings));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "expectedResult:f SELECT EXISTS (SELECT 1 FROM t)",
        "expectedResult:t SELECT NOT EXISTS(SELECT * FROM t) AS empty",
        "f select exists (select id from t o);"
    })
    void aBooleanCheckGuardsWhenItExpectsWhatPostgresqlPrintsForAnEmptyTable(String check) throws IOException {
        write("""
                --liquibase formatted sql
                --changeset a:1
                CREATE TABLE t (id INT PRIMARY KEY);
                --changeset a:2
                --preconditions onFail:MARK_RAN
                --precondition-sql-check %s
                DELETE FROM t;
                """.formatted(check));

        assertEquals(List.of("7:1 delete-without-where INFO"), located(run()));
    }

    /** Liquibase compares the driver's text as written: PostgreSQL prints t or f, a count 0, never 00 or " 0". */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "expectedResult:false SELECT EXISTS (SELECT 1 FROM t)",
        "expectedResult:0 SELECT EXISTS (SELECT 1 FROM t)",
        "expectedResult:t SELECT EXISTS (SELECT 1 FROM t)",
        "expectedResult:'0 ' SELECT COUNT(*) FROM t",
        "expectedResult:00 SELECT COUNT(*) FROM t",
        "expectedResult:f SELECT EXISTS (SELECT 1 FROM t WHERE id > 5)"
    })
    void aCheckThatNeverPrintsTheExpectedTextForAnEmptyTableGuardsNothing(String check) throws IOException {
        write("""
                --liquibase formatted sql
                --changeset a:1
                CREATE TABLE t (id INT PRIMARY KEY);
                --changeset a:2
                --preconditions onFail:MARK_RAN
                --precondition-sql-check %s
                DELETE FROM t;
                """.formatted(check));

        assertEquals(List.of("7:1 delete-without-where ERROR"), located(run()));
    }

    @Test
    void aMysqlChangesetsExistsCheckExpectsTheNumberMysqlReturns() throws IOException {
        write("""
                --liquibase formatted sql
                --changeset a:1
                CREATE TABLE t (id INT PRIMARY KEY);
                --changeset a:2 dbms:mysql
                --preconditions onFail:MARK_RAN
                --precondition-sql-check expectedResult:0 SELECT EXISTS (SELECT 1 FROM t)
                DELETE FROM t;
                --changeset a:3 dbms:mysql
                --preconditions onFail:MARK_RAN
                --precondition-sql-check expectedResult:f SELECT EXISTS (SELECT 1 FROM t)
                DELETE FROM t;
                """);

        assertEquals(List.of("7:1 delete-without-where INFO", "11:1 delete-without-where ERROR"), located(run()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"expectedResult: 0 SELECT COUNT(*) FROM t", "expectedResult:0",
        "expectedResult:\"0 SELECT COUNT(*) FROM t"})
    void aCheckLiquibaseCannotReadIsReportedAndGuardsNothing(String check) throws IOException {
        write("""
                --liquibase formatted sql
                --changeset a:1
                CREATE TABLE t (id INT PRIMARY KEY);
                --changeset a:2
                --preconditions onFail:MARK_RAN
                  --precondition-sql-check %s
                DELETE FROM t;
                """.formatted(check));

        List<Finding> findings = run();

        assertEquals(List.of("6:3 malformed-changelog ERROR", "7:1 delete-without-where ERROR"), located(findings));
        assertEquals(true, findings.get(0).message().contains("its expected result cannot be read"),
                findings.get(0).message());
    }

    @Test
    void aPreconditionFormattedSqlDoesNotHaveIsReported() throws IOException {
        write("""
                --liquibase formatted sql
                --changeset a:1
                CREATE TABLE t (id INT PRIMARY KEY, old INT);
                --changeset a:2
                --preconditions onFail:MARK_RAN
                --precondition-column-exists tableName:t columnName:old
                --precondition-table-exists table:t
                ALTER TABLE t DROP COLUMN old;
                """);

        List<Finding> findings = run();

        assertEquals(List.of("6:1 malformed-changelog ERROR", "8:15 drop-column ERROR"), located(findings));
        assertEquals(true, findings.get(0).message().contains("no 'column-exists' precondition"),
                findings.get(0).message());
    }

    @Test
    void aCheckWhoseResultIsAPropertyIsNotReported() throws IOException {
        write("""
                --liquibase formatted sql
                --property name:none value:0
                --precondition-sql-check looks like one but comes before any changeset
                --changeset a:1
                CREATE TABLE t (id INT PRIMARY KEY);
                --changeset a:2
                --preconditions onFail:MARK_RAN
                --precondition-sql-check expectedResult:${none} SELECT COUNT(*) FROM t
                DELETE FROM t;
                """);

        assertEquals(List.of("9:1 delete-without-where INFO"), located(run()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"0|SELECT COUNT(*) FROM t|INFO", "' 0'|SELECT COUNT(*) FROM t|ERROR",
        "f|SELECT EXISTS (SELECT 1 FROM t)|INFO", "false|SELECT EXISTS (SELECT 1 FROM t)|ERROR"})
    void anXmlSqlCheckIsComparedAsLiquibaseComparesIt(String expected, String query, String severity)
            throws IOException {
        Path file = project.resolve("db/changelog.xml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                <databaseChangeLog>
                  <changeSet id="1" author="a">
                    <createTable tableName="t"><column name="id" type="int"/></createTable>
                  </changeSet>
                  <changeSet id="2" author="a">
                    <preConditions onFail="MARK_RAN"><sqlCheck expectedResult="%s">%s</sqlCheck></preConditions>
                    <delete tableName="t"/>
                  </changeSet>
                </databaseChangeLog>
                """.formatted(expected, query), StandardCharsets.UTF_8);

        assertEquals(List.of("7:5 delete-without-where " + severity), located(run()));
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
