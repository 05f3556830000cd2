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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Liquibase precondition that reads a column's length from {@code information_schema.columns} and lets the
 * changeset run only when it is a given number tells the type the column has when the changes run: a type change
 * of a table no scanned migration creates is then judged from that length, not reported as one from an unknown
 * type.
 */
class LinterPreconditionColumnLengthTest {

    private static final String LENGTH_OF_LOGIN_NAME = "SELECT character_maximum_length FROM information_schema.columns"
            + " WHERE table_schema = 'app' AND table_name = 'login_user' AND column_name = 'login_name'";

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a widening under MARK_RAN           | MARK_RAN | 20 | ${query}                 | VARCHAR(30) | 0 |
            a widening under the default HALT   | HALT     | 20 | ${query}                 | VARCHAR(30) | 0 |
            a widening under CONTINUE           | CONTINUE | 20 | ${query};                | VARCHAR(30) | 0 |
            the conditions in another order     | MARK_RAN | 20 | SELECT CHARACTER_MAXIMUM_LENGTH FROM INFORMATION_SCHEMA.COLUMNS WHERE COLUMN_NAME = 'login_name' AND TABLE_NAME = 'login_user' AND TABLE_SCHEMA = 'app' | VARCHAR(30) | 0 |
            a narrowing from the stated length  | MARK_RAN | 20 | ${query}                 | VARCHAR(10) | 1 | from VARCHAR(20) to VARCHAR(10)
            onFail WARN runs the change anyway  | WARN     | 20 | ${query}                 | VARCHAR(30) | 1 | its type before is not known
            a length of another column          | MARK_RAN | 20 | SELECT character_maximum_length FROM information_schema.columns WHERE table_schema = 'app' AND table_name = 'login_user' AND column_name = 'first_name' | VARCHAR(30) | 1 | its type before is not known
            a length of another table           | MARK_RAN | 20 | SELECT character_maximum_length FROM information_schema.columns WHERE table_schema = 'app' AND table_name = 'system_user' AND column_name = 'login_name' | VARCHAR(30) | 1 | its type before is not known
            a condition that may match any row  | MARK_RAN | 20 | ${query} OR 1 = 1        | VARCHAR(30) | 1 | its type before is not known
            a result that is no length          | MARK_RAN | varchar | ${query}             | VARCHAR(30) | 1 | its type before is not known
            a count rather than the length      | MARK_RAN | 20 | SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = 'app' AND table_name = 'login_user' AND column_name = 'login_name' | VARCHAR(30) | 1 | its type before is not known
            """)
    void lengthThePreconditionRequiresIsTheTypeBefore(String name, String onFail, String expected, String query,
            String newType, int findingCount, String messagePart) throws IOException {
        write("""
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a">
                    <preConditions onFail="%s">
                      <sqlCheck expectedResult="%s">%s</sqlCheck>
                    </preConditions>
                    <modifyDataType schemaName="app" tableName="login_user" columnName="login_name" newDataType="%s"/>
                  </changeSet>
                </databaseChangeLog>
                """.formatted(onFail, expected, query.replace("${query}", LENGTH_OF_LOGIN_NAME), newType));

        List<Finding> findings = run(Dialect.POSTGRESQL);

        assertEquals(findingCount, findings.size(), findings.toString());
        if (findingCount > 0) {
            assertTrue(findings.get(0).message().contains(messagePart), findings.get(0).message());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            under and                    | <and><tableExists schemaName="app" tableName="login_user"/>%s</and> | 0
            beside another check         | <tableExists schemaName="app" tableName="login_user"/>%s          | 0
            under not                    | <not>%s</not>                                                    | 1
            under or                     | <or><tableExists schemaName="app" tableName="other"/>%s</or>      | 1
            """)
    void onlyAConditionEveryRunRequiresStatesTheLength(String name, String preconditions, int findingCount)
            throws IOException {
        String check = "<sqlCheck expectedResult=\"20\">" + LENGTH_OF_LOGIN_NAME + "</sqlCheck>";
        write("""
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a">
                    <preConditions onFail="MARK_RAN">%s</preConditions>
                    <modifyDataType schemaName="app" tableName="login_user" columnName="login_name" newDataType="VARCHAR(30)"/>
                  </changeSet>
                </databaseChangeLog>
                """.formatted(preconditions.formatted(check)));

        assertEquals(findingCount, run(Dialect.POSTGRESQL).size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a table without schema                 | POSTGRESQL | table_name = 'person' AND column_name = 'state'                                 | ALTER TABLE person ALTER COLUMN state TYPE varchar(225)
            the current database of MySQL          | MYSQL      | table_schema = DATABASE() AND table_name = 'person' AND column_name = 'state'   | ALTER TABLE person MODIFY state VARCHAR(225)
            the current schema of PostgreSQL       | POSTGRESQL | table_schema = current_schema() AND table_name = 'person' AND column_name = 'state' | ALTER TABLE person ALTER COLUMN state TYPE varchar(225)
            """)
    void formattedSqlPreconditionStatesTheLengthToo(String name, Dialect dialect, String conditions, String change)
            throws IOException {
        Path file = project.resolve("db/changelog.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                --liquibase formatted sql
                --changeset a:1
                --preconditions onFail:MARK_RAN
                --precondition-sql-check expectedResult:2 SELECT character_maximum_length FROM information_schema.columns WHERE %s
                %s;
                """.formatted(conditions, change), StandardCharsets.UTF_8);

        assertEquals(List.of(), run(dialect));
    }

    @org.junit.jupiter.api.Test
    void yamlPreconditionStatesTheLength() throws IOException {
        Path file = project.resolve("db/changelog.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      preConditions:
                        - onFail: MARK_RAN
                        - sqlCheck:
                            expectedResult: 20
                            sql: %s
                      changes:
                        - modifyDataType:
                            schemaName: app
                            tableName: login_user
                            columnName: login_name
                            newDataType: VARCHAR(30)
                """.formatted(LENGTH_OF_LOGIN_NAME), StandardCharsets.UTF_8);

        assertEquals(List.of(), run(Dialect.POSTGRESQL));
    }

    @org.junit.jupiter.api.Test
    void sqlFileOfTheChangesetSeesTheLength() throws IOException {
        Files.createDirectories(project.resolve("db"));
        Files.writeString(project.resolve("db/widen.sql"),
                "ALTER TABLE app.login_user ALTER COLUMN login_name TYPE varchar(30);\n", StandardCharsets.UTF_8);
        write("""
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a">
                    <preConditions onFail="MARK_RAN"><sqlCheck expectedResult="20">%s</sqlCheck></preConditions>
                    <sqlFile path="widen.sql" relativeToChangelogFile="true"/>
                  </changeSet>
                </databaseChangeLog>
                """.formatted(LENGTH_OF_LOGIN_NAME));

        assertEquals(List.of(), run(Dialect.POSTGRESQL));
    }

    private void write(String changelog) throws IOException {
        Path file = project.resolve("db/changelog.xml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, changelog, StandardCharsets.UTF_8);
    }

    private List<Finding> run(Dialect dialect) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        return result.findings().stream().filter(f -> f.ruleId().equals("alter-column-type")).toList();
    }
}
