package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An optional filter ({@code WHERE id = @id OR @id IS NULL}) removes every row only when its parameter is NULL: a
 * call that passes a value for it removes the rows that match, and is no finding; a call that leaves it NULL, or a
 * body that changes the parameter itself, still is.
 */
class LinterKnownParameterSwitchTest {

    private static final String TSQL_PROCEDURE = """
            CREATE TABLE Orders (Id int PRIMARY KEY, Status varchar(10));
            GO
            CREATE PROCEDURE dbo.PurgeOrders @Id int = NULL, @Status varchar(10) = NULL
            AS
            BEGIN
                DELETE FROM Orders WHERE Id = @Id OR @Id IS NULL;
            END
            GO
            """;

    @TempDir
    Path project;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "EXEC dbo.PurgeOrders @Id = 5;|0",
        "EXEC dbo.PurgeOrders 5;|0",
        "EXEC dbo.PurgeOrders @Status = 'old', @Id = 7;|0",
        "EXEC dbo.PurgeOrders;|1",
        "EXEC dbo.PurgeOrders @Id = NULL;|1",
        "EXEC dbo.PurgeOrders @Status = 'old';|1",
    })
    void aValuePassedForTheSwitchLeavesTheRestToChoose(String call, int errors) throws IOException {
        TestProject.write(project, "db/V1__purge.sql", TSQL_PROCEDURE);
        TestProject.write(project, "db/V2__call.sql", call + "\nGO\n");

        List<String> atCall = errorsIn(lint(Dialect.SQLSERVER), "db/V2__call.sql");

        assertEquals(errors, atCall.size(), () -> call + " gave " + atCall);
        atCall.forEach(finding -> assertEquals("db/V2__call.sql:1:1 delete-without-where", finding));
    }

    @Test
    void aParameterTheBodyChangesIsNotTheCallsValue() throws IOException {
        TestProject.write(project, "db/V1__purge.sql", TSQL_PROCEDURE.replace("BEGIN\n",
                "BEGIN\n    IF @Status = 'all' SET @Id = NULL;\n"));
        TestProject.write(project, "db/V2__call.sql", "EXEC dbo.PurgeOrders @Id = 5, @Status = 'all';\nGO\n");

        assertEquals(List.of("db/V2__call.sql:1:1 delete-without-where"),
                errorsIn(lint(Dialect.SQLSERVER), "db/V2__call.sql"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SELECT purge_orders(5);|0",
        "SELECT purge_orders('open');|0",
        "SELECT purge_orders(NULL);|1",
    })
    void aPostgresqlFunctionCalledWithAValue(String call, int errors) throws IOException {
        TestProject.write(project, "db/V1__purge.sql", """
                CREATE TABLE orders (id int PRIMARY KEY, status text);
                CREATE FUNCTION purge_orders(p_key text) RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                  DELETE FROM orders WHERE status = p_key OR p_key IS NULL;
                END;
                $$;
                """);
        TestProject.write(project, "db/V2__call.sql", call + "\n");

        List<String> atCall = errorsIn(lint(Dialect.POSTGRESQL), "db/V2__call.sql");

        assertEquals(errors, atCall.size(), () -> call + " gave " + atCall);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "EXEC dbo.ClearLog @Mode = 'keep';|0",
        "EXEC dbo.ClearLog @Mode = 'all';|1",
    })
    void aWhereOnTheParameterAloneThatTheValueMakesFalseRemovesNothing(String call, int errors) throws IOException {
        TestProject.write(project, "db/V1__log.sql", """
                CREATE TABLE AuditLog (Id int PRIMARY KEY);
                GO
                CREATE PROCEDURE dbo.ClearLog @Mode varchar(10)
                AS
                    DELETE FROM AuditLog WHERE @Mode = 'all';
                GO
                """);
        TestProject.write(project, "db/V2__call.sql", call + "\nGO\n");

        List<String> atCall = errorsIn(lint(Dialect.SQLSERVER), "db/V2__call.sql");

        assertEquals(errors, atCall.size(), () -> call + " gave " + atCall);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "EXEC dbo.PurgeOrders @Id = 5;|0",
        "EXEC dbo.PurgeOrders @Status = 'old';|0",
        "EXEC dbo.PurgeOrders;|1",
    })
    void oneOfSeveralFiltersJoinedByAndThatAValueSwitchesOnChoosesTheRows(String call, int errors)
            throws IOException {
        TestProject.write(project, "db/V1__purge.sql", TSQL_PROCEDURE.replace("DELETE FROM Orders WHERE Id = @Id OR @Id IS NULL;",
                "DELETE FROM Orders WHERE (@Id IS NULL OR Id = @Id) AND (@Status IS NULL OR Status = @Status);"));
        TestProject.write(project, "db/V2__call.sql", call + "\nGO\n");

        List<String> atCall = errorsIn(lint(Dialect.SQLSERVER), "db/V2__call.sql");

        assertEquals(errors, atCall.size(), () -> call + " gave " + atCall);
    }

    @Test
    void aValueThatSwitchesNoFilterOnLeavesEveryRow() throws IOException {
        TestProject.write(project, "db/V1__purge.sql", TSQL_PROCEDURE
                .replace("@Id int = NULL,", "@Id int = NULL, @All int = 0,")
                .replace("DELETE FROM Orders WHERE Id = @Id OR @Id IS NULL;",
                        "DELETE FROM Orders WHERE (@All = 1 OR Id = @Id) AND (@Status IS NULL OR Status = @Status);"));
        TestProject.write(project, "db/V2__call.sql", "EXEC dbo.PurgeOrders @All = 1;\nGO\n");

        assertEquals(List.of("db/V2__call.sql:1:1 delete-without-where"),
                errorsIn(lint(Dialect.SQLSERVER), "db/V2__call.sql"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "EXEC dbo.PurgeOrders @Id = 5;|0",
        "EXEC dbo.PurgeOrders;|1",
    })
    void aFallbackToTheRowsOwnValueIsNoFallbackForAValue(String call, int errors) throws IOException {
        TestProject.write(project, "db/V1__purge.sql", TSQL_PROCEDURE.replace("WHERE Id = @Id OR @Id IS NULL;",
                "WHERE Id = ISNULL(@Id, Id);"));
        TestProject.write(project, "db/V2__call.sql", call + "\nGO\n");

        List<String> atCall = errorsIn(lint(Dialect.SQLSERVER), "db/V2__call.sql");

        assertEquals(errors, atCall.size(), () -> call + " gave " + atCall);
    }

    private static List<String> errorsIn(LintResult result, String file) {
        return result.findings().stream().filter(f -> f.severity() == Severity.ERROR)
                .filter(f -> f.location().path().equals(file))
                .map(f -> f.location() + " " + f.ruleId()).toList();
    }

    private LintResult lint(Dialect dialect) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        return new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 2), null);
    }
}
