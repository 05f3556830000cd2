package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Liquibase changes that do not map to one statement: merged columns, changes sqlguard cannot see, modifySql. */
class LinterChangelogChangesTest {

    private static final String HEAD = """
            <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                               xmlns:ext="http://www.liquibase.org/xml/ns/dbchangelog-ext">
            """;

    @TempDir
    Path project;

    @Test
    void mergeColumnsDropsBothSourceColumnsAndNarrowsTheirValues() throws IOException {
        write("db/changelog.xml", HEAD + """
                  <changeSet id="1" author="a"><createTable tableName="customer"><column name="id" type="bigint"/>
                    <column name="first_name" type="varchar(100)"/><column name="last_name" type="varchar(100)"/>
                  </createTable></changeSet>
                  <changeSet id="2" author="a">
                    <mergeColumns tableName="customer" column1Name="first_name" column2Name="last_name"
                        finalColumnName="full_name" finalColumnType="varchar(50)" joinString=" "/></changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of(
                "db/changelog.xml:7:5 alter-column-type ALTER TABLE customer changes the type of columns first_name"
                        + " from varchar(100) to varchar(50) (shorter: 100 to 50 characters), last_name from"
                        + " varchar(100) to varchar(50) (shorter: 100 to 50 characters) (changeset a:2)",
                "db/changelog.xml:7:5 drop-column ALTER TABLE customer drops columns first_name, last_name"
                        + " (changeset a:2)"),
                findings());
    }

    /**
     * A change of case in two renames through a free name, as a changeset writes it where a rename to the same
     * name folded does nothing: only the first rename takes a name code uses, on PostgreSQL, where Liquibase quotes
     * the name of mixed case, and on SQL Server, whose collation may tell case apart; on MySQL, which compares names
     * ignoring case, the name comes back (see {@link LinterCaseChangeThroughFreeNameTest}).
     */
    @Test
    void theSecondOfTwoRenamesThroughAFreeNameBreaksNoCode() throws IOException {
        write("db/changelog.xml", HEAD + """
                  <changeSet id="1" author="a"><createTable tableName="orders"><column name="id" type="bigint"/>
                    <column name="shipTo" type="varchar(512)"/></createTable></changeSet>
                  <changeSet id="2" author="a">
                    <renameColumn tableName="orders" oldColumnName="shipTo" newColumnName="shiptotmp" columnDataType="varchar(512)"/>
                    <renameColumn tableName="orders" oldColumnName="shiptotmp" newColumnName="shipto" columnDataType="varchar(512)"/>
                  </changeSet>
                  <changeSet id="3" author="a" dbms="mssql"><addColumn tableName="orders"><column name="note" type="int"/></addColumn></changeSet>
                </databaseChangeLog>
                """);

        for (Dialect dialect : List.of(Dialect.MYSQL, Dialect.POSTGRESQL)) {
            assertEquals(List.of(
                    "db/changelog.xml:6:5 rename-column WARNING ALTER TABLE orders renames column "
                            + (dialect == Dialect.MYSQL ? "shipTo to shiptotmp (changeset a:2, as mssql runs it)"
                                    : "\"shipTo\" to shiptotmp (changeset a:2)"),
                    "db/changelog.xml:7:5 rename-column INFO ALTER TABLE orders renames column shiptotmp to shipto"
                            + " (guarded: column shiptotmp got its name from the rename at line 6, so no code that"
                            + " runs yet uses it) (changeset a:2)"),
                    TestProject.lint(project, dialect).findings().stream()
                            .map(f -> f.location() + " " + f.ruleId() + " " + f.severity() + " " + f.message())
                            .toList(), dialect.name());
        }
    }

    @Test
    void renameColumnOnMySqlRedefinesTheColumnWithItsColumnDataType() throws IOException {
        String created = "<changeSet id=\"1\" author=\"a\"><createTable tableName=\"loan\">"
                + "<column name=\"id\" type=\"bigint\"/><column name=\"strategy_id\" type=\"bigint\"/>"
                + "<column name=\"name\" type=\"varchar(100)\"/></createTable></changeSet>\n";
        String renamed = """
                <changeSet id="2" author="a" dbms="mysql">
                  <renameColumn tableName="loan" oldColumnName="strategy_id" newColumnName="strategy_code" \
                columnDataType="varchar(10)"/>
                  <renameColumn tableName="loan" oldColumnName="name" newColumnName="title" \
                columnDataType="varchar(100)"/>
                </changeSet>
                <changeSet id="3" author="a" dbms="postgresql">
                  <renameColumn tableName="loan" oldColumnName="id" newColumnName="loan_id" columnDataType="smallint"/>
                </changeSet>
                """;
        write("db/changelog.xml", HEAD + created + renamed + "</databaseChangeLog>\n");

        List<String> expected = List.of(
                "db/changelog.xml:5:3 alter-column-type ALTER TABLE loan changes the type of column strategy_id from"
                        + " bigint to varchar(10) (shorter: 20 to 10 characters) (changeset a:2)",
                "db/changelog.xml:5:3 rename-column ALTER TABLE loan renames column strategy_id to strategy_code"
                        + " (changeset a:2)",
                "db/changelog.xml:6:3 rename-column ALTER TABLE loan renames column name to title (changeset a:2)",
                "db/changelog.xml:9:3 rename-column ALTER TABLE loan renames column id to loan_id (changeset a:3)");
        assertEquals(expected, findings());
    }

    @Test
    void renameColumnWithoutDbmsIsJudgedAsMySqlRedefinesItWhenTheDialectIsNotKnown() throws IOException {
        write("db/changelog.xml", HEAD + """
                  <changeSet id="1" author="a">
                    <createTable tableName="devices">
                      <column name="contact" type="VARCHAR(512)"/>
                      <column name="phone" type="VARCHAR(128)"/>
                    </createTable>
                  </changeSet>
                  <changeSet id="2" author="a">
                    <renameColumn tableName="devices" oldColumnName="contact" newColumnName="contactinfo" \
                columnDataType="VARCHAR(64)"/>
                  </changeSet>
                  <changeSet id="3" author="a" dbms="postgresql, h2">
                    <renameColumn tableName="devices" oldColumnName="phone" newColumnName="phonenumber" \
                columnDataType="VARCHAR(16)"/>
                  </changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of(
                "db/changelog.xml:10:5 alter-column-type ALTER TABLE devices changes the type of column contact from"
                        + " VARCHAR(512) to VARCHAR(64) (shorter: 512 to 64 characters) (changeset a:2)",
                "db/changelog.xml:10:5 rename-column ALTER TABLE devices renames column contact to contactinfo"
                        + " (changeset a:2)",
                "db/changelog.xml:13:5 rename-column ALTER TABLE devices renames column phone to phonenumber"
                        + " (changeset a:3)"),
                findings());
    }

