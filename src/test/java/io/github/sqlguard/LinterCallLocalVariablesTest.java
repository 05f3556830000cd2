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

/**
 * A routine called with literals builds its SQL in local variables from its parameters: {@code v := tbl || '_' ||
 * col}, T-SQL's {@code SET @fullname = @schema + '.' + @name}. With the call's literals bound, such a variable holds
 * a known text, so the statement the call runs is judged with real names.
 */
class LinterCallLocalVariablesTest {

    @TempDir
    Path project;

    /** A variable that starts with a parameter ({@code v := tbl || '_' || col}) is as known as one that ends so. */
    @Test
    void aVariableBuiltFromParametersNamesWhatTheCallDrops() throws IOException {
        TestProject.write(project, "db/V1__init.sql", """
                CREATE TABLE orders (id INT);
                CREATE INDEX orders_id ON orders (id);
                CREATE FUNCTION drop_index_of(tbl text, col text) RETURNS void AS $$
                DECLARE
                    v text;
                BEGIN
                    v := tbl || '_' || col;
                    EXECUTE 'DROP INDEX ' || v;
                END $$ LANGUAGE plpgsql;
                CREATE FUNCTION drop_table_of(sch text, tbl text) RETURNS void AS $$
                DECLARE
                    v text;
                BEGIN
                    v := sch || '.' || tbl;
                    EXECUTE 'DROP TABLE ' || v;
                END $$ LANGUAGE plpgsql;
                """);
        TestProject.write(project, "db/V2__go.sql", """
                SELECT drop_index_of('orders', 'id');
                SELECT drop_table_of('public', 'orders');
                """);

        assertEquals(List.of("db/V2__go.sql:2:1 drop-table ERROR DROP TABLE removes table public.orders and all its"
                + " rows (at db/V1__init.sql:15:14, in drop_table_of, which an earlier migration created and this"
                + " statement calls)"), describe(lint(Dialect.POSTGRESQL), "db/V2"));
    }

    @Test
    void aTsqlVariableSetFromParametersNamesWhatTheCallDrops() throws IOException {
        TestProject.write(project, "db/V1__init.sql", """
                CREATE TABLE dbo.orders (id INT);
                GO
                CREATE PROCEDURE dbo.drop_view_of @schema sysname, @name sysname AS
                BEGIN
                    DECLARE @fullname nvarchar(300);
                    SET @fullname = @schema + '.' + @name;
                    EXEC('DROP VIEW ' + @fullname);
                END
                GO
                CREATE PROCEDURE dbo.drop_table_of @schema sysname, @name sysname AS
                BEGIN
                    DECLARE @fullname nvarchar(300);
                    SET @fullname = @schema + '.' + @name;
                    EXEC('DROP TABLE ' + @fullname);
                END
                GO
                """);
        TestProject.write(project, "db/V2__go.sql", """
                EXEC dbo.drop_view_of 'dbo', 'v_orders';
                GO
                EXEC dbo.drop_table_of 'dbo', 'orders';
                GO
                """);

        assertEquals(List.of("db/V2__go.sql:3:1 drop-table ERROR DROP TABLE removes table dbo.orders and all its"
                + " rows (at db/V1__init.sql:14:11, in drop_table_of, which an earlier migration created and this"
                + " statement calls)"), describe(lint(Dialect.SQLSERVER), "db/V2"));
    }

    /**
     * A variable copied from a parameter ({@code SET @full = @tab}) holds the call's literal where the parameter is
     * used; what the text joined from it runs after that literal is still located where it is written, however many
     * lines stand above the routine in its file.
     */
    @Test
    void aTextJoinedAfterACopiedParameterIsLocatedWhereItIsWritten() throws IOException {
        TestProject.write(project, "db/V1__init.sql", """
                CREATE TABLE dbo.orders (id INT, note nvarchar(10));
                GO
                CREATE PROCEDURE dbo.drop_col @tab sysname, @col sysname AS
                BEGIN
                    DECLARE @sql nvarchar(max);

                    DECLARE @full nvarchar(300);
                    SET @full = @tab;
                    SET @sql = 'ALTER TABLE ' + @full + ' DROP COLUMN ' + @col;
                    EXEC sp_executesql @sql;
                END
                GO
                """);
        TestProject.write(project, "db/V2__go.sql", """
                -- drops the note
                -- of every order

                EXEC dbo.drop_col 'orders', 'note';
                GO
                """);

        assertEquals(List.of("db/V2__go.sql:4:1 drop-column ERROR ALTER TABLE orders drops column note (at"
                + " db/V1__init.sql:9:43, in drop_col, which an earlier migration created and this statement calls)"),
                describe(lint(Dialect.SQLSERVER), "db/V2"));
    }

