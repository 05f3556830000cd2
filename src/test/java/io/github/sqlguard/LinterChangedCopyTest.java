package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Upgrade scripts move a table's rows into a new table and drop the old one. The copy guards that drop only while it
 * still holds what it copied: a column the script then drops from the new table, or overwrites there, is lost with
 * the old table, and the new table's own change is not reported (the script created it). Filling the columns the
 * copy left empty changes nothing it copied, and a data fix of the rows a WHERE picks by their own values loses only
 * what the same UPDATE of the old table would, which passes.
 */
class LinterChangedCopyTest {

    private static final String OLD_TABLE = """
            create table T_VAR_OLD (
              ID_ varchar(64) not null,
              NAME_ varchar(255),
              TEXT_ varchar(4000),
              primary key (ID_)
            );
            """;

    private static final String MOVE = """
            create table T_VAR (
              ID_ varchar(64) not null,
              NAME_ varchar(255),
              TEXT_ varchar(4000),
              TASK_ID_ varchar(64),
              primary key (ID_)
            );
            insert into T_VAR
              select ID_, NAME_, TEXT_, NULL from T_VAR_OLD;
            %s;
            drop table T_VAR_OLD;
            """;

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            alter table T_VAR drop column TEXT_ | ERROR | DROP TABLE removes table T_VAR_OLD and all its rows (the copy \
            to T_VAR at line 8 no longer holds column TEXT_, which line 10 drops)
            update T_VAR set NAME_ = NULL       | ERROR | DROP TABLE removes table T_VAR_OLD and all its rows (the copy \
            to T_VAR at line 8 no longer holds column NAME_, which line 10 overwrites)
            update T_VAR set TASK_ID_ = ID_     | INFO  | DROP TABLE removes table T_VAR_OLD and all its rows \
            (guarded: rows copied to T_VAR at line 8)
            update T_VAR set NAME_ = 'n/a' where NAME_ = 'N/A' or NAME_ like 'none%' | INFO | DROP TABLE removes \
            table T_VAR_OLD and all its rows (guarded: rows copied to T_VAR at line 8; line 10 overwrites column NAME_ \
            in the rows its WHERE selects)
            update T_VAR set NAME_ = NULL where NAME_ is not null | ERROR | DROP TABLE removes table T_VAR_OLD and all \
            its rows (the copy to T_VAR at line 8 no longer holds column NAME_, which line 10 overwrites)
            update T_VAR set NAME_ = NULL where 1 = 1 | ERROR | DROP TABLE removes table T_VAR_OLD and all its rows \
            (the copy to T_VAR at line 8 no longer holds column NAME_, which line 10 overwrites)
            update T_VAR set NAME_ = NULL where ID_ in (select ID_ from T_VAR_OLD) | ERROR | DROP TABLE removes table \
            T_VAR_OLD and all its rows (the copy to T_VAR at line 8 no longer holds column NAME_, which line 10 \
            overwrites)
            update T_VAR set NAME_ = NULL from T_VAR_OLD o where o.ID_ = T_VAR.ID_ | ERROR | DROP TABLE removes table \
            T_VAR_OLD and all its rows (the copy to T_VAR at line 8 no longer holds column NAME_, which line 10 \
            overwrites)
            alter table T_VAR drop column TASK_ID_ | INFO | DROP TABLE removes table T_VAR_OLD and all its rows \
            (guarded: rows copied to T_VAR at line 8)
            alter table T_VAR alter column TEXT_ type varchar(10) | ERROR | DROP TABLE removes table T_VAR_OLD and all \
            its rows (the copy to T_VAR at line 8 no longer holds column TEXT_, which line 10 retypes (shorter: 4000 \
            to 10 characters))
            alter table T_VAR alter column NAME_ type int using NAME_::int | ERROR | DROP TABLE removes table \
            T_VAR_OLD and all its rows (the copy to T_VAR at line 8 no longer holds column NAME_, which line 10 \
            retypes (text to integer can fail or change values))
            alter table T_VAR alter column TEXT_ type text | INFO | DROP TABLE removes table T_VAR_OLD and all its \
            rows (guarded: rows copied to T_VAR at line 8)
            alter table T_VAR alter column TASK_ID_ type varchar(1) | INFO | DROP TABLE removes table T_VAR_OLD and \
            all its rows (guarded: rows copied to T_VAR at line 8)
            """)
    void aChangeOfTheCopyBeforeTheDropOfItsSource(String change, String severity, String message)
            throws IOException {
        TestProject.write(project, "db/V1__init.sql", OLD_TABLE);
        TestProject.write(project, "db/V2__move.sql", MOVE.formatted(change));

        List<Finding> drops = ProjectLint.findings(project, Dialect.POSTGRESQL).stream()
                .filter(f -> f.ruleId().equals("drop-table")).toList();

        assertEquals(1, drops.size(), drops.toString());
        assertEquals(11, drops.get(0).location().line());
        assertEquals(severity, drops.get(0).severity().name(), drops.get(0).message());
        assertEquals(message, drops.get(0).message());
    }

    /** A copy by {@code SELECT *} put a value of the source into every column it has. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            MYSQL  | create table T_VAR as select * from T_VAR_OLD;\\nupdate T_VAR set TEXT_ = '';\\n\
            drop table T_VAR_OLD; | 3:1 drop-table ERROR
            ORACLE | create table T_VAR as select * from T_VAR_OLD;\\nalter table T_VAR drop (NAME_);\\n\
            drop table T_VAR_OLD; | 3:1 drop-table ERROR
            ORACLE | create table T_VAR as select * from T_VAR_OLD;\\ndrop table T_VAR_OLD; | 2:1 drop-table INFO
            POSTGRESQL | create table T_VAR as select * from T_VAR_OLD;\\nalter table T_VAR add FLAG_ int;\\n\
            update T_VAR set FLAG_ = 0;\\ndrop table T_VAR_OLD; | 4:1 drop-table INFO
            MYSQL  | create table T_VAR as select * from T_VAR_OLD;\\nalter table T_VAR modify ID_ tinyint;\\n\
            drop table T_VAR_OLD; | 3:1 drop-table WARNING
            """)
    void anyColumnOfAStarCopyHeldValuesOfItsSource(Dialect dialect, String sql, String expected) {
        assertEquals(List.of(expected), OneScript.placesAndSeverities(dialect, sql), sql);
    }

    /**
     * MySQL's MODIFY and CHANGE restate a column of the copy with a type: one that cannot hold every value cuts what
     * the copy took, one that can keeps the copy a guard, and one whose fit is not known leaves a copy that may hold
     * everything, as a copy by a column list sqlguard cannot check does.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            alter table T_VAR change NAME_ LABEL_ varchar(20) | ERROR | DROP TABLE removes table T_VAR_OLD and all \
            its rows (the copy to T_VAR at line 2 no longer holds column NAME_, which line 3 retypes (shorter: 255 \
            to 20 characters))
            alter table T_VAR modify ID_ varchar(10) not null | ERROR | DROP TABLE removes table T_VAR_OLD and all \
            its rows (the copy to T_VAR at line 2 no longer holds column ID_, which line 3 retypes (shorter: 64 to 10 \
            characters))
            alter table T_VAR change NAME_ LABEL_ varchar(255) | INFO | DROP TABLE removes table T_VAR_OLD and all \
            its rows (guarded: rows copied to T_VAR at line 2)
            alter table T_VAR modify TEXT_ mediumtext | INFO | DROP TABLE removes table T_VAR_OLD and all its rows \
            (guarded: rows copied to T_VAR at line 2)
            """)
    void aMySqlRedefinitionOfTheCopyBeforeTheDropOfItsSource(String change, String severity, String message)
            throws IOException {
        TestProject.write(project, "db/V1__init.sql", OLD_TABLE);
        TestProject.write(project, "db/V2__move.sql", """
                create table T_VAR like T_VAR_OLD;
                insert T_VAR select * from T_VAR_OLD;
                %s;
                drop table T_VAR_OLD;
                """.formatted(change));

        List<Finding> drops = ProjectLint.findings(project, Dialect.MYSQL).stream()
                .filter(f -> f.ruleId().equals("drop-table")).toList();

        assertEquals(1, drops.size(), drops.toString());
        assertEquals(4, drops.get(0).location().line());
        assertEquals(severity, drops.get(0).severity().name(), drops.get(0).message());
        assertEquals(message, drops.get(0).message());
    }
}
