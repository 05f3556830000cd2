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
 * SQL*Plus's {@code HOST} (also {@code HO}, and its shorthands {@code $} and {@code !}) runs a program outside the
 * database connection: SQL*Loader or Data Pump may replace a table's rows, another SQL*Plus may run any script.
 * sqlguard cannot see what it does, so it is an {@code unchecked-change} where it stands, not a passed line. A
 * program that cannot reach a database (echo, mkdir, ..) is passed, and so is the removal of a file the script
 * spooled itself.
 */
class SqlPlusHostCommandsTest {

    @TempDir
    Path project;

    private List<String> unchecked(Dialect dialect, String sql) throws IOException {
        TestProject.write(project, "db/load.sql", sql.replace("\\n", "\n"));
        return TestProject.lint(project, dialect).findings().stream()
                .filter(f -> f.ruleId().equals("unchecked-change"))
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.severity() + " " + f.message())
                .toList();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "ORACLE | SET ECHO ON\\nHOST sqlldr app/&pass -\\n  control=&ctl_file log=&log_file\\nSELECT 1 FROM dual; |"
                + " 2:1 WARNING HOST sqlldr app/&pass - runs a program outside the database connection, so what it"
                + " does to the data was not checked",
        "ORACLE | host impdp app/&pass tables=orders table_exists_action=replace |"
                + " 1:1 WARNING host impdp app/&pass tables=orders table_exists_action=replace runs a program outside"
                + " the database connection, so what it does to the data was not checked",
        "ORACLE | SELECT 1 FROM dual;\\n  ! sqlplus -s app/x @wipe.sql | 2:3 WARNING ! sqlplus -s app/x @wipe.sql runs"
                + " a program outside the database connection, so what it does to the data was not checked",
        "AUTO | DEFINE pass = &1\\nHO sqlldr app/&pass control=orders.ctl | 2:1 WARNING HO sqlldr app/&pass"
                + " control=orders.ctl runs a program outside the database connection, so what it does to the data"
                + " was not checked",
        // A removal of a file the script did not spool may remove anything, a database's own files among them.
        "ORACLE | SPOOL params.sql.tmp\\nSPOOL OFF\\nHOST rm params.sql.tmp /u01/oradata/users01.dbf | 3:1 WARNING HOST rm"
                + " params.sql.tmp /u01/oradata/users01.dbf runs a program outside the database connection, so what"
                + " it does to the data was not checked",
        "ORACLE | HOST rm params.sql.tmp\\nSPOOL params.sql.tmp | 1:1 WARNING HOST rm params.sql.tmp runs a program"
                + " outside the database connection, so what it does to the data was not checked",
    })
    void aHostCommandIsAnUncheckedChange(Dialect dialect, String sql, String expected) throws IOException {
        assertEquals(List.of(expected), unchecked(dialect, sql));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "ORACLE | HOST echo Loading orders\\nHOST mkdir logs\\n$ type load.log\\nHOST",
        "ORACLE | -- HOST sqlldr app/x control=orders.ctl\\nREM HOST sqlldr app/x\\nPROMPT HOST sqlldr app/x",
        "ORACLE | BEGIN\\n  host := 'db1';\\nEND;\\n/",
        // A settings file the script spooled, ran and now removes: the removal cannot reach a database.
        "ORACLE | SPOOL params.sql.tmp\\nSELECT 'define a=1' FROM dual;\\nSPOOL OFF\\n@params.sql.tmp\\n$ del params.sql.tmp\\n! rm -f params.sql.tmp",
        "ORACLE | spo gen\\nSELECT 1 FROM dual;\\nspool off\\nhost rm gen.lst",
    })
    void aHarmlessProgramOrAWordThatIsNoCommandIsPassed(Dialect dialect, String sql) throws IOException {
        assertEquals(List.of(), unchecked(dialect, sql));
    }
}