    /**
     * A declared variable filled in by {@code format(..)} from the parameters is the text the call makes: the
     * sequence it drops loses no rows, while the table another call drops is named.
     */
    @Test
    void aVariableFormattedFromParametersIsTheCallsText() throws IOException {
        TestProject.write(project, "db/V1__init.sql", """
                CREATE TABLE orders (id INT);
                CREATE SEQUENCE orders_id_seq;
                CREATE FUNCTION drop_sequence_of(table_name_in text, column_name_in text) RETURNS void AS $$
                DECLARE
                    seq_name text = format('%s_%s_seq', table_name_in, column_name_in);
                BEGIN
                    EXECUTE format('DROP SEQUENCE %s', seq_name);
                END $$ LANGUAGE plpgsql;
                CREATE FUNCTION drop_backup_of(tbl text) RETURNS void AS $$
                DECLARE
                    backup text := format('%I_%s', tbl, 'old');
                BEGIN
                    EXECUTE 'DROP TABLE ' || backup;
                END $$ LANGUAGE plpgsql;
                """);
        TestProject.write(project, "db/V2__go.sql", """
                SELECT drop_sequence_of('orders', 'id');
                SELECT drop_backup_of('orders');
                """);

        assertEquals(List.of("db/V2__go.sql:2:1 drop-table ERROR DROP TABLE removes table orders_old and all its"
                + " rows (at db/V1__init.sql:13:14, in drop_backup_of, which an earlier migration created and this"
                + " statement calls)"), describe(lint(Dialect.POSTGRESQL), "db/V2"));
    }

    /**
     * {@code LOWER}, {@code UPPER}, {@code TRIM}, {@code quote_ident} and T-SQL's {@code QUOTENAME} of a known text
     * are known as well: the name the call drops is the one they make.
     */
    @Test
    void aNameWrittenByATextFunctionOfAParameterIsKnown() throws IOException {
        TestProject.write(project, "db/V1__init.sql", """
                CREATE TABLE orders (id INT);
                CREATE TABLE "Audit Log" (id INT);
                CREATE FUNCTION drop_table_of(objschema text, objname text) RETURNS void AS $$
                DECLARE
                    fullname text;
                BEGIN
                    fullname := (LOWER(objschema) || '.' || LOWER(TRIM(objname)));
                    EXECUTE 'DROP TABLE ' || fullname;
                END $$ LANGUAGE plpgsql;
                CREATE FUNCTION drop_quoted(objname text) RETURNS void AS $$
                DECLARE
                    fullname text := 'public.' || quote_ident(objname);
                BEGIN
                    EXECUTE 'DROP TABLE ' || fullname;
                END $$ LANGUAGE plpgsql;
                CREATE FUNCTION drop_view_of(objname text) RETURNS void AS $$
                DECLARE
                    v text;
                BEGIN
                    v := upper(objname);
                    EXECUTE 'DROP VIEW ' || v;
                END $$ LANGUAGE plpgsql;
                """);
        TestProject.write(project, "db/V2__go.sql", """
                SELECT drop_table_of('Public', 'ORDERS');
                SELECT drop_quoted('Audit Log');
                SELECT drop_view_of('v_orders');
                """);

        assertEquals(List.of("db/V2__go.sql:1:1 drop-table ERROR DROP TABLE removes table public.orders and all its"
                + " rows (at db/V1__init.sql:8:14, in drop_table_of, which an earlier migration created and this"
                + " statement calls)", "db/V2__go.sql:2:1 drop-table ERROR DROP TABLE removes table public.\"Audit"
                + " Log\" and all its rows (at db/V1__init.sql:14:14, in drop_quoted, which an earlier migration"
                + " created and this statement calls)"), describe(lint(Dialect.POSTGRESQL), "db/V2"));
    }

