package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A helper that branches on a parameter ({@code IF (ObjType = 'TABLE') THEN .. drop table ..}) runs, at a call
 * that passes a literal for that parameter, only the arms whose condition that literal can meet: a call that asks
 * it to drop a sequence reports no dropped table, a call that asks for a table still does. Where the literals decide
 * every condition before it, an ELSE arm runs only when they meet none of them; a T-SQL ELSE, whose IF has no THEN
 * .. END IF around its arms, is followed at every call.
 */
class LinterCallBranchesTest {

    private static final String ORACLE_HELPER = """
            CREATE OR REPLACE PROCEDURE sp_dropobject(ObjName IN varchar2, ObjType IN varchar2)
            IS
              v_counter integer;
            BEGIN
              if (ObjType = 'TABLE') then
                select count(*) into v_counter from user_tables where table_name = upper(ObjName);
                if (v_counter > 0) then
                  execute immediate 'drop table ' || ObjName || ' cascade constraints';
                end if;
              elsif ObjType = 'VIEW' then
                execute immediate 'DROP VIEW ' || ObjName;
              else
                execute immediate 'TRUNCATE TABLE ' || ObjName;
              end if;
              if ObjType <> 'KEEP' then
                execute immediate 'DELETE FROM audit_' || ObjName;
              end if;
            END;
            /
            """;

    private static final String TSQL_HELPER = """
            CREATE PROCEDURE dbo.dropObject @name nvarchar(100), @type nvarchar(20)
            AS
            BEGIN
              IF @type = 'TABLE'
              BEGIN
                EXEC('DROP TABLE [dbo].[' + @name + ']')
              END
              ELSE
              BEGIN
                EXEC('TRUNCATE TABLE [dbo].[' + @name + ']')
              END
              IF (@type = N'view')
                EXEC('DROP VIEW [dbo].[' + @name + ']')
              EXEC('DELETE FROM [dbo].[audit_' + @name + ']')
            END
            GO
            """;

    private static final String PLPGSQL_HELPER = """
            CREATE FUNCTION drop_object(obj_name text, obj_type text) RETURNS void AS $$
            BEGIN
              IF obj_type = 'TABLE' THEN
                EXECUTE 'DROP TABLE ' || obj_name;
              ELSIF obj_type = 'VIEW' THEN
                EXECUTE 'DROP VIEW ' || obj_name;
              ELSE
                EXECUTE 'TRUNCATE TABLE ' || obj_name;
              END IF;
            END;
            $$ LANGUAGE plpgsql;
            """;

    private static final String DELETE = "delete-without-where DELETE without WHERE removes every row of ";

    @TempDir
    Path project;

