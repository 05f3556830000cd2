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
 * Changelog properties defined per database ({@code <property name="now" value="sysdate" dbms="oracle"/>}): a
 * changeset for some databases is judged with the values defined for those only, one for any database with the
 * values of the configured dialect, or with every value when the dialect is not known.
 */
class LinterLiquibasePropertiesPerDatabaseTest {

    private static final String XML_PROPERTIES = """
                <property name="cond" value="1=1" dbms="oracle"/>
                <property name="cond" value="id &gt; 5" dbms="mysql, mariadb"/>
                <property name="wipe" value="1=1" dbms="mysql"/>
                <property name="wipe" value="id = 1" dbms="oracle"/>
                <property name="other" value="1=1" dbms="!oracle"/>
                <property name="other" value="id = 2"/>
                <property name="never" value="1=1" dbms="none, mysql"/>
                <property name="never" value="id = 3"/>
            """;

    @TempDir
    Path project;

    @Test
    void anXmlChangesetOrChangeForSomeDatabasesSeesOnlyTheirProperties() throws IOException {
        writeXml("""
                <changeSet id="1" author="a" dbms="mysql, mariadb">
                    <delete tableName="t1"><where>${cond}</where></delete>
                </changeSet>
                <changeSet id="2" author="a" dbms="mysql">
                    <delete tableName="t2"><where>${wipe}</where></delete>
                </changeSet>
                <changeSet id="3" author="a" dbms="oracle">
                    <delete tableName="t3"><where>${other} AND ${wipe}</where></delete>
                </changeSet>
                <changeSet id="5" author="a" dbms="postgresql">
                    <delete tableName="t5"><where>${never}</where></delete>
                </changeSet>
                <changeSet id="6" author="a">
                    <sql dbms="mysql">DELETE FROM t6 WHERE ${cond}</sql>
                    <sql dbms="h2">DELETE FROM t7 WHERE ${other}</sql>
                </changeSet>
                """);

        assertEquals(List.of(
                deletesEveryRow("db/changelog.xml:14:5", "t2",
                        "changeset a:2, with ${wipe} = '1=1' as defined for dbms mysql"),
                deletesEveryRow("db/changelog.xml:24:20", "t7",
                        "changeset a:6, with ${other} = '1=1' as defined for dbms !oracle")),
                lines(lint(Dialect.AUTO)));
    }

    @Test
    void aChangesetForAnyDatabaseIsJudgedWithTheConfiguredDialectsValuesOrWithEveryValue() throws IOException {
        writeXml("""
                <changeSet id="1" author="a">
                    <delete tableName="t1"><where>${cond}</where></delete>
                </changeSet>
                """);

        assertEquals(List.of(), lines(lint(Dialect.MYSQL)));
        assertEquals(List.of(
                deletesEveryRow("db/changelog.xml:11:5", "t1",
                        "changeset a:1, with ${cond} = '1=1' as defined for dbms oracle")),
                lines(lint(Dialect.ORACLE)));
        assertEquals(List.of(
                deletesEveryRow("db/changelog.xml:11:5", "t1",
                        "changeset a:1, with ${cond} = '1=1' as defined for dbms oracle")),
                lines(lint(Dialect.AUTO)));
    }

