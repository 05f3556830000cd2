package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * T-SQL's {@code ALTER TABLE t DROP name}, written without COLUMN or CONSTRAINT: SQL Server drops the constraint of
 * that name, Sybase ASE, whose scripts are read as T-SQL, the column. A name the replay knows as a column of the
 * table is reported as the column drop every other dialect reports; any other name stays a constraint.
 */
class LinterTsqlBareDropTest {

    @TempDir
    Path project;

    @Test
    void aBareDropOfAKnownColumnDropsItsValues() throws IOException {
        write();

        assertEquals(List.of(
                "db/upgrade/2.sql:1:27 drop-column ALTER TABLE qrtz_triggers drops column is_volatile (written without"
                        + " COLUMN, which SQL Server reads as a constraint's name; Sybase ASE drops the column)",
                "db/upgrade/2.sql:4:24 drop-column ALTER TABLE qrtz_locks drops column lock_owner (written without"
                        + " COLUMN, which SQL Server reads as a constraint's name; Sybase ASE drops the column)"),
                described(Dialect.SQLSERVER));
    }

    @Test
    void postgresqlReadsEveryBareDropAsAColumn() throws IOException {
        write();

        // PostgreSQL reads DROP name as a column whatever the replay knows; of T-SQL's DROP a, b only a
        assertEquals(List.of("db/upgrade/2.sql:1:27 drop-column", "db/upgrade/2.sql:2:27 drop-column",
                "db/upgrade/2.sql:3:21 drop-column", "db/upgrade/2.sql:4:24 drop-column"),
                TestProject.lint(project, Dialect.POSTGRESQL).findings().stream()
                        .map(f -> f.location() + " " + f.ruleId()).toList());
    }

    private void write() throws IOException {
        TestProject.write(project, "db/upgrade/1.sql", """
                create table qrtz_triggers (id int not null, is_volatile bit not null,
                    constraint pk_qrtz_triggers primary key (id));
                create table qrtz_locks (lock_name varchar(40) not null, lock_owner varchar(40));
                """);
        TestProject.write(project, "db/upgrade/2.sql", """
                alter table qrtz_triggers drop is_volatile;
                alter table qrtz_triggers drop pk_qrtz_triggers;
                alter table other_t drop is_stateful;
                alter table qrtz_locks drop lock_owner, pk_locks;
                """);
    }

    private List<String> described(Dialect dialect) {
        return TestProject.lint(project, dialect).findings().stream()
                .map(f -> f.location() + " " + f.ruleId() + " " + f.message()).toList();
    }
}
