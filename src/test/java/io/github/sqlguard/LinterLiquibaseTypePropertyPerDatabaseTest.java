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
 * A column type kept in a property defined per database ({@code <property name="str" value="varchar(400)"
 * dbms="mysql"/>} then one for the other databases): each database creates the column with its own value, so a
 * change restating the type with the same property changes nothing anywhere, while one restating a narrower type
 * on some database is still reported.
 * Whether a NOT NULL there replaces NULLs is judged in {@link LinterChangelogNotNullFillsNullsTest}.
 */
class LinterLiquibaseTypePropertyPerDatabaseTest {

    private static final String PROPERTIES = """
                <property name="str" value="varchar(400)" dbms="mysql, mariadb"/>
                <property name="str" value="varchar(40)"/>
            """;

    @TempDir
    Path project;

    @Test
    void aNotNullConstraintRestatingTheColumnsPropertyTypeChangesNoType() throws IOException {
        writeXml("""
                <changeSet id="1" author="a">
                    <createTable tableName="songs"><column name="id" type="int"/></createTable>
                </changeSet>
                <changeSet id="2" author="a">
                    <addColumn tableName="songs">
                        <column name="title" type="${str}"/>
                    </addColumn>
                    <addNotNullConstraint tableName="songs" columnName="title" columnDataType="${str}"/>
                </changeSet>
                <changeSet id="3" author="a">
                    <dropNotNullConstraint tableName="songs" columnName="title" columnDataType="${str}"/>
                </changeSet>
                """);

        assertEquals(List.of(), lines(lint(Dialect.AUTO)));
    }

    @Test
    void aNarrowerTypeThatOnlyTheOtherDatabasesGetIsStillReported() throws IOException {
        writeXml("""
                <changeSet id="1" author="a">
                    <createTable tableName="songs"><column name="title" type="varchar(255)"/></createTable>
                </changeSet>
                <changeSet id="2" author="a">
                    <addNotNullConstraint tableName="songs" columnName="title" columnDataType="${str}"/>
                </changeSet>
                """);

        assertEquals(List.of("db/changelog.xml:8:5 alter-column-type"), rules(lint(Dialect.AUTO)));
    }

    @Test
    void aStatementEveryValueSharesStillRunsOnEveryDatabase() throws IOException {
        writeXml("""
                <changeSet id="1" author="a">
                    <createTable tableName="songs"><column name="id" type="int"/></createTable>
                </changeSet>
                <changeSet id="2" author="a">
                    <sql>ALTER TABLE songs ADD title ${str}; ALTER TABLE songs ADD note varchar(300)</sql>
                </changeSet>
                <changeSet id="3" author="a">
                    <modifyDataType tableName="songs" columnName="note" newDataType="varchar(30)"/>
                </changeSet>
                """);

        List<String> found = lines(lint(Dialect.AUTO));
        assertEquals(1, found.size(), found.toString());
        assertEquals("db/changelog.xml:11:5 alter-column-type ALTER TABLE songs changes the type of column note from"
                + " varchar(300) to varchar(30) (shorter: 300 to 30 characters) (changeset a:3)", found.get(0));
    }

    @Test
    void aFormattedSqlChangesetFollowsEachDatabaseWithItsOwnValue() throws IOException {
        TestProject.write(project, "db/changelog.sql", """
                --liquibase formatted sql
                --property name:str value:varchar(400) dbms:mysql,mariadb
                --property name:str value:varchar(40)
                --changeset a:1
                CREATE TABLE songs (id int, title ${str}, note varchar(300));
                --changeset a:2
                ALTER TABLE songs ALTER COLUMN title TYPE ${str};
                """);

        assertEquals(List.of(), lines(lint(Dialect.AUTO)));
    }