    @Test
    void mergeColumnsIntoAWideEnoughTypeOnlyDropsInYamlToo() throws IOException {
        write("db/changelog.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - createTable:
                            tableName: customer
                            columns:
                              - column: {name: first_name, type: varchar(100)}
                              - column: {name: last_name, type: varchar(100)}
                  - changeSet:
                      id: 2
                      author: a
                      changes:
                        - mergeColumns:
                            tableName: customer
                            column1Name: first_name
                            column2Name: last_name
                            finalColumnName: full_name
                            finalColumnType: varchar(250)
                            joinString: ' '
                """);

        assertEquals(List.of(
                "db/changelog.yaml:15:11 drop-column ALTER TABLE customer drops columns first_name, last_name"
                        + " (changeset a:2)"),
                findings());
    }

    @Test
    void markUnusedIsTheDropOfTheColumn() throws IOException {
        write("db/changelog.xml", HEAD + """
                  <changeSet id="1" author="a">
                    <markUnused tableName="employees" columnName="commission_pct"/>
                  </changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of("db/changelog.xml:4:5 drop-column ALTER TABLE employees drops column commission_pct"
                + " (changeset a:1)"), findings());
    }

    @Test
    void changesSqlguardCannotSeeIntoAreReportedWhereTheyStand() throws IOException {
        write("db/changelog.xml", HEAD + """
                  <changeSet id="1" author="a">
                    <customChange class="com.example.PurgeCustomers"/>
                    <executeCommand executable="psql"><arg value="-c"/><arg value="TRUNCATE orders"/></executeCommand>
                    <ext:truncateTable tableName="t2"/>
                    <dropTabel tableName="t3"/>
                  </changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of(
                "db/changelog.xml:4:5 unchecked-change customChange com.example.PurgeCustomers runs Java code that"
                        + " sqlguard cannot see, and its class name says it deletes rows: what it does to the data was"
                        + " not checked (changeset a:1)",
                "db/changelog.xml:5:5 unchecked-change executeCommand psql runs a program outside the database"
                        + " connection (with arguments -c TRUNCATE orders), so what it does to the data was not"
                        + " checked (changeset a:1)",
                "db/changelog.xml:6:5 unchecked-change 'truncateTable' is not a standard Liquibase change (an"
                        + " extension's, or a misspelt one), and its name says it deletes rows: sqlguard cannot tell"
                        + " what it runs and did not check it (changeset a:1)",
                "db/changelog.xml:7:5 unchecked-change 'dropTabel' is not a standard Liquibase change (an"
                        + " extension's, or a misspelt one), so sqlguard cannot tell what it runs and did not check"
                        + " it (changeset a:1)"),
                findings());
    }

    @Test
    void aChangesPropertiesWithoutTheChangesNameAreReportedAsSuch() throws IOException {
        write("db/changelog.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - tableName: orders
                          where: status = 'void'
                """);

        assertEquals(List.of(
                "db/changelog.yaml:6:11 unchecked-change 'tableName' is a property of a change, not a change: its"
                        + " list item names no change (a change's name such as '- update:' is missing above it), so"
                        + " Liquibase runs nothing from it (and refuses the file when it holds a list) and sqlguard"
                        + " did not check it (changeset a:1)",
                "db/changelog.yaml:7:11 unchecked-change 'where' is a property of a change, not a change: its"
                        + " list item names no change (a change's name such as '- update:' is missing above it), so"
                        + " Liquibase runs nothing from it (and refuses the file when it holds a list) and sqlguard"
                        + " did not check it (changeset a:1)"),
                findings());
    }

    @Test
    void aDbmsThatMisspellsADatabaseIsReportedAndItsChangesAreCheckedAllTheSame() throws IOException {
        write("db/changelog.xml", HEAD + """
                  <changeSet id="1" author="a" dbms="postgres">
                    <delete tableName="orders"/>
                  </changeSet>
                  <changeSet id="2" author="a">
                    <sql dbms="sqlserver">TRUNCATE TABLE audit</sql>
                    <sql dbms="clickhouse">SELECT 1</sql>
                  </changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of(
                "db/changelog.xml:3:3 unknown-dbms dbms 'postgres' (did you mean postgresql?) names no database"
                        + " Liquibase knows: recent Liquibase refuses the changelog, older versions never run"
                        + " changeset a:1 on any database",
                "db/changelog.xml:4:5 delete-without-where DELETE without WHERE removes every row of orders"
                        + " (changeset a:1)",
                "db/changelog.xml:7:5 unknown-dbms dbms 'sqlserver' (did you mean mssql?) names no database"
                        + " Liquibase knows: recent Liquibase refuses the changelog, older versions never run its sql"
                        + " (changeset a:2) on any database",
                "db/changelog.xml:7:27 truncate-table TRUNCATE removes every row of table audit (changeset a:2)"),
                findings());
    }

    /** Liquibase checks no dbms precondition's name: one misspelt matches no database, without a word. */
    @Test
    void aDbmsPreconditionThatMisspellsADatabaseIsReportedAtTheCondition() throws IOException {
        write("db/changelog.xml", HEAD + """
                  <changeSet id="1" author="a">
                    <preConditions onFail="CONTINUE">
                      <not><dbms type="hsql"/></not>
                      <or><dbms type="h2"/><dbms type="clickhouse"/></or>
                    </preConditions>
                    <sql>UPDATE orders SET total = 0</sql>
                  </changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of(
                "db/changelog.xml:5:12 unknown-dbms dbms precondition type 'hsql' (did you mean hsqldb?) names no"
                        + " database Liquibase knows: Liquibase does not check it, so the condition holds on no"
                        + " database and the not around it rules out none: the changeset runs on every database, the"
                        + " one meant too (changeset a:1)",
                "db/changelog.xml:8:10 update-without-where UPDATE without WHERE changes every row of orders"
                        + " (changeset a:1)"),
                findings());
    }

    /**
     * A changeset with a dbms of its own runs only there, whatever its misspelt precondition: the message says so,
     * and whether that dbms leaves the database meant out all the same.
     */
    @Test
    void aMisspeltNegatedDbmsPreconditionOfAChangesetWithItsOwnDbmsNamesWhereItRuns() throws IOException {
        write("db/changelog.xml", HEAD + """
                  <changeSet id="1" author="a" dbms="mysql">
                    <preConditions onFail="CONTINUE"><not><dbms type="hsql"/></not></preConditions>
                    <sql>UPDATE orders SET total = 0 WHERE id = 1</sql>
                  </changeSet>
                  <changeSet id="2" author="a" dbms="mysql, hsqldb">
                    <preConditions onFail="CONTINUE"><not><dbms type="hsql"/></not></preConditions>
                    <sql>UPDATE orders SET total = 0 WHERE id = 2</sql>
                  </changeSet>
                </databaseChangeLog>
                """);

        String slip = " unknown-dbms dbms precondition type 'hsql' (did you mean hsqldb?) names no database Liquibase"
                + " knows: Liquibase does not check it, so the condition holds on no database and the not around it"
                + " rules out none: the changeset runs on every database its dbms=";
        assertEquals(List.of(
                "db/changelog.xml:4:43" + slip + "\"mysql\" names, which leaves the one meant out all the same"
                        + " (changeset a:1)",
                "db/changelog.xml:8:43" + slip + "\"mysql, hsqldb\" names, the one meant too (changeset a:2)"),
                findings());
    }