    static Stream<Arguments> calls() {
        return Stream.of(
                Arguments.of(Dialect.ORACLE, ORACLE_HELPER, "call sp_dropobject('orders_seq', 'SEQUENCE');", List.of(
                        DELETE + "audit_orders_seq",
                        "truncate-table TRUNCATE removes every row of table orders_seq")),
                Arguments.of(Dialect.ORACLE, ORACLE_HELPER, "call sp_dropobject('orders', 'TABLE');", List.of(
                        "cascade DROP TABLE orders CASCADE CONSTRAINTS also drops the foreign keys that reference it",
                        DELETE + "audit_orders",
                        "drop-table DROP TABLE removes table orders and all its rows")),
                Arguments.of(Dialect.ORACLE, ORACLE_HELPER, "call sp_dropobject('orders_v', 'VIEW');", List.of(
                        DELETE + "audit_orders_v")),
                Arguments.of(Dialect.ORACLE, ORACLE_HELPER, "call sp_dropobject('orders', 'KEEP');",
                        List.of("truncate-table TRUNCATE removes every row of table orders")),
                // T-SQL compares in the column's collation, case-insensitive by default: 'view' meets N'VIEW'.
                Arguments.of(Dialect.SQLSERVER, TSQL_HELPER, "EXEC dbo.dropObject N'orders_v', N'VIEW'\nGO\n",
                        List.of(
                        DELETE + "[dbo].[audit_orders_v]",
                        "truncate-table TRUNCATE removes every row of table [dbo].[orders_v]")),
                Arguments.of(Dialect.SQLSERVER, TSQL_HELPER, "EXEC dbo.dropObject @name = 'orders', @type = 'TABLE'"
                        + "\nGO\n", List.of(
                        DELETE + "[dbo].[audit_orders]",
                        "drop-table DROP TABLE removes table [dbo].[orders] and all its rows",
                        "truncate-table TRUNCATE removes every row of table [dbo].[orders]")),
                // PL/pgSQL: the body in dollar quotes is read again with the call's literals.
                Arguments.of(Dialect.POSTGRESQL, PLPGSQL_HELPER, "SELECT drop_object('orders_seq', 'SEQUENCE');",
                        List.of("truncate-table TRUNCATE removes every row of table orders_seq")),
                Arguments.of(Dialect.POSTGRESQL, PLPGSQL_HELPER, "SELECT drop_object('orders', 'TABLE');", List.of(
                        "drop-table DROP TABLE removes table orders and all its rows")));
    }

    @ParameterizedTest
    @MethodSource("calls")
    void aCallRunsOnlyTheArmsItsLiteralsCanReach(Dialect dialect, String helper, String call, List<String> expected)
            throws IOException {
        TestProject.write(project, "db/V1__drop.sql", helper + call + "\n");

        assertEquals(expected, atTheCall(lint(dialect), helper.split("\n", -1).length));
    }

    static Stream<Arguments> reassigned() {
        return Stream.of(
                Arguments.of(Dialect.ORACLE, """
                        CREATE OR REPLACE PROCEDURE sp_drop(ObjName IN varchar2, ObjType IN varchar2)
                        IS
                        BEGIN
                          ObjType := 'TABLE';
                          if (ObjType = 'TABLE') then
                            execute immediate 'drop table ' || ObjName;
                          end if;
                        END;
                        /
                        """, "call sp_drop('orders', 'VIEW');"),
                Arguments.of(Dialect.ORACLE, """
                        CREATE OR REPLACE PROCEDURE sp_drop(ObjName IN varchar2, ObjType IN varchar2)
                        IS
                        BEGIN
                          select 'TABLE' into ObjType from dual;
                          if ObjType = 'TABLE' then
                            execute immediate 'drop table ' || ObjName;
                          end if;
                        END;
                        /
                        """, "call sp_drop('orders', 'VIEW');"),
                // A routine the body calls may give its argument a value (PostgreSQL's INOUT); UPPER does not.
                Arguments.of(Dialect.POSTGRESQL, """
                        CREATE FUNCTION drop_it(obj_name text, obj_type text) RETURNS void AS $$
                        BEGIN
                          CALL normalize_kind(obj_type);
                          IF upper(obj_type) = 'TABLE' THEN
                            EXECUTE 'DROP TABLE ' || obj_name;
                          END IF;
                        END;
                        $$ LANGUAGE plpgsql;
                        """, "SELECT drop_it('orders', 'VIEW');"),
                Arguments.of(Dialect.SQLSERVER, """
                        CREATE PROCEDURE dbo.dropIt @name nvarchar(100), @type nvarchar(20)
                        AS
                        BEGIN
                          SELECT @type = 'TABLE'
                          IF @type = 'TABLE'
                            EXEC('DROP TABLE [dbo].[' + @name + ']')
                        END
                        GO
                        """, "EXEC dbo.dropIt 'orders', 'VIEW'\nGO\n"));
    }

