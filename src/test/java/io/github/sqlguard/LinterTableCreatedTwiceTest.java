package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table created twice with other columns and no drop between (two histories kept in one folder) leaves
 * the type uncertain only of the columns its definitions differ on: a column both give one type keeps it. Whether a
 * column is NOT NULL stays uncertain, so a condition on it is no always-true one.
 */
class LinterTableCreatedTwiceTest {

    @TempDir
    Path project;

    @Test
    void aColumnBothDefinitionsGiveOneTypeKeepsIt() throws IOException {
        TestProject.write(project, "db/migration/V1__reminders.sql", """
                create table Reminder (id bigint not null, slotId bigint, kind integer,
                    primary key (id));
                """);
        TestProject.write(project, "db/migration/V2__reminders_again.sql", """
                create table Reminder (id bigint not null, slotId BIGINT not null, kind varchar(20),
                    info blob, primary key (id));
                """);
        TestProject.write(project, "db/migration/V3__retype.sql", """
                alter table Reminder alter column slotId set data type bigint;
                alter table Reminder alter column id set data type integer;
                alter table Reminder alter column kind set data type smallint;
                delete from Reminder where slotId is not null;
                """);

        assertEquals(List.of(
                "db/migration/V3__retype.sql:2:22 alter-column-type ALTER TABLE Reminder changes the type of column id"
                        + " from bigint to integer (narrower integer)",
                "db/migration/V3__retype.sql:3:22 alter-column-type ALTER TABLE Reminder changes the type of column"
                        + " kind to smallint (its type before is not known: table Reminder is created again, with"
                        + " other columns, at db/migration/V2__reminders_again.sql:1 without a drop between, so which"
                        + " columns it has is not certain)"),
                TestProject.lint(project, Dialect.AUTO).findings().stream()
                        .map(f -> f.location() + " " + f.ruleId() + " " + f.message()).toList());
    }

    /**
     * A rebuild's copy by a column list of a table two histories defined must read the columns only the other
     * definition gave it too: one that leaves such a column out is no guard, and the drop of the table says why.
     */
    @Test
    void theDropAfterAColumnListCopyOfATableCreatedTwiceSaysWhyTheCopyIsNoGuard() throws IOException {
        TestProject.write(project, "db/migration/V1__files.sql",
                "CREATE TABLE files (id integer PRIMARY KEY, context varchar(32), name varchar(128));\n");
        TestProject.write(project, "db/migration/V2__files_again.sql",
                "CREATE TABLE files (id integer PRIMARY KEY, name varchar(128));\n");
        TestProject.write(project, "db/migration/V3__rebuild.sql", """
                CREATE TABLE tmp_files (id integer PRIMARY KEY, name varchar(128));
                INSERT INTO tmp_files (id, name) SELECT id, name FROM files;
                DROP TABLE files;
                """);

        assertEquals(List.of("db/migration/V3__rebuild.sql:3:1 drop-table DROP TABLE removes table files and all its"
                        + " rows (the copy to tmp_files at line 2 leaves out column context, whose values are lost;"
                        + " table files is created again, with other columns, at db/migration/V2__files_again.sql:1"
                        + " without a drop between)"),
                TestProject.lint(project, Dialect.SQLITE).findings().stream()
                        .map(f -> f.location() + " " + f.ruleId() + " " + f.message()).toList());
    }

