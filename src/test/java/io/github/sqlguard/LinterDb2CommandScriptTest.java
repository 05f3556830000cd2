package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Db2 upgrade scripts as teams write them for the command line processor ({@code db2 -tf step.sql}): its own
 * commands stand beside the SQL, and one ALTER TABLE may change several columns without a comma between them.
 */
class LinterDb2CommandScriptTest {

    @TempDir
    Path project;

    @Test
    void importAndLoadInReplaceModeEmptyTheirTable() throws IOException {
        TestProject.write(project, "db/upgrade/db2/app-1.0-to-1.1.sql", """
                create table Session (id bigint not null, primary key (id));
                create table Audit (id bigint not null, primary key (id));
                create table Job (id bigint not null, primary key (id));
                create table Task (id bigint not null, primary key (id));
                """);
        TestProject.write(project, "db/upgrade/db2/app-1.1-to-1.2.sql", """
                IMPORT FROM /dev/null OF DEL REPLACE INTO Session;
                LOAD CLIENT FROM /tmp/audit.del OF DEL REPLACE KEEPDICTIONARY INTO Audit NONRECOVERABLE;
                IMPORT FROM /tmp/job.del OF DEL INSERT INTO Job;
                LOAD FROM /tmp/job.del OF DEL INSERT INTO Job;
                IMPORT FROM /data/replace/job.del OF DEL MESSAGES /tmp/replace.msg INSERT INTO Job;
                CALL SYSPROC.ADMIN_CMD('IMPORT FROM /data/replace/job.del OF DEL INSERT INTO Job');
                REORG TABLE Job;
                IMPORT FROM /tmp/task.ixf OF IXF REPLACE_CREATE INTO Task;
                """);

        assertEquals(List.of(
                "db/upgrade/db2/app-1.1-to-1.2.sql:1:30 truncate-table IMPORT with REPLACE INTO removes every row of"
                        + " Session, as TRUNCATE would",
                "db/upgrade/db2/app-1.1-to-1.2.sql:2:40 truncate-table LOAD with REPLACE INTO removes every row of"
                        + " Audit, as TRUNCATE would",
                "db/upgrade/db2/app-1.1-to-1.2.sql:8:34 truncate-table IMPORT with REPLACE_CREATE INTO removes every"
                        + " row of Task, as TRUNCATE would"),
                described(project));
    }

    @Test
    void eachAlterColumnOfOneStatementIsJudgedOnItsOwn() throws IOException {
        TestProject.write(project, "db/upgrade/db2/app-1.0-to-1.1.sql", """
                create table Task (id bigint not null, name varchar(255), kind integer, note varchar(20),
                    primary key (id));
                """);
        TestProject.write(project, "db/upgrade/db2/app-1.1-to-1.2.sql", """
                alter table Task alter column note set data type varchar(100)
                    alter column kind set data type smallint
                    alter name set data type varchar(50);
                """);

        assertEquals(List.of(
                "db/upgrade/db2/app-1.1-to-1.2.sql:2:5 alter-column-type ALTER TABLE Task changes the type of column"
                        + " kind from integer to smallint (narrower integer)",
                "db/upgrade/db2/app-1.1-to-1.2.sql:3:5 alter-column-type ALTER TABLE Task changes the type of column"
                        + " name from varchar(255) to varchar(50) (shorter: 255 to 50 characters)"),
                described(project));
    }

    @Test
    void aProcedureEndedByAnAtLineIsCalledByTheScript() throws IOException {
        TestProject.write(project, "db/upgrade/db2/app-1.0-to-1.1.sql", """
                create table Session (id bigint not null, primary key (id));
                """);
        TestProject.write(project, "db/upgrade/db2/app-1.1-to-1.2.sql", """
                CREATE PROCEDURE purge_sessions()
                LANGUAGE SQL
                BEGIN
                  DELETE FROM Session;
                END
                @
                CALL purge_sessions()
                @
                """);

        assertEquals(List.of("db/upgrade/db2/app-1.1-to-1.2.sql:4:3 delete-without-where DELETE without WHERE removes"
                + " every row of Session (inside procedure purge_sessions body, which this script calls at line 7)"),
                described(project));
    }

    @Test
    void eachAddedColumnOfOneStatementIsNewAndItsFillGuarded() throws IOException {
        TestProject.write(project, "db/upgrade/db2/app-1.0-to-1.1.sql", """
                create table Purpose (id bigint not null, name varchar(255), note varchar(20),
                    constraint purpose_key unique (name), primary key (id));
                """);
        TestProject.write(project, "db/upgrade/db2/app-1.1-to-1.2.sql", """
                ALTER TABLE Purpose
                ADD grp VARCHAR(255) DEFAULT '' NOT NULL
                ADD kind VARCHAR(255) DEFAULT '' NOT NULL
                DROP CONSTRAINT purpose_key
                ADD CONSTRAINT purpose_key UNIQUE (name, grp, kind)
                DROP note
                /
                UPDATE Purpose SET grp = CASE WHEN name = 'DEFAULT' THEN 'DEFAULT' ELSE 'SIGNUP' END
                /
                UPDATE Purpose SET kind = CASE WHEN name = 'DEFAULT' THEN 'SP' ELSE 'SYSTEM' END
                /
                """);

        assertEquals(List.of(
                "db/upgrade/db2/app-1.1-to-1.2.sql:6:1 drop-column ALTER TABLE Purpose drops column note",
                "db/upgrade/db2/app-1.1-to-1.2.sql:8:1 update-without-where UPDATE without WHERE changes every row of"
                        + " Purpose (guarded: column grp was added earlier in this script and nothing has written it"
                        + " since)",
                "db/upgrade/db2/app-1.1-to-1.2.sql:10:1 update-without-where UPDATE without WHERE changes every row of"
                        + " Purpose (guarded: column kind was added earlier in this script and nothing has written it"
                        + " since)"),
                described(project));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"AUTO", "H2", "POSTGRESQL"})
    void aTerminatorCommentSplitsTheScriptInAConfiguredDialectToo(Dialect dialect) throws IOException {
        TestProject.write(project, "db/upgrade/db2/app-1.0-to-1.1.sql", """
                create table Task (id bigint not null, primary key (id));
                create table Log (id bigint not null, primary key (id));
                """);
        TestProject.write(project, "db/upgrade/db2/app-1.1-to-1.2.sql", """
                --#SET TERMINATOR @
                CREATE OR REPLACE PROCEDURE widen()
                BEGIN
                  DECLARE q VARCHAR(255);
                  SET q = ('ALTER TABLE Log ALTER COLUMN id SET DATA TYPE BIGINT');
                  EXECUTE IMMEDIATE q;
                END
                @
                call widen()@
                alter table Task add name varchar(255)@
                update Task t set name = (select 'x' from Log where id = t.id)@
                drop table Log@
                """);

        assertEquals(List.of(
                "db/upgrade/db2/app-1.1-to-1.2.sql:11:1 update-without-where UPDATE without WHERE changes every row of"
                        + " Task (guarded: column name was added earlier in this script and nothing has written it"
                        + " since)",
                "db/upgrade/db2/app-1.1-to-1.2.sql:12:1 drop-table DROP TABLE removes table Log and all its rows"),
                TestProject.lint(project, dialect).findings().stream()
                        .map(f -> f.location() + " " + f.ruleId() + " " + f.message()).toList());
    }

    private static List<String> described(Path project) {
        return TestProject.lint(project, Dialect.AUTO).findings().stream()
                .map(f -> f.location() + " " + f.ruleId() + " " + f.message()).toList();
    }
}
