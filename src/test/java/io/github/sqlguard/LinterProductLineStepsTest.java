package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upgrade steps of two product lines kept in one folder ({@code suite-1.0-to-1.1.sql} beside {@code
 * core-1.0-to-1.1.sql}, {@code core-1.1-to-1.2.sql}, ..) upgrade two kinds of installation: each line's steps are
 * judged against what that line's earlier steps did, never against the other line's change of the same column.
 */
class LinterProductLineStepsTest {

    @TempDir
    Path project;

    private List<String> findings() {
        return TestProject.lint(project, Dialect.ORACLE).findings().stream()
                .map(f -> f.location() + " " + f.ruleId() + " " + f.severity() + " " + f.message()).toList();
    }

    @Test
    void theSecondLinesNarrowingIsJudgedAgainstItsOwnDefinition() throws IOException {
        for (String line : List.of("core", "suite")) {
            TestProject.write(project, "db/upgrade/" + line + "-1.0-to-1.1.sql",
                    "create table notes (id number(19,0) not null, body varchar2(2000 char), primary key (id));\n");
            TestProject.write(project, "db/upgrade/" + line + "-1.1-to-1.2.sql",
                    "alter table notes modify ( body varchar2(100 char) );\n");
        }

        assertEquals(List.of(
                "db/upgrade/core-1.1-to-1.2.sql:1:28 alter-column-type WARNING ALTER TABLE notes changes the type of"
                        + " column body from varchar2(2000 char) to varchar2(100 char) (shorter: 2000 to 100"
                        + " characters)",
                "db/upgrade/suite-1.1-to-1.2.sql:1:28 alter-column-type WARNING ALTER TABLE notes changes the type of"
                        + " column body from varchar2(2000 char) to varchar2(100 char) (shorter: 2000 to 100"
                        + " characters)"),
                findings());
    }

    @Test
    void eachLinesChangeOfATableNoStepCreatesIsReported() throws IOException {
        for (String line : List.of("core", "suite")) {
            TestProject.write(project, "db/upgrade/" + line + "-1.0-to-1.1.sql",
                    "alter table SessionInfo modify ( id number(19,0) );\n");
            TestProject.write(project, "db/upgrade/" + line + "-1.1-to-1.2.sql",
                    "alter table SessionInfo add lastUse timestamp;\n");
        }

        assertEquals(List.of(
                "db/upgrade/core-1.0-to-1.1.sql:1:34 alter-column-type WARNING ALTER TABLE SessionInfo changes the type"
                        + " of column id to number(19, 0) (its type before is not known: table SessionInfo is not"
                        + " created by the migrations that run before this one)",
                "db/upgrade/suite-1.0-to-1.1.sql:1:34 alter-column-type WARNING ALTER TABLE SessionInfo changes the"
                        + " type of column id to number(19, 0) (its type before is not known: table SessionInfo is"
                        + " not created by the migrations that run before this one)"),
                findings());
    }

    /** A line whose table the other line changed already widens its own column: nothing is lost, nothing to say. */
    @Test
    void aWideningInTheSecondLineIsNoFinding() throws IOException {
        TestProject.write(project, "db/upgrade/core-1.0-to-1.1.sql", """
                create table audit_log (id number(19,0) not null, sessionId number(10,0), at date);
                alter table audit_log modify ( sessionId number(19,0) );
                alter table audit_log modify ( at timestamp );
                """);
        TestProject.write(project, "db/upgrade/core-1.1-to-1.2.sql", "create index audit_at on audit_log (at);\n");
        TestProject.write(project, "db/upgrade/suite-1.0-to-1.1.sql",
                "create table audit_log (id number(19,0) not null, sessionId number(10,0), at date);\n");
        TestProject.write(project, "db/upgrade/suite-1.1-to-1.2.sql", """
                alter table audit_log modify ( sessionId number(19,0) );
                alter table audit_log modify ( at timestamp );
                """);
        TestProject.write(project, "db/upgrade/scheduler-upgrade.sql", "drop table old_jobs;\n");

        assertEquals(List.of("db/upgrade/scheduler-upgrade.sql:1:1 drop-table ERROR DROP TABLE removes table old_jobs"
                        + " and all its rows"),
                findings());
    }

    /**
     * Words that name a part of one step ({@code schema-} and {@code data-}, {@code pre-} and {@code post-}) are no
     * product lines: those steps run on one database, one after the other, and see each other's tables.
     */
    @Test
    void stepsNamedForThePartsOfOneUpgradeStayOneHistory() throws IOException {
        for (String part : List.of("schema", "data")) {
            TestProject.write(project, "db/upgrade/" + part + "-1.0-to-1.1.sql", part.equals("schema")
                    ? "create table notes (id number(19,0) not null, body varchar2(2000 char));\n"
                    : "insert into notes (id, body) values (1, 'first');\n");
            TestProject.write(project, "db/upgrade/" + part + "-1.1-to-1.2.sql", part.equals("schema")
                    ? "create index notes_id on notes (id);\n"
                    : "alter table notes modify ( body varchar2(100 char) );\n");
        }

        assertEquals(List.of("db/upgrade/data-1.1-to-1.2.sql:1:28 alter-column-type WARNING ALTER TABLE notes changes"
                        + " the type of column body from varchar2(2000 char) to varchar2(100 char) (shorter: 2000 to"
                        + " 100 characters)"),
                findings());
    }
}
