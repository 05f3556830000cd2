package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.ScriptMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A changeset whose {@code tableExists} or {@code columnExists} preconditions the replay knows to fail runs nothing:
 * Liquibase marks it ran (MARK_RAN), skips it (CONTINUE) or halts before it (HALT). Its changes are not replayed, so
 * a {@code createTable} of a table the changesets before built does not define it again, and what its changes would
 * destroy is reported at INFO with the reason. Preconditions the replay cannot decide leave the changeset replayed.
 */
class LinterChangelogDecidedPreconditionsTest {

    private static final String KNOWN = "db/changelog.xml:10:5 WARNING alter-column-type ALTER TABLE person changes the"
            + " type of column nick from varchar(20) to varchar(10) (shorter: 20 to 10 characters) (changeset a:3)";

    private static final String RECREATED = "db/changelog.xml:10:5 WARNING alter-column-type ALTER TABLE person changes"
            + " the type of column nick to varchar(10) (its type before is not known: table person is created again,"
            + " with other columns, at line 6 without a drop between, so which columns it has is not certain)"
            + " (changeset a:3)";

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "<preConditions onFail='MARK_RAN'><not><tableExists tableName='person'/></not></preConditions> | known",
        "<preConditions onFail='CONTINUE'><not><tableExists tableName='PERSON'/></not></preConditions> | known",
        "<preConditions><not><tableExists schemaName='app' tableName='person'/></not></preConditions> | known",
        "<preConditions onFail='MARK_RAN'><and><sqlCheck expectedResult='0'>SELECT 1</sqlCheck>"
                + "<not><tableExists tableName='person'/></not></and></preConditions> | known",
        "<preConditions onFail='MARK_RAN'><not><columnExists tableName='person' columnName='nick'/></not>"
                + "</preConditions> | known",
        "<preConditions onFail='MARK_RAN'><columnExists tableName='person' columnName='born'/></preConditions> | known",
        "<preConditions onFail='WARN'><not><tableExists tableName='person'/></not></preConditions> | recreated",
        "<preConditions onFail='MARK_RAN'><not><tableExists tableName='people'/></not></preConditions> | recreated",
        "<preConditions onFail='MARK_RAN'><or><sqlCheck expectedResult='0'>SELECT 1</sqlCheck>"
                + "<not><tableExists tableName='person'/></not></or></preConditions> | recreated",
        "<preConditions onFail='MARK_RAN'><columnExists tableName='person' columnName='nick'/></preConditions>"
                + " | recreated",
        "<preConditions onFail='MARK_RAN'><sqlCheck expectedResult='0'>SELECT 1</sqlCheck></preConditions>"
                + " | recreated",
    })
    void aChangesetWhosePreconditionsFailDoesNotCreateItsTableAgain(String preconditions, String expected)
            throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a"><createTable tableName="person"><column name="id" type="int"/>
                    <column name="nick" type="varchar(20)"/></createTable></changeSet>
                  <changeSet id="2" author="a">
                    %s
                    <createTable tableName="person"><column name="id" type="int"/>
                      <column name="nick" type="varchar(50)"/></createTable>
                  </changeSet>
                  <changeSet id="3" author="a">
                    <modifyDataType tableName="person" columnName="nick" newDataType="varchar(10)"/></changeSet>
                </databaseChangeLog>
                """.formatted(preconditions.replace('\'', '"')));

        assertEquals(List.of(expected.equals("known") ? KNOWN : RECREATED), lint());
    }

    @Test
    void whatAChangesetThatDoesNotRunWouldDestroyIsReportedAtInfoWithTheReason() throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a"><createTable tableName="person"><column name="id" type="int"/>
                    <column name="nick" type="varchar(20)"/></createTable></changeSet>
                  <changeSet id="2" author="a">
                    <preConditions onFail="MARK_RAN"><columnExists tableName="person" columnName="alias"/></preConditions>
                    <renameColumn tableName="person" oldColumnName="alias" newColumnName="nick2"/>
                    <dropColumn tableName="person" columnName="nick"/>
                  </changeSet>
                  <changeSet id="3" author="a"><preConditions><tableExists tableName="person"/></preConditions>
                    <modifyDataType tableName="person" columnName="nick" newDataType="varchar(10)"/></changeSet>
                </databaseChangeLog>
                """);

        String reason = " (guarded: its preConditions fail on the schema the changesets before it built (table person"
                + " has no column alias), so Liquibase marks the changeset ran without running it) (changeset a:2)";
        assertEquals(List.of(
                "db/changelog.xml:6:5 INFO rename-column ALTER TABLE person renames column alias to nick2" + reason,
                "db/changelog.xml:7:5 INFO drop-column ALTER TABLE person drops column nick" + reason,
                "db/changelog.xml:10:5 WARNING alter-column-type ALTER TABLE person changes the type of column nick"
                        + " from varchar(20) to varchar(10) (shorter: 20 to 10 characters) (changeset a:3)"),
                lint());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "<dropColumn tableName='audit' columnName='note'/>",
        "<update tableName='audit'><column name='note' value='x'/></update>",
        "<modifyDataType tableName='audit' columnName='note' newDataType='varchar(5)'/>",
        "<delete tableName='audit'/>",
    })
    void aTableCreatedUnderAnUndecidedPreconditionStaysNewAndEmptyInItsChangeset(String change) throws IOException {
        String changelog = """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a">
                    %s
                    <createTable tableName="audit"><column name="id" type="int"/><column name="note" type="text"/>
                    </createTable>
                    %s
                  </changeSet>
                </databaseChangeLog>
                """;
        TestProject.write(project, "db/changelog.xml", changelog.formatted("", change.replace('\'', '"')));
        List<String> unguarded = lint();
        TestProject.write(project, "db/changelog.xml", changelog.formatted("<preConditions onFail=\"MARK_RAN\"><not>"
                + "<tableExists tableName=\"audit\"/></not></preConditions>", change.replace('\'', '"')));

        List<String> found = lint();

        assertEquals(unguarded, found);
        assertEquals(List.of(), found.stream().filter(line -> !line.contains(" INFO ")).toList());
    }

    @Test
    void aYamlChangesetWhoseTableExistsIsNotReplayed() throws IOException {
        TestProject.write(project, "db/changelog.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - createTable:
                            tableName: person
                            columns:
                              - column: {name: nick, type: varchar(20)}
                  - changeSet:
                      id: 2
                      author: a
                      preConditions:
                        - onFail: MARK_RAN
                        - not:
                            - tableExists:
                                tableName: person
                      changes:
                        - createTable:
                            tableName: person
                            columns:
                              - column: {name: nick, type: varchar(50)}
                  - changeSet:
                      id: 3
                      author: a
                      changes:
                        - modifyDataType: {tableName: person, columnName: nick, newDataType: varchar(10)}
                """);

        assertEquals(List.of("db/changelog.yaml:27:11 WARNING alter-column-type ALTER TABLE person changes the type of"
                + " column nick from varchar(20) to varchar(10) (shorter: 20 to 10 characters) (changeset a:3)"),
                lint());
    }

    @Test
    void theRollbackOfAChangesetThatDoesNotRunIsJudgedAsBefore() throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a"><createTable tableName="person"><column name="id" type="int"/>
                    </createTable></changeSet>
                  <changeSet id="2" author="a">
                    <preConditions onFail="MARK_RAN"><not><tableExists tableName="person"/></not></preConditions>
                    <createTable tableName="person"><column name="id" type="int"/></createTable>
                    <rollback><dropTable tableName="person"/></rollback>
                  </changeSet>
                </databaseChangeLog>
                """);
        LintConfig defaults = TestProject.config(project, Dialect.POSTGRESQL);

        List<String> found = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), Dialect.POSTGRESQL, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                new LiquibaseConfig(ScriptMode.CHECK, Map.of()), List.of(), null, defaults.maxFileBytes(), 2))
                .findings().stream().map(LinterChangelogDecidedPreconditionsTest::line).toList();

        assertEquals(List.of("db/changelog.xml:7:15 ERROR drop-table DROP TABLE removes table person and all its rows"
                + " (changeset a:2 rollback: runs only on rollback)"), found);
    }

    private List<String> lint() throws IOException {
        return TestProject.lint(project, Dialect.POSTGRESQL).findings().stream()
                .map(LinterChangelogDecidedPreconditionsTest::line).toList();
    }

    private static String line(Finding finding) {
        return finding.location() + " " + finding.severity() + " " + finding.ruleId() + " " + finding.message();
    }
}
