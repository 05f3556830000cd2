package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** YAML and JSON changesets' preconditions guard a drop exactly as the XML ones do. */
class LiquibaseYamlJsonGuardTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "YAML onFail {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            MARK_RAN | tableIsEmpty: {tableName: audit_2019}                                   | INFO
            HALT     | tableIsEmpty: {tableName: audit_2019}                                   | INFO
            CONTINUE | sqlCheck: {expectedResult: 0, sql: SELECT COUNT(*) FROM audit_2019}       | INFO
            MARK_RAN | 'sqlCheck: {expectedResult: "0", sql: "select count(*) from audit_2019"}' | INFO
            WARN     | tableIsEmpty: {tableName: audit_2019}                                   | ERROR
            HALT     | sqlCheck: {expectedResult: 0, sql: SELECT COUNT(*) FROM other}            | ERROR
            HALT     | sqlCheck: {expectedResult: 1, sql: SELECT COUNT(*) FROM audit_2019}       | ERROR
            HALT     | tableExists: {tableName: audit_2019}                                    | ERROR
            MARK_RAN | rowCount: {tableName: audit_2019, expectedRows: 0}                      | INFO
            MARK_RAN | 'and: [{tableExists: {tableName: audit_2019}}, {tableIsEmpty: {tableName: audit_2019}}]' | INFO
            MARK_RAN | 'or: [{tableIsEmpty: {tableName: audit_2019}}, {dbms: {type: h2}}]'      | ERROR
            """)
    void yamlPreconditions(String onFail, String check, Severity expected) throws IOException {
        write("db/changelog.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      preConditions:
                        - onFail: %s
                        - %s
                      changes:
                        - dropTable:
                            tableName: audit_2019
                """.formatted(onFail, check));

        assertGuard(expected);
    }

    @ParameterizedTest(name = "YAML block style, onFail {0}")
    @CsvSource({"MARK_RAN, INFO", "WARN, ERROR"})
    void yamlBlockStylePreconditions(String onFail, Severity expected) throws IOException {
        write("db/changelog.yml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      preConditions:
                        - onFail: %s
                        - sqlCheck:
                            expectedResult: 0
                            sql: SELECT COUNT(*) FROM audit_2019
                      changes:
                        - dropTable:
                            tableName: audit_2019
                """.formatted(onFail));

        assertGuard(expected);
    }

    @ParameterizedTest(name = "preConditions as an item of the changes list, onFail {0}")
    @CsvSource({"MARK_RAN, INFO", "WARN, ERROR"})
    void preconditionsWrittenInTheChangesListGuardTheChangeset(String onFail, Severity expected) throws IOException {
        // Liquibase's loader reads a preConditions item of the changes list as the changeset's preconditions.
        write("db/changelog.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - preConditions:
                            - onFail: %s
                            - tableIsEmpty:
                                tableName: audit_2019
                        - dropTable:
                            tableName: audit_2019
                """.formatted(onFail));

        assertGuard(expected);
        assertEquals(List.of(), run("unchecked-change"));
    }

    @ParameterizedTest(name = "JSON onFail {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            MARK_RAN | {"tableIsEmpty": {"tableName": "audit_2019"}}                                     | INFO
            HALT     | {"sqlCheck": {"expectedResult": "0", "sql": "SELECT COUNT(*) FROM audit_2019"}}      | INFO
            CONTINUE | {"sqlCheck": {"expectedResult": 0, "sql": "SELECT COUNT(*) FROM audit_2019"}}        | INFO
            WARN     | {"tableIsEmpty": {"tableName": "audit_2019"}}                                     | ERROR
            HALT     | {"sqlCheck": {"expectedResult": "0", "sql": "SELECT COUNT(*) FROM other"}}           | ERROR
            MARK_RAN | {"and": [{"tableIsEmpty": {"tableName": "audit_2019"}}]}                          | INFO
            """)
    void jsonPreconditions(String onFail, String check, Severity expected) throws IOException {
        write("db/changelog.json", """
                {"databaseChangeLog": [
                  {"changeSet": {"id": "1", "author": "a",
                    "preConditions": [{"onFail": "%s"}, %s],
                    "changes": [{"dropTable": {"tableName": "audit_2019"}}]}}
                ]}
                """.formatted(onFail, check));

        assertGuard(expected);
    }

    private void assertGuard(Severity expected) {
        List<Finding> findings = run("drop-table");
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(expected, findings.get(0).severity(), findings.get(0).message());
        if (expected == Severity.INFO) {
            assertTrue(findings.get(0).message().contains("(guarded: runs only when audit_2019 is empty"),
                    findings.get(0).message());
        }
    }

    private void write(String path, String text) throws IOException {
        TestProject.write(project, path, text);
    }

    private List<Finding> run(String rule) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), Dialect.AUTO, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        return result.findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
    }
}
