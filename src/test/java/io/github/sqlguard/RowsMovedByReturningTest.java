package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A DELETE whose RETURNING * feeds an INSERT of every returned row into another table moves the rows, as a switch
 * to a partitioned table does: INFO. A move that may leave rows or values behind stays an ERROR.
 */
class RowsMovedByReturningTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            WITH moved AS (DELETE FROM events RETURNING *) INSERT INTO events_new SELECT * FROM moved          | INFO
            WITH moved AS MATERIALIZED (DELETE FROM events RETURNING *) INSERT INTO s.events_p SELECT * FROM moved | INFO
            WITH m AS (DELETE FROM events RETURNING *) INSERT INTO events_new (a, b, c) SELECT * FROM m         | INFO
            WITH moved AS (DELETE FROM events RETURNING id) INSERT INTO events_new SELECT * FROM moved         | ERROR
            WITH moved AS (DELETE FROM events RETURNING *) INSERT INTO events_new SELECT * FROM moved WHERE a  | ERROR
            WITH moved AS (DELETE FROM events RETURNING *) INSERT INTO events_new SELECT * FROM other          | ERROR
            WITH moved AS (DELETE FROM events RETURNING *) SELECT count(*) FROM moved                           | ERROR
            WITH moved AS (DELETE FROM events RETURNING *) INSERT INTO pg_temp.kept SELECT * FROM moved        | ERROR
            """)
    void aDeleteWhoseRowsAreAllInsertedElsewhereLosesNothing(String sql, String severity) {
        assertEquals(List.of("1:" + (sql.indexOf("DELETE") + 1) + " delete-without-where " + severity),
                OneScript.placesAndSeverities(Dialect.POSTGRESQL, sql));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            DELETE FROM dbo.Logs OUTPUT deleted.* INTO dbo.LogsArchive                 | INFO
            DELETE dbo.Logs OUTPUT DELETED.* INTO archive.dbo.Logs (id, at, text)      | INFO
            DELETE FROM dbo.Logs OUTPUT deleted.id INTO dbo.LogsArchive                | ERROR
            DELETE FROM dbo.Logs OUTPUT deleted.*                                      | ERROR
            DELETE FROM dbo.Logs OUTPUT deleted.* INTO #moved                          | ERROR
            DELETE FROM dbo.Logs OUTPUT deleted.* INTO tempdb..#moved                  | ERROR
            DELETE FROM dbo.Logs OUTPUT deleted.* INTO @moved                          | ERROR
            """)
    void aTsqlDeleteWhoseOutputInsertsEveryRowElsewhereLosesNothing(String sql, String severity) {
        assertEquals(List.of("1:1 delete-without-where " + severity),
                OneScript.placesAndSeverities(Dialect.SQLSERVER, sql));
    }

    /**
     * A RETURNING or OUTPUT list moves whole rows when it names every column the migrations gave the table, in any
     * order and spelling; one that leaves a column out, or a table the replay does not know whole, keeps the ERROR.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            SQLSERVER  | DELETE FROM dbo.Logs OUTPUT deleted.Id, deleted.[Msg], DELETED.at INTO dbo.Archive (Id, Msg, At) | INFO
            SQLSERVER  | DELETE dbo.Logs OUTPUT deleted.msg, deleted.at, deleted.id INTO dbo.Archive                      | INFO
            SQLSERVER  | DELETE FROM dbo.Logs OUTPUT deleted.Id, deleted.Msg INTO dbo.Archive (Id, Msg)                   | ERROR
            SQLSERVER  | DELETE FROM dbo.Logs OUTPUT deleted.Id, deleted.Msg, deleted.At INTO #kept                        | ERROR
            SQLSERVER  | DELETE FROM dbo.Logs OUTPUT deleted.Id, deleted.Msg, deleted.At, 1 INTO dbo.Archive               | ERROR
            SQLSERVER  | DELETE FROM dbo.Other OUTPUT deleted.Id INTO dbo.Archive                                          | ERROR
            POSTGRESQL | WITH m AS (DELETE FROM logs RETURNING at, id, msg) INSERT INTO archive SELECT * FROM m           | INFO
            POSTGRESQL | WITH m AS (DELETE FROM ONLY logs RETURNING id, msg, at) INSERT INTO archive SELECT * FROM m      | INFO
            POSTGRESQL | WITH m AS (DELETE FROM logs RETURNING id, msg) INSERT INTO archive SELECT * FROM m               | ERROR
            POSTGRESQL | WITH m AS (DELETE FROM logs RETURNING id, msg, at) INSERT INTO archive SELECT id FROM m          | ERROR
            """)
    void aListOfEveryKnownColumnMovesWholeRows(Dialect dialect, String sql, String severity, @TempDir Path project)
            throws IOException {
        String table = dialect == Dialect.SQLSERVER ? "dbo.Logs" : "logs";
        TestProject.write(project, "db/V1__init.sql", "CREATE TABLE " + table + " (id INT PRIMARY KEY, msg VARCHAR(100),"
                + " at DATE);\n");
        TestProject.write(project, "db/V2__move.sql", sql + ";\n");

        assertEquals(List.of("db/V2__move.sql:1:" + (sql.indexOf("DELETE") + 1) + " delete-without-where " + severity),
                TestProject.findingsIn(TestProject.lint(project, dialect), "V2__move.sql"));
    }

    @Test
    void theFindingNamesWhereTheRowsWent() {
        List<Finding> findings = OneScript.findings(Dialect.POSTGRESQL,
                "WITH moved AS (DELETE FROM events RETURNING *) INSERT INTO events_new SELECT * FROM moved;\n");

        assertEquals("DELETE without WHERE removes every row of events (guarded: rows moved to events_new by the same"
                + " statement)", findings.get(0).message());
    }
}
