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

/**
 * Type changes are judged against the schema the database that runs them has: Liquibase changesets for one
 * {@code dbms} (or a context named after a database) shape only that database's schema, files per database
 * share the files every database runs, and down scripts run against the schema their up script left.
 */
class LinterDatabaseHistoriesTest {

    private static final String DOWN = " (down migration, which runs only when its up migration is rolled back)";

    @TempDir
    Path project;

    @Test
    void xmlChangesetsForOneDbmsShapeOnlyThatDatabasesSchema() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a" dbms="mysql, mariadb">
                    <createTable tableName="note"><column name="created" type="DATETIME"/></createTable>
                  </changeSet>
                  <changeSet id="1" author="a" dbms="postgresql">
                    <createTable tableName="note"><column name="created" type="TIMESTAMP WITH TIME ZONE"/></createTable>
                  </changeSet>
                  <changeSet id="2" author="a" dbms="mysql,mariadb">
                    <modifyDataType tableName="note" columnName="created" newDataType="datetime(6)"/>
                  </changeSet>
                  <changeSet id="3" author="a" dbms="!h2">
                    <addColumn tableName="note"><column name="title" type="VARCHAR(100)"/></addColumn>
                  </changeSet>
                  <changeSet id="4" author="a">
                    <modifyDataType tableName="note" columnName="title" newDataType="VARCHAR(20)"/>
                  </changeSet>
                </databaseChangeLog>
                """);

        List<Finding> findings = lint("alter-column-type");

        // datetime to datetime(6) on MySQL only: more precision, not the time zone the PostgreSQL table has.
        assertEquals(1, findings.size(), findings.toString());
        assertEquals("ALTER TABLE note changes the type of column title from VARCHAR(100) to VARCHAR(20)"
                + " (shorter: 100 to 20 characters) (changeset a:4)", findings.get(0).message());
    }

    @Test
    void yamlChangesetsForOneDbmsAndDatabaseNamedContextsShapeOnlyThatDatabasesSchema() throws IOException {
        write("db/changelog.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      context: mysql
                      changes:
                        - createTable:
                            tableName: note
                            columns:
                              - column: {name: created, type: DATETIME}
                  - changeSet:
                      id: 1
                      author: a
                      context: postgresql
                      changes:
                        - createTable:
                            tableName: note
                            columns:
                              - column: {name: created, type: TIMESTAMP WITH TIME ZONE}
                  - changeSet:
                      id: 2
                      author: a
                      dbms: mysql
                      changes:
                        - modifyDataType: {tableName: note, columnName: created, newDataType: datetime(6)}
                  - changeSet:
                      id: 3
                      author: a
                      dbms: postgresql
                      changes:
                        - modifyDataType: {tableName: note, columnName: created, newDataType: DATE}
                """);

        List<Finding> findings = lint("alter-column-type");

        assertEquals(1, findings.size(), findings.toString());
        assertEquals("ALTER TABLE note changes the type of column created from TIMESTAMP WITH TIME ZONE to DATE"
                + " (drops the time of day) (changeset a:3)", findings.get(0).message());
    }

    @Test
    void formattedSqlChangesetsForOneDbmsShapeOnlyThatDatabasesSchema() throws IOException {
        write("db/changelog.sql", """
                --liquibase formatted sql
                --changeset a:1 dbms:mysql
                CREATE TABLE t (c DATETIME);
                --changeset a:1 dbms:postgresql
                CREATE TABLE t (c TIMESTAMP WITH TIME ZONE);
                --changeset a:2 dbms:mysql
                ALTER TABLE t MODIFY c DATETIME(6);
                --changeset a:3 context:postgresql
                ALTER TABLE t ALTER COLUMN c TYPE DATE;
                """);

        List<Finding> findings = lint("alter-column-type");

        assertEquals(1, findings.size(), findings.toString());
        assertEquals("ALTER TABLE t changes the type of column c from TIMESTAMP WITH TIME ZONE to DATE (drops the"
                + " time of day) (changeset a:3)", findings.get(0).message());
    }

    @Test
    void aChangeJudgedDifferentlyPerDatabaseNamesEachDatabase() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a" dbms="postgresql">
                    <createTable tableName="t"><column name="c" type="TEXT"/></createTable>
                  </changeSet>
                  <changeSet id="1" author="a" dbms="oracle">
                    <createTable tableName="t"><column name="c" type="VARCHAR2(10)"/></createTable>
                  </changeSet>
                  <changeSet id="2" author="a">
                    <modifyDataType tableName="t" columnName="c" newDataType="VARCHAR(50)"/>
                  </changeSet>
                </databaseChangeLog>
                """);

        List<Finding> findings = lint("alter-column-type");

        assertEquals(1, findings.size(), findings.toString());
        assertEquals("ALTER TABLE t changes the type of column c from TEXT to VARCHAR(50) (shorter: unlimited to"
                + " 50 characters) on postgresql (changeset a:2)", findings.get(0).message());
    }

    @Test
    void aFileForEveryDatabaseRunsAfterEachDatabasesOwnFilesUnlessOneHasItsOwnVersion() throws IOException {
        sessionsTables(32, 64);
        write("db/2_token.up.sql", "ALTER TABLE sessions ALTER COLUMN token TYPE VARCHAR(48);\n");
        write("db/2_token.mysql.up.sql", "ALTER TABLE sessions MODIFY token VARCHAR(40);\n");
        write("db/2_token.down.sql", "ALTER TABLE sessions ALTER COLUMN token TYPE VARCHAR(64);\n");

        List<Finding> findings = lint("alter-column-type");

        assertEquals(1, findings.size(), findings.toString());
        assertEquals("db/2_token.up.sql", findings.get(0).location().path());
        assertEquals("ALTER TABLE sessions changes the type of column token from VARCHAR(64) to VARCHAR(48)"
                + " (shorter: 64 to 48 characters)", findings.get(0).message());
    }

    /**
     * Upgrade scripts named for their database after a hyphen, next to folders per database: the MySQL upgrade is
     * judged against MySQL's schema, not against the column the PostgreSQL upgrade narrowed before it. The folders
     * per database hold the latest schema, installed instead of the steps, so the steps do not run after it.
     */
    @Test
    void aDatabaseNamedAfterAHyphenInTheFileNameKeepsItsOwnHistory() throws IOException {
        write("db/init/mysql/schema.sql", "CREATE TABLE t (c VARCHAR(50));\n");
        write("db/init/pg/schema.sql", "CREATE TABLE t (c VARCHAR(20));\n");
        write("db/upgrade/1.0-upgrade-2.0-mysql.sql", "CREATE TABLE t (c VARCHAR(255));\n");
        write("db/upgrade/1.0-upgrade-2.0-pg.sql", "CREATE TABLE t (c VARCHAR(255));\n");
        write("db/upgrade/2.0-upgrade-2.1-mysql.sql", "ALTER TABLE t MODIFY c VARCHAR(50);\n");
        write("db/upgrade/2.0-upgrade-2.1-pg.sql", "ALTER TABLE t ALTER COLUMN c TYPE VARCHAR(20);\n");

        List<String> messages = lint("alter-column-type").stream()
                .map(f -> f.location().path() + ": " + f.message()).toList();

        assertEquals(List.of("db/upgrade/2.0-upgrade-2.1-mysql.sql: ALTER TABLE t changes the type of column c from"
                + " VARCHAR(255) to VARCHAR(50) (shorter: 255 to 50 characters)",
                "db/upgrade/2.0-upgrade-2.1-pg.sql: ALTER TABLE t changes the type of column c from VARCHAR(255) to"
                + " VARCHAR(20) (shorter: 255 to 20 characters)"), messages);
    }

    /**
     * Upgrade scripts named for their database after an underscore, one folder per release, as some projects keep them
     * ({@code upgrade/2/chat_mysql.sql} beside {@code upgrade/2/chat_postgresql.sql}): the PostgreSQL upgrade
     * is judged against PostgreSQL's column, not against the one the MySQL upgrade of the same release narrowed.
     */
    @Test
    void aDatabaseNamedAfterAnUnderscoreBesideOthersKeepsItsOwnHistory() throws IOException {
        write("db/upgrade/1/chat_mysql.sql", "CREATE TABLE t (c VARCHAR(255));\n");
        write("db/upgrade/1/chat_postgresql.sql", "CREATE TABLE t (c VARCHAR(255));\n");
        write("db/upgrade/2/chat_mysql.sql", "ALTER TABLE t MODIFY c VARCHAR(50);\n");
        write("db/upgrade/2/chat_postgresql.sql", "ALTER TABLE t ALTER COLUMN c TYPE VARCHAR(20);\n");

        List<String> messages = lint("alter-column-type").stream()
                .map(f -> f.location().path() + ": " + f.message()).toList();

        assertEquals(List.of("db/upgrade/2/chat_mysql.sql: ALTER TABLE t changes the type of column c from"
                + " VARCHAR(255) to VARCHAR(50) (shorter: 255 to 50 characters)",
                "db/upgrade/2/chat_postgresql.sql: ALTER TABLE t changes the type of column c from VARCHAR(255)"
                + " to VARCHAR(20) (shorter: 255 to 20 characters)"), messages);
    }

    /**
     * Upgrade scripts named for their database between underscores, as some projects keep them
     * ({@code lms_23_mysql_conversion.sql} beside {@code lms_23_oracle_conversion.sql}): the Oracle upgrade is
     * judged against the column Oracle's own script created, not against the one the MySQL upgrade narrowed; so is
     * an upgrade that only one database has ({@code lms_24_1-24_2_oracle_conversion.sql}).
     */
    @Test
    void aDatabaseNamedBetweenUnderscoresBesideOthersKeepsItsOwnHistory() throws IOException {
        write("db/conversion/lms_22_mysql_conversion.sql", "CREATE TABLE t (c VARCHAR(255));\n");
        write("db/conversion/lms_22_oracle_conversion.sql", "CREATE TABLE t (c VARCHAR2(255));\n");
        write("db/conversion/lms_23_mysql_conversion.sql", "ALTER TABLE t MODIFY c VARCHAR(50);\n");
        write("db/conversion/lms_23_oracle_conversion.sql", "ALTER TABLE t MODIFY c VARCHAR2(20);\n");
        write("db/conversion/lms_24_0-24_1_mysql_conversion.sql", "ALTER TABLE t MODIFY c VARCHAR(10);\n");
        write("db/conversion/lms_24_1-24_2_oracle_conversion.sql", "ALTER TABLE t MODIFY c VARCHAR2(10);\n");

        List<String> messages = lint("alter-column-type").stream()
                .map(f -> f.location().path() + ": " + f.message()).toList();

        assertEquals(List.of("db/conversion/lms_23_mysql_conversion.sql: ALTER TABLE t changes the type of column c"
                + " from VARCHAR(255) to VARCHAR(50) (shorter: 255 to 50 characters)",
                "db/conversion/lms_23_oracle_conversion.sql: ALTER TABLE t changes the type of column c from"
                + " VARCHAR2(255) to VARCHAR2(20) (shorter: 255 to 20 characters)",
                "db/conversion/lms_24_0-24_1_mysql_conversion.sql: ALTER TABLE t changes the type of column c from"
                + " VARCHAR(50) to VARCHAR(10) (shorter: 50 to 10 characters)",
                "db/conversion/lms_24_1-24_2_oracle_conversion.sql: ALTER TABLE t changes the type of column c"
                + " from VARCHAR2(20) to VARCHAR2(10) (shorter: 20 to 10 characters)"), messages);
    }

    /**
     * Scripts per database in one folder, as some projects keep them ({@code dm.sql} for Dameng beside
     * {@code mysql.sql}): Dameng's BLOB must not stand in for the LONGBLOB MySQL's own script created, or the MySQL
     * upgrade that narrows it would look like no change at all.
     */
    @Test
    void aScriptForDamengBesideOneForMySqlIsNotRunOnMySql() throws IOException {
        write("db/at/dm.sql", "CREATE TABLE IF NOT EXISTS \"UNDO_LOG\" (\"ROLLBACK_INFO\" BLOB NOT NULL);\n");
        write("db/at/kingbase.sql", "CREATE TABLE IF NOT EXISTS undo_log (rollback_info BYTEA NOT NULL);\n");
        write("db/at/mysql.sql", "CREATE TABLE IF NOT EXISTS `undo_log` (`rollback_info` LONGBLOB NOT NULL);\n");
        write("db/at/v2-upgrade-mysql.sql", "ALTER TABLE `undo_log` MODIFY `rollback_info` BLOB NOT NULL;\n");

        List<String> messages = lint("alter-column-type").stream()
                .map(f -> f.location().path() + ": " + f.message()).toList();

        assertEquals(List.of("db/at/v2-upgrade-mysql.sql: ALTER TABLE `undo_log` changes the type of"
                + " column `rollback_info` from LONGBLOB to BLOB (shorter: unlimited to 65535 bytes)"), messages);
    }

    @Test
    void downScriptsRunAgainstTheSchemaTheirUpScriptLeftAndChangeNothingAfter() throws IOException {
        write("db/2020_init/up.sql", "CREATE TABLE post (title VARCHAR(100), body TEXT);\n");
        write("db/2021_longer/up.sql", "ALTER TABLE post ALTER COLUMN title TYPE VARCHAR(200);\n");
        write("db/2021_longer/down.sql", "ALTER TABLE post ALTER COLUMN title TYPE VARCHAR(100);\n"
                + "ALTER TABLE post ALTER COLUMN body TYPE VARCHAR(10);\n");
        write("db/2022_again/up.sql", "ALTER TABLE post ALTER COLUMN title TYPE VARCHAR(250);\n");
        write("db/orphan/down.sql", "ALTER TABLE post ALTER COLUMN title TYPE VARCHAR(5);\n");

        List<Finding> findings = lint("alter-column-type");

        assertEquals(3, findings.size(), findings.toString());
        assertEquals("ALTER TABLE post changes the type of column title from VARCHAR(200) to VARCHAR(100)"
                + " (shorter: 200 to 100 characters)" + DOWN, findings.get(0).message());
        assertEquals("ALTER TABLE post changes the type of column body from TEXT to VARCHAR(10)"
                + " (shorter: unlimited to 10 characters)" + DOWN, findings.get(1).message());
        assertEquals("ALTER TABLE post changes the type of column title to VARCHAR(5) (its type before is not"
                + " known: no up script for this down script was found to replay it after)" + DOWN,
                findings.get(2).message());
    }

    /**
     * golang-migrate and sqlx pair an up and a down script by their version number alone: the names after it may
     * differ, and the down script still reverses that version.
     */
    @Test
    void aNumberedDownScriptReversesTheUpScriptOfTheSameNumberWhateverItsName() throws IOException {
        write("db/1_init.up.sql", "CREATE TABLE post (title VARCHAR(100), body TEXT);\n");
        write("db/1_init.down.sql", "DROP TABLE post;\n");
        write("db/002_longer_title.up.sql", "ALTER TABLE post ALTER COLUMN title TYPE VARCHAR(200);\n");
        write("db/2_shorter_title_again.down.sql", "ALTER TABLE post ALTER COLUMN title TYPE VARCHAR(100);\n");
        write("db/3_add_a.up.sql", "ALTER TABLE post ADD COLUMN a INT;\n");
        write("db/3_add_b.up.sql", "ALTER TABLE post ADD COLUMN b INT;\n");
        write("db/3_which.down.sql", "ALTER TABLE post ALTER COLUMN body TYPE VARCHAR(10);\n");

        List<String> messages = lint("alter-column-type").stream()
                .map(f -> f.location().path().substring(f.location().path().lastIndexOf('/') + 1) + ": "
                        + f.message()).toList();

        assertEquals(List.of("2_shorter_title_again.down.sql: ALTER TABLE post changes the type of column title from"
                        + " VARCHAR(200) to VARCHAR(100) (shorter: 200 to 100 characters)" + DOWN,
                "3_which.down.sql: ALTER TABLE post changes the type of column body to VARCHAR(10) (its type before"
                        + " is not known: no up script for this down script was found to replay it after)" + DOWN),
                messages);
    }

    @Test
    void aDatabasesDownScriptReversesTheFileForEveryDatabaseWhenItHasNoUpScriptOfItsOwn() throws IOException {
        sessionsTables(100, 100);
        write("db/2_longer.up.sql", "ALTER TABLE sessions MODIFY token VARCHAR(200);\n");
        write("db/2_longer.mysql.down.sql", "ALTER TABLE sessions MODIFY token VARCHAR(150);\n");

        assertEquals(List.of("ALTER TABLE sessions changes the type of column token from VARCHAR(200) to VARCHAR(150)"
                + " (shorter: 200 to 150 characters)" + DOWN),
                lint("alter-column-type").stream().map(Finding::message).toList());
    }

    @Test
    void aBodyInADownMigrationSaysWhereItStandsOnce() throws IOException {
        write("db/3_purge.up.sql", "CREATE TABLE audit (id INT);\n");
        write("db/3_purge.down.sql", "CREATE FUNCTION purge() RETURNS void AS $$ BEGIN DELETE FROM audit; END $$"
                + " LANGUAGE plpgsql;\n");

        assertEquals(List.of("DELETE without WHERE removes every row of audit (inside down migration, function purge"
                + " body, which runs only when called)"),
                lint("delete-without-where").stream().map(Finding::message).toList());
    }

    @Test
    void aFlywayUndoScriptRunsAgainstTheSchemaItsVersionLeft() throws IOException {
        write("db/V1__init.sql", "CREATE TABLE t (c VARCHAR(10));\n");
        write("db/V2__longer.sql", "ALTER TABLE t ALTER COLUMN c TYPE VARCHAR(100);\n");
        write("db/U2__longer.sql", "ALTER TABLE t ALTER COLUMN c TYPE VARCHAR(10);\n");
        write("db/V3__longest.sql", "ALTER TABLE t ALTER COLUMN c TYPE VARCHAR(200);\n");

        List<Finding> findings = lint("alter-column-type");

        assertEquals(1, findings.size(), findings.toString());
        assertEquals("db/U2__longer.sql", findings.get(0).location().path());
        assertEquals("ALTER TABLE t changes the type of column c from VARCHAR(100) to VARCHAR(10) (shorter: 100"
                + " to 10 characters) (undo migration, which runs only when its version is undone)",
                findings.get(0).message());
    }

    @Test
    void rollbackCodeIsJudgedAgainstTheSchemaItsChangesetLeft() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a">
                    <createTable tableName="t"><column name="c" type="VARCHAR(10)"/></createTable>
                  </changeSet>
                  <changeSet id="2" author="a">
                    <modifyDataType tableName="t" columnName="c" newDataType="VARCHAR(100)"/>
                    <rollback>
                      <modifyDataType tableName="t" columnName="c" newDataType="VARCHAR(10)"/>
                    </rollback>
                  </changeSet>
                  <changeSet id="3" author="a">
                    <modifyDataType tableName="t" columnName="c" newDataType="VARCHAR(200)"/>
                  </changeSet>
                </databaseChangeLog>
                """);

        List<Finding> findings = lint("alter-column-type", new LiquibaseConfig(ScriptMode.WARN, Map.of()));

        assertEquals(1, findings.size(), findings.toString());
        assertEquals("ALTER TABLE t changes the type of column c from VARCHAR(100) to VARCHAR(10) (shorter: 100"
                + " to 10 characters) (changeset a:2 rollback: runs only on rollback)", findings.get(0).message());
    }

    @Test
    void anUnknownOldTypeSaysWhy() throws IOException {
        // SELECT * alone would give b the columns of a, types and all: the added column leaves them unknown
        write("db/V1__init.sql", "CREATE TABLE a (x INT);\nCREATE TABLE b AS SELECT *, 1 AS z FROM a;\n"
                + "CREATE TABLE c (x INT);\nDROP TABLE c;\n");
        write("db/V2__change.sql", "ALTER TABLE b ALTER COLUMN x TYPE SMALLINT;\n"
                + "ALTER TABLE c ALTER COLUMN x TYPE SMALLINT;\nALTER TABLE a ALTER COLUMN y TYPE SMALLINT;\n");

        List<String> messages = lint("alter-column-type").stream().map(Finding::message).toList();

        assertEquals(List.of("ALTER TABLE b changes the type of column x to SMALLINT (its type before is not known:"
                + " the columns of table b are not known: it is created by CREATE TABLE .. AS SELECT at"
                + " db/V1__init.sql:2)",
                "ALTER TABLE c changes the type of column x to SMALLINT (its type before is not known: table c is"
                + " dropped or renamed at db/V1__init.sql:4)",
                "ALTER TABLE a changes the type of column y to SMALLINT (its type before is not known: table a has"
                + " no column y in the statements replayed before this one)"), messages);
    }

    @Test
    void aTableMadeAsACopyOfEveryColumnHasTheColumnsAndTypesOfItsSource() throws IOException {
        write("db/V1__init.sql", "CREATE TABLE a (x INT, y TEXT);\nCREATE TABLE b AS SELECT * FROM a WHERE y > '';\n");
        write("db/V2__change.sql", "ALTER TABLE b ALTER COLUMN x TYPE SMALLINT;\n");

        List<String> messages = lint("alter-column-type").stream().map(Finding::message).toList();

        assertEquals(List.of("ALTER TABLE b changes the type of column x from INT to SMALLINT (narrower integer)"),
                messages);
    }

    /**
     * A table no changeset creates, first altered by a changeset for one database: each history first meets it
     * at another change, but none knows the column's type, so the message says so once, without naming databases.
     * A history that knows more (the table was dropped there) is still named apart.
     */
    @Test
    void anOldTypeNoDatabaseKnowsIsDescribedOnceWhereOnlyTheFirstSightingDiffers() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a" dbms="mysql">
                    <addColumn tableName="drug"><column name="strength" type="varchar(20)"/></addColumn>
                    <addColumn tableName="route"><column name="code" type="varchar(20)"/></addColumn>
                  </changeSet>
                  <changeSet id="2" author="a">
                    <addColumn tableName="drug"><column name="units" type="varchar(20)"/></addColumn>
                  </changeSet>
                  <changeSet id="3" author="a">
                    <modifyDataType tableName="drug" columnName="name" newDataType="varchar(255)"/>
                  </changeSet>
                  <changeSet id="4" author="a" dbms="oracle">
                    <createTable tableName="route"><column name="name" type="varchar(100)"/></createTable>
                    <dropTable tableName="route"/>
                  </changeSet>
                  <changeSet id="5" author="a">
                    <addColumn tableName="route"><column name="note" type="varchar(20)"/></addColumn>
                    <modifyDataType tableName="route" columnName="name" newDataType="varchar(50)"/>
                  </changeSet>
                </databaseChangeLog>
                """);

        List<String> messages = lint("alter-column-type").stream().map(Finding::message).toList();

        assertEquals(List.of("ALTER TABLE drug changes the type of column name to varchar(255) (its type before is"
                + " not known: table drug is not created by the migrations that run before this one) (changeset a:3)",
                "ALTER TABLE route changes the type of column name to varchar(50) (its type before is not known: table"
                + " route is not created by the migrations that run before this one) on mysql, other databases; to"
                + " varchar(50) (its type before is not known: table route is dropped or renamed at line 14, and only"
                + " altered after that) on oracle (changeset a:5)"), messages);
    }

    /** A table renamed away and then only altered: the message names the rename, not a drop that never ran. */
    @Test
    void aTableRenamedAwayIsNotSaidToBeDropped() throws IOException {
        write("db/V1__init.sql", "CREATE TABLE customers (id INT, name VARCHAR(200));\n"
                + "ALTER TABLE customers RENAME TO clients;\nALTER TABLE customers ADD note VARCHAR(10);\n");
        write("db/V2__change.sql", "ALTER TABLE customers ALTER COLUMN name TYPE VARCHAR(20);\n");

        List<String> messages = lint("alter-column-type").stream().map(Finding::message).toList();

        assertEquals(List.of("ALTER TABLE customers changes the type of column name to VARCHAR(20) (its type before"
                + " is not known: table customers is dropped or renamed at db/V1__init.sql:2, and only altered after"
                + " that)"), messages);
    }

    /**
     * A table whose columns are not all known, renamed: a change of the new name's column says where the name came
     * from, not that the table was first seen at the rename.
     */
    @Test
    void aPartlyKnownTableRenamedSaysWhereItsNameCameFrom() throws IOException {
        write("db/V1__init.sql", "ALTER TABLE jobs ADD COLUMN note VARCHAR(10);\n");
        write("db/V2__change.sql", "ALTER TABLE jobs RENAME TO tasks;\nALTER TABLE tasks ALTER COLUMN version TYPE INT;\n");

        List<String> messages = lint("alter-column-type").stream().map(Finding::message).toList();

        assertEquals(List.of("ALTER TABLE tasks changes the type of column version to INT (its type before is not"
                + " known: table tasks is not created by the migrations that run before this one (renamed from jobs"
                + " at line 1; jobs first seen at db/V1__init.sql:1))"), messages);
    }

    /**
     * A table a procedure's IF branch changed is forgotten, as the branch may not have run; when later statements
     * alter it again, the message names that branch, not a drop or rename the script never wrote.
     */
    @Test
    void aTableChangedInABranchAndAlteredAfterIsNotSaidToBeDropped() throws IOException {
        write("db/V1__init.sql", """
                DELIMITER //
                CREATE PROCEDURE add_kind()
                BEGIN
                  IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE COLUMN_NAME = 'kind') THEN
                    ALTER TABLE jobs ADD COLUMN kind TINYINT DEFAULT 0;
                  END IF;
                END//
                DELIMITER ;
                CALL add_kind;
                ALTER TABLE jobs ADD COLUMN note VARCHAR(10);
                """);
        write("db/V2__change.sql", "ALTER TABLE jobs MODIFY COLUMN version INT NOT NULL DEFAULT 1;\n");

        List<String> messages = lint("alter-column-type").stream().map(Finding::message).toList();

        assertEquals(List.of("ALTER TABLE jobs changes the type of column version to INT (its type before is not"
                + " known: table jobs is not created by the migrations that run before this one; it is changed in a"
                + " branch ending at db/V1__init.sql:5, which may not have run, and only altered after"
                + " that)"), messages);
    }

    /**
     * Without the branch the type would not be known either, as no migration created the table: the message says
     * so first, and names the branch after it.
     */
    @Test
    void aTableOnlyAlteredInABranchIsSaidNotToBeCreatedBefore() throws IOException {
        write("db/V1__init.sql", """
                DELIMITER //
                CREATE PROCEDURE add_kind()
                BEGIN
                  IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE COLUMN_NAME = 'kind') THEN
                    ALTER TABLE jobs ADD COLUMN kind TINYINT DEFAULT 0;
                  END IF;
                END//
                DELIMITER ;
                CALL add_kind;
                """);
        write("db/V2__change.sql", "ALTER TABLE jobs MODIFY COLUMN note TEXT;\n");

        List<String> messages = lint("alter-column-type").stream().map(Finding::message).toList();

        assertEquals(List.of("ALTER TABLE jobs changes the type of column note to TEXT (its type before is not"
                + " known: table jobs is not created by the migrations that run before this one; it is changed in a"
                + " branch ending at db/V1__init.sql:5, which may not have run)"), messages);
    }

    /** The sessions table of MySQL and of PostgreSQL, each in its own first migration. */
    /**
     * A folder beside those named for MySQL and PostgreSQL, holding their scripts for a database the project
     * abbreviates ({@code og/} for openGauss), is that database's history: its tables are not MySQL's.
     */
    @Test
    void aFolderHoldingTheScriptsOfItsDatabaseFoldersForAnotherDatabaseStaysOutOfTheirHistories()
            throws IOException {
        write("db/init/mysql/schema.sql", "CREATE TABLE `note` (`title` VARCHAR(100));");
        write("db/init/pg/schema.sql", "CREATE TABLE \"note\" (\"title\" VARCHAR(100));");
        write("db/init/og/schema.sql", "CREATE TABLE \"public\".\"note\" (\"heading\" VARCHAR(100));");
        write("db/upgrade/1.0-upgrade-1.1-mysql.sql", "ALTER TABLE `note` MODIFY `title` VARCHAR(20);");

        List<Finding> findings = lint("alter-column-type");

        assertEquals(1, findings.size(), findings.toString());
        assertEquals("ALTER TABLE `note` changes the type of column `title` from VARCHAR(100) to VARCHAR(20)"
                + " (shorter: 100 to 20 characters)", findings.get(0).message());
    }

    /**
     * Version folders that each hold scripts for every database and, where the databases differ, a script per
     * database ({@code delta/77/rebuild.sqlite.sql} beside {@code delta/47/staging.sql}): the scripts for every
     * database in the other version folders run on each database as well, so SQLite's rebuild that copies every
     * column the earlier versions gave the table is known to keep them, the one that leaves a column out names it,
     * and PostgreSQL's widening of a column created in another version folder is known to be one.
     */
    @Test
    void scriptsForEveryDatabaseInOtherVersionFoldersRunOnEachDatabase() throws IOException {
        write("db/delta/47/staging.sql", "CREATE TABLE staging (event_id TEXT NOT NULL, notif SMALLINT NOT NULL);\n");
        write("db/delta/58/unread.sql", "ALTER TABLE staging ADD COLUMN unread SMALLINT;\n");
        write("db/delta/60/notif_type.postgres.sql", "ALTER TABLE staging ALTER COLUMN notif TYPE INTEGER;\n");
        write("db/delta/77/rebuild.sqlite.sql", """
                CREATE TABLE staging_new (event_id TEXT NOT NULL, notif SMALLINT NOT NULL, unread SMALLINT);
                INSERT INTO staging_new (event_id, notif, unread) SELECT event_id, notif, unread FROM staging;
                DROP TABLE staging;
                ALTER TABLE staging_new RENAME TO staging;
                """);
        write("db/delta/78/rebuild.sqlite.sql", """
                CREATE TABLE staging_new (event_id TEXT NOT NULL, notif SMALLINT NOT NULL);
                INSERT INTO staging_new (event_id, notif) SELECT event_id, notif FROM staging;
                DROP TABLE staging;
                ALTER TABLE staging_new RENAME TO staging;
                """);

        List<String> drops = lint("drop-table").stream()
                .map(f -> f.location().path() + ":" + f.location().line() + " " + f.severity() + " " + f.message())
                .toList();

        assertEquals(List.of("db/delta/77/rebuild.sqlite.sql:3 INFO DROP TABLE removes table staging and all its rows"
                + " (guarded: rows copied to staging_new at line 2)",
                "db/delta/78/rebuild.sqlite.sql:3 ERROR DROP TABLE removes table staging and all its rows (the copy"
                + " to staging_new at line 2 leaves out column unread, whose values are lost)"), drops);
        assertEquals(List.of(), lint("alter-column-type"));
    }

    private void sessionsTables(int mysqlLength, int postgresLength) throws IOException {
        write("db/1_init.mysql.up.sql", "CREATE TABLE sessions (token VARCHAR(" + mysqlLength + "));\n");
        write("db/1_init.postgres.up.sql", "CREATE TABLE sessions (token VARCHAR(" + postgresLength + "));\n");
    }

    private void write(String path, String text) throws IOException {
        TestProject.write(project, path, text);
    }

    private List<Finding> lint(String rule) {
        return lint(rule, LiquibaseConfig.DEFAULTS);
    }

    private List<Finding> lint(String rule, LiquibaseConfig liquibase) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), Dialect.AUTO, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                liquibase, List.of(), null, defaults.maxFileBytes(), 2));
        return result.findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
    }
}