    /** Outside a not (or under two), a misspelt dbms precondition only holds nowhere. */
    @Test
    void aDbmsPreconditionThatMisspellsADatabaseOutsideANotHoldsNowhere() throws IOException {
        write("db/changelog.xml", HEAD + """
                  <changeSet id="1" author="a">
                    <preConditions onFail="MARK_RAN">
                      <not><not><dbms type="postgres"/></not></not>
                    </preConditions>
                    <sql>UPDATE orders SET total = 0 WHERE id = 1</sql>
                  </changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of(
                "db/changelog.xml:5:17 unknown-dbms dbms precondition type 'postgres' (did you mean postgresql?) names"
                        + " no database Liquibase knows: Liquibase does not check it, so the condition holds on no"
                        + " database (changeset a:1)"),
                findings());
    }

    @Test
    void aYamlDbmsThatMisspellsADatabaseIsReportedAtItsValue() throws IOException {
        write("db/changelog.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      dbms: "!h2, mysqll"
                      changes:
                        - dropTable:
                            tableName: customers
                """);

        assertEquals(List.of(
                "db/changelog.yaml:5:14 unknown-dbms dbms 'mysqll' (did you mean mysql?) names no database Liquibase"
                        + " knows: recent Liquibase refuses the changelog, older versions never run changeset a:1 on"
                        + " any database",
                "db/changelog.yaml:7:11 drop-table DROP TABLE removes table customers and all its rows (changeset a:1)"),
                findings());
    }

    /**
     * Every customChange is reported, whatever its name; one whose class name says it deletes rows or drops columns
     * says so, so that it does not read like a harmless one (a class that fills uuids, or moves rows elsewhere).
     */
    @Test
    void aCustomChangeWhoseClassNameSaysItDestroysDataSaysSo() throws IOException {
        write("db/changelog.xml", HEAD + """
                  <changeSet id="1" author="a">
                    <customChange class="com.example.upgrade.DeleteOrphanedRowsChange"/>
                    <customChange class="com.example.upgrade.RemoveDuplicateGrantsTask"/>
                    <customChange class="com.example.upgrade.Migrations$DropLegacyColumns"/>
                    <customChange class="com.example.upgrade.FillMissingUuids"/>
                    <customChange class="com.example.upgrade.MoveDeletedMessages"/>
                    <customChange class="com.example.upgrade.RemoveDuplicateRoles">
                      <param name="tableName" value="roles"/>
                    </customChange>
                    <customChange/>
                  </changeSet>
                </databaseChangeLog>
                """);

        String unseen = " runs Java code that sqlguard cannot see";
        String unchecked = " what it does to the data was not checked (changeset a:1)";
        assertEquals(List.of(
                "db/changelog.xml:4:5 unchecked-change customChange com.example.upgrade.DeleteOrphanedRowsChange"
                        + unseen + ", and its class name says it deletes rows:" + unchecked,
                "db/changelog.xml:5:5 unchecked-change customChange com.example.upgrade.RemoveDuplicateGrantsTask"
                        + unseen + ", so" + unchecked,
                "db/changelog.xml:6:5 unchecked-change customChange com.example.upgrade.Migrations$DropLegacyColumns"
                        + unseen + ", and its class name says it drops columns or tables:" + unchecked,
                "db/changelog.xml:7:5 unchecked-change customChange com.example.upgrade.FillMissingUuids" + unseen
                        + ", so" + unchecked,
                "db/changelog.xml:8:5 unchecked-change customChange com.example.upgrade.MoveDeletedMessages" + unseen
                        + ", so" + unchecked,
                "db/changelog.xml:9:5 unchecked-change customChange com.example.upgrade.RemoveDuplicateRoles" + unseen
                        + ", and its class name says it deletes rows:" + unchecked,
                "db/changelog.xml:12:5 unchecked-change customChange (no class)" + unseen + ", so" + unchecked),
                findings());
    }

    @Test
    void changesSqlguardCannotSeeIntoAreReportedInYaml() throws IOException {
        write("db/changelog.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - customChange:
                            class: com.example.PurgeCustomers
                        - executeCommand:
                            executable: psql
                            args:
                              - arg: {value: -c}
                              - arg: {value: TRUNCATE orders}
                """);

        assertEquals(List.of(
                "db/changelog.yaml:6:11 unchecked-change customChange com.example.PurgeCustomers runs Java code"
                        + " that sqlguard cannot see, and its class name says it deletes rows: what it does to the"
                        + " data was not checked (changeset a:1)",
                "db/changelog.yaml:8:11 unchecked-change executeCommand psql runs a program outside the database"
                        + " connection (with arguments -c TRUNCATE orders), so what it does to the data was not"
                        + " checked (changeset a:1)"),
                findings());
    }

    @Test
    void standardChangesThatKeepEveryRowStaySilent() throws IOException {
        write("db/changelog.xml", HEAD + """
                  <changeSet id="1" author="a">
                    <createTable tableName="t"><column name="id" type="int"/></createTable>
                    <addColumn tableName="t"><column name="x" type="int"/></addColumn>
                    <createIndex tableName="t" indexName="t_x"><column name="x"/></createIndex>
                    <insert tableName="t"><column name="id" valueNumeric="1"/></insert>
                    <addDefaultValue tableName="t" columnName="x" defaultValueNumeric="0"/>
                    <createView viewName="v">SELECT id FROM t</createView>
                    <dropView viewName="v"/>
                    <createSequence sequenceName="s"/>
                    <addUniqueConstraint tableName="t" columnNames="x"/>
                    <setTableRemarks tableName="t" remarks="things"/>
                    <output target="STDOUT">done</output>
                    <empty/>
                    <tagDatabase tag="v1"/>
                  </changeSet>
                  <changeSet id="2" author="a">
                    <stop/>
                  </changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of(), findings());
    }

