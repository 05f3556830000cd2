package io.github.sqlguard.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A script that separates batches with GO is T-SQL, whether or not the dialect was configured. */
class GoBatchesInAutoTest {

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"AUTO", "SQLSERVER"})
    void aTriggerBodyWithoutBeginRunsToTheEndOfItsBatch(Dialect dialect) {
        String sql = "CREATE TRIGGER trg_del ON dbo.Orders AFTER DELETE AS\n"
                + "  SET NOCOUNT ON\n"
                + "  UPDATE dbo.OrderStats SET Cnt = Cnt - 1\n"
                + "GO\n"
                + "DELETE FROM x\n";
        List<String> statements = new StatementSplitter(dialect, Placeholders.DEFAULT).split("t.sql", sql)
                .statements().stream()
                .map(s -> s.start().line() + ":" + s.start().column() + " " + s.context().kind()
                        + (s.container() ? " container" : ""))
                .toList();
        assertEquals(List.of("1:1 SCRIPT container", "2:3 ROUTINE_BODY", "3:3 ROUTINE_BODY", "5:1 SCRIPT"),
                statements);
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"AUTO", "SQLSERVER"})
    void goWithASemicolonEndsTheBatchAndTheRoutineBefore(Dialect dialect) {
        String sql = "CREATE PROCEDURE p AS\nBEGIN\n  SELECT 1\nEND\nGO;\n"
                + "CREATE PROCEDURE q AS\nBEGIN\n  UPDATE t SET a = 1\nEND\nGO;\n"
                + "DELETE FROM x\n";
        List<String> statements = new StatementSplitter(dialect, Placeholders.DEFAULT).split("t.sql", sql)
                .statements().stream()
                .map(s -> s.start().line() + ":" + s.start().column() + " " + s.context().kind()
                        + (s.container() ? " container" : "") + " " + s.context().label())
                .toList();
        assertEquals(List.of("1:1 SCRIPT container ", "3:3 ROUTINE_BODY procedure p body", "6:1 SCRIPT container ",
                "8:3 ROUTINE_BODY procedure q body", "11:1 SCRIPT "), statements);
    }
}
