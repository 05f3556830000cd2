package io.github.sqlguard.rules;

import static io.github.sqlguard.rules.RuleHarness.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * T-SQL's {@code SET ROWCOUNT n} caps every later DELETE and UPDATE of the session, as {@code TOP (n)} caps one:
 * the statement takes arbitrary rows, and the loop batch deletes are written with takes them all.
 */
class SessionRowCountTest {

    private static final String CAPPED_DELETE = "DELETE without WHERE (the SET ROWCOUNT before it only caps how many"
            + " rows it takes) removes arbitrary rows of users, and every row when it runs in a loop until none is left";

    private final Rule delete = new DeleteWithoutWhereRule();
    private final Rule update = new UpdateWithoutWhereRule();

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"SQLSERVER", "AUTO"})
    void aDeleteAfterSetRowcountTakesArbitraryRows(Dialect dialect) {
        assertEquals(List.of(CAPPED_DELETE), messages(delete, dialect, """
                SET ROWCOUNT 100;
                DELETE FROM users;
                SET ROWCOUNT 0;
                """));
    }

    @Test
    void theCapHoldsAcrossBatchesAndInsideTheLoopThatRepeatsTheDelete() {
        assertEquals(List.of(CAPPED_DELETE), messages(delete, Dialect.SQLSERVER, """
                SET ROWCOUNT @batch
                GO
                WHILE 1 = 1
                BEGIN
                  DELETE FROM users;
                  IF @@ROWCOUNT = 0 BREAK;
                END
                """));
    }

    @Test
    void anUpdateAfterSetRowcountChangesArbitraryRows() {
        assertEquals(List.of("UPDATE without WHERE (the SET ROWCOUNT before it only caps how many rows it takes)"
                + " changes arbitrary rows of users, and every row when it runs in a loop until none is left"),
                messages(update, Dialect.SQLSERVER, "SET ROWCOUNT 500\nUPDATE users SET status = 0\nGO"));
    }

    @Test
    void setRowcountZeroLiftsTheCap() {
        assertEquals(List.of("DELETE without WHERE removes every row of users"), messages(delete, Dialect.SQLSERVER, """
                SET ROWCOUNT 100;
                DELETE FROM users WHERE status = 0;
                SET ROWCOUNT 0;
                DELETE FROM users;
                """));
    }

    @Test
    void aRoutineBodyIsNotCappedByTheScriptThatCreatesIt() {
        assertEquals(List.of("DELETE without WHERE removes every row of users"), messages(delete, Dialect.SQLSERVER, """
                SET ROWCOUNT 100
                GO
                CREATE PROCEDURE dbo.purge AS
                BEGIN
                  DELETE FROM users;
                END
                GO
                """));
    }
}