    @Test
    void valuesForListedDatabasesOnlyAreFollowedOnThoseDatabasesAlone() throws IOException {
        // No definition for the other databases (a text.type property): there the property stays undefined.
        TestProject.write(project, "db/changelog.yaml", """
                databaseChangeLog:
                  - property: {name: text.type, value: text, dbms: "postgresql,h2"}
                  - property: {name: text.type, value: longtext, dbms: "mysql,mariadb"}
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - sql: {dbms: "mysql,mariadb", sql: CREATE TABLE songs (title longtext)}
                        - sql: {dbms: postgresql, sql: CREATE TABLE songs (title text)}
                  - changeSet:
                      id: 2
                      author: a
                      changes:
                        - addNotNullConstraint: {tableName: songs, columnName: title, columnDataType: "${text.type}"}
                """);

        assertEquals(List.of(), lines(lint(Dialect.AUTO)));
    }

    @Test
    void aLoneValueOfTheConfiguredDatabaseStillCreatesTheTableForEveryDatabase() throws IOException {
        TestProject.write(project, "db/changelog.yaml", """
                databaseChangeLog:
                  - property: {name: blob.type, value: blob, dbms: "mysql,h2,mariadb"}
                  - property: {name: blob.type, value: bytea, dbms: postgresql}
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - createTable: {tableName: cache, columns: [{column: {name: results, type: "${blob.type}"}}]}
                  - changeSet:
                      id: 2
                      author: a
                      preConditions: [{onFail: MARK_RAN}, {dbms: {type: "mysql,mariadb"}}]
                      changes:
                        - modifyDataType: {tableName: cache, columnName: results, newDataType: longblob}
                """);

        assertEquals(List.of(), lines(lint(Dialect.POSTGRESQL)));
    }

    @Test
    void definitionsRepeatedInEachIncludedFileKeepEachDatabasesValueApart() throws IOException {
        // Liquibase keeps the first definition per database: the repeated ones never apply anywhere.
        String perDatabase = """
                    <property name="big.text" value="text" dbms="mysql"/>
                    <property name="big.text" value="varchar(4000)" dbms="postgresql"/>
                """;
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog>
                    <include file="create.xml" relativeToChangelogFile="true"/>
                    <include file="widen.xml" relativeToChangelogFile="true"/>
                </databaseChangeLog>
                """);
        TestProject.write(project, "db/create.xml", "<databaseChangeLog>\n" + perDatabase + """
                    <changeSet id="1" author="a">
                        <createTable tableName="songs"><column name="lyrics" type="varchar(255)"/></createTable>
                    </changeSet>
                </databaseChangeLog>
                """);
        TestProject.write(project, "db/widen.xml", "<databaseChangeLog>\n" + perDatabase + """
                    <changeSet id="2" author="a" dbms="mysql,postgresql">
                        <modifyDataType tableName="songs" columnName="lyrics" newDataType="${big.text}"/>
                    </changeSet>
                </databaseChangeLog>
                """);

        // Before, PostgreSQL's value was judged against the type MySQL's had just given the column.
        assertEquals(List.of(), lines(lint(Dialect.AUTO)));
    }

    private void writeXml(String changeSets) throws IOException {
        TestProject.write(project, "db/changelog.xml",
                "<databaseChangeLog>\n" + PROPERTIES + changeSets + "</databaseChangeLog>\n");
    }

    private static List<String> lines(LintResult result) {
        return result.findings().stream()
                .filter(f -> !f.ruleId().equals("not-null-fills-nulls")).map(LinterLiquibaseTypePropertyPerDatabaseTest::line).sorted().toList();
    }

    private static List<String> rules(LintResult result) {
        return result.findings().stream()
                .filter(f -> !f.ruleId().equals("not-null-fills-nulls")).map(f -> f.location() + " " + f.ruleId()).sorted().toList();
    }

    private static String line(Finding finding) {
        return finding.location() + " " + finding.ruleId() + " " + finding.message();
    }

    private LintResult lint(Dialect dialect) {
        return TestProject.lint(project, dialect);
    }
}
