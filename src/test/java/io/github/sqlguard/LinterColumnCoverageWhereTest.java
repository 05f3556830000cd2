package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tests of one column joined by OR that leave out none of its values ({@code x > 0 OR x <= 0 OR x IS NULL}, {@code
 * flag = TRUE OR flag = FALSE OR flag IS NULL} on a boolean column) hold for every row: always-true-where, located at
 * the statement's verb. Without the NULL test they do so only on a column declared NOT NULL; a value between the
 * tests (0 in {@code x > 0 OR x < 0}), a number a MySQL BOOLEAN may hold beside 0 and 1, or strings a collation may
 * equate keep them silent.
 */
class LinterColumnCoverageWhereTest {

    private static final String SCHEMA = "CREATE TABLE staff (\n"
            + "    id INT PRIMARY KEY,\n"
            + "    retired BOOLEAN,\n"
            + "    active BOOLEAN NOT NULL,\n"
            + "    score INT,\n"
            + "    grade INT NOT NULL,\n"
            + "    note VARCHAR(20)\n"
            + ");\n";

    private static final String ALL_BOOLEANS = "2:1 the tests of retired joined by OR cover TRUE, FALSE and NULL";


    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            AUTO       | UPDATE staff SET note = 'x' WHERE retired = false OR retired = true OR retired IS NULL  | the tests of retired joined by OR cover TRUE, FALSE and NULL
            POSTGRESQL | DELETE FROM staff WHERE retired = false OR retired = true OR retired IS NULL            | the tests of retired joined by OR cover TRUE, FALSE and NULL
            H2         | DELETE FROM staff WHERE retired IN (true, false) OR retired IS NULL                     | the tests of retired joined by OR cover TRUE, FALSE and NULL
            AUTO       | DELETE FROM staff WHERE retired OR NOT retired OR retired IS NULL                       | the tests of retired joined by OR cover TRUE, FALSE and NULL
            AUTO       | DELETE FROM staff WHERE retired IS TRUE OR retired IS NOT TRUE                          | the tests of retired joined by OR cover TRUE, FALSE and NULL
            AUTO       | DELETE FROM staff WHERE active = true OR active = false                                 | active is declared NOT NULL and the tests of it joined by OR cover TRUE and FALSE
            AUTO       | DELETE FROM staff WHERE NOT (score = 1) OR score = 1 OR score IS NULL                   | the tests of score joined by OR cover every value and NULL
            AUTO       | DELETE FROM staff s WHERE s.score > 0 OR s.score <= 0 OR s.score IS NULL                | the tests of score joined by OR cover every value and NULL
            AUTO       | DELETE FROM staff WHERE score < -5 OR score BETWEEN -5 AND 5 OR score >= -5             | -
            AUTO       | DELETE FROM staff WHERE score IN (1, 2) OR score NOT IN (1, 2) OR score IS NULL         | the tests of score joined by OR cover every value and NULL
            AUTO       | DELETE FROM staff WHERE id = 7 OR (score >= 10 OR score < 10 OR score IS NULL)          | the tests of score joined by OR cover every value and NULL
            AUTO       | DELETE FROM staff WHERE grade > 0 OR grade <= 0                                         | grade is declared NOT NULL and the tests of it joined by OR cover every value
            AUTO       | DELETE FROM staff WHERE note = 'a' OR note <> 'a' OR note IS NULL                       | the tests of note joined by OR cover every value and NULL
            AUTO       | DELETE FROM staff WHERE score > 0 OR score < 0 OR score IS NULL                         | -
            AUTO       | DELETE FROM staff WHERE retired = true OR retired = false                               | -
            AUTO       | DELETE FROM staff WHERE score > 0 OR score <= 0                                         | -
            AUTO       | DELETE FROM staff WHERE NOT (score = 1) OR score IS NULL                                | -
            AUTO       | DELETE FROM staff WHERE score > 0 OR grade <= 0 OR score IS NULL                        | -
            AUTO       | DELETE FROM staff WHERE (score > 0 OR score <= 0 OR score IS NULL) AND id = 3           | -
            AUTO       | DELETE FROM staff WHERE note <> 'a' OR note <> 'A' OR note IS NULL                      | -
            AUTO       | DELETE FROM staff WHERE note > 'a' OR note <= 'a' OR note IS NULL                       | -
            ORACLE     | DELETE FROM staff WHERE note = '' OR note <> '' OR note IS NULL                         | -
            AUTO       | DELETE FROM staff WHERE note = '' OR note <> '' OR note IS NULL                         | -
            POSTGRESQL | DELETE FROM staff WHERE note = '' OR note <> '' OR note IS NULL                         | the tests of note joined by OR cover every value and NULL
            MYSQL      | UPDATE staff SET score = 0 WHERE note <> '' OR note = '' OR note IS NULL                | the tests of note joined by OR cover every value and NULL
            H2         | DELETE FROM staff WHERE note IN ('', 'a') OR note NOT IN ('', 'a') OR note IS NULL      | the tests of note joined by OR cover every value and NULL
            MYSQL      | DELETE FROM staff WHERE note = '' OR note = ' ' OR note <> '' OR note IS NULL          | -
            POSTGRESQL | DELETE FROM staff WHERE note = '' OR note IS NULL                                       | -
            MYSQL      | DELETE FROM staff WHERE retired = false OR retired = true OR retired IS NULL            | -
            AUTO       | DELETE FROM staff WHERE score = true OR score = false OR score IS NULL                  | -
            AUTO       | DELETE FROM staff WHERE grade >= 1 OR grade <= 0                                        | -
            MYSQL      | DELETE FROM staff WHERE score OR NOT score OR score IS NULL                             | the tests of score joined by OR cover every value and NULL
            MYSQL      | DELETE FROM staff WHERE NOT score OR score IS NULL                                      | -
            MYSQL      | DELETE FROM staff WHERE note = 'x' OR note OR note IS NULL                              | -
            AUTO       | DELETE FROM staff WHERE score = 0 OR score > 0 OR score < -0 OR score IS NULL           | the tests of score joined by OR cover every value and NULL
            """)
    void testsCoveringEveryValueOfAColumnRestrictNothing(Dialect dialect, String sql, String expected)
            throws IOException {
        write("db/V1__schema.sql", SCHEMA);
        assertEquals(expected == null ? List.of() : List.of("2:1 " + expected), alwaysTrue(dialect, sql));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            POSTGRESQL | the tests of done joined by OR cover TRUE, FALSE and NULL
            AUTO       | -
            MYSQL      | -
            """)
    void booleanLiteralsMakeAnUndeclaredColumnBooleanInPostgresqlOnly(Dialect dialect, String expected)
            throws IOException {
        String sql = "UPDATE tasks SET owner = NULL WHERE done = true OR done = false OR done IS NULL";
        assertEquals(expected == null ? List.of() : List.of("2:1 " + expected), alwaysTrue(dialect, sql));
    }

    @Test
    void aLiquibaseUpdateWhereCoveringEveryValueIsReportedAtTheElement() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a">
                    <createTable tableName="staff">
                      <column name="id" type="int"/>
                      <column name="retired" type="boolean"/>
                    </createTable>
                  </changeSet>
                  <changeSet id="2" author="a">
                    <update tableName="staff">
                      <column name="retired" valueBoolean="false"/>
                      <where>retired = false OR retired = true OR retired IS NULL</where>
                    </update>
                    <delete tableName="staff">
                      <where>retired IN (true, false) OR retired IS NULL</where>
                    </delete>
                  </changeSet>
                </databaseChangeLog>
                """);
        List<String> findings = ProjectLint.findings(project, Dialect.AUTO).stream()
                .filter(f -> f.ruleId().equals("always-true-where"))
                .map(LinterColumnCoverageWhereTest::lineColumnAndReason).toList();
        assertEquals(List.of("9:5 " + ALL_BOOLEANS.substring(4), "13:5 " + ALL_BOOLEANS.substring(4)), findings);
    }

    private List<String> alwaysTrue(Dialect dialect, String sql) throws IOException {
        write("db/V2__change.sql", "-- clean up\n" + sql + ";\n");
        return ProjectLint.findings(project, dialect).stream()
                .filter(f -> f.ruleId().equals("always-true-where"))
                .map(LinterColumnCoverageWhereTest::lineColumnAndReason).toList();
    }

    private void write(String path, String text) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String lineColumnAndReason(Finding finding) {
        String message = finding.message();
        int open = message.indexOf('(');
        int close = message.indexOf(')', open + 1);
        return finding.location().line() + ":" + finding.location().column() + " "
                + (open < 0 ? message : message.substring(open + 1, close));
    }
}