    /** Two definitions with the same columns but other types: a copy reading all of them keeps every value. */
    @Test
    void aColumnListCopyReadingTheColumnsOfEveryDefinitionIsAWholeCopy() throws IOException {
        TestProject.write(project, "db/migration/V1__words.sql",
                "CREATE TABLE words (user_id integer, lang varchar(16) NOT NULL, data text NOT NULL);\n");
        TestProject.write(project, "db/migration/V2__words_again.sql",
                "CREATE TABLE words (user_id integer, lang varchar(5) NOT NULL, data text NOT NULL);\n");
        TestProject.write(project, "db/migration/V3__rebuild.sql", """
                CREATE TABLE tmp_words (user_id integer, lang varchar(16) NOT NULL, data text NOT NULL);
                INSERT INTO tmp_words (user_id, lang, data) SELECT user_id, lang, data FROM words;
                DROP TABLE words;
                """);

        assertEquals(List.of("3:1 drop-table INFO rows copied to tmp_words at line 2"),
                TestProject.lint(project, Dialect.SQLITE).findings().stream().map(ProjectLint::placeAndGuard)
                        .toList());
    }

    /** Once the table is dropped and created anew, a copy of it is judged against the new definition alone. */
    @Test
    void aTableDroppedAndCreatedAfterItsHistoriesMixedIsCopiedInFull() throws IOException {
        TestProject.write(project, "db/migration/V1__files.sql",
                "CREATE TABLE files (id integer PRIMARY KEY, context varchar(32), name varchar(128));\n");
        TestProject.write(project, "db/migration/V2__files_again.sql",
                "CREATE TABLE files (id integer PRIMARY KEY, name varchar(128));\n"
                        + "DROP TABLE files;\n"
                        + "CREATE TABLE files (id integer PRIMARY KEY, name varchar(128));\n");
        TestProject.write(project, "db/migration/V3__rebuild.sql", """
                CREATE TABLE tmp_files (id integer PRIMARY KEY, name varchar(128));
                INSERT INTO tmp_files (id, name) SELECT id, name FROM files;
                DROP TABLE files;
                """);

        assertEquals(List.of("db/migration/V3__rebuild.sql:3:1 drop-table INFO rows copied to tmp_files at line 2"),
                TestProject.lint(project, Dialect.SQLITE).findings().stream()
                        .filter(f -> f.location().path().endsWith("V3__rebuild.sql"))
                        .map(f -> f.location() + " " + ProjectLint.placeAndGuard(f).replaceFirst("^[0-9:]+ ", ""))
                        .toList());
    }
    /**
     * A column the definitions give other types is widened to a type that holds every value of each of them: whichever
     * definition ran, nothing is lost, so the change is no finding; one that narrows any of them stays reported.
     */
    @Test
    void aChangeThatKeepsTheValuesOfEveryDefinitionIsNoFinding() throws IOException {
        TestProject.write(project, "db/migration/V1__grants.sql", """
                create table grants (id varchar(64) not null, resource_id varchar(255), perms integer,
                    primary key (id));
                """);
        TestProject.write(project, "db/migration/V2__grants_again.sql", """
                create table grants (id varchar(64) not null, resource_id varchar(64), primary key (id));
                """);
        TestProject.write(project, "db/migration/V3__widen.sql", """
                alter table grants alter column resource_id type varchar(255);
                alter table grants alter column id type varchar(40);
                """);

        assertEquals(List.of("db/migration/V3__widen.sql:2:20 alter-column-type ALTER TABLE grants changes the type"
                        + " of column id from varchar(64) to varchar(40) (shorter: 64 to 40 characters)"),
                TestProject.lint(project, Dialect.POSTGRESQL).findings().stream()
                        .map(f -> f.location() + " " + f.ruleId() + " " + f.message()).toList());
    }

    /** Each earlier definition counts, not only the one just before the last: the first one's longer type is lost. */
    @Test
    void aChangeNarrowingTheTypeOfAnyEarlierDefinitionStaysReported() throws IOException {
        TestProject.write(project, "db/migration/V1__grants.sql",
                "create table grants (id integer not null, resource_id varchar(300), perms integer);\n");
        TestProject.write(project, "db/migration/V2__grants_again.sql",
                "create table grants (id integer not null, resource_id varchar(64));\n");
        TestProject.write(project, "db/migration/V3__grants_third.sql",
                "create table grants (id integer not null, resource_id varchar(64), kind integer);\n");
        TestProject.write(project, "db/migration/V4__widen.sql",
                "alter table grants alter column resource_id type varchar(255);\n");

        assertEquals(List.of("db/migration/V4__widen.sql:1:20 alter-column-type"),
                TestProject.lint(project, Dialect.POSTGRESQL).findings().stream()
                        .map(f -> f.location() + " " + f.ruleId()).toList());
    }