    @Test
    void modifySqlEditsAreAppliedBeforeTheRulesJudge() throws IOException {
        write("db/changelog.xml", HEAD + """
                  <changeSet id="1" author="a">
                    <delete tableName="t2"><where>id = 1</where></delete>
                    <modifySql><regExpReplace replace="WHERE.*" with=""/></modifySql>
                  </changeSet>
                  <changeSet id="2" author="a">
                    <sql>UPDATE t3 SET x = 1 WHERE id = 2</sql>
                    <modifySql>
                      <replace replace="WHERE id = 2" with=""/>
                      <append value="; DELETE FROM t4"/>
                    </modifySql>
                  </changeSet>
                  <changeSet id="3" author="a">
                    <delete tableName="t5"/>
                    <modifySql><append value=" WHERE id = 3"/><prepend value="/* audited */ "/></modifySql>
                  </changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of(
                "db/changelog.xml:4:5 delete-without-where DELETE without WHERE removes every row of t2"
                        + " (changeset a:1)",
                "db/changelog.xml:8:10 delete-without-where DELETE without WHERE removes every row of t4"
                        + " (changeset a:2)",
                "db/changelog.xml:8:10 update-without-where UPDATE without WHERE changes every row of t3"
                        + " (changeset a:2)"),
                findings());
    }

    @Test
    void modifySqlLimitedToADatabaseKeepsTheGeneratedSqlBesideTheEditedOne() throws IOException {
        write("db/changelog.xml", HEAD + """
                  <changeSet id="1" author="a">
                    <delete tableName="t2"/>
                    <modifySql dbms="mysql"><append value=" WHERE id = 1"/></modifySql>
                  </changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of(
                "db/changelog.xml:4:5 delete-without-where DELETE without WHERE removes every row of t2"
                        + " (changeset a:1)"),
                findings());
    }

    @Test
    void modifySqlThatTurnsAnInsertIntoAReplaceIsJudgedAsTheReplace() throws IOException {
        write("db/changelog.xml", HEAD + """
                  <changeSet id="1" author="a">
                    <insert tableName="settings">
                      <column name="id" valueNumeric="1"/>
                      <column name="theme" value="dark"/>
                    </insert>
                    <modifySql dbms="mysql"><replace replace="INSERT INTO" with="REPLACE INTO"/></modifySql>
                  </changeSet>
                  <changeSet id="2" author="a">
                    <insert tableName="audit"><column name="id" valueNumeric="1"/></insert>
                    <modifySql><append value=" ON DUPLICATE KEY UPDATE id = id"/></modifySql>
                  </changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of(
                "db/changelog.xml:4:5 replace-into REPLACE INTO settings deletes each existing row that has the key"
                        + " of a new row before inserting it: its other columns and its ON DELETE CASCADE children"
                        + " are lost (changeset a:1)"),
                findings());
    }

    @Test
    void modifySqlThatCannotBeAppliedIsReported() throws IOException {
        write("db/changelog.xml", HEAD + """
                  <changeSet id="1" author="a">
                    <delete tableName="t2"><where>id = 1</where></delete>
                    <modifySql>
                      <regExpReplace replace="WHERE (id" with=""/>
                      <regExpReplace replace="WHERE" with="$3"/>
                      <wrap value="x"/>
                    </modifySql>
                  </changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of(
                "db/changelog.xml:5:5 unchecked-change modifySql cannot be applied to 'DELETE FROM t2 WHERE id = 1'"
                        + " (No group 3), so it was checked as generated, not as Liquibase runs it (changeset a:1)",
                "db/changelog.xml:6:7 unchecked-change modifySql regExpReplace 'WHERE (id' is not a valid Java"
                        + " regular expression, so the SQL it rewrites was checked as generated, not as Liquibase"
                        + " runs it (changeset a:1)",
                "db/changelog.xml:8:7 unchecked-change modifySql <wrap> is not a modifier sqlguard knows (replace,"
                        + " regExpReplace, prepend, append), so the SQL it rewrites was checked as generated, not as"
                        + " Liquibase runs it (changeset a:1)"),
                findings());
    }

    @Test
    void anIncludeCycleWithNoOutsideRootChecksEveryFileAndIsReportedWhereItCloses() throws IOException {
        write("db/db.changelog-master.xml", HEAD + """
                  <changeSet id="1" author="a"><dropTable tableName="t1"/></changeSet>
                  <include file="b.xml" relativeToChangelogFile="true"/>
                </databaseChangeLog>
                """);
        write("db/b.xml", HEAD + """
                  <changeSet id="2" author="a"><dropTable tableName="t2"/></changeSet>
                  <include file="db.changelog-master.xml" relativeToChangelogFile="true"/>
                </databaseChangeLog>
                """);

        LintResult result = lint();

        // b.xml comes first by path, so it is the root and the master's include of it closes the cycle.
        assertEquals(List.of(
                "db/b.xml:3:32 drop-table DROP TABLE removes table t2 and all its rows (changeset a:2)",
                "db/db.changelog-master.xml:3:32 drop-table DROP TABLE removes table t1 and all its rows"
                        + " (changeset a:1)",
                "db/db.changelog-master.xml:4:3 malformed-changelog Include cycle db/b.xml ->"
                        + " db/db.changelog-master.xml -> db/b.xml: Liquibase refuses a changelog that includes"
                        + " itself; sqlguard checked each file of the cycle once."),
                result.findings().stream().map(LinterChangelogChangesTest::line).toList());
        assertEquals(List.of("db/b.xml", "db/db.changelog-master.xml"), result.scannedFiles());
    }

    @Test
    void aYamlIncludeCycleBelowAnOutsideRootIsCheckedThroughThatRoot() throws IOException {
        write("db/changelog.yaml", """
                databaseChangeLog:
                  - include:
                      file: db/a.yaml
                """);
        write("db/a.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - dropTable:
                            tableName: t1
                  - include:
                      file: db/b.yaml
                """);
        write("db/b.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 2
                      author: a
                      changes:
                        - dropTable:
                            tableName: t2
                  - include:
                      file: db/a.yaml
                """);

        assertEquals(List.of(
                "db/a.yaml:6:11 drop-table DROP TABLE removes table t1 and all its rows (changeset a:1)",
                "db/b.yaml:6:11 drop-table DROP TABLE removes table t2 and all its rows (changeset a:2)",
                "db/b.yaml:8:5 malformed-changelog Include cycle db/a.yaml -> db/b.yaml -> db/a.yaml: Liquibase"
                        + " refuses a changelog that includes itself; sqlguard checked each file of the cycle"
                        + " once."),
                findings());
    }

