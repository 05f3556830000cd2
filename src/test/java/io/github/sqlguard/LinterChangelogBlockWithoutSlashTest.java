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
 * A statement after the END of a PL/SQL unit in a Liquibase change travels with the unit as it does in a script,
 * but a / line alone does not cut it off there: the advice names what does.
 */
class LinterChangelogBlockWithoutSlashTest {

    @TempDir
    Path project;

    @Test
    void aStatementAfterAProcedureInAChangeIsToldHowLiquibaseSeparatesIt() throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a" dbms="oracle">
                    <sql splitStatements="false">
                      CREATE OR REPLACE PROCEDURE relink_notes IS
                      BEGIN
                        UPDATE note SET item_id = 2 WHERE item_id = 1;
                      END;
                      EXECUTE relink_notes();
                      DROP PROCEDURE relink_notes;
                    </sql>
                  </changeSet>
                </databaseChangeLog>
                """);

        List<Finding> found = TestProject.lint(project, Dialect.ORACLE).findings().stream()
                .filter(f -> f.ruleId().equals("block-without-slash")).toList();

        assertEquals(List.of("db/changelog.xml:8:7 No / line ends the CREATE PROCEDURE that starts at line 4, so"
                + " this statement is sent to Oracle as part of the procedure's source: Oracle stores the procedure"
                + " with compilation errors and returns only a warning, so the script counts as run, but this"
                + " statement and those after it in the block never run; move the statement into a change of its own, or end the block with a line holding only / and give the change"
                + " endDelimiter=\"/\" (without splitStatements=\"false\") (changeset a:1)"),
                found.stream().map(f -> f.location() + " " + f.message()).toList());
    }

    @Test
    void aStatementAfterABlockInAScriptIsToldToAddTheSlashLine() throws IOException {
        TestProject.write(project, "db/migration/V1__relink.sql", """
                BEGIN
                  UPDATE note SET item_id = 2 WHERE item_id = 1;
                END;
                DROP VIEW note_view;
                """);

        List<String> found = TestProject.lint(project, Dialect.ORACLE).findings().stream()
                .filter(f -> f.ruleId().equals("block-without-slash")).map(Finding::message).toList();

        assertEquals(List.of("No / line ends the PL/SQL block that starts at line 1, so this statement is sent to"
                + " Oracle as part of that block, which Oracle rejects; put a line holding only / after the block's"
                + " END;"), found);
    }

    /**
     * What follows a trigger's END without a / line is not the trigger's code: Oracle cannot compile it there, and
     * once someone adds the / line it runs with the migration. Its findings keep their own severity.
     */
    @Test
    void aStatementAfterATriggersEndIsJudgedAsTheMigrationsOwn() throws IOException {
        TestProject.write(project, "db/migration/V1__trigger.sql", """
                CREATE OR REPLACE TRIGGER note_bir BEFORE INSERT ON note FOR EACH ROW
                BEGIN
                  SELECT note_seq.nextval INTO :new.id FROM dual;
                END;

                DELETE FROM audit_log;
                """);

        List<String> found = TestProject.lint(project, Dialect.ORACLE).findings().stream()
                .filter(f -> f.ruleId().equals("delete-without-where"))
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.severity() + " " + f.message())
                .toList();

        assertEquals(List.of("6:1 ERROR DELETE without WHERE removes every row of audit_log (inside trigger note_bir body,"
                + " after its END: with no / line ending the trigger, Oracle keeps this as part of its invalid source,"
                + " and once a / line ends it, this runs with the migration)"), found);
    }
}