    /** A column renamed after the histories mixed takes what each definition gave it along. */
    @Test
    void aRenamedColumnKeepsTheTypesOfEveryDefinition() throws IOException {
        TestProject.write(project, "db/migration/V1__grants.sql",
                "create table grants (id integer not null, resource_id varchar(300), perms integer);\n");
        TestProject.write(project, "db/migration/V2__grants_again.sql",
                "create table grants (id integer not null, resource_id varchar(64));\n");
        TestProject.write(project, "db/migration/V3__rename.sql", """
                alter table grants rename column resource_id to resource;
                alter table grants alter column resource type varchar(300);
                alter table grants alter column resource type varchar(100);
                """);

        assertEquals(List.of("db/migration/V3__rename.sql:3:20 alter-column-type ALTER TABLE grants changes the"
                        + " type of column resource from varchar(300) to varchar(100) (shorter: 300 to 100 characters)"),
                TestProject.lint(project, Dialect.POSTGRESQL).findings().stream()
                        .filter(f -> f.ruleId().equals("alter-column-type"))
                        .map(f -> f.location() + " " + f.ruleId() + " " + f.message()).toList());
    }
    /**
     * A generated column holds nothing of its own, so its drop loses nothing when each definition of the table
     * generates it; when one gave it as a plain column, that history's values go with the drop.
     */
    @Test
    void aDropOfAColumnEveryDefinitionGeneratesLosesNothing() throws IOException {
        TestProject.write(project, "db/migration/V1__grants.sql", """
                create table grants (id varchar(64) not null, resource_id varchar(255), note varchar(20),
                    uni_resource_id varchar(255) generated always as (coalesce(resource_id, id)) stored,
                    uni_note varchar(64) generated always as (coalesce(note, id)) stored);
                """);
        TestProject.write(project, "db/migration/V2__grants_again.sql", """
                create table grants (id varchar(64) not null, resource_id varchar(64), note varchar(20),
                    uni_resource_id varchar(64) generated always as (coalesce(resource_id, id)) stored,
                    uni_note varchar(64));
                """);
        TestProject.write(project, "db/migration/V3__drop.sql", """
                alter table grants drop column uni_resource_id;
                alter table grants drop column uni_note;
                """);

        assertEquals(List.of("db/migration/V3__drop.sql:2:20 drop-column"),
                TestProject.lint(project, Dialect.POSTGRESQL).findings().stream()
                        .map(f -> f.location() + " " + f.ruleId()).toList());
    }

    /** A plain column of an earlier definition renamed after the histories mixed still holds that history's values. */
    @Test
    void aRenamedColumnAnEarlierDefinitionGaveAsPlainLosesItsValuesWhenDropped() throws IOException {
        TestProject.write(project, "db/migration/V1__grants.sql",
                "create table grants (id varchar(64) not null, uni_id varchar(64), perms integer);\n");
        TestProject.write(project, "db/migration/V2__grants_again.sql", """
                create table grants (id varchar(64) not null,
                    uni_id varchar(64) generated always as (upper(id)) stored);
                """);
        TestProject.write(project, "db/migration/V3__drop.sql", """
                alter table grants rename column uni_id to upper_id;
                alter table grants drop column upper_id;
                """);

        assertEquals(List.of("db/migration/V3__drop.sql:2:20 drop-column"),
                TestProject.lint(project, Dialect.POSTGRESQL).findings().stream()
                        .filter(f -> f.ruleId().equals("drop-column"))
                        .map(f -> f.location() + " " + f.ruleId()).toList());
    }
}
