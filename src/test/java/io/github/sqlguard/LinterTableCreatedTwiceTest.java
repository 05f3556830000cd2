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
}