    @Test
    void anUpdateThatFillsAColumnItsChangesetAddedOverwritesNothing() throws IOException {
        write("db/changelog.xml", HEAD + """
                  <changeSet id="1" author="a"><createTable tableName="invoice"><column name="id" type="bigint"/>
                    <column name="total" type="int"/></createTable></changeSet>
                  <changeSet id="2" author="a">
                    <addColumn tableName="invoice"><column name="total_cents" type="bigint"/></addColumn>
                    <update tableName="invoice"><column name="total_cents" valueComputed="total * 100"/></update>
                    <addNotNullConstraint tableName="invoice" columnName="total_cents" columnDataType="bigint"/>
                  </changeSet>
                  <changeSet id="3" author="a">
                    <update tableName="invoice"><column name="total_cents" valueComputed="total * 10"/></update>
                  </changeSet>
                </databaseChangeLog>
                """);

        List<Finding> findings = lint().findings();
        assertEquals(List.of(
                "db/changelog.xml:7:5 update-without-where UPDATE without WHERE changes every row of invoice"
                        + " (guarded: column total_cents was added earlier in this changeset and nothing has written it"
                        + " since) (changeset a:2)",
                // total * 100 is NULL where total is: MySQL's MODIFY .. NOT NULL turns those into 0.
                "db/changelog.xml:8:5 not-null-fills-nulls NOT NULL on nullable column total_cents of invoice: every"
                        + " NULL it holds becomes the type's implicit default ('' or 0, not the DEFAULT clause) on MySQL"
                        + " and MariaDB outside strict mode, and fails the statement in strict mode (changeset a:2)",
                // Changeset 2 wrote total_cents: changeset 3 overwrites those values, run in one deploy or not.
                "db/changelog.xml:11:5 update-without-where UPDATE without WHERE changes every row of invoice"
                        + " (changeset a:3)"),
                findings.stream().map(LinterChangelogChangesTest::line).toList());
        assertEquals(List.of(Severity.INFO, Severity.WARNING, Severity.ERROR),
                findings.stream().map(Finding::severity).toList());
    }

    @Test
    void anAddColumnWithAComputedValueCopiesTheColumnItNames() throws IOException {
        // Liquibase fills the new column in every row: UPDATE account SET created_by = opened_by.
        write("db/changelog.xml", HEAD + """
                  <changeSet id="1" author="a"><createTable tableName="account"><column name="id" type="bigint"/>
                    <column name="opened_by" type="bigint"/><column name="owner" type="bigint"/></createTable>
                  </changeSet>
                  <changeSet id="2" author="a">
                    <addColumn tableName="account">
                      <column name="created_by" type="bigint" valueComputed="opened_by"/>
                      <column name="status" type="varchar(10)" value="open"/>
                    </addColumn>
                    <dropColumn tableName="account" columnName="opened_by"/>
                  </changeSet>
                  <changeSet id="3" author="a">
                    <addColumn tableName="account"><column name="owner_id" type="bigint" valueComputed="owner"/>
                    </addColumn>
                  </changeSet>
                  <changeSet id="4" author="a"><dropColumn tableName="account" columnName="owner"/></changeSet>
                </databaseChangeLog>
                """);

        List<Finding> findings = lint().findings();
        assertEquals(List.of(
                "db/changelog.xml:7:5 update-without-where UPDATE without WHERE changes every row of account"
                        + " (guarded: column created_by was added earlier in this changeset and nothing has written it"
                        + " since) (changeset a:2)",
                "db/changelog.xml:11:5 drop-column ALTER TABLE account drops column opened_by (guarded: values of"
                        + " opened_by copied to created_by at line 7) (changeset a:2)",
                "db/changelog.xml:14:5 update-without-where UPDATE without WHERE changes every row of account"
                        + " (guarded: column owner_id was added earlier in this changeset and nothing has written it"
                        + " since) (changeset a:3)",
                "db/changelog.xml:17:32 drop-column ALTER TABLE account drops column owner (values of owner copied"
                        + " to owner_id at line 14 of changelog.xml, an earlier changeset; what was written after it"
                        + " ran is not in that copy) (changeset a:4)"),
                findings.stream().map(LinterChangelogChangesTest::line).toList());
        assertEquals(List.of(Severity.INFO, Severity.INFO, Severity.INFO, Severity.ERROR),
                findings.stream().map(Finding::severity).toList());
    }

    @Test
    void aBackfillWrittenOncePerDatabaseFillsTheNewColumnOnEachOfThem() throws IOException {
        write("db/changelog.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - createTable:
                            tableName: teams
                            columns:
                              - column: {name: id, type: bigint}
                  - changeSet:
                      id: 2
                      author: a
                      changes:
                        - addColumn:
                            tableName: teams
                            columns:
                              - column: {name: region, type: varchar(20)}
                        - sql:
                            dbms: mysql, mariadb
                            sql: update `teams` set region = 'EU'
                        - sql:
                            dbms: postgresql
                            sql: update teams set region = 'EU'
                        - sql:
                            dbms: postgresql
                            sql: update teams set region = 'US'
                """);

        List<Finding> findings = lint().findings();
        assertEquals(List.of(
                "db/changelog.yaml:20:18 update-without-where UPDATE without WHERE changes every row of `teams`"
                        + " (guarded: column region was added earlier in this changeset and nothing has written it"
                        + " since) (changeset a:2)",
                "db/changelog.yaml:23:18 update-without-where UPDATE without WHERE changes every row of teams"
                        + " (guarded: column region was added earlier in this changeset and nothing has written it"
                        + " since) (changeset a:2)",
                "db/changelog.yaml:26:18 update-without-where UPDATE without WHERE changes every row of teams"
                        + " (changeset a:2)"),
                findings.stream().map(LinterChangelogChangesTest::line).toList());
        assertEquals(List.of(Severity.INFO, Severity.INFO, Severity.ERROR),
                findings.stream().map(Finding::severity).toList());
    }

    @Test
    void aMysqlJoinUpdateThatFillsOnlyColumnsItsChangesetAddedOverwritesNothing() throws IOException {
        write("db/changelog.xml", HEAD + """
                  <changeSet id="1" author="a"><createTable tableName="plans"><column name="id" type="bigint"/>
                    <column name="api" type="bigint"/></createTable></changeSet>
                  <changeSet id="2" author="a" dbms="mysql">
                    <addColumn tableName="plans"><column name="env" type="varchar(64)"/></addColumn>
                    <sql>UPDATE `plans` p LEFT OUTER JOIN apis a ON p.api = a.id SET p.env = a.env</sql>
                  </changeSet>
                  <changeSet id="3" author="a" dbms="mysql">
                    <sql>UPDATE plans p LEFT JOIN apis a ON p.api = a.id SET p.env = a.env</sql>
                  </changeSet>
                </databaseChangeLog>
                """);

        List<Finding> findings = lint().findings();
        assertEquals(List.of(
                "db/changelog.xml:7:10 update-without-where UPDATE without WHERE changes every row of `plans`"
                        + " (guarded: column env was added earlier in this changeset and nothing has written it"
                        + " since) (changeset a:2)",
                "db/changelog.xml:10:10 update-without-where UPDATE without WHERE changes every row of plans"
                        + " (changeset a:3)"),
                findings.stream().map(LinterChangelogChangesTest::line).toList());
        assertEquals(List.of(Severity.INFO, Severity.ERROR), findings.stream().map(Finding::severity).toList());
    }

    @Test
    void aDbmsPreconditionRestrictsTheChangesetLikeItsDbmsAttributeUnlessItOnlyWarns() throws IOException {
        write("db/changelog.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - createTable:
                            tableName: ticket
                            columns:
                              - column: {name: note, type: varchar(50)}
                              - column: {name: body, type: varchar(50)}
                  - changeSet:
                      id: 2
                      author: a
                      preConditions:
                        - onFail: MARK_RAN
                        - dbms:
                            type: postgresql
                      changes:
                        - sql: ALTER TABLE ticket ALTER COLUMN note TYPE varchar(500)
                  - changeSet:
                      id: 3
                      author: a
                      preConditions:
                        - onFail: WARN
                        - dbms:
                            type: postgresql
                      changes:
                        - sql: ALTER TABLE ticket ALTER COLUMN body TYPE varchar(500)
                  - changeSet:
                      id: 4
                      author: a
                      changes:
                        - modifyDataType: {tableName: ticket, columnName: note, newDataType: varchar(100)}
                        - modifyDataType: {tableName: ticket, columnName: body, newDataType: varchar(100)}
                """);

        assertEquals(List.of(
                "db/changelog.yaml:33:11 alter-column-type ALTER TABLE ticket changes the type of column note from"
                        + " varchar(500) to varchar(100) (shorter: 500 to 100 characters) on postgresql"
                        + " (changeset a:4)",
                "db/changelog.yaml:34:11 alter-column-type ALTER TABLE ticket changes the type of column body from"
                        + " varchar(500) to varchar(100) (shorter: 500 to 100 characters) (changeset a:4)"),
                findings());
    }

