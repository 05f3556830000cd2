package io.github.sqlguard.liquibase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.ScriptMode;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.Token;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class XmlChangelogTest {

    static final String HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
              <changeSet id="1" author="alice">
            """;
    static final String TAIL = """
              </changeSet>
            </databaseChangeLog>
            """;

    static Changelog read(String xml, LiquibaseOptions options) {
        return ChangelogReader.read(Path.of("/nowhere/db/changelog.xml"), "db/changelog.xml", xml, options);
    }

    static List<Statement> statements(String xml) {
        Changelog changelog = read(xml, LiquibaseOptions.defaults());
        assertEquals(List.of(), changelog.problems());
        return changelog.scripts().isEmpty() ? List.of() : changelog.scripts().get(0).script().statements();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<delete tableName=\"customers\"/>|DELETE FROM customers",
        "<delete tableName=\"c\" schemaName=\"s\"><where>id = 1</where></delete>|DELETE FROM s.c WHERE id = 1",
        "<update tableName=\"t\"><column name=\"a\" value=\"1\"/><column name=\"b\" valueNumeric=\"2\"/></update>"
                + "|'UPDATE t SET a = ''1'', b = 2'",
        "<update tableName=\"t\"><column name=\"a\" value=\"1\"/><where>a &lt; 3</where></update>"
                + "|'UPDATE t SET a = ''1'' WHERE a < 3'",
        "<dropTable tableName=\"t\"/>|DROP TABLE t",
        "<dropTable tableName=\"t\" schemaName=\"app\" cascadeConstraints=\"true\"/>|DROP TABLE app.t CASCADE",
        "<dropColumn tableName=\"t\" columnName=\"a\"/>|ALTER TABLE t DROP COLUMN a",
        "<dropColumn tableName=\"t\"><column name=\"a\"/><column name=\"b\"/></dropColumn>"
                + "|ALTER TABLE t DROP COLUMN a, b",
        "<markUnused tableName=\"t\" schemaName=\"hr\" columnName=\"a\"/>|ALTER TABLE hr.t SET UNUSED (a)",
        "<renameTable oldTableName=\"a\" newTableName=\"b\"/>|ALTER TABLE a RENAME TO b",
        "<renameColumn tableName=\"t\" oldColumnName=\"a\" newColumnName=\"b\"/>|ALTER TABLE t RENAME COLUMN a TO b",
        "<modifyDataType tableName=\"t\" columnName=\"c\" newDataType=\"VARCHAR(20)\"/>"
                + "|ALTER TABLE t ALTER COLUMN c TYPE VARCHAR(20)",
        "<modifyDataType tableName=\"t\" columnName=\"c\" newDataType=\"java.sql.Types.VARCHAR(512)\"/>"
                + "|ALTER TABLE t ALTER COLUMN c TYPE VARCHAR(512)",
        "<delete tableName=\"my table\"/>|DELETE FROM \"my table\"",
    })
    void changeElementsBecomeStatementsAtTheElement(String change, String expectedSql) {
        List<Statement> statements = statements(HEAD + "    " + change + "\n" + TAIL);
        assertEquals(1, statements.size());
        Statement statement = statements.get(0);
        assertEquals(expectedSql, statement.sql());
        assertEquals(4, statement.start().line());
        assertEquals(5, statement.start().column());
        assertEquals("db/changelog.xml", statement.start().path());
        Token first = statement.firstToken();
        assertEquals(4, first.line());
        assertEquals(5, first.column());
        assertEquals(new StatementContext(StatementContext.Kind.SCRIPT, "changeset alice:1"), statement.context());
    }

    @Test
    void otherChangeTypesYieldNoStatementRulesCheck() {
        List<Statement> statements = statements(HEAD + """
                    <createTable tableName="t"><column name="id" type="int"/></createTable>
                    <addColumn tableName="t"><column name="x" type="int"/></addColumn>
                    <insert tableName="t"><column name="id" valueNumeric="1"/></insert>
                    <dropAllForeignKeyConstraints baseTableName="t"/>
                """ + TAIL);
        // createTable and addColumn reach the schema replay only: as containers, which rules pass over.
        assertEquals(List.of("CREATE TABLE t (id int)", "ALTER TABLE t ADD x int"),
                statements.stream().filter(Statement::container).map(Statement::sql).toList());
        assertEquals(List.of(), statements.stream().filter(s -> !s.container()).toList());
    }

    @Test
    void elementStartIsFoundWhenTheTagSpansLines() {
        List<Statement> statements = statements(HEAD + """
                    <delete
                        tableName="customers"
                        />
                """ + TAIL);
        assertEquals("db/changelog.xml:4:5", statements.get(0).start().toString());
    }

    @Test
    void nonNamespacedChangelogAndCrLfLineEnds() {
        String xml = "<databaseChangeLog>\r\n<changeSet id=\"2\" author=\"bob\">\r\n\r\n  <dropTable tableName=\"x\"/>"
                + "\r\n</changeSet>\r\n</databaseChangeLog>\r\n";
        List<Statement> statements = statements(xml);
        assertEquals("db/changelog.xml:4:3", statements.get(0).start().toString());
    }

    @Test
    void sqlElementKeepsPositionsInsideTheElement() {
        List<Statement> statements = statements(HEAD + """
                    <sql>
                      UPDATE a SET x = 1;
                        DELETE FROM b</sql>
                """ + TAIL);
        assertEquals(2, statements.size());
        assertEquals("db/changelog.xml:5:7", statements.get(0).start().toString());
        assertEquals("UPDATE a SET x = 1", statements.get(0).sql());
        assertEquals("db/changelog.xml:6:9", statements.get(1).start().toString());
    }

    @Test
    void sqlElementWithCdataEntitiesAndNestedComment() {
        List<Statement> statements = statements(HEAD + """
                    <sql><comment>clean up</comment><![CDATA[DELETE FROM a WHERE x < 2;]]>
                  DELETE FROM b WHERE y &gt; 1 AND z = '&amp;';
                    </sql>
                """ + TAIL);
        assertEquals(2, statements.size());
        assertEquals("db/changelog.xml:4:46", statements.get(0).start().toString());
        assertEquals("DELETE FROM a WHERE x < 2", statements.get(0).sql().strip());
        assertEquals("db/changelog.xml:5:3", statements.get(1).start().toString());
        assertTrue(statements.get(1).sql().startsWith("DELETE FROM b WHERE y >"), statements.get(1).sql());
    }

    @Test
    void sqlElementWithEndDelimiter() {
        List<Statement> statements = statements(HEAD + """
                    <sql endDelimiter="@@">DELETE FROM a@@
                DELETE FROM b WHERE s = '@@'@@</sql>
                """ + TAIL);
        assertEquals(2, statements.size());
        assertEquals("DELETE FROM a", statements.get(0).sql());
        assertEquals("DELETE FROM b WHERE s = '@@'", statements.get(1).sql());
        assertEquals("db/changelog.xml:5:1", statements.get(1).start().toString());
    }

    @Test
    void aFileWhoseRootIsAChangeSetIsReadAsThatChangeset() {
        // Solidbase keeps one changeSet per file, without a databaseChangeLog around it.
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <changeSet>
                  <dropTable tableName="ACTIVITY" />
                  <sql>UPDATE ISSUE SET CLOSED = FALSE</sql>
                </changeSet>
                """;
        List<Statement> statements = statements(xml);
        assertEquals(List.of("DROP TABLE ACTIVITY", "UPDATE ISSUE SET CLOSED = FALSE"),
                statements.stream().map(Statement::sql).toList());
        assertEquals("db/changelog.xml:3:3", statements.get(0).start().toString());
        assertEquals("db/changelog.xml:4:8", statements.get(1).start().toString());
        assertEquals("changeset without author and id", statements.get(0).context().label());
    }

    @ParameterizedTest
    @CsvSource({"POSTGRESQL", "MYSQL", "ORACLE", "SQLSERVER", "AUTO"})
    void goAndSlashLinesEndStatementsOnEveryDatabaseAsLiquibaseSplitsThem(Dialect dialect) {
        String xml = HEAD + """
                    <sql endDelimiter="GO">UPDATE a SET x = 1
                GO
                DROP TABLE b
                GO</sql>
                    <sql>DELETE FROM c
                  go
                DROP TABLE d
                /
                UPDATE e SET s = '
                GO
                ' WHERE id = 1 /*
                /
                */;</sql>
                """ + TAIL;
        Changelog changelog = read(xml, new LiquibaseOptions(ScriptMode.SKIP, Map.of(), dialect, List.of()));
        assertEquals(List.of(), changelog.problems());
        List<Statement> statements = changelog.scripts().get(0).script().statements();
        assertEquals(List.of("UPDATE a SET x = 1", "DROP TABLE b", "DELETE FROM c", "DROP TABLE d",
                "UPDATE e SET s = '\nGO\n' WHERE id = 1"), statements.stream().map(Statement::sql).toList());
        assertEquals(List.of("db/changelog.xml:4:28", "db/changelog.xml:6:1", "db/changelog.xml:8:10",
                "db/changelog.xml:10:1", "db/changelog.xml:12:1"),
                statements.stream().map(s -> s.start().toString()).toList());
    }

    @Test
    void propertiesAreSubstitutedInAttributesAndSql() {
        String xml = """
                <databaseChangeLog>
                  <property name="schema" value="app"/>
                  <changeSet id="1" author="a">
                    <delete tableName="${table}" schemaName="${schema}"/>
                    <sql>DELETE FROM ${schema}.orders</sql>
                  </changeSet>
                </databaseChangeLog>
                """;
        Changelog changelog = read(xml, new LiquibaseOptions(ScriptMode.SKIP, Map.of("table", "customers"), null,
                null));
        List<Statement> statements = changelog.scripts().get(0).script().statements();
        assertEquals("DELETE FROM app.customers", statements.get(0).sql());
        assertEquals("DELETE FROM app.orders", statements.get(1).sql());
        assertEquals(5, statements.get(1).start().line());
        assertEquals(10, statements.get(1).start().column());
    }

    @Test
    void buildPropertiesWinOverChangelogProperties() {
        String xml = """
                <databaseChangeLog>
                  <property name="t" value="fromChangelog"/>
                  <changeSet id="1" author="a"><dropTable tableName="${t}"/></changeSet>
                </databaseChangeLog>
                """;
        Changelog changelog = read(xml, new LiquibaseOptions(null, Map.of("t", "fromBuild"), null, null));
        assertEquals("DROP TABLE fromBuild", changelog.scripts().get(0).script().statements().get(0).sql());
    }

    @ParameterizedTest
    @CsvSource({"SKIP, 0", "WARN, 3", "CHECK, 3"})
    void rollbackBlocksFollowTheRollbackMode(ScriptMode mode, int rollbackStatements) {
        String xml = HEAD + """
                    <createTable tableName="t"><column name="id" type="int"/></createTable>
                    <rollback>
                      DROP TABLE t;
                      DELETE FROM audit;
                    </rollback>
                    <rollback><dropTable tableName="u"/></rollback>
                    <rollback changeSetId="0" changeSetAuthor="x"/>
                """ + TAIL;
        Changelog changelog = read(xml, LiquibaseOptions.defaults().withRollbacks(mode));
        List<Statement> statements = changelog.scripts().isEmpty() ? List.of()
                : changelog.scripts().get(0).script().statements().stream().filter(s -> !s.container()).toList();
        assertEquals(rollbackStatements, statements.size());
        if (rollbackStatements > 0) {
            assertEquals("db/changelog.xml:6:7", statements.get(0).start().toString());
            assertEquals("DROP TABLE t", statements.get(0).sql());
            assertEquals("db/changelog.xml:9:15", statements.get(2).start().toString());
            assertEquals(new StatementContext(StatementContext.Kind.ROLLBACK, "changeset alice:1 rollback"),
                    statements.get(2).context());
        }
    }

    /**
     * Rollback code runs once, when someone rolls the changeset back: how often the changeset itself runs
     * (runOnChange, runAlways) says nothing about it, and written before "rollback" it garbled the label.
     */
    @ParameterizedTest
    @ValueSource(strings = {"runOnChange", "runAlways"})
    void aRollbackIsNamedAfterItsChangesetWithoutHowOftenTheChangesetRuns(String attribute) {
        String xml = """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="alice" %s="true">
                    <sql>INSERT INTO unit (name) SELECT DISTINCT units FROM item</sql>
                    <rollback>DELETE FROM unit;</rollback>
                  </changeSet>
                </databaseChangeLog>
                """.formatted(attribute);
        List<Statement> statements = read(xml, LiquibaseOptions.defaults().withRollbacks(ScriptMode.CHECK)).scripts()
                .get(0).script().statements().stream().filter(s -> !s.container()).toList();
        assertEquals(new StatementContext(StatementContext.Kind.ROLLBACK, "changeset alice:1 rollback"),
                statements.get(1).context());
        assertTrue(statements.get(0).context().runsAgain());
        assertFalse(statements.get(1).context().runsAgain());
    }

    @Test
    void changeSetDbmsPicksTheDialectOfItsStatements() {
        List<Statement> statements = statements("""
                <databaseChangeLog>
                  <changeSet id="1" author="a" dbms="oracle"><sql>DELETE FROM a</sql><delete tableName="b"/></changeSet>
                  <changeSet id="2" author="a"><sql>DELETE FROM c</sql></changeSet>
                </databaseChangeLog>
                """);
        assertEquals(List.of(Dialect.ORACLE, Dialect.ORACLE, Dialect.AUTO),
                statements.stream().map(Statement::dialect).toList());
    }
}