    @Test
    void aTsqlNameWrittenByQuotenameOfAParameterIsKnown() throws IOException {
        TestProject.write(project, "db/V1__init.sql", """
                CREATE TABLE dbo.orders (id INT);
                GO
                CREATE PROCEDURE dbo.drop_table_of @objschema sysname, @objname sysname AS
                BEGIN
                    DECLARE @fullname nvarchar(300);
                    SET @fullname = QUOTENAME(@objschema) + '.' + QUOTENAME(LOWER(@objname));
                    EXEC('DROP TABLE ' + @fullname);
                END
                GO
                """);
        TestProject.write(project, "db/V2__go.sql", """
                EXEC dbo.drop_table_of 'dbo', 'ORDERS';
                GO
                """);

        assertEquals(List.of("db/V2__go.sql:1:1 drop-table ERROR DROP TABLE removes table [dbo].[orders] and all its"
                + " rows (at db/V1__init.sql:7:11, in drop_table_of, which an earlier migration created and this"
                + " statement calls)"), describe(lint(Dialect.SQLSERVER), "db/V2"));
    }

    /** Parentheses around the one parameter a variable is set to ({@code SELECT @t = (@tab)}) change nothing. */
    @Test
    void aVariableSetToOneParameterInParenthesesIsTheCallsText() throws IOException {
        TestProject.write(project, "db/V1__init.sql", """
                CREATE TABLE dbo.orders (id INT);
                GO
                CREATE PROCEDURE dbo.drop_table_of @tab sysname AS
                BEGIN
                    DECLARE @t sysname;
                    SELECT @t = (@tab);
                    EXEC('DROP TABLE ' + @t);
                END
                GO
                """);
        TestProject.write(project, "db/V2__go.sql", """
                EXEC dbo.drop_table_of 'orders';
                GO
                """);

        assertEquals(List.of("db/V2__go.sql:1:1 drop-table ERROR DROP TABLE removes table orders and all its"
                + " rows (at db/V1__init.sql:7:11, in drop_table_of, which an earlier migration created and this"
                + " statement calls)"), describe(lint(Dialect.SQLSERVER), "db/V2"));
    }

    /** Reassigned in a loop that may run, the variable holds what only the running database knows. */
    @Test
    void aVariableReassignedInALoopStaysBuiltAtRunTime() throws IOException {
        TestProject.write(project, "db/V1__init.sql", """
                CREATE TABLE orders (id INT);
                CREATE FUNCTION drop_all_of(tbl text) RETURNS void AS $$
                DECLARE
                    v text;
                    r record;
                BEGIN
                    v := tbl || '_old';
                    FOR r IN SELECT relname FROM pg_class LOOP
                        v := r.relname || '_old';
                    END LOOP;
                    EXECUTE 'DROP TABLE ' || v;
                END $$ LANGUAGE plpgsql;
                """);
        TestProject.write(project, "db/V2__go.sql", """
                SELECT drop_all_of('orders');
                """);

        assertEquals(List.of("db/V2__go.sql:1:1 drop-table", "db/V2__go.sql:1:1 runtime-sql"),
                describe(lint(Dialect.POSTGRESQL), "db/V2").stream()
                        .map(line -> line.substring(0, line.indexOf(' ', line.indexOf(' ') + 1))).sorted().toList());
    }

    private static List<String> describe(LintResult result, String file) {
        return result.findings().stream()
                .filter(f -> f.location().toString().startsWith(file))
                .map(f -> f.location() + " " + f.ruleId() + " " + f.severity() + " " + f.message())
                .toList();
    }

    private LintResult lint(Dialect dialect) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        return new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 2), null);
    }
}