    @Test
    void aNotDbmsPreconditionRulesThoseDatabasesOut() throws IOException {
        write("db/changelog.xml", HEAD + """
                  <changeSet id="1" author="a"><createTable tableName="config"><column name="id" type="bigint"/>
                    <column name="val" type="varchar(4000)"/></createTable></changeSet>
                  <changeSet id="2" author="a">
                    <preConditions onFail="MARK_RAN"><dbms type="oracle"/></preConditions>
                    <modifyDataType tableName="config" columnName="val" newDataType="nclob"/>
                  </changeSet>
                  <changeSet id="3" author="a">
                    <preConditions onFail="MARK_RAN"><not><dbms type="oracle"/></not></preConditions>
                    <modifyDataType tableName="config" columnName="val" newDataType="nvarchar(255)"/>
                  </changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of("db/changelog.xml:11:5 alter-column-type ALTER TABLE config changes the type of column"
                + " val from varchar(4000) to nvarchar(255) (shorter: 4000 to 255 characters) (changeset a:3)"),
                findings());
    }

    @Test
    void aTriggersDeletedRowsRestrictInAChangesetOnlySqlServerRunsWhateverTheConfiguredDialect() throws IOException {
        write("db/changelog.xml", HEAD + """
                  <changeSet id="1" author="a">
                    <preConditions onFail="MARK_RAN"><dbms type="mssql"/></preConditions>
                    <sql>
                      CREATE TRIGGER tg_users_delete ON tc_users FOR DELETE AS BEGIN
                      DELETE FROM tc_user_user WHERE manageduserid IN (SELECT deleted.id FROM deleted)
                      END
                    </sql>
                  </changeSet>
                  <changeSet id="2" author="a">
                    <sql>
                      CREATE TRIGGER tg_groups_delete ON tc_groups FOR DELETE AS BEGIN
                      UPDATE tc_groups SET groupid = NULL WHERE groupid IN (SELECT deleted.id FROM deleted)
                      END
                    </sql>
                  </changeSet>
                </databaseChangeLog>
                """);

        List<String> found = TestProject.lint(project, Dialect.MYSQL).findings().stream()
                .map(LinterChangelogChangesTest::line).toList();
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("db/changelog.xml:14:7 unfiltered-subquery UPDATE on tc_groups"),
                found.toString());
    }

    @Test
    void anOrOfDbmsPreconditionsRunsTheChangesetOnThoseDatabasesOnly() throws IOException {
        write("db/changelog.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - createTable:
                            tableName: core_user
                            columns:
                              - column: {name: email, type: varchar(254)}
                              - column: {name: name, type: varchar(254)}
                  - changeSet:
                      id: 2
                      author: a
                      preConditions:
                        - onFail: MARK_RAN
                        - dbms: {type: postgresql}
                      changes:
                        - modifyDataType: {tableName: core_user, columnName: email, newDataType: citext}
                        - modifyDataType: {tableName: core_user, columnName: name, newDataType: text}
                  - changeSet:
                      id: 3
                      author: a
                      preConditions:
                        - onFail: MARK_RAN
                        - or:
                            - dbms: {type: h2}
                            - dbms: {type: hsqldb}
                      changes:
                        - modifyDataType: {tableName: core_user, columnName: email, newDataType: varchar_ignorecase(254)}
                  - changeSet:
                      id: 4
                      author: a
                      preConditions:
                        - onFail: MARK_RAN
                        - or:
                            - dbms: {type: h2}
                            - tableExists: {tableName: core_user}
                      changes:
                        - modifyDataType: {tableName: core_user, columnName: name, newDataType: varchar(100)}
                """);

        // Changeset 3 never runs on PostgreSQL, where email became citext; changeset 4 may run there.
        assertEquals(List.of("db/changelog.yaml:39:11 alter-column-type ALTER TABLE core_user changes the type of"
                + " column name from varchar(254) to varchar(100) (shorter: 254 to 100 characters) on h2, hsqldb,"
                + " other databases; from TEXT to varchar(100) (shorter: unlimited to 100 characters) on postgresql"
                + " (changeset a:4)"), findings());
    }

    @Test
    void anUpdateThatMovesAColumnsValuesIntoANewColumnBeforeClearingItLosesNothing() throws IOException {
        write("db/changelog.xml", HEAD + """
                  <changeSet id="1" author="a"><createTable tableName="config"><column name="id" type="bigint"/>
                    <column name="val" type="varchar(4000)"/><column name="note" type="varchar(50)"/>
                  </createTable></changeSet>
                  <changeSet id="2" author="a">
                    <addColumn tableName="config"><column name="val_new" type="clob"/></addColumn>
                    <sql>UPDATE config SET val_new = val, val = NULL</sql>
                  </changeSet>
                  <changeSet id="3" author="a">
                    <addColumn tableName="config"><column name="note_new" type="clob"/></addColumn>
                    <sql>UPDATE config SET note = NULL, note_new = note</sql>
                  </changeSet>
                </databaseChangeLog>
                """);

        List<Finding> findings = lint().findings();
        assertEquals(List.of(
                "db/changelog.xml:8:10 update-without-where UPDATE without WHERE changes every row of config"
                        + " (guarded: column val_new was added earlier in this changeset and nothing has written it"
                        + " since; the values it overwrites in val are copied there first) (changeset a:2)",
                "db/changelog.xml:12:10 update-without-where UPDATE without WHERE changes every row of config"
                        + " (changeset a:3)"),
                findings.stream().map(LinterChangelogChangesTest::line).toList());
        assertEquals(List.of(Severity.INFO, Severity.ERROR), findings.stream().map(Finding::severity).toList());
    }