    /** A parameter the body gives another value before its IF holds what the body gave it, not the call's literal. */
    @ParameterizedTest
    @MethodSource("reassigned")
    void aParameterTheBodyAssignsStillReachesTheArm(Dialect dialect, String helper, String call) throws IOException {
        TestProject.write(project, "db/V1__drop.sql", helper + call + "\n");

        List<String> found = atTheCall(lint(dialect), helper.split("\n", -1).length);

        assertEquals(List.of("drop-table"), found.stream().map(f -> f.split(" ")[0]).toList());
    }

    private static final String TSQL_FOLDING_HELPER = """
            CREATE PROCEDURE dbo.dropIfExists @name sysname, @kind varchar(20), @part sysname = NULL
            AS
            BEGIN
              IF (UPPER(@kind)) = 'TABLE'
                EXEC('DROP TABLE [dbo].[' + @name + ']')
              ELSE IF UPPER((@kind)) = 'COLUMN'
                EXEC('ALTER TABLE [dbo].[' + @name + '] DROP COLUMN [' + @part + ']')
              ELSE IF LOWER(@kind) <> 'index'
                EXEC('DELETE FROM [dbo].[' + @name + ']')
            END
            GO
            """;

    private static final String PLPGSQL_FOLDING_HELPER = """
            CREATE FUNCTION drop_if_exists(objname text, objtype text, subobjname text) RETURNS integer AS $$
            BEGIN
              IF (UPPER(objtype)) = 'TABLE' THEN
                EXECUTE 'DROP TABLE ' || objname;
              ELSEIF lower(objtype) = 'column' THEN
                EXECUTE 'ALTER TABLE ' || objname || ' DROP COLUMN ' || subobjname;
              ELSEIF UPPER(objtype) <> 'INDEX' THEN
                EXECUTE 'DELETE FROM ' || objname;
              END IF;
              RETURN 1;
            END;
            $$ LANGUAGE plpgsql;
            """;

    static Stream<Arguments> foldedCalls() {
        return Stream.of(
                Arguments.of(Dialect.SQLSERVER, TSQL_FOLDING_HELPER, "EXEC dbo.dropIfExists 'orders', 'index', 'ix_a'"
                        + "\nGO\n", List.of()),
                Arguments.of(Dialect.SQLSERVER, TSQL_FOLDING_HELPER, "EXEC dbo.dropIfExists 'orders', 'column', 'note'"
                        + "\nGO\n", List.of(
                        DELETE + "[dbo].[orders]",
                        "drop-column ALTER TABLE [dbo].[orders] drops column [note]")),
                Arguments.of(Dialect.SQLSERVER, TSQL_FOLDING_HELPER, "EXEC dbo.dropIfExists 'orders', 'Table'"
                        + "\nGO\n", List.of(
                        DELETE + "[dbo].[orders]",
                        "drop-table DROP TABLE removes table [dbo].[orders] and all its rows")),
                Arguments.of(Dialect.POSTGRESQL, PLPGSQL_FOLDING_HELPER,
                        "SELECT drop_if_exists('orders', 'index', 'ix_a');", List.of()),
                Arguments.of(Dialect.POSTGRESQL, PLPGSQL_FOLDING_HELPER,
                        "SELECT drop_if_exists('orders', 'COLUMN', 'note');", List.of(
                        DELETE + "orders",
                        "drop-column ALTER TABLE orders drops column note")));
    }

    private static final String PLPGSQL_ALIAS_HELPER = """
            CREATE FUNCTION drop_if_exists(text, text, text) RETURNS integer AS $BODY$
            DECLARE
              objname ALIAS FOR $1;
              objtype ALIAS FOR $2;
            BEGIN
              IF (UPPER(objtype)) = 'TABLE' THEN
                EXECUTE 'DROP TABLE ' || objname;
              ELSEIF (UPPER(objtype)) = 'COLUMN' THEN
                EXECUTE 'ALTER TABLE ' || objname || ' DROP COLUMN ' || $3;
              END IF;
              RETURN 1;
            END;
            $BODY$ LANGUAGE plpgsql;
            """;

