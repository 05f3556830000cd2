package io.github.sqlguard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.StatementSplitter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tables a routine body checks are empty, with the call's literals put in for the parameters its dynamic SQL
 * is built from ({@link CalledBodyText}), when the body does nothing but such checks.
 */
class RoutineBodyEmptinessCheckTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiterString = "~~", textBlock = """
            orders        ~~ DECLARE n bigint; BEGIN EXECUTE format('SELECT count(*) FROM %I', tbl) INTO n; IF n > 0 THEN RAISE EXCEPTION 'rows'; END IF; END;
            orders        ~~ DECLARE n bigint; BEGIN EXECUTE format('SELECT COUNT(1) FROM %s', tbl) INTO STRICT n; IF n <> 0 THEN RAISE 'rows'; END IF; RETURN; END
            orders        ~~ DECLARE found boolean; BEGIN EXECUTE 'SELECT EXISTS (SELECT 1 FROM ' || quote_ident(tbl) || ')' INTO found; IF found THEN RAISE EXCEPTION 'rows'; END IF; END;
            orders        ~~ DECLARE n int; BEGIN EXECUTE 'SELECT count(*) FROM ' || tbl INTO n; IF n > 0 THEN RAISE EXCEPTION 'rows'; END IF; END;
            orders        ~~ DECLARE n int; BEGIN EXECUTE concat('SELECT count(*) FROM ', tbl) INTO n; IF n > 0 THEN RAISE EXCEPTION 'rows'; END IF; END;
            shop.orders   ~~ DECLARE n int; BEGIN EXECUTE format('SELECT count(*) FROM %I.%I', sch, tbl) INTO n; IF n > 0 THEN RAISE EXCEPTION 'rows'; END IF; END;
            audit         ~~ BEGIN IF EXISTS (SELECT 1 FROM audit) THEN RAISE EXCEPTION 'rows'; END IF; END;
            orders;audit  ~~ DECLARE n int; BEGIN EXECUTE format('SELECT count(*) FROM %I', tbl) INTO n; IF n > 0 THEN RAISE EXCEPTION 'rows'; END IF; IF EXISTS (SELECT 1 FROM audit) THEN RAISE EXCEPTION 'rows'; END IF; END;
            -             ~~ DECLARE n int; BEGIN EXECUTE format('SELECT count(*) FROM %I', tbl) INTO n; IF n > 0 THEN RAISE WARNING 'rows'; END IF; END;
            -             ~~ DECLARE n int; BEGIN EXECUTE format('SELECT count(*) FROM %I', tbl) INTO n; IF n > 0 THEN RAISE NOTICE 'rows'; END IF; END;
            -             ~~ DECLARE n int; BEGIN EXECUTE format('SELECT count(*) FROM %I', other) INTO n; IF n > 0 THEN RAISE EXCEPTION 'rows'; END IF; END;
            -             ~~ DECLARE n int; BEGIN EXECUTE format('SELECT count(*) FROM %I WHERE y = 1', tbl) INTO n; IF n > 0 THEN RAISE EXCEPTION 'rows'; END IF; END;
            -             ~~ DECLARE n int; BEGIN EXECUTE format('SELECT count(*) FROM %I', tbl) INTO n; IF n > 1 THEN RAISE EXCEPTION 'rows'; END IF; END;
            -             ~~ DECLARE n int; BEGIN EXECUTE format('SELECT count(*) FROM %I', tbl) INTO n; IF n > 0 THEN RAISE EXCEPTION 'rows'; END IF; DELETE FROM audit; END;
            -             ~~ DECLARE n int; BEGIN IF strict THEN EXECUTE format('SELECT count(*) FROM %I', tbl) INTO n; IF n > 0 THEN RAISE EXCEPTION 'rows'; END IF; END IF; END;
            -             ~~ DECLARE n int; BEGIN EXECUTE format('SELECT count(*) FROM %I', tbl) INTO n; IF n > 0 THEN RAISE EXCEPTION 'rows'; END IF; EXCEPTION WHEN OTHERS THEN NULL; END;
            -             ~~ DECLARE found boolean; BEGIN EXECUTE 'SELECT EXISTS (SELECT 1 FROM ' || quote_ident(tbl) || ')' INTO found; IF NOT found THEN RAISE EXCEPTION 'empty'; END IF; END;
            orders        ~~ DECLARE n int; BEGIN EXECUTE E'SELECT count(*) FROM ' || tbl INTO n; IF n > 0 THEN RAISE EXCEPTION 'rows'; END IF; END;
            orders        ~~ DECLARE n int; BEGIN EXECUTE 'SELECT count(*) FROM ' || tbl || '' INTO n; IF n > 0 THEN RAISE EXCEPTION 'rows'; END IF; END;
            orders        ~~ DECLARE n int; BEGIN EXECUTE 'SELECT count(*) FROM orders' INTO n; IF n > 0 THEN RAISE EXCEPTION 'rows'; END IF; END;
            -             ~~ DECLARE n int; BEGIN EXECUTE 'SELECT count(*) FROM ' || tbl || ' WHERE x = 1' INTO n; IF n > 0 THEN RAISE EXCEPTION 'rows'; END IF; END;
            -             ~~ DECLARE n int; BEGIN EXECUTE format('SELECT count(*) FROM %I', tbl) INTO n; IF n > 0 THEN RAISE EXCEPTION 'rows'; END IF; EXECUTE format('DELETE FROM %I', tbl); END;
            orders        ~~ DECLARE n int; BEGIN EXECUTE format('SELECT count(*) FROM %2$I', sch, tbl) INTO n; IF n > 0 THEN RAISE EXCEPTION 'rows'; END IF; END;
            orders        ~~ DECLARE n int; q text := format('SELECT count(*) FROM %I', tbl); BEGIN EXECUTE q INTO n; IF n > 0 THEN RAISE EXCEPTION 'rows'; END IF; END;
            orders        ~~ DECLARE t ALIAS FOR tbl; n int; BEGIN EXECUTE format('SELECT count(*) FROM %I', t) INTO n; IF n > 0 THEN RAISE EXCEPTION 'rows'; END IF; END;
            -             ~~ DECLARE n int; BEGIN EXECUTE format('SELECT count(*) FROM %I', tbl) INTO n USING sch; IF n > 0 THEN RAISE EXCEPTION 'rows'; END IF; END;
            -             ~~ DECLARE n int; BEGIN EXECUTE format('SELECT count(*) FROM %I', tbl || other) INTO n; IF n > 0 THEN RAISE EXCEPTION 'rows'; END IF; END;
            """)
    void plpgsqlBody(String expected, String body) {
        Optional<List<String>> tables = checkedByCall(Dialect.POSTGRESQL, "CREATE FUNCTION assert_empty(tbl text, "
                + "sch text) RETURNS void AS $$ " + body + " $$ LANGUAGE plpgsql", "SELECT assert_empty('orders', 'shop')");

        assertEquals(expected.equals("-") ? Optional.empty() : Optional.of(List.of(expected.split(";"))),
                tables.map(found -> found.stream().map(table -> table.equals("orders") && expected.startsWith("shop.")
                        ? "shop.orders" : table).toList()));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiterString = "~~", textBlock = """
            [orders] ~~ BEGIN DECLARE @sql nvarchar(max) = N'IF EXISTS (SELECT 1 FROM ' + QUOTENAME(@table) + N') THROW 50000, ''rows'', 1;'; EXEC sp_executesql @sql; END
            [orders] ~~ SET NOCOUNT ON; DECLARE @sql NVARCHAR(4000); SET @sql = N'IF EXISTS (SELECT 1 FROM ' + QUOTENAME(@table) + N') THROW 50000, ''rows'', 1'; EXEC (@sql);
            orders   ~~ BEGIN DECLARE @sql nvarchar(max) = 'IF (SELECT COUNT(*) FROM ' + @table + ') > 0 BEGIN RAISERROR(''rows'', 16, 1); RETURN; END'; EXECUTE sp_executesql @stmt = @sql; END
            audit    ~~ BEGIN IF EXISTS (SELECT 1 FROM audit) THROW 50000, 'rows', 1; END
            audit    ~~ IF EXISTS (SELECT TOP 1 * FROM audit) BEGIN RAISERROR('rows', 16, 1); RETURN END
            -        ~~ BEGIN IF EXISTS (SELECT 1 FROM audit) RAISERROR('rows', 16, 1); END
            -        ~~ BEGIN IF EXISTS (SELECT 1 FROM audit) BEGIN RAISERROR('rows', 10, 1); RETURN END END
            -        ~~ BEGIN IF EXISTS (SELECT 1 FROM audit) THROW 50000, 'rows', 1 INSERT INTO audit VALUES (1); END
            -        ~~ BEGIN DECLARE @sql nvarchar(max) = N'IF EXISTS (SELECT 1 FROM ' + QUOTENAME(@other) + N') THROW 50000, ''rows'', 1;'; EXEC sp_executesql @sql; END
            -        ~~ BEGIN BEGIN TRY IF EXISTS (SELECT 1 FROM audit) THROW 50000, 'rows', 1; END TRY BEGIN CATCH PRINT 'no'; END CATCH END
            -        ~~ BEGIN IF @strict = 1 IF EXISTS (SELECT 1 FROM audit) THROW 50000, 'rows', 1; END
            audit    ~~ BEGIN EXEC sp_executesql N'IF EXISTS (SELECT 1 FROM audit) THROW 50000, ''rows'', 1;'; END
            audit    ~~ BEGIN EXEC (N'IF EXISTS (SELECT 1 FROM audit) THROW 50000, ''rows'', 1;'); END
            [orders] ~~ BEGIN DECLARE @sql nvarchar(max) = N'IF EXISTS (SELECT 1 FROM ' + QUOTENAME(@table) + N') THROW 50000, ''rows'', 1;'; EXEC sys.sp_executesql @sql; END
            [orders] ~~ BEGIN DECLARE @name nvarchar(300) = QUOTENAME(@table); DECLARE @sql nvarchar(max) = N'IF EXISTS (SELECT 1 FROM ' + @name + N') THROW 50000, ''rows'', 1;'; EXEC sp_executesql @sql; END
            [orders] ~~ BEGIN DECLARE @sql nvarchar(max) = N'IF EXISTS (SELECT 1 FROM '; SET @sql = @sql + QUOTENAME(@table) + N') THROW 50000, ''rows'', 1;'; EXEC sp_executesql @sql; END
            audit    ~~ BEGIN DECLARE @msg nvarchar(200) = N'rows in ' + @table; IF EXISTS (SELECT 1 FROM audit) THROW 50000, @msg, 1; END
            -        ~~ BEGIN DECLARE @sql nvarchar(max) = N'IF EXISTS (SELECT 1 FROM ' + QUOTENAME(@table) + N') THROW 50000, ''rows'', 1;'; SET @sql = @other; EXEC sp_executesql @sql; END
            -        ~~ BEGIN DECLARE @sql nvarchar(max) = N'DELETE FROM ' + QUOTENAME(@table); EXEC sp_executesql @sql; END
            [orders] ~~ BEGIN EXEC (N'IF EXISTS (SELECT 1 FROM ' + QUOTENAME(@table) + N') THROW 50000, ''rows'', 1;'); END
            [orders] ~~ BEGIN DECLARE @sql nvarchar(max) = N'IF EXISTS (SELECT 1 FROM ' + QUOTENAME(LOWER(@table)) + N') THROW 50000, ''rows'', 1;'; EXEC sp_executesql @sql; END
            [orders] ~~ BEGIN DECLARE @t sysname = @table; DECLARE @sql nvarchar(max) = N'IF EXISTS (SELECT 1 FROM ' + QUOTENAME(@t) + N') THROW 50000, ''rows'', 1;'; EXEC sp_executesql @sql; END
            -        ~~ BEGIN DECLARE @sql nvarchar(max); SET @sql = @sql + N'IF EXISTS (SELECT 1 FROM '; SET @sql = @sql + QUOTENAME(@table) + N') THROW 50000, ''rows'', 1;'; EXEC sp_executesql @sql; END
            -        ~~ BEGIN DECLARE @sql nvarchar(max) = N'IF EXISTS (SELECT 1 FROM '; IF @strict = 1 SET @sql = @sql + QUOTENAME(@table) + N') THROW 50000, ''rows'', 1;'; EXEC sp_executesql @sql; END
            -        ~~ BEGIN DECLARE @sql nvarchar(max) = N'IF EXISTS (SELECT 1 FROM ' + QUOTENAME(@table) + N') THROW 50000, ''rows'', 1;'; EXEC sp_executesql @sql; DELETE FROM audit; END
            """)
    void tsqlBody(String expected, String body) {
        Optional<List<String>> tables = checkedByCall(Dialect.SQLSERVER,
                "CREATE PROCEDURE dbo.assert_empty @table sysname AS " + body, "EXEC dbo.assert_empty @table = 'orders'");

        assertEquals(expected.equals("-") ? Optional.empty() : Optional.of(List.of(SchemaNames.key(expected))),
                tables);
    }

    /** What {@code call} checks through the routine {@code definition} creates, read with the call's literals. */
    private static Optional<List<String>> checkedByCall(Dialect dialect, String definition, String call) {
        DefinedRoutine routine = new DefinedRoutine("assert_empty", firstStatement(dialect, definition));
        return CalledEmptinessChecks.checkedBy(routine, firstStatement(dialect, call));
    }

    private static Statement firstStatement(Dialect dialect, String script) {
        return new StatementSplitter(dialect, Placeholders.DEFAULT)
                .split("V1__check.sql", script, 0, script.length(), 1, 1, StatementContext.SCRIPT).statements().get(0);
    }
}