    @Test
    void aChangeWithItsOwnDbmsChangesTheSchemaOfThoseDatabasesOnly() throws IOException {
        write("db/changelog.xml", HEAD + """
                  <changeSet id="1" author="a"><createTable tableName="ticket"><column name="id" type="bigint"/>
                    <column name="note" type="varchar(50)"/></createTable></changeSet>
                  <changeSet id="2" author="a">
                    <sql dbms="postgresql">ALTER TABLE ticket ALTER COLUMN note TYPE varchar(500)</sql>
                  </changeSet>
                  <changeSet id="3" author="a">
                    <modifyDataType tableName="ticket" columnName="note" newDataType="varchar(100)"/>
                  </changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of("db/changelog.xml:9:5 alter-column-type ALTER TABLE ticket changes the type of column"
                + " note from varchar(500) to varchar(100) (shorter: 500 to 100 characters) on postgresql"
                + " (changeset a:3)"), findings());
    }

    @Test
    void valuesCopiedOnOneDatabaseOnlyAreStillLostOnTheOthersWhenTheColumnIsDropped() throws IOException {
        write("db/changelog.xml", HEAD + """
                  <changeSet id="1" author="a"><createTable tableName="customer"><column name="id" type="bigint"/>
                    <column name="name" type="varchar(100)"/></createTable></changeSet>
                  <changeSet id="2" author="a">
                    <addColumn tableName="customer"><column name="full_name" type="varchar(100)"/></addColumn>
                    <sql dbms="mysql">UPDATE customer SET full_name = name</sql>
                    <dropColumn tableName="customer" columnName="name"/>
                  </changeSet>
                  <changeSet id="3" author="a" dbms="mysql">
                    <addColumn tableName="customer"><column name="label" type="varchar(100)"/></addColumn>
                    <sql dbms="mysql">UPDATE customer SET label = full_name</sql>
                    <dropColumn tableName="customer" columnName="full_name"/>
                  </changeSet>
                </databaseChangeLog>
                """);

        List<Finding> findings = lint().findings();
        assertEquals(List.of(
                "db/changelog.xml:7:23 update-without-where UPDATE without WHERE changes every row of customer"
                        + " (guarded: column full_name was added earlier in this changeset and nothing has written it"
                        + " since) (changeset a:2)",
                "db/changelog.xml:8:5 drop-column ALTER TABLE customer drops column name (changeset a:2)",
                "db/changelog.xml:12:23 update-without-where UPDATE without WHERE changes every row of customer"
                        + " (guarded: column label was added earlier in this changeset and nothing has written it"
                        + " since) (changeset a:3)",
                "db/changelog.xml:13:5 drop-column ALTER TABLE customer drops column full_name (guarded: values of"
                        + " full_name copied to label at line 12) (changeset a:3)"),
                findings.stream().map(LinterChangelogChangesTest::line).toList());
        assertEquals(List.of(Severity.INFO, Severity.ERROR, Severity.INFO, Severity.INFO),
                findings.stream().map(Finding::severity).toList());
    }

    @Test
    void rowsOfATableItsChangesetCreatedAreNotReportedButOtherChangesetsStillAre() throws IOException {
        write("db/changelog.xml", HEAD + """
                  <changeSet id="1" author="a">
                    <createTable tableName="tmp_import"><column name="id" type="int"/></createTable>
                    <sql>INSERT INTO tmp_import SELECT id FROM customer</sql>
                    <delete tableName="tmp_import"/>
                    <dropTable tableName="tmp_import"/>
                  </changeSet>
                  <changeSet id="2" author="a">
                    <createTable tableName="staging"><column name="id" type="int"/></createTable>
                  </changeSet>
                  <changeSet id="3" author="a">
                    <dropTable tableName="staging"/>
                  </changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of("db/changelog.xml:13:5 drop-table DROP TABLE removes table staging and all its rows"
                + " (changeset a:3)"), findings());
    }

    @Test
    void aCreateTableIfNotExistsMayFindTheTableWithRowsSoItsDeleteIsReported() throws IOException {
        write("db/changelog.xml", HEAD + """
                  <changeSet id="1" author="a">
                    <createTable tableName="audit_log" ifNotExists="true"><column name="id" type="int"/></createTable>
                    <delete tableName="audit_log"/>
                  </changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of("db/changelog.xml:5:5 delete-without-where DELETE without WHERE removes every row of"
                + " audit_log (changeset a:1)"), findings());
    }

    @Test
    void aChangeWrittenAsABareWordInYamlIsReportedByItsName() throws IOException {
        write("db/changelog.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - dropTable
                        - delete: {tableName: t}
                """);

        assertEquals(List.of(
                "db/changelog.yaml:6:11 unchecked-change 'dropTable' stands in the list of changes without attributes"
                        + " (not as '- dropTable: {tableName: t}'), so Liquibase cannot run it as a change and"
                        + " sqlguard did not check it (changeset a:1)",
                "db/changelog.yaml:7:11 delete-without-where DELETE without WHERE removes every row of t"
                        + " (changeset a:1)"),
                findings());
    }

