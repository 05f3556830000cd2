package io.github.sqlguard.liquibase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.sql.Statement;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A changeSet without an id and a change without a setting Liquibase requires are refused by Liquibase's
 * validation before any changeset runs: each is one malformed-changelog at its element, in XML, YAML and JSON
 * alike, and a change nobody named a table for is no statement on an unnamed table.
 */
class RequiredChangelogSettingsTest {

    private static Changelog read(String name, String text) {
        return ChangelogReader.read(Path.of("/nowhere/db/" + name), "db/" + name, text, LiquibaseOptions.defaults());
    }

    private static List<String> located(List<Finding> findings) {
        return findings.stream().map(f -> f.location().line() + ":" + f.location().column() + " " + f.ruleId()
                + " " + f.severity()).toList();
    }

    private static List<String> sql(Changelog changelog) {
        return changelog.scripts().stream().flatMap(script -> script.script().statements().stream())
                .map(Statement::sql).toList();
    }

    @Test
    void aChangeSetWithoutIdIsReportedAtItAndItsChangesAreStillChecked() {
        Changelog xml = read("c.xml", """
                <databaseChangeLog>
                  <changeSet author="alice">
                    <delete tableName="orders"/>
                  </changeSet>
                </databaseChangeLog>
                """);
        assertEquals(List.of("2:3 malformed-changelog ERROR"), located(xml.problems()));
        assertTrue(xml.problems().get(0).message().startsWith("changeSet has no id"), xml.problems().toString());
        assertTrue(xml.problems().get(0).message().endsWith("(changeset by alice without an id)"),
                xml.problems().toString());
        assertEquals(List.of("DELETE FROM orders"), sql(xml));

        Changelog yaml = read("c.yaml", """
                databaseChangeLog:
                  - changeSet:
                      author: alice
                      changes:
                        - delete:
                            tableName: orders
                """);
        assertEquals(List.of("2:5 malformed-changelog ERROR"), located(yaml.problems()));
        Changelog json = read("c.json", """
                {"databaseChangeLog": [
                  {"changeSet": {"id": "", "author": "alice", "changes": [{"delete": {"tableName": "orders"}}]}}
                ]}
                """);
        assertEquals(List.of("2:4 malformed-changelog ERROR"), located(json.problems()));
    }

    @Test
    void aLoneSolidbaseChangeSetNamesItselfByItsFile() {
        Changelog lone = read("c.xml", """
                <changeSet>
                  <delete tableName="orders"/>
                </changeSet>
                """);
        assertEquals(List.of(), lone.problems());
        assertEquals(List.of("DELETE FROM orders"), sql(lone));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "<dropTable cascadeConstraints=\"true\"/>|dropTable has no tableName",
        "<delete><where>id = 1</where></delete>|delete has no tableName",
        "<dropColumn tableName=\"t\"/>|dropColumn has no columnName",
        "<dropColumn columnName=\"c\"/>|dropColumn has no tableName",
        "<renameTable oldTableName=\"t\"/>|renameTable has no newTableName",
        "<modifyDataType tableName=\"t\" columnName=\"c\"/>|modifyDataType has no newDataType",
        "<renameColumn tableName=\" \" oldColumnName=\"a\" newColumnName=\"b\"/>|renameColumn has no tableName"
    })
    void aChangeWithoutARequiredSettingIsReportedInsteadOfJudged(String change, String message) {
        Changelog changelog = read("c.xml", ChangelogFiles.changelog("""
                  <changeSet id="1" author="a">
                    %s
                  </changeSet>""".formatted(change)));
        assertEquals(List.of("3:3 malformed-changelog ERROR"), located(changelog.problems()));
        assertTrue(changelog.problems().get(0).message().startsWith(message), changelog.problems().toString());
        assertTrue(changelog.problems().get(0).message().endsWith("(changeset a:1)"), changelog.problems().toString());
        assertEquals(List.of(), sql(changelog));
    }

    @Test
    void aDropColumnNamingItsColumnsNestedIsComplete() {
        Changelog changelog = read("c.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - dropColumn:
                            tableName: t
                            columns:
                              - column:
                                  name: c
                """);
        assertEquals(List.of(), changelog.problems());
        assertEquals(List.of("ALTER TABLE t DROP COLUMN c"), sql(changelog));
    }

    @Test
    void yamlAndJsonDropTablesWithoutTableNameAreReportedAtTheChange() {
        Changelog yaml = read("c.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 2
                      author: a
                      changes:
                        - dropTable:
                            cascadeConstraints: true
                """);
        assertEquals(List.of("6:11 malformed-changelog ERROR"), located(yaml.problems()));
        assertEquals(Severity.ERROR, yaml.problems().get(0).severity());
        assertEquals(List.of(), sql(yaml));
        Changelog json = read("c.json", """
                {"databaseChangeLog": [
                  {"changeSet": {"id": "2", "author": "a", "changes": [{"dropTable": {"cascadeConstraints": true}}]}}
                ]}
                """);
        assertEquals(List.of("2:57 malformed-changelog ERROR"), located(json.problems()));
        assertEquals(List.of(), sql(json));
    }
}
