package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A changelog property whose definitions all apply to other databases than those a change runs on: Liquibase leaves
 * {@code ${name}} as written there, and a WHERE made of it is reported as such, not as a property nothing defines.
 */
class LinterLiquibasePropertyForOtherRunsTest {

    @TempDir
    Path project;

    @Test
    void anXmlWhereOfAPropertyForAnotherDatabaseSaysWhereItIsDefined() throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog>
                    <property name="cond" value="1=1" dbms="h2"/>
                    <property name="wide" value="1=1" dbms="h2, oracle"/>
                    <property name="notpg" value="1=1" dbms="!postgresql"/>
                    <changeSet id="1" author="a">
                        <update tableName="t"><column name="x" value="1"/><where>${cond}</where></update>
                        <delete tableName="u"><where>${wide}</where></delete>
                        <delete tableName="v"><where>${notpg} AND ${nope}</where></delete>
                    </changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of(
                "db/changelog.xml:6:9 ${cond} is defined only for dbms h2, so on postgresql Liquibase leaves it as "
                        + "written and the database gets that text, unless the deploy defines it in a property file"
                        + " or with --property, so the WHERE of this UPDATE could not be judged: it may change every"
                        + " row of t (changeset a:1)",
                "db/changelog.xml:7:9 ${wide} is defined only for dbms h2, oracle, so on postgresql Liquibase leaves"
                        + " it as written and the database gets that text, unless the deploy defines it in a property"
                        + " file or with --property, so the WHERE of this DELETE could not be judged: it may remove"
                        + " every row of u (changeset a:1)",
                "db/changelog.xml:8:9 ${notpg} is defined only for dbms !postgresql, so on postgresql Liquibase"
                        + " leaves it as written and the database gets that text, unless the deploy defines it in a"
                        + " property file or with --property; ${nope} is not defined in the changelog (a <property>, a"
                        + " property file or --property) nor in the pom's liquibaseProperties, so the WHERE of this"
                        + " DELETE could not be judged: it may remove every row of v (changeset a:1)"),
                unresolvedWheres(Dialect.POSTGRESQL));
    }

    @Test
    void aChangesetForOtherDatabasesThanThePropertysSaysSoInYaml() throws IOException {
        TestProject.write(project, "db/changelog.yaml", """
                databaseChangeLog:
                  - property: {name: cond, value: 1=1, dbms: h2, context: test}
                  - changeSet:
                      id: 1
                      author: a
                      dbms: mysql
                      changes:
                        - delete: {tableName: y, where: "${cond}"}
                """);

        assertEquals(List.of("db/changelog.yaml:8:11 ${cond} is defined only for context test, dbms h2, so on mysql"
                + " Liquibase leaves it as written and the database gets that text, unless the deploy defines it in a"
                + " property file or with --property, so the WHERE of this DELETE could not be judged: it may remove"
                + " every row of y (changeset a:1)"), unresolvedWheres(Dialect.AUTO));
    }

    @Test
    void aFormattedSqlWhereOfAPropertyForAnotherDatabaseSaysWhereItIsDefined() throws IOException {
        TestProject.write(project, "db/changelog.sql", """
                --liquibase formatted sql
                --property name:cond value:1=1 dbms:h2
                --changeset a:1
                DELETE FROM f WHERE ${cond};
                """);

        assertEquals(List.of("db/changelog.sql:4:1 ${cond} is defined only for dbms h2, so on mariadb or mysql Liquibase"
                + " leaves it as written and the database gets that text, unless the deploy defines it in a property"
                + " file or with --property, so the WHERE of this DELETE could not be judged: it may remove every row"
                + " of f (changeset a:1)"), unresolvedWheres(Dialect.MYSQL));
    }

    @Test
    void anSqlFileOfAChangesetSaysWhereThePropertyIsDefined() throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog>
                    <property name="cond" value="1=1" dbms="oracle"/>
                    <changeSet id="1" author="a" dbms="mysql">
                        <sqlFile path="purge.sql" relativeToChangelogFile="true"/>
                    </changeSet>
                </databaseChangeLog>
                """);
        TestProject.write(project, "db/purge.sql", "DELETE FROM p WHERE ${cond};\n");

        assertEquals(List.of("db/purge.sql:1:1 ${cond} is defined only for dbms oracle, so on mysql Liquibase"
                + " leaves it as written and the database gets that text, unless the deploy defines it in a property"
                + " file or with --property, so the WHERE of this DELETE could not be judged: it may remove every row"
                + " of p (changeset a:1)"), unresolvedWheres(Dialect.AUTO));
    }

    @Test
    void aStatementThatIsOnlyAPropertyWithoutAValueIsReportedAsUnread() throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog>
                    <property name="purge" value="DELETE FROM t" dbms="h2"/>
                    <changeSet id="1" author="a">
                        <sql>${purge}</sql>
                    </changeSet>
                    <changeSet id="2" author="a">
                        <sql>${nowhere}</sql>
                    </changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of("db/changelog.xml:4:14 runtime-sql", "db/changelog.xml:7:14 runtime-sql"),
                TestProject.lint(project, Dialect.POSTGRESQL).findings().stream()
                        .map(f -> f.location() + " " + f.ruleId()).sorted().toList());
    }

    @Test
    void anotherFindingOfAStatementThatKeepsAPropertyAsWrittenSaysWhy() throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog>
                    <property name="tbl" value="t" dbms="h2"/>
                    <property name="filter" value="WHERE id = 1" dbms="h2"/>
                    <changeSet id="1" author="a">
                        <dropTable tableName="${tbl}"/>
                    </changeSet>
                    <changeSet id="2" author="a">
                        <sql>DELETE FROM u ${filter}</sql>
                    </changeSet>
                </databaseChangeLog>
                """);

        String why = " is defined only for dbms h2, so on postgresql Liquibase leaves it as written and the database"
                + " gets that text, unless the deploy defines it in a property file or with --property)";
        assertEquals(List.of(
                "db/changelog.xml:5:9 DROP TABLE removes table ${tbl} and all its rows (${tbl}" + why
                        + " (changeset a:1)",
                "db/changelog.xml:8:14 DELETE without WHERE removes every row of u (${filter}" + why
                        + " (changeset a:2)"),
                TestProject.lint(project, Dialect.POSTGRESQL).findings().stream()
                        .map(LinterLiquibasePropertyForOtherRunsTest::line).sorted().toList());
    }

    private List<String> unresolvedWheres(Dialect dialect) {
        return TestProject.lint(project, dialect).findings().stream()
                .filter(f -> f.ruleId().equals("unresolved-where")).map(LinterLiquibasePropertyForOtherRunsTest::line)
                .sorted().toList();
    }

    private static String line(Finding finding) {
        return finding.location() + " " + finding.message();
    }
}
