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

/** A Liquibase createProcedure is read like SQL: its body is judged when the changelog calls the routine. */
class LinterChangelogProcedureTest {

    @TempDir
    Path project;

    @Test
    void aProcedureTheChangelogCallsIsJudgedAtItsBody() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a" dbms="postgresql">
                    <createProcedure procedureName="purge_orders">
                      CREATE OR REPLACE PROCEDURE purge_orders()
                      LANGUAGE plpgsql AS $$
                      BEGIN
                        DELETE FROM orders;
                      END;
                      $$;
                    </createProcedure>
                  </changeSet>
                  <changeSet id="2" author="a">
                    <sql>CALL purge_orders();</sql>
                  </changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of("db/changelog.xml:7:9 ERROR delete-without-where DELETE without WHERE removes every row"
                + " of orders (inside changeset a:1, procedure purge_orders body, which this script calls at"
                + " line 13)"), findings());
    }

    @Test
    void aProcedureNobodyCallsIsOnlyInformation() throws IOException {
        write("db/changelog.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - createProcedure:
                            procedureName: reset_stats
                            procedureText: |
                              CREATE FUNCTION reset_stats() RETURNS void AS $$
                              BEGIN
                                UPDATE stats SET hits = 0;
                              END;
                              $$ LANGUAGE plpgsql;
                """);

        assertEquals(List.of("db/changelog.yaml:11:17 INFO update-without-where UPDATE without WHERE changes every"
                + " row of stats (inside changeset a:1, function reset_stats body, which runs only when called)"),
                findings());
    }

    /** procedureBody, the older name of procedureText that Liquibase still reads, carries the same body. */
    @Test
    void aBodyWrittenAsProcedureBodyIsJudgedLikeProcedureText() throws IOException {
        write("db/changelog.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - createProcedure:
                            procedureName: purge_audit
                            procedureBody: |-
                              CREATE OR REPLACE PROCEDURE purge_audit()
                              LANGUAGE plpgsql
                              AS $$
                              BEGIN
                                  DELETE FROM audit_log;
                              END $$
                  - changeSet:
                      id: 2
                      author: a
                      changes:
                        - createProcedure:
                            procedureName: reset_stats
                            procedureBody: |-
                              CREATE FUNCTION reset_stats() RETURNS void AS $$
                              BEGIN
                                UPDATE stats SET hits = 0;
                              END $$ LANGUAGE plpgsql
                  - changeSet:
                      id: 3
                      author: a
                      changes:
                        - sql:
                            sql: CALL purge_audit()
                """);

        assertEquals(List.of("db/changelog.yaml:13:19 ERROR delete-without-where DELETE without WHERE removes every"
                + " row of audit_log (inside changeset a:1, procedure purge_audit body, which this script calls at"
                + " line 31)", "db/changelog.yaml:24:17 INFO update-without-where UPDATE without WHERE changes every"
                + " row of stats (inside changeset a:2, function reset_stats body, which runs only when called)"),
                findings());
    }

    /**
     * A modifySql edits the routine's definition and each statement of its body; the body's statements stay in
     * the body, judged once, as information while nothing calls the routine.
     */
    @Test
    void aBodyThatModifySqlEditsStaysInItsRoutine() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a" dbms="postgresql">
                    <createProcedure procedureName="close_orders">
                      CREATE OR REPLACE PROCEDURE close_orders()
                      LANGUAGE plpgsql AS $$
                      BEGIN
                        DELETE FROM orders WHERE id = 1;
                      END;
                      $$;
                    </createProcedure>
                    <modifySql><replace replace="WHERE id = 1" with=""/></modifySql>
                  </changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of("db/changelog.xml:7:9 INFO delete-without-where DELETE without WHERE removes every row"
                + " of orders (inside changeset a:1, procedure close_orders body, which runs only when called)"),
                findings());

        write("db/changelog.xml", java.nio.file.Files.readString(project.resolve("db/changelog.xml")).replace("</databaseChangeLog>", """
                  <changeSet id="2" author="a">
                    <sql>CALL close_orders();</sql>
                  </changeSet>
                </databaseChangeLog>
                """));

        assertEquals(List.of("db/changelog.xml:7:9 ERROR delete-without-where DELETE without WHERE removes every row"
                + " of orders (inside changeset a:1, procedure close_orders body, which this script calls at"
                + " line 14)"), findings());
    }

    /**
     * A routine rollback code creates runs only when called, as one a changeset creates: information, until the
     * rollback calls it; then it runs on rollback, as severe as the rollbacks setting makes rollback code.
     */
    @Test
    void aProcedureRollbackCodeCreatesIsJudgedWhenTheRollbackCallsIt() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a" dbms="postgresql">
                    <createTable tableName="staging"><column name="id" type="int"/></createTable>
                    <rollback>
                      <createProcedure procedureName="purge_orders">
                        CREATE PROCEDURE purge_orders() LANGUAGE plpgsql AS $$
                        BEGIN
                          DELETE FROM orders;
                        END $$;
                      </createProcedure>
                    </rollback>
                  </changeSet>
                  <changeSet id="2" author="a">
                    <sql>CALL purge_orders();</sql>
                  </changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of("db/changelog.xml:8:11 INFO delete-without-where DELETE without WHERE removes every row"
                + " of orders (inside changeset a:1 rollback, procedure purge_orders body, which runs only when"
                + " called)"), findings(ScriptMode.CHECK));

        write("db/changelog.xml", java.nio.file.Files.readString(project.resolve("db/changelog.xml"))
                .replace("  </rollback>", "  <sql>CALL purge_orders()</sql>\n      </rollback>"));

        String called = " delete-without-where DELETE without WHERE removes every row of orders (inside changeset"
                + " a:1 rollback, procedure purge_orders body, which this script calls at line 11 on rollback)";
        assertEquals(List.of("db/changelog.xml:8:11 ERROR" + called), findings(ScriptMode.CHECK));
        assertEquals(List.of("db/changelog.xml:8:11 WARNING" + called), findings(ScriptMode.WARN));
    }

    @Test
    void aProcedureInAFileIsReadFromThatFileAsPartOfItsChangeset() throws IOException {
        write("db/proc/purge.sql", """
                CREATE OR REPLACE PROCEDURE purge_logs() LANGUAGE plpgsql AS $$
                BEGIN
                  TRUNCATE audit_log;
                END;
                $$;
                """);
        write("db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a">
                    <createProcedure path="proc/purge.sql" relativeToChangelogFile="true"/>
                  </changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of("db/proc/purge.sql:3:3 INFO truncate-table TRUNCATE removes every row of table"
                + " audit_log (inside changeset a:1, procedure purge_logs body, which runs only when called)"),
                findings());
    }

    /** A scratch table that a procedure of a sql change creates and drops again loses nothing when called. */
    @Test
    void aTableTheProcedureCreatesIsScratchForItsLaterDrops() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a" dbms="mysql">
                    <sql endDelimiter="//">
                      CREATE PROCEDURE fill_names() BEGIN
                        CREATE TABLE name_scratch (id INT);
                        INSERT INTO name_scratch SELECT person_id FROM person;
                        DROP TABLE name_scratch;
                      END//
                      CALL fill_names()//
                      DROP TABLE name_scratch//
                    </sql>
                  </changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of("db/changelog.xml:10:7 ERROR drop-table DROP TABLE removes table name_scratch and all"
                + " its rows (changeset a:1)"), findings());
    }

    private List<String> findings() {
        return lint().findings().stream().map(LinterChangelogProcedureTest::line).toList();
    }

    private List<String> findings(ScriptMode rollbacks) {
        LintConfig defaults = TestProject.config(project, Dialect.AUTO);
        return new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                Dialect.AUTO, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                new LiquibaseConfig(rollbacks, Map.of()), List.of(), null, defaults.maxFileBytes(), 2)).findings()
                .stream().map(LinterChangelogProcedureTest::line).toList();
    }

    private static String line(Finding finding) {
        return finding.location() + " " + finding.severity() + " " + finding.ruleId() + " " + finding.message();
    }

    private void write(String path, String text) throws IOException {
        TestProject.write(project, path, text);
    }

    private LintResult lint() {
        return TestProject.lint(project, Dialect.AUTO);
    }
}
