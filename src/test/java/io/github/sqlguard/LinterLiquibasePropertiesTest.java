package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Liquibase changelog properties as the database sees them: replaced in SQL text, read from property files,
 * and reported where an undefined one decides which rows a statement touches.
 */
class LinterLiquibasePropertiesTest {

    private static final String LIQUIBASE_UNDEFINED = " not defined in the changelog (a <property>, a property "
            + "file or --property) nor in the pom's liquibaseProperties, so the WHERE of this ";

    @TempDir
    Path project;

    @Test
    void propertiesAreReplacedInXmlSqlTextBeforeItIsJudged() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog>
                    <property name="purge" value="DELETE FROM customer"/>
                    <property name="cond" value="1 = 1"/>
                    <property name="filter" value="WHERE id = 7"/>
                    <changeSet id="2" author="a"><sql>${purge}</sql></changeSet>
                    <changeSet id="4" author="a"><sql>UPDATE customer SET id = 2 WHERE ${cond}</sql></changeSet>
                    <changeSet id="5" author="a"><sql>DELETE FROM customer ${filter}</sql></changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of(
                "db/changelog.xml:5:39 delete-without-where DELETE without WHERE removes every row of customer "
                        + "(changeset a:2)",
                "db/changelog.xml:6:39 always-true-where UPDATE with an always-true WHERE changes every row of "
                        + "customer (changeset a:4)"),
                lines(lint()));
    }

    @Test
    void propertiesAreReplacedInFormattedSqlIncludingThoseOfTheIncludingChangelog() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog>
                    <property name="victim" value="orders"/>
                    <include file="more.sql" relativeToChangelogFile="true"/>
                </databaseChangeLog>
                """);
        write("db/more.sql", """
                --liquibase formatted sql
                --property name:stmt value:TRUNCATE
                --changeset a:3
                SELECT 1; ${stmt} TABLE ${victim};
                DELETE FROM items WHERE id = 1;
                """);

        assertEquals(List.of("db/more.sql:4:11 truncate-table TRUNCATE removes every row of table orders "
                + "(changeset a:3)"), lines(lint()));
    }

    @Test
    void propertiesAreReplacedInAnSqlFile() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog>
                    <property name="cleanup" value="DELETE FROM sessions"/>
                    <changeSet id="1" author="a"><sqlFile path="cleanup.sql" relativeToChangelogFile="true"/></changeSet>
                </databaseChangeLog>
                """);
        write("db/cleanup.sql", "UPDATE a SET x = 1 WHERE id = 1;\n  ${cleanup};\n");

        assertEquals(List.of("db/cleanup.sql:2:3 delete-without-where DELETE without WHERE removes every row of "
                + "sessions (changeset a:1)"), lines(lint()));
    }

    @Test
    void propertiesAreReplacedInYamlSql() throws IOException {
        write("db/changelog.yaml", """
                databaseChangeLog:
                  - property:
                      name: purge
                      value: DELETE FROM customer
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - sql:
                            sql: SELECT 1; ${purge}
                """);

        assertEquals(List.of("db/changelog.yaml:10:28 delete-without-where DELETE without WHERE removes every row of "
                + "customer (changeset a:1)"), lines(lint()));
    }

    @Test
    void propertyFilesAreReadFirstDefinitionWinning() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog>
                    <property name="victim" value="from_element"/>
                    <property file="db/props.properties"/>
                    <property file="local.properties" relativeToChangelogFile="true"/>
                    <changeSet id="1" author="a"><sql>${purge} ${victim}; DROP TABLE ${other}</sql></changeSet>
                </databaseChangeLog>
                """);
        write("db/props.properties", "# shared\npurge = DELETE FROM\nvictim=from_file\n");
        write("db/local.properties", "other: archive\npurge=TRUNCATE TABLE\n");

        assertEquals(List.of(
                "db/changelog.xml:5:39 delete-without-where DELETE without WHERE removes every row of from_element "
                        + "(changeset a:1)",
                "db/changelog.xml:5:59 drop-table DROP TABLE removes table archive and all its rows (changeset a:1)"),
                lines(lint()));
    }

    @Test
    void aPropertyDefinedPerContextIsJudgedWithEveryValueARunCanGiveIt() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog>
                    <property name="cond" value="id = 1" context="prod"/>
                    <property name="cond" value="1=1" context="dev"/>
                    <property name="keep" value="id = 2"/>
                    <property name="keep" value="1=1" context="dev"/>
                    <changeSet id="1" author="a">
                        <delete tableName="t1"><where>${cond}</where></delete>
                    </changeSet>
                    <changeSet id="2" author="a">
                        <sql>UPDATE t2 SET x = 1 WHERE id = 3;
                            DELETE FROM t2 WHERE ${cond}</sql>
                    </changeSet>
                    <changeSet id="3" author="a">
                        <delete tableName="t3"><where>${keep}</where></delete>
                    </changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of(
                "db/changelog.xml:11:13 always-true-where DELETE with an always-true WHERE removes every row of t2 "
                        + "(changeset a:2, with ${cond} = '1=1' as defined for context dev)",
                "db/changelog.xml:7:9 always-true-where DELETE with an always-true WHERE removes every row of t1 "
                        + "(changeset a:1, with ${cond} = '1=1' as defined for context dev)"),
                lines(lint()));
    }

    @Test
    void aFindingJudgedWithAFirstDefinitionLimitedToAContextNamesThatContext() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog>
                    <property name="purge.where" value="1=1" context="dev"/>
                    <property name="purge.where" value="created &lt; now()"/>
                    <changeSet id="1" author="a">
                        <delete tableName="event"><where>${purge.where}</where></delete>
                    </changeSet>
                </databaseChangeLog>
                """);
        write("db/changelog.sql", """
                --liquibase formatted sql
                --property name:cond value:1=1 context:dev
                --property name:cond value:id=1
                --changeset a:1
                DELETE FROM f1 WHERE ${cond};
                """);

        assertEquals(List.of(
                "db/changelog.sql:5:1 always-true-where DELETE with an always-true WHERE removes every row of f1 "
                        + "(changeset a:1, with ${cond} = '1=1' as defined for context dev)",
                "db/changelog.xml:5:9 always-true-where DELETE with an always-true WHERE removes every row of event "
                        + "(changeset a:1, with ${purge.where} = '1=1' as defined for context dev)"),
                lines(lint()));
    }

    @Test
    void aChangeJudgedWithAnotherValueOfAPropertyKeepsItsChangesetsGuardAndTheUnguardedRunStands()
            throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog>
                    <property name="tbl" value="audit_dev" context="dev"/>
                    <property name="tbl" value="audit"/>
                    <property name="logs" value="logs_dev" context="dev"/>
                    <changeSet id="1" author="a">
                        <preConditions onFail="MARK_RAN"><tableIsEmpty tableName="audit"/></preConditions>
                        <dropTable tableName="${tbl}"/>
                    </changeSet>
                    <changeSet id="2" author="a">
                        <preConditions onFail="MARK_RAN"><tableIsEmpty tableName="audit_dev"/></preConditions>
                        <dropTable tableName="${tbl}"/>
                    </changeSet>
                    <changeSet id="3" author="a">
                        <preConditions onFail="MARK_RAN"><tableIsEmpty tableName="logs_dev"/></preConditions>
                        <dropTable tableName="${logs}"/>
                    </changeSet>
                </databaseChangeLog>
                """);

        List<Finding> findings = lint().findings();
        assertEquals(List.of(
                "ERROR db/changelog.xml:7:9 drop-table DROP TABLE removes table audit_dev and all its rows (changeset"
                        + " a:1, with ${tbl} = 'audit_dev' as defined for context dev)",
                "ERROR db/changelog.xml:11:9 drop-table DROP TABLE removes table audit and all its rows (changeset a:2,"
                        + " with ${tbl} = 'audit' as defined for the runs its earlier definitions do not match)",
                "INFO db/changelog.xml:15:9 drop-table DROP TABLE removes table logs_dev and all its rows (guarded:"
                        + " runs only when logs_dev is empty (changeset precondition)) (changeset a:3, with ${logs} ="
                        + " 'logs_dev' as defined for context dev)"),
                findings.stream().map(f -> f.severity() + " " + line(f)).toList());
    }

    @Test
    void aPropertyLimitedToLabelsFallsBackToItsNextDefinitionOnOtherRuns() throws IOException {
        write("db/changelog.yaml", """
                databaseChangeLog:
                  - property:
                      name: scope
                      value: region = 'EU'
                      labels: eu-rollout
                  - property:
                      name: scope
                      value: 1 = 1
                  - property:
                      name: scope
                      value: id = 3
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - update:
                            tableName: prices
                            columns:
                              - column:
                                  name: vat
                                  valueNumeric: 20
                            where: ${scope}
                """);

        assertEquals(List.of("db/changelog.yaml:16:11 always-true-where UPDATE with an always-true WHERE changes "
                + "every row of prices (changeset a:1, with ${scope} = '1 = 1' as defined for the runs its earlier "
                + "definitions do not match)"), lines(lint()));
    }

    @Test
    void aFormattedSqlPropertyDefinedPerContextIsJudgedWithEveryValueARunCanGiveIt() throws IOException {
        write("db/changelog.sql", """
                --liquibase formatted sql
                --property name:cond value:id=1 context:prod
                --property name:cond value:1=1 context:dev
                --changeset a:1
                UPDATE f1 SET x = 1 WHERE id = 2;
                  DELETE FROM f1 WHERE ${cond};
                """);

        assertEquals(List.of("db/changelog.sql:6:3 always-true-where DELETE with an always-true WHERE removes every "
                + "row of f1 (changeset a:1, with ${cond} = '1=1' as defined for context dev)"), lines(lint()));
    }

    @Test
    void aMissingPropertyFileIsReported() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog>
                    <property file="db/absent.properties"/>
                    <property file="optional.properties" errorIfMissing="false"/>
                    <changeSet id="1" author="a"><sql>UPDATE t SET x = 1 WHERE id = 1</sql></changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of("db/changelog.xml:2:5 missing-include Property file 'db/absent.properties' was not "
                + "found, so the ${..} references to its properties could not be resolved."), lines(lint()));
    }

    @Test
    void anUndefinedPropertyAsTheWhereIsReportedNotTakenAsARestriction() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog>
                    <changeSet id="1" author="a">
                        <delete tableName="t1"><where>${never_defined}</where></delete>
                    </changeSet>
                    <changeSet id="2" author="a">
                        <sql>UPDATE t2 SET x = 1 WHERE x > 0 AND ${extra}; DELETE FROM t3 WHERE id = ${id}</sql>
                    </changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of(
                "db/changelog.xml:3:9 unresolved-where ${never_defined} is" + LIQUIBASE_UNDEFINED
                        + "DELETE could not be judged: it may remove every row of t1 (changeset a:1)",
                "db/changelog.xml:6:14 unresolved-where ${extra} is" + LIQUIBASE_UNDEFINED
                        + "UPDATE could not be judged: it may change every row of t2 (changeset a:2)"),
                lines(lint()));
    }

    @Test
    void anUndefinedPropertyIsNamedAsWrittenNeverAsAnInternalName() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog>
                    <changeSet id="1" author="a"><dropTable tableName="${victim}" schemaName="${schema}"/></changeSet>
                    <changeSet id="2" author="a"><delete tableName="${victim}"/></changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of(
                "db/changelog.xml:2:34 drop-table DROP TABLE removes table ${schema}.${victim} and all its rows "
                        + "(changeset a:1)",
                "db/changelog.xml:3:34 delete-without-where DELETE without WHERE removes every row of ${victim} "
                        + "(changeset a:2)"),
                lines(lint()));
    }

    @Test
    void flywayPlaceholdersHoldingStatementsAreJudgedAndUndefinedConditionsReported() throws IOException {
        write("db/V1__cleanup.sql", "UPDATE a SET x = 1 WHERE id = 1;\n${cleanup};\nDELETE FROM b WHERE ${cond};\n");

        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        FlywayConfig flyway = new FlywayConfig("V", "U", "R", "__", List.of(".sql"),
                Map.of("cleanup", "DELETE FROM orders"), "${", "}", null, defaults.flyway().undoScripts());
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), Dialect.AUTO, StandardCharsets.UTF_8, Map.of(), List.of(), flyway, defaults.liquibase(),
                List.of(), null, defaults.maxFileBytes(), 2));

        assertEquals(List.of(
                "db/V1__cleanup.sql:2:1 delete-without-where DELETE without WHERE removes every row of orders",
                "db/V1__cleanup.sql:3:1 unresolved-where ${cond} is not among the placeholders (sqlguard's "
                        + "<placeholders>, the flyway-maven-plugin's or flyway.placeholders.* properties, flyway.conf, "
                        + "flyway.toml, or Spring Boot's spring.flyway.placeholders.*), so the WHERE of this DELETE "
                        + "could not be "
                        + "judged: it may remove every row of b"),
                lines(result));
    }

    private static List<String> lines(LintResult result) {
        return result.findings().stream().map(LinterLiquibasePropertiesTest::line).sorted().toList();
    }

    private static String line(Finding finding) {
        return finding.location() + " " + finding.ruleId() + " " + finding.message();
    }

    private void write(String path, String text) throws IOException {
        TestProject.write(project, path, text);
    }

    private LintResult lint() {
        return TestProject.lint(project, Dialect.AUTO);
    }
}