    static Stream<Arguments> positionalCalls() {
        return Stream.of(
                Arguments.of("SELECT drop_if_exists('orders', 'INDEX', 'ix_a');", List.of()),
                Arguments.of("SELECT drop_if_exists('orders', 'TABLE', NULL);",
                        List.of("drop-table DROP TABLE removes table orders and all its rows")),
                Arguments.of("SELECT drop_if_exists('orders', 'COLUMN', 'note');",
                        List.of("drop-column ALTER TABLE orders drops column note")));
    }

    /**
     * PL/pgSQL: a parameter declared without a name is read by position ({@code $3}) or by the alias the body
     * gives it ({@code objtype ALIAS FOR $2}), and the call's literal fills it in both.
     */
    @ParameterizedTest
    @MethodSource("positionalCalls")
    void aPositionalParameterTakesTheCallsLiteral(String call, List<String> expected) throws IOException {
        TestProject.write(project, "db/V1__helper.sql", PLPGSQL_ALIAS_HELPER);
        TestProject.write(project, "db/V2__call.sql", call + "\n");

        assertEquals(expected, atTheCall(lint(Dialect.POSTGRESQL), "V2__call.sql", 1));
    }

    static Stream<Arguments> tsqlBlocks() {
        return Stream.of(
                // RAISERROR reads the parameter it reports; it gives it no value.
                Arguments.of("""
                        CREATE PROCEDURE dbo.dropKind @name sysname, @kind varchar(20)
                        AS
                        BEGIN
                          IF @kind = 'TABLE'
                            EXEC('DROP TABLE [dbo].[' + @name + ']')
                          ELSE IF @kind = 'COLUMN'
                            EXEC('ALTER TABLE [dbo].[' + @name + '] DROP COLUMN [note]')
                          ELSE
                            RAISERROR('Unknown kind %s', 16, 1, @kind)
                        END
                        GO
                        """));
    }

    /** A call that names an index reaches neither the arm that drops a table nor the one that drops a column. */
    @ParameterizedTest
    @MethodSource("tsqlBlocks")
    void aTsqlCallSkipsTheBlocksItsLiteralCannotReach(String helper) throws IOException {
        TestProject.write(project, "db/V1__helper.sql", helper);
        TestProject.write(project, "db/V2__call.sql", "EXEC dbo.dropKind 'orders', 'INDEX'\nGO\n");

        assertEquals(List.of(), atTheCall(lint(Dialect.SQLSERVER), "V2__call.sql", 1));
    }

    /**
     * An arm chosen by the parameter's value in upper or lower case ({@code IF (UPPER(@kind)) = 'TABLE'}) is
     * skipped at a call whose literal, so folded, cannot meet it.
     */
    @ParameterizedTest
    @MethodSource("foldedCalls")
    void aCaseFoldedConditionLeavesOutTheArmsTheLiteralCannotReach(Dialect dialect, String helper, String call,
            List<String> expected) throws IOException {
        TestProject.write(project, "db/V1__helper.sql", helper);
        TestProject.write(project, "db/V2__call.sql", call + "\n");

        assertEquals(expected, atTheCall(lint(dialect), "V2__call.sql", 1));
    }

    /** The rule and the message, up to where it names the helper, of each finding on the line of the call. */
    private static List<String> atTheCall(LintResult result, int callLine) {
        return atTheCall(result, "V1__drop.sql", callLine);
    }

    private static List<String> atTheCall(LintResult result, String file, int callLine) {
        return result.findings().stream()
                .filter(f -> f.location().line() == callLine && f.location().path().endsWith(file))
                .map(f -> f.ruleId() + " " + f.message().substring(0, f.message().indexOf(" (at ")))
                .sorted()
                .toList();
    }

    private LintResult lint(Dialect dialect) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        return new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(), defaults.liquibase(),
                List.of(), null, defaults.maxFileBytes(), 2), null);
    }
}
