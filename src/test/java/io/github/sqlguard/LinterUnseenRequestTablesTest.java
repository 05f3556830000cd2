package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Some products change their schema by writing a row into a table whose rule or trigger runs the ALTER
 * ({@code INSERT INTO t_alter_column VALUES ('orders', 'note', 'VARCHAR(20)', ..)}), kept in a base schema that
 * the migrations do not create. Such a row must not pass as a plain INSERT when its table's name says it alters or
 * drops columns or tables.
 */
class LinterUnseenRequestTablesTest {

    @TempDir
    Path project;

    @Test
    void aRowForATableWhoseNameSaysItAltersColumnsIsReportedAtTheTableName() throws IOException {
        write("db/V2__note.sql", "INSERT INTO t_alter_column VALUES ('orders', 'note', 'VARCHAR(20)', null, 'NULL');\n");

        assertEquals(List.of("db/V2__note.sql:1:13 unchecked-change WARNING INSERT INTO t_alter_column writes a row"
                + " into a table that no scanned script creates, and its name says a rule or trigger on it alters"
                + " columns: what that changes was not checked"), describe(lint(Dialect.POSTGRESQL)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "INSERT INTO admin.drop_column_queue (tab, col) VALUES ('orders', 'note'); | drops columns",
        "INSERT INTO \"ModifyColumnRequest\" VALUES ('orders', 'total', 'INT');   | alters columns",
        "INSERT INTO table_drops SELECT 'orders';                                   | drops tables",
    })
    void namesThatSayTheRowAltersOrDropsAreReported(String insert, String says) throws IOException {
        write("db/V2__step.sql", insert + "\n");

        List<String> found = describe(lint(Dialect.POSTGRESQL));
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).contains("unchecked-change WARNING") && found.get(0).contains("on it " + says),
                found.get(0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "INSERT INTO AD_Column (AD_Column_ID, ColumnName) VALUES (1, 'note');",
        "INSERT INTO column_change_log VALUES ('orders', 'note');",
        "INSERT INTO alter_history VALUES ('orders');",
        "INSERT INTO drop_index_queue VALUES ('idx_orders_note');",
        "INSERT INTO t_alter_column_audit VALUES ('orders', 'note');",
    })
    void otherTablesAreLeftAlone(String insert) throws IOException {
        write("db/V2__step.sql", insert + "\n");

        assertEquals(List.of(), describe(lint(Dialect.POSTGRESQL)));
    }

    @Test
    void aTableAnEarlierMigrationCreatesIsAPlainTable() throws IOException {
        write("db/V1__queue.sql", "CREATE TABLE t_alter_column (tablename TEXT, columnname TEXT, datatype TEXT);\n");
        write("db/V2__note.sql", "INSERT INTO t_alter_column VALUES ('orders', 'note', 'VARCHAR(20)');\n");

        assertEquals(List.of(), describe(lint(Dialect.POSTGRESQL)));
    }

    @Test
    void theSameRowIsReportedUnderOracleToo() throws IOException {
        write("db/V2__note.sql", "INSERT INTO t_alter_column VALUES ('orders', 'note', 'VARCHAR2(20)');\n");

        assertEquals(List.of("db/V2__note.sql:1:13 unchecked-change WARNING"),
                lines(lint(Dialect.ORACLE)).stream().map(line -> line.location() + " " + line.rule()).toList());
    }

    private record LintResultLine(String location, String rule, String message) {
    }

    private static List<LintResultLine> lines(LintResult result) {
        return result.findings().stream().map(f -> new LintResultLine(f.location().toString(),
                f.ruleId() + " " + f.severity(), f.message())).toList();
    }

    private static List<String> describe(LintResult result) {
        return lines(result).stream().map(line -> line.location() + " " + line.rule() + " " + line.message())
                .toList();
    }

    private void write(String path, String text) throws IOException {
        TestProject.write(project, path, text);
    }

    private LintResult lint(Dialect dialect) {
        return TestProject.lint(project, dialect);
    }
}
