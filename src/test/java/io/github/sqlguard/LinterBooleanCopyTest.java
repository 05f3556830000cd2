package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A column declared as a boolean that the database keeps as a number or a bit (Liquibase's BOOLEAN, which is
 * NUMBER(1) on Oracle and TINYINT on MySQL; MySQL's own BOOLEAN; SQL Server's BIT) holds 0 and 1, one digit each:
 * copied into a text column of one character before it is dropped, it loses nothing. A column declared as the
 * number itself may hold -9, and a PostgreSQL boolean becomes the text 'true' or 'false', so those copies are still
 * reported. Each line: the dialect, the table's definition, the copy's target type, and the drop's severity with
 * what its message says of the copy.
 */
class LinterBooleanCopyTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: changelog {1} into {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ORACLE     | BOOLEAN    | varchar2(1)  | INFO (guarded: values of flag copied to flag_text at line 14)
            ORACLE     | BOOLEAN    | CHAR(1)      | INFO (guarded: values of flag copied to flag_text at line 14)
            ORACLE     | BOOLEAN    | NUMBER(1)    | INFO (guarded: values of flag copied to flag_text at line 14)
            ORACLE     | BOOLEAN    | VARCHAR2(5)  | INFO (guarded: values of flag copied to flag_text at line 14)
            ORACLE     | NUMBER(1)  | varchar2(1)  | ERROR (values of flag converted to flag_text at line 14 into flag_text varchar2(1) (shorter: 2 to 1 characters): the copy fails on a value that does not fit)
            ORACLE     | VARCHAR(1) | NUMBER(1)    | ERROR (values of flag converted to flag_text at line 14 into flag_text NUMBER(1) (text to exact can fail or change values): the copy fails on a value that does not fit)
            MYSQL      | BOOLEAN    | VARCHAR(1)   | INFO (guarded: values of flag copied to flag_text at line 14)
            MYSQL      | BOOLEAN    | BIT(1)       | INFO (guarded: values of flag copied to flag_text at line 14)
            MYSQL      | TINYINT(1) | VARCHAR(1)   | ERROR (values of flag converted to flag_text at line 14 into flag_text VARCHAR(1) (shorter: 4 to 1 characters): without strict mode MySQL cuts or clamps a value that does not fit, in strict mode the copy fails on it)
            SQLSERVER  | BOOLEAN    | VARCHAR(1)   | INFO (guarded: values of flag copied to flag_text at line 14)
            POSTGRESQL | BOOLEAN    | varchar(1)   | ERROR (values of flag converted to flag_text at line 14 into flag_text varchar(1) (shorter: 5 to 1 characters): the copy fails on a value that does not fit)
            POSTGRESQL | BOOLEAN    | varchar(5)   | INFO (guarded: values of flag copied to flag_text at line 14)
            """)
    void aChangelogBooleanCopiedBeforeTheDropKeepsItsValuesWhereTheyFit(Dialect dialect, String declared,
            String target, String drop) throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog>
                    <changeSet id="1" author="a">
                        <createTable tableName="report">
                            <column name="id" type="INT"/>
                            <column name="flag" type="%s"/>
                        </createTable>
                    </changeSet>
                    <changeSet id="2" author="a">
                        <addColumn tableName="report"><column name="other_flag" type="BOOLEAN"/></addColumn>
                    </changeSet>
                    <changeSet id="3" author="a">
                        <sql>
                            ALTER TABLE report ADD flag_text %s;
                            UPDATE report SET flag_text = flag;
                            ALTER TABLE report DROP COLUMN flag;
                        </sql>
                    </changeSet>
                </databaseChangeLog>
                """.formatted(declared, target));

        assertEquals(List.of(drop.strip().replaceFirst(" ", " ALTER TABLE report drops column flag ")
                + " (changeset a:3)"), drops(dialect));
    }

    @ParameterizedTest(name = "{0}: addColumn BOOLEAN into {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ORACLE     | varchar2(1) | INFO
            MYSQL      | VARCHAR(1)  | INFO
            POSTGRESQL | VARCHAR(1)  | ERROR
            """)
    void aBooleanAddedByAChangelogHoldsWhatACreatedOneHolds(Dialect dialect, String target, String severity)
            throws IOException {
        writeCopyAfter("""
                <addColumn tableName="report"><column name="flag" type="java.sql.Types.BOOLEAN"/></addColumn>""", "",
                target);

        assertDropSeverity(severity, dialect);
    }

    /**
     * Read in {@code auto}, a table a changeset without {@code dbms} creates has on each database the type Liquibase
     * creates there: the Oracle changeset's copy keeps the 0 and 1 of NUMBER(1), the PostgreSQL one's cuts 'false'.
     */
    @ParameterizedTest(name = "auto: dbms {0} copies into {1}")
    @CsvSource(delimiter = '|', textBlock = """
            oracle     | varchar2(1) | INFO
            mysql      | VARCHAR(1)  | INFO
            postgresql | varchar(1)  | ERROR
            postgresql | varchar(5)  | INFO
            """)
    void underAutoEachDatabaseCopiesTheBooleanItCreated(String dbms, String target, String severity)
            throws IOException {
        writeCopyAfter("""
                <createTable tableName="report"><column name="flag" type="BOOLEAN"/></createTable>""",
                " dbms=\"" + dbms + "\"", target);

        assertDropSeverity(severity, Dialect.AUTO);
    }

    @ParameterizedTest(name = "{0}: {1} into {2}")
    @CsvSource(delimiter = '|', textBlock = """
            MYSQL      | BOOLEAN    | VARCHAR(1) | INFO
            MYSQL      | BOOL       | CHAR(1)    | INFO
            MYSQL      | TINYINT(1) | VARCHAR(1) | ERROR
            MYSQL      | BOOLEAN    | TINYINT    | INFO
            MYSQL      | VARCHAR(1) | BOOLEAN    | ERROR
            SQLSERVER  | BIT        | VARCHAR(1) | INFO
            SQLSERVER  | BIT        | CHAR(1)    | INFO
            SQLSERVER  | TINYINT    | VARCHAR(1) | ERROR
            SQLSERVER  | VARCHAR(1) | BIT        | ERROR
            ORACLE     | NUMBER(1)  | VARCHAR(1) | ERROR
            H2         | BOOLEAN    | VARCHAR(1) | ERROR
            H2         | BOOLEAN    | VARCHAR(5) | INFO
            POSTGRESQL | BIT        | VARCHAR(1) | INFO
            POSTGRESQL | BOOLEAN    | VARCHAR(1) | ERROR
            """)
    void aScriptsOwnBooleanIsJudgedByHowItsDatabasePrintsIt(Dialect dialect, String declared, String target,
            String severity) throws IOException {
        TestProject.write(project, "db/V1__create.sql", "CREATE TABLE report (id INT, flag %s);".formatted(declared));
        TestProject.write(project, "db/V2__move.sql", """
                ALTER TABLE report ADD flag_text %s;
                UPDATE report SET flag_text = flag;
                ALTER TABLE report DROP COLUMN flag;
                """.formatted(target));

        assertDropSeverity(severity, dialect);
    }

    /**
     * A changelog whose first changeset makes the column {@code flag} with {@code change}, and whose second one, with
     * {@code attributes}, copies it into a new column of type {@code target} and drops it.
     */
    private void writeCopyAfter(String change, String attributes, String target) throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog>
                    <changeSet id="1" author="a">
                        %s
                    </changeSet>
                    <changeSet id="2" author="a"%s>
                        <sql>ALTER TABLE report ADD flag_text %s;
                            UPDATE report SET flag_text = flag;
                            ALTER TABLE report DROP COLUMN flag;</sql>
                    </changeSet>
                </databaseChangeLog>
                """.formatted(change, attributes, target));
    }

    private void assertDropSeverity(String severity, Dialect dialect) {
        List<String> drops = drops(dialect);
        assertEquals(List.of(severity), drops.stream().map(drop -> drop.substring(0, drop.indexOf(' '))).toList(),
                drops::toString);
    }

    private List<String> drops(Dialect dialect) {
        return TestProject.lint(project, dialect).findings().stream().filter(f -> f.ruleId().equals("drop-column"))
                .map(f -> f.severity() + " " + f.message()).toList();
    }
}
