package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    /**
     * A product line renamed over time: the steps of the later name all start where the earlier name's steps end,
     * so an installation that ran the earlier steps goes on with the later ones, and the later steps' changes are
     * judged against the tables the earlier steps made. Lines whose steps overlap stay apart, and where two lines
     * end alike before a third starts, which one it continues is not known.
     */
    static Stream<Arguments> linesThatFollowEachOther() {
        String create = "create table notes (id number(19,0) not null, body varchar2(2000 char), at date);\n";
        String widen = "alter table notes modify ( at timestamp );\n";
        String narrow = "alter table notes modify ( body varchar2(100 char) );\n";
        String index = "create index n_id on notes (id);\n";
        String other = "create index n_at on notes (at);\n";
        String unknown = " alter-column-type WARNING ALTER TABLE notes changes the type of column at to timestamp"
                + " (its type before is not known: table notes is not created by the migrations that run before this"
                + " one)";
        String narrowed = " alter-column-type WARNING ALTER TABLE notes changes the type of column body from"
                + " varchar2(2000 char) to varchar2(100 char) (shorter: 2000 to 100 characters)";
        return Stream.of(
                Arguments.of("the later name continues the earlier one from the version where it ends",
                        Map.of("old-6.0-to-6.1.sql", create, "old-6.1-to-7.0.sql", index,
                                "new-7.0-to-7.1.sql", widen, "new-7.1-to-7.2.sql", narrow),
                        List.of("db/upgrade/new-7.1-to-7.2.sql:1:28" + narrowed)),
                Arguments.of("a later name may skip releases and still continue",
                        Map.of("old-6.0-to-6.1.sql", create, "old-6.1-to-6.2.sql", index,
                                "new-6.10-to-6.11.sql", widen, "new-6.11-to-6.12.sql", narrow),
                        List.of("db/upgrade/new-6.11-to-6.12.sql:1:28" + narrowed)),
                Arguments.of("a line that starts before the other ends overlaps it and stays apart",
                        Map.of("old-6.0-to-6.1.sql", create, "old-6.1-to-7.0.sql", index,
                                "new-6.1-to-6.2.sql", widen, "new-6.2-to-7.1.sql", other),
                        List.of("db/upgrade/new-6.1-to-6.2.sql:1:28" + unknown)),
                Arguments.of("three names, each continuing the one before",
                        Map.of("first-1.0-to-1.1.sql", create, "first-1.1-to-2.0.sql", index,
                                "second-2.0-to-2.1.sql", widen, "second-2.1-to-3.0.sql", other,
                                "third-3.0-to-3.1.sql", "create index n_b on notes (body);\n",
                                "third-3.1-to-3.2.sql", narrow),
                        List.of("db/upgrade/third-3.1-to-3.2.sql:1:28" + narrowed)),
                Arguments.of("of two lines ending before a third starts, the third continues the one ending latest",
                        Map.of("early-1.0-to-1.1.sql", "create table notes (id number(19,0) not null);\n",
                                "early-1.1-to-1.2.sql", index,
                                "main-1.0-to-1.5.sql", create, "main-1.5-to-2.0.sql", index,
                                "next-2.0-to-2.1.sql", widen, "next-2.1-to-2.2.sql", narrow),
                        List.of("db/upgrade/next-2.1-to-2.2.sql:1:28" + narrowed)),
                Arguments.of("two later lines that overlap each other both continue the line ending before them",
                        Map.of("base-1.0-to-1.1.sql", create, "base-1.1-to-2.0.sql", index,
                                "cloud-2.0-to-2.1.sql", widen, "cloud-2.1-to-2.2.sql", narrow,
                                "onsite-2.0-to-2.5.sql", other,
                                "onsite-2.5-to-3.0.sql", narrow),
                        List.of("db/upgrade/cloud-2.1-to-2.2.sql:1:28" + narrowed,
                                "db/upgrade/onsite-2.5-to-3.0.sql:1:28" + narrowed)),
                Arguments.of("two lines ending alike before a third starts leave it apart",
                        Map.of("left-1.0-to-1.1.sql", create, "left-1.1-to-2.0.sql", index,
                                "right-1.0-to-1.5.sql", create, "right-1.5-to-2.0.sql", index,
                                "next-2.0-to-2.1.sql", widen, "next-2.1-to-2.2.sql", other),
                        List.of("db/upgrade/next-2.0-to-2.1.sql:1:28" + unknown)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("linesThatFollowEachOther")
    void aLineStartingWhereAnotherEndsContinuesIt(String name, Map<String, String> steps, List<String> expected)
            throws IOException {
        for (Map.Entry<String, String> step : steps.entrySet()) {
            TestProject.write(project, "db/upgrade/" + step.getKey(), step.getValue());
        }

        assertEquals(expected, findings());
    }

    /** Beside lines that continue each other, a script of no line is judged as well, in their one history. */
    @Test
    void aScriptBesideAContinuedLineRunsInItsHistory() throws IOException {
        TestProject.write(project, "db/upgrade/old-6.0-to-6.1.sql",
                "create table notes (id number(19,0) not null, body varchar2(2000 char));\n");
        TestProject.write(project, "db/upgrade/old-6.1-to-7.0.sql", "create index n_id on notes (id);\n");
        TestProject.write(project, "db/upgrade/new-7.0-to-7.1.sql", "create index n_b on notes (body);\n");
        TestProject.write(project, "db/upgrade/new-7.1-to-7.2.sql",
                "alter table notes modify ( id number(10,0) );\n");
        TestProject.write(project, "db/upgrade/scheduler-upgrade.sql", "drop table old_jobs;\n");

        assertEquals(List.of(
                "db/upgrade/new-7.1-to-7.2.sql:1:28 alter-column-type WARNING ALTER TABLE notes changes the type of"
                        + " column id from number(19, 0) to number(10, 0) (Oracle refuses to give a NUMBER column"
                        + " fewer integer or decimal digits unless every value of it is NULL (ORA-01440), so the"
                        + " migration stops on a table with values)",
                "db/upgrade/scheduler-upgrade.sql:1:1 drop-table ERROR DROP TABLE removes table old_jobs and all its"
                        + " rows"),
                findings());
    }
}