    @Test
    void aChangesetForSeveralDatabasesIsJudgedWithTheConfiguredDialectsValuesWhenItNamesItsDatabase()
            throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog>
                    <property name="blob.type" value="BLOB(1G)" dbms="hsqldb"/>
                    <property name="blob.type" value="LONGBLOB" dbms="mysql,mariadb"/>
                    <property name="keep" value="id = 1" dbms="hsqldb"/>
                    <property name="keep" value="1=1" dbms="mysql"/>
                    <changeSet id="1" author="a">
                        <createTable tableName="docs">
                            <column name="id" type="int"/>
                            <column name="body" type="${blob.type}"/>
                        </createTable>
                    </changeSet>
                    <changeSet id="2" author="a" dbms="mysql,mariadb,hsqldb">
                        <modifyDataType tableName="docs" columnName="body" newDataType="${blob.type}"/>
                    </changeSet>
                    <changeSet id="3" author="a" dbms="hsqldb,mysql">
                        <delete tableName="docs"><where>${keep}</where></delete>
                    </changeSet>
                </databaseChangeLog>
                """);

        // On MySQL the column stays LONGBLOB, and the DELETE's condition there is 1=1.
        assertEquals(List.of(deletesEveryRow("db/changelog.xml:16:9", "docs",
                        "changeset a:3, with ${keep} = '1=1' as defined for dbms mysql")),
                lines(lint(Dialect.MYSQL)));
    }

    @Test
    void anSqlFileOfAChangesetForSomeDatabasesSeesOnlyTheirPropertiesAndOnesForOthersAreUndefined()
            throws IOException {
        writeXml("""
                <property name="oracle.only" value="id = 9" dbms="oracle"/>
                <changeSet id="1" author="a" dbms="mysql">
                    <sqlFile path="purge.sql" relativeToChangelogFile="true"/>
                </changeSet>
                <changeSet id="2" author="a" dbms="mysql">
                    <delete tableName="t2"><where>${oracle.only}</where></delete>
                </changeSet>
                """);
        write("db/purge.sql", "DELETE FROM t1 WHERE ${cond};\n");

        // On MySQL Liquibase leaves ${oracle.only} as written: that WHERE cannot be judged.
        assertEquals(List.of("db/changelog.xml:15:5 unresolved-where"), lint(Dialect.AUTO).findings().stream()
                .map(f -> f.location() + " " + f.ruleId()).toList());
    }

    @Test
    void anSqlFilePathWithAValuePerDatabaseIsFollowedForEachDatabase() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog>
                    <property name="db.name" value="h2" dbms="h2"/>
                    <property name="db.name" value="mysql" dbms="mysql"/>
                    <property name="db.name" value="oracle" dbms="oracle"/>
                    <changeSet id="1" author="a">
                        <sqlFile path="upgrade/${db.name}_engine_1_to_2.sql" relativeToChangelogFile="true"/>
                    </changeSet>
                </databaseChangeLog>
                """);
        write("db/upgrade/h2_engine_1_to_2.sql", "UPDATE t SET a = 1 WHERE id = 2;\n");
        write("db/upgrade/mysql_engine_1_to_2.sql", "\nUPDATE t SET a = 1;\n");

        // Liquibase reads the MySQL file on MySQL and fails on Oracle, whose file is missing.
        assertEquals(List.of("db/changelog.xml:6:9 missing-include", "db/upgrade/mysql_engine_1_to_2.sql:2:1 "
                + "update-without-where (changeset a:1, with ${db.name} = 'mysql' as defined for dbms mysql)"),
                lint(Dialect.AUTO).findings().stream().map(f -> f.location() + " " + f.ruleId()
                        + (f.ruleId().equals("update-without-where") ? " " + f.message().replaceAll("^[^(]*", "")
                                : "")).sorted().toList());
    }

    @Test
    void anSqlFilePathWithAValuePerDatabaseNamesEveryFileThatIsMissing() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog>
                    <property name="db.name" value="h2" dbms="h2"/>
                    <property name="db.name" value="mysql" dbms="mysql"/>
                    <property name="db.name" value="oracle" dbms="oracle"/>
                    <changeSet id="1" author="a">
                        <sqlFile path="upgrade/${db.name}_engine_1_to_2.sql" relativeToChangelogFile="true"/>
                    </changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of("db/changelog.xml:6:9 missing-include SQL files 'upgrade/h2_engine_1_to_2.sql', "
                + "'upgrade/mysql_engine_1_to_2.sql' and 'upgrade/oracle_engine_1_to_2.sql' were not found (the path "
                + "names one for each value its properties take), so their statements were not checked."),
                lines(lint(Dialect.AUTO)));
        assertEquals(List.of("db/changelog.xml:6:9 missing-include SQL file 'upgrade/mysql_engine_1_to_2.sql' was "
                + "not found, so its statements were not checked."), lines(lint(Dialect.MYSQL)));
    }

    @Test
    void aYamlChangesetForSomeDatabasesSeesOnlyTheirProperties() throws IOException {
        write("db/changelog.yaml", """
                databaseChangeLog:
                  - property: {name: cond, value: 1=1, dbms: oracle}
                  - property: {name: cond, value: id > 5, dbms: mysql}
                  - changeSet:
                      id: 1
                      author: a
                      dbms: mysql
                      changes:
                        - delete: {tableName: t1, where: "${cond}"}
                  - changeSet:
                      id: 2
                      author: a
                      dbms: "!mysql"
                      changes:
                        - delete: {tableName: t2, where: "${cond}"}
                """);

        assertEquals(List.of(deletesEveryRow("db/changelog.yaml:15:11", "t2",
                        "changeset a:2, with ${cond} = '1=1' as defined for dbms oracle")),
                lines(lint(Dialect.AUTO)));
    }

    @Test
    void aJsonChangesetForSomeDatabasesSeesOnlyTheirProperties() throws IOException {
        write("db/changelog.json", """
                {"databaseChangeLog": [
                  {"property": {"name": "cond", "value": "1=1", "dbms": "oracle"}},
                  {"property": {"name": "cond", "value": "id > 5", "dbms": "mysql"}},
                  {"property": {"name": "wipe", "value": "1=1", "dbms": "all"}},
                  {"changeSet": {"id": "1", "author": "a", "dbms": "mysql",
                    "changes": [{"delete": {"tableName": "t1", "where": "${cond}"}}]}},
                  {"changeSet": {"id": "2", "author": "a", "dbms": "mysql",
                    "changes": [{"delete": {"tableName": "t2", "where": "${wipe}"}}]}}
                ]}
                """);

        assertEquals(List.of(deletesEveryRow("db/changelog.json:8:18", "t2", "changeset a:2")),
                lines(lint(Dialect.AUTO)));
    }

    @Test
    void aFormattedSqlChangesetForSomeDatabasesSeesOnlyTheirProperties() throws IOException {
        write("db/changelog.sql", """
                --liquibase formatted sql
                --property name:cond value:1=1 dbms:oracle
                --property name:cond value:id>5 dbms:mysql,mariadb
                --property name:wipe value:1=1 dbms:mysql
                --property name:wipe value:id=1
                --changeset a:1 dbms:mysql
                DELETE FROM f1 WHERE ${cond};
                --changeset a:2 dbms:!mysql,!mariadb
                DELETE FROM f2 WHERE ${cond};
                --changeset a:3 dbms:mariadb
                DELETE FROM f3 WHERE ${wipe};
                --changeset a:4 dbms:mysql
                DELETE FROM f4 WHERE ${wipe};
                """);

        assertEquals(List.of(
                deletesEveryRow("db/changelog.sql:13:1", "f4",
                        "changeset a:4, with ${wipe} = '1=1' as defined for dbms mysql"),
                deletesEveryRow("db/changelog.sql:9:1", "f2",
                        "changeset a:2, with ${cond} = '1=1' as defined for dbms oracle")),
                lines(lint(Dialect.AUTO)));
    }

    private static String deletesEveryRow(String at, String table, String judged) {
        return at + " always-true-where DELETE with an always-true WHERE removes every row of " + table + " ("
                + judged + ")";
    }

    private void writeXml(String changeSets) throws IOException {
        write("db/changelog.xml", "<databaseChangeLog>\n" + XML_PROPERTIES + changeSets + "</databaseChangeLog>\n");
    }

    private static List<String> lines(LintResult result) {
        return result.findings().stream().map(LinterLiquibasePropertiesPerDatabaseTest::line).sorted().toList();
    }

    private static String line(Finding finding) {
        return finding.location() + " " + finding.ruleId() + " " + finding.message();
    }

    private void write(String path, String text) throws IOException {
        TestProject.write(project, path, text);
    }

    private LintResult lint(Dialect dialect) {
        return TestProject.lint(project, dialect);
    }
}