    @Test
    void anUpdateOfANewAndAnOldColumnInYamlStillOverwritesTheOldOne() throws IOException {
        write("db/changelog.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - createTable:
                            tableName: invoice
                            columns:
                              - column: {name: total, type: int}
                  - changeSet:
                      id: 2
                      author: a
                      changes:
                        - addColumn:
                            tableName: invoice
                            columns:
                              - column: {name: total_cents, type: bigint}
                        - update:
                            tableName: invoice
                            columns:
                              - column: {name: total_cents, valueComputed: total * 100}
                        - update:
                            tableName: invoice
                            columns:
                              - column: {name: total_cents, valueNumeric: 0}
                              - column: {name: total, valueNumeric: 0}
                """);

        List<Finding> findings = lint().findings();
        assertEquals(List.of("db/changelog.yaml:18:11 update-without-where", "db/changelog.yaml:22:11 update-without-where"),
                findings.stream().map(f -> f.location() + " " + f.ruleId()).toList());
        assertEquals(List.of(Severity.INFO, Severity.ERROR), findings.stream().map(Finding::severity).toList());
    }

    @Test
    void aLookupTableDroppedInTheChangesetThatFilledItLosesNothing() throws IOException {
        write("db/changelog.xml", HEAD + """
                  <changeSet id="1" author="a"><createTable tableName="concept_name_tag">
                    <column name="concept_name_tag_id" type="int"/><column name="tag" type="varchar(50)"/>
                  </createTable></changeSet>
                  <changeSet id="2" author="a">
                    <addLookupTable existingTableName="concept_name_tag" existingColumnName="concept_name_tag_id"
                        newTableName="tmp_tag_duplicates" newColumnName="concept_name_tag_id"
                        newColumnDataType="int" constraintName="tag_ids_dupes"/>
                    <dropForeignKeyConstraint constraintName="tag_ids_dupes" baseTableName="concept_name_tag"/>
                    <delete tableName="tmp_tag_duplicates">
                      <where>concept_name_tag_id not in (select concept_name_tag_id from concept_name_tag
                        where tag in (select tag from concept_name_tag group by tag having count(*) &gt; 1))</where>
                    </delete>
                    <dropTable tableName="tmp_tag_duplicates"/>
                  </changeSet>
                  <changeSet id="3" author="a">
                    <addLookupTable existingTableName="concept_name_tag" existingColumnName="tag"
                        newTableName="tag_names" newColumnName="tag" newColumnDataType="varchar(50)"/>
                  </changeSet>
                  <changeSet id="4" author="a"><dropTable tableName="tag_names"/></changeSet>
                </databaseChangeLog>
                """);

        // Changeset 4 runs apart from the one that filled tag_names: rows added since would be lost.
        assertEquals(List.of("db/changelog.xml:21:32 drop-table DROP TABLE removes table tag_names and all its rows"
                + " (changeset a:4)"), findings());
    }

    @Test
    void anUpdateThatCopiesAColumnWithAComputedValueGuardsTheDropOfThatColumn() throws IOException {
        write("db/changelog.xml", HEAD + """
                  <changeSet id="1" author="a"><createTable tableName="users"><column name="user_id" type="int"/>
                    <column name="voided" type="boolean"/><column name="void_reason" type="varchar(255)"/>
                  </createTable></changeSet>
                  <changeSet id="2" author="a">
                    <addColumn tableName="users">
                      <column name="retired" type="boolean"/><column name="retire_reason" type="varchar(255)"/>
                    </addColumn>
                    <update tableName="users">
                      <column name="retired" valueNumeric="voided"/>
                      <column name="retire_reason" valueComputed="void_reason"/>
                    </update>
                    <dropColumn tableName="users" columnName="voided"/>
                    <dropColumn tableName="users" columnName="void_reason"/>
                  </changeSet>
                  <changeSet id="3" author="a">
                    <update tableName="users"><column name="retired" valueNumeric="1"/></update>
                    <dropColumn tableName="users" columnName="retire_reason"/>
                  </changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of(
                "db/changelog.xml:10:5 update-without-where UPDATE without WHERE changes every row of users (guarded:"
                        + " columns retired, retire_reason were added earlier in this changeset and nothing has written"
                        + " them since) (changeset a:2)",
                "db/changelog.xml:14:5 drop-column ALTER TABLE users drops column voided (guarded: values of voided"
                        + " copied to retired at line 10) (changeset a:2)",
                "db/changelog.xml:15:5 drop-column ALTER TABLE users drops column void_reason (guarded: values of"
                        + " void_reason copied to retire_reason at line 10) (changeset a:2)",
                "db/changelog.xml:18:5 update-without-where UPDATE without WHERE changes every row of users"
                        + " (changeset a:3)",
                "db/changelog.xml:19:5 drop-column ALTER TABLE users drops column retire_reason (changeset a:3)"),
                findings());
    }

    @Test
    void modifyColumnOfTheExtensionIsCheckedAsTheTypeChangeItIs() throws IOException {
        write("db/changelog.xml", HEAD + """
                  <changeSet id="1" author="a"><createTable tableName="drug"><column name="drug_id" type="int"/>
                    <column name="name" type="varchar(255)"/><column name="retire_reason" type="varchar(50)"/>
                  </createTable></changeSet>
                  <changeSet id="2" author="a">
                    <ext:modifyColumn tableName="drug">
                      <column name="name" type="varchar(50)"/>
                    </ext:modifyColumn>
                    <ext:modifyColumn tableName="drug">
                      <column name="retire_reason" type="varchar(255)"/>
                    </ext:modifyColumn>
                    <ext:modifyColumn tableName="drug">
                      <column name="drug_id"><constraints nullable="false"/></column>
                    </ext:modifyColumn>
                  </changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of(
                "db/changelog.xml:7:5 alter-column-type ALTER TABLE drug changes the type of column name from"
                        + " varchar(255) to varchar(50) (shorter: 255 to 50 characters) (changeset a:2)",
                "db/changelog.xml:13:5 unchecked-change modifyColumn on drug leaves the type of a column out, so"
                        + " sqlguard cannot tell what it redefines and did not check it (changeset a:2)"),
                findings());
    }

    @Test
    void aPreconditionThatNoRowHasAValueGuardsTheDropOfThatColumnOnly() throws IOException {
        write("db/changelog.xml", HEAD + """
                  <changeSet id="1" author="a"><createTable tableName="obs"><column name="obs_id" type="int"/>
                    <column name="value_boolean" type="boolean"/><column name="value_text" type="text"/>
                  </createTable></changeSet>
                  <changeSet id="2" author="a">
                    <preConditions onFail="MARK_RAN">
                      <and>
                        <columnExists tableName="obs" columnName="value_boolean"/>
                        <sqlCheck expectedResult="0">
                          select count(*) from obs where value_boolean is NOT NULL
                        </sqlCheck>
                      </and>
                    </preConditions>
                    <dropColumn columnName="value_boolean" tableName="obs"/>
                    <dropColumn columnName="value_text" tableName="obs"/>
                  </changeSet>
                  <changeSet id="3" author="a">
                    <preConditions onFail="WARN">
                      <sqlCheck expectedResult="0">select count(*) from obs where obs_id is not null</sqlCheck>
                    </preConditions>
                    <dropColumn columnName="obs_id" tableName="obs"/>
                  </changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of(
                "db/changelog.xml:15:5 drop-column ALTER TABLE obs drops column value_boolean (guarded: runs only"
                        + " when no row of obs has a value in value_boolean (changeset precondition)) (changeset a:2)",
                "db/changelog.xml:16:5 drop-column ALTER TABLE obs drops column value_text (changeset a:2)",
                "db/changelog.xml:22:5 drop-column ALTER TABLE obs drops column obs_id (changeset a:3)"),
                findings());
    }

    private List<String> findings() {
        return lint().findings().stream().map(LinterChangelogChangesTest::line).toList();
    }

    static String line(Finding finding) {
        return finding.location() + " " + finding.ruleId() + " " + finding.message();
    }

    private void write(String path, String text) throws IOException {
        TestProject.write(project, path, text);
    }

    private LintResult lint() {
        return TestProject.lint(project, Dialect.AUTO);
    }
}
