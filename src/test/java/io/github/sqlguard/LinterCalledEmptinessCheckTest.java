package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A script that checks a table is empty by calling a routine, defined in the same or an earlier migration, whose
 * body stops the migration when the table has rows: the call guards a later drop as the same check written inline
 * does, with the call's literals put in for the routine's parameters. A routine that only warns, checks in a branch
 * the call does not take, does more than check, or that sqlguard has not seen, guards nothing.
 */
class LinterCalledEmptinessCheckTest {

    /** PL/pgSQL: counts the rows of the table its argument names, and stops when there are any. */
    private static final String COUNTING = "CREATE OR REPLACE FUNCTION assert_empty(tbl text) RETURNS void AS $$ "
            + "DECLARE n bigint; BEGIN EXECUTE format('SELECT count(*) FROM %I', tbl) INTO n; "
            + "IF n > 0 THEN RAISE EXCEPTION '% has % rows', tbl, n; END IF; END $$ LANGUAGE plpgsql;";
    /** PL/pgSQL: asks whether the table its argument names has a row, and stops when it has. */
    private static final String EXISTING = "CREATE OR REPLACE FUNCTION assert_empty(tbl text) RETURNS void AS $$ "
            + "DECLARE found boolean; BEGIN EXECUTE 'SELECT EXISTS (SELECT 1 FROM ' || quote_ident(tbl) || ')' "
            + "INTO found; IF found THEN RAISE EXCEPTION 'table % is not empty', tbl; END IF; END $$ LANGUAGE plpgsql;";
    /** A procedure of the same body, for CALL. */
    private static final String PROCEDURE = "CREATE PROCEDURE assert_empty(tbl text) LANGUAGE plpgsql AS $$ "
            + "DECLARE n bigint; BEGIN EXECUTE format('SELECT count(*) FROM %I', tbl) INTO n; "
            + "IF n > 0 THEN RAISE EXCEPTION 'has rows'; END IF; END $$;";
    /** T-SQL: checks the table its argument names through sp_executesql, throwing when it has a row. */
    private static final String TSQL_DYNAMIC = "CREATE PROCEDURE dbo.assert_empty @table sysname AS BEGIN "
            + "DECLARE @sql nvarchar(max) = N'IF EXISTS (SELECT 1 FROM ' + QUOTENAME(@table) + N') "
            + "THROW 50000, ''table has rows'', 1;'; EXEC sp_executesql @sql; END";
    /** T-SQL: checks one table it names itself. */
    private static final String TSQL_STATIC = "CREATE PROCEDURE dbo.assert_orders_empty AS BEGIN "
            + "IF EXISTS (SELECT 1 FROM dbo.orders) THROW 50000, 'orders has rows', 1; END";

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}, {1} in {2} migration: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | COUNTING     | SAME    | SELECT assert_empty('orders');\\nDROP TABLE orders;
            POSTGRESQL | COUNTING     | EARLIER | SELECT assert_empty('orders');\\nDROP TABLE orders;
            POSTGRESQL | EXISTING     | SAME    | SELECT assert_empty('orders');\\nDROP TABLE orders;
            POSTGRESQL | EXISTING     | EARLIER | SELECT assert_empty('orders');\\nDROP TABLE orders;
            POSTGRESQL | COUNTING     | EARLIER | SELECT assert_empty(tbl => 'orders');\\nDROP TABLE orders;
            POSTGRESQL | COUNTING     | SAME    | DO $$ BEGIN PERFORM assert_empty('orders'); END $$;\\nDROP TABLE orders;
            POSTGRESQL | COUNTING     | EARLIER | DO $$ BEGIN PERFORM assert_empty('orders'); DROP TABLE orders; END $$;
            POSTGRESQL | PROCEDURE    | SAME    | CALL assert_empty('orders');\\nDROP TABLE orders;
            POSTGRESQL | PROCEDURE    | EARLIER | CALL assert_empty('orders');\\nDROP TABLE orders;
            POSTGRESQL | COUNTING     | EARLIER | DO $$ BEGIN IF EXISTS (SELECT 1 FROM orders) THEN RAISE EXCEPTION 'rows'; END IF; END $$;\\nSELECT assert_empty('audit');\\nDROP TABLE orders;
            POSTGRESQL | COUNTING     | SAME    | SELECT assert_empty('orders');\\nSELECT assert_empty('audit');\\nDROP TABLE orders;
            SQLSERVER  | TSQL_DYNAMIC | EARLIER | EXEC dbo.assert_empty @table = 'orders';\\nGO\\nDROP TABLE dbo.orders;
            SQLSERVER  | TSQL_DYNAMIC | SAME    | EXEC dbo.assert_empty N'orders'\\nGO\\nDROP TABLE orders;
            SQLSERVER  | TSQL_STATIC  | EARLIER | EXEC dbo.assert_orders_empty;\\nGO\\nDROP TABLE dbo.orders;
            ORACLE     | PLSQL        | EARLIER | CALL assert_empty('orders');\\nDROP TABLE orders;
            ORACLE     | PLSQL        | SAME    | CALL assert_empty('orders');\\nDROP TABLE orders;
            ORACLE     | PLSQL        | EARLIER | BEGIN assert_empty('orders'); END;\\n/\\nDROP TABLE orders;
            MYSQL      | MYSQL        | EARLIER | CALL assert_orders_empty();\\nDROP TABLE orders;
            MYSQL      | MYSQL        | SAME    | CALL assert_orders_empty();\\nDROP TABLE orders;
            """)
    void callOfACheckingRoutineGuardsTheDrop(Dialect dialect, String routine, String where, String script)
            throws IOException {
        List<Finding> findings = lint(dialect, routine, where, script);

        assertEquals(1, findings.size(), findings.toString());
        assertEquals(Severity.INFO, findings.get(0).severity(), findings.get(0).message());
        assertTrue(findings.get(0).message().contains("orders is empty"), findings.get(0).message());
        assertTrue(findings.get(0).message().contains("stops the migration when it has rows"),
                findings.get(0).message());
    }

    @ParameterizedTest(name = "{0}, {1} in {2} migration: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | NONE         | EARLIER | SELECT assert_empty('orders');\\nDROP TABLE orders;
            POSTGRESQL | NONE         | EARLIER | DO $$ BEGIN PERFORM assert_empty('orders'); END $$;\\nDROP TABLE orders;
            SQLSERVER  | NONE         | EARLIER | EXEC dbo.assert_empty @table = 'orders';\\nGO\\nDROP TABLE dbo.orders;
            POSTGRESQL | COUNTING     | LATER   | SELECT assert_empty('orders');\\nDROP TABLE orders;
            POSTGRESQL | COUNTING     | EARLIER | SELECT assert_empty('audit');\\nDROP TABLE orders;
            POSTGRESQL | COUNTING     | EARLIER | SELECT assert_empty('orders') FROM pg_tables WHERE tablename = 'none';\\nDROP TABLE orders;
            POSTGRESQL | COUNTING     | EARLIER | SELECT assert_empty('orders') WHERE false;\\nDROP TABLE orders;
            POSTGRESQL | COUNTING     | EARLIER | SELECT now() < '2020-01-01' OR assert_empty('orders') IS NULL;\\nDROP TABLE orders;
            POSTGRESQL | COUNTING     | EARLIER | DO $$ BEGIN PERFORM assert_empty('orders') WHERE now() < '2020-01-01'; END $$;\\nDROP TABLE orders;
            POSTGRESQL | COUNTING     | EARLIER | SELECT assert_empty(tbl) FROM (VALUES ('orders')) AS v (tbl);\\nDROP TABLE orders;
            POSTGRESQL | COUNTING     | EARLIER | SELECT assert_empty('orders');\\nINSERT INTO orders VALUES (1);\\nDROP TABLE orders;
            POSTGRESQL | COUNTING     | EARLIER | DO $$ DECLARE t text := 'orders'; BEGIN PERFORM assert_empty(t); END $$;\\nDROP TABLE orders;
            POSTGRESQL | COUNTING     | EARLIER | DO $$ BEGIN IF now() > '2020-01-01' THEN PERFORM assert_empty('orders'); END IF; END $$;\\nDROP TABLE orders;
            POSTGRESQL | COUNTING     | EARLIER | DO $$ BEGIN PERFORM assert_empty('orders'); EXCEPTION WHEN OTHERS THEN NULL; END $$;\\nDROP TABLE orders;
            POSTGRESQL | WARNING      | EARLIER | SELECT assert_empty('orders');\\nDROP TABLE orders;
            POSTGRESQL | NOTICE       | SAME    | SELECT assert_empty('orders');\\nDROP TABLE orders;
            POSTGRESQL | BRANCH       | EARLIER | SELECT assert_empty('orders', false);\\nDROP TABLE orders;
            POSTGRESQL | BRANCH       | SAME    | SELECT assert_empty('orders', true);\\nDROP TABLE orders;
            POSTGRESQL | REFILLING    | EARLIER | SELECT assert_empty('orders');\\nDROP TABLE orders;
            POSTGRESQL | SWALLOWING   | EARLIER | SELECT assert_empty('orders');\\nDROP TABLE orders;
            POSTGRESQL | NOTICE       | EARLIER | DO $$ BEGIN IF EXISTS (SELECT 1 FROM orders) THEN RAISE EXCEPTION 'rows'; END IF; END $$;\\nSELECT assert_empty('orders');\\nDROP TABLE orders;
            SQLSERVER  | TSQL_LOW     | EARLIER | EXEC dbo.assert_empty @table = 'orders';\\nGO\\nDROP TABLE dbo.orders;
            SQLSERVER  | TSQL_GOES_ON | EARLIER | EXEC dbo.assert_empty @table = 'orders';\\nGO\\nDROP TABLE dbo.orders;
            SQLSERVER  | TSQL_CAUGHT  | EARLIER | EXEC dbo.assert_empty @table = 'orders';\\nGO\\nDROP TABLE dbo.orders;
            SQLSERVER  | TSQL_DYNAMIC | EARLIER | EXEC dbo.assert_empty @table = @name;\\nGO\\nDROP TABLE dbo.orders;
            SQLSERVER  | TSQL_DYNAMIC | EARLIER | BEGIN TRY EXEC dbo.assert_empty @table = 'orders'; END TRY BEGIN CATCH PRINT 'ignored'; END CATCH\\nGO\\nDROP TABLE dbo.orders;
            """)
    void callThatDoesNotClearlyCheckGuardsNothing(Dialect dialect, String routine, String where, String script)
            throws IOException {
        List<Finding> findings = lint(dialect, routine, where, script);

        assertFalse(findings.isEmpty(), "the drop is still reported");
        Finding last = findings.get(findings.size() - 1);
        assertEquals(Severity.ERROR, last.severity(), last.message());
    }

    /** The routine's definition by its row name; NONE for a routine no migration creates. */
    private static String routine(String name) {
        return switch (name) {
            case "NONE" -> "";
            case "COUNTING" -> COUNTING;
            case "EXISTING" -> EXISTING;
            case "PROCEDURE" -> PROCEDURE;
            case "TSQL_DYNAMIC" -> TSQL_DYNAMIC;
            case "TSQL_STATIC" -> TSQL_STATIC;
            case "PLSQL" -> "CREATE OR REPLACE PROCEDURE assert_empty(tbl IN VARCHAR2) IS n NUMBER; BEGIN "
                    + "EXECUTE IMMEDIATE 'SELECT COUNT(*) FROM ' || tbl INTO n; "
                    + "IF n > 0 THEN RAISE_APPLICATION_ERROR(-20001, tbl || ' has rows'); END IF; END;\n/";
            case "MYSQL" -> "DELIMITER $$\nCREATE PROCEDURE assert_orders_empty() BEGIN IF EXISTS (SELECT 1 FROM orders) "
                    + "THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'orders has rows'; END IF; END$$\nDELIMITER ;";
            case "WARNING" -> COUNTING.replace("RAISE EXCEPTION", "RAISE WARNING");
            case "NOTICE" -> EXISTING.replace("RAISE EXCEPTION", "RAISE NOTICE");
            case "BRANCH" -> "CREATE FUNCTION assert_empty(tbl text, strict boolean) RETURNS void AS $$ "
                    + "DECLARE n bigint; BEGIN IF strict THEN EXECUTE format('SELECT count(*) FROM %I', tbl) INTO n; "
                    + "IF n > 0 THEN RAISE EXCEPTION 'has rows'; END IF; END IF; END $$ LANGUAGE plpgsql;";
            case "REFILLING" -> COUNTING.replace("END IF; END $$",
                    "END IF; EXECUTE format('INSERT INTO %I SELECT * FROM archive', tbl); END $$");
            case "SWALLOWING" -> COUNTING.replace("END IF; END $$", "END IF; EXCEPTION WHEN OTHERS THEN NULL; END $$");
            case "TSQL_LOW" -> TSQL_DYNAMIC.replace("THROW 50000, ''table has rows'', 1;",
                    "BEGIN RAISERROR(''table has rows'', 10, 1); RETURN; END");
            case "TSQL_GOES_ON" -> "CREATE PROCEDURE dbo.assert_empty @table sysname AS BEGIN "
                    + "IF EXISTS (SELECT 1 FROM dbo.orders) THROW 50000, 'orders has rows', 1 "
                    + "INSERT INTO dbo.orders SELECT * FROM dbo.archive; END";
            case "TSQL_CAUGHT" -> TSQL_DYNAMIC.replace("BEGIN DECLARE", "BEGIN BEGIN TRY DECLARE")
                    .replace("@sql; END", "@sql; END TRY BEGIN CATCH PRINT 'ignored'; END CATCH END");
            default -> throw new IllegalArgumentException(name);
        };
    }

    /**
     * Lints {@code script} as V2 with {@code routine} created where {@code where} says: in the SAME migration before
     * the script, in an EARLIER one (V1) or in a LATER one (V3).
     */
    private List<Finding> lint(Dialect dialect, String routine, String where, String script) throws IOException {
        String definition = routine(routine);
        boolean tsql = dialect == Dialect.SQLSERVER;
        String separator = tsql ? "\nGO\n" : "\n";
        String calls = script.replace("\\n", "\n");
        Path db = project.resolve("db");
        Files.createDirectories(db);
        if (where.equals("SAME")) {
            calls = definition + separator + calls;
        } else if (!definition.isEmpty()) {
            Files.writeString(db.resolve(where.equals("EARLIER") ? "V1__routine.sql" : "V3__routine.sql"),
                    definition + separator, StandardCharsets.UTF_8);
        }
        Files.writeString(db.resolve("V2__change.sql"), calls + "\n", StandardCharsets.UTF_8);
        LintConfig defaults = LintConfig.defaults(project, List.of(db));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        return result.findings().stream().filter(f -> f.ruleId().equals("drop-table")).toList();
    }
}
