package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
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
 * Dynamic SQL written as a template whose slots {@code REPLACE(..)} fills ({@code N'DELETE FROM dbo.{t}'}, then
 * {@code REPLACE(@sql, N'{t}', N'Orders')}) is read with the slots filled: a literal fills in its text, anything
 * else stands in as a run-time value, and a search text that is not a literal leaves the text built at run time.
 */
class LinterTemplatedDynamicSqlTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', textBlock = """
            SQLSERVER  | DECLARE @sql nvarchar(max) = N'DELETE FROM dbo.{t}';\\nSET @sql = REPLACE(@sql, N'{t}', N'Orders');\\nEXEC (@sql); | delete-without-where ERROR 1:32 DELETE without WHERE removes every row of dbo.Orders (inside dynamic SQL)
            SQLSERVER  | DECLARE @sql nvarchar(max) = N'DELETE FROM dbo.{t} WHERE id = {id}';\\nSET @sql = REPLACE(REPLACE(@sql, N'{t}', N'Orders'), N'{id}', N'7');\\nEXEC (@sql); | -
            SQLSERVER  | DECLARE @sql nvarchar(max) = N'DELETE FROM dbo.Orders {filter}';\\nSET @sql = REPLACE(@sql, N'{filter}', N'WHERE id = 7');\\nEXEC (@sql); | -
            SQLSERVER  | DECLARE @sql nvarchar(max) = N'SELECT 1; {cmd}';\\nSET @sql = REPLACE(@sql, '{cmd}', 'TRUNCATE TABLE dbo.Orders');\\nEXEC (@sql); | truncate-table ERROR 2:36 TRUNCATE removes every row of table dbo.Orders (inside dynamic SQL)
            SQLSERVER  | DECLARE @sql nvarchar(max) = REPLACE(N'DROP TABLE dbo.{t}', N'{t}', N'Orders');\\nEXEC (@sql); | drop-table ERROR 1:40 DROP TABLE removes table dbo.Orders and all its rows (the first migration, but its version 2 is above Flyway's baselineVersion 1: a schema that holds tables is baselined at 1 and then runs it; where the deploy baselines at 2 or above, or never baselines, set baselineVersion to 2) (inside dynamic SQL)
            SQLSERVER  | DECLARE @sql nvarchar(max) = N'DROP DATABASE [{db}]';\\nSET @sql = REPLACE(REPLACE(@sql, '{db}', @db), '{t}', 'x');\\nEXEC (@sql); | drop-database ERROR 1:32 DROP DATABASE removes database [<run-time value>] and all its data (inside dynamic SQL) ## runtime-sql WARNING 3:1 EXEC (@sql) runs SQL that is built at run time; sqlguard could not read all of it, so what it runs was not fully checked
            SQLSERVER  | DECLARE @sql nvarchar(max) = N'DELETE FROM dbo.{t}';\\nSET @sql = REPLACE(@sql, @slot, N'Orders');\\nEXEC (@sql); | runtime-sql WARNING 3:1 EXEC (@sql) runs SQL that is built at run time; sqlguard could not read all of it, so what it runs was not fully checked
            POSTGRESQL | DO $$\\nDECLARE v_sql text := 'DELETE FROM {t}';\\nBEGIN\\n  v_sql := replace(v_sql, '{t}', 'orders');\\n  EXECUTE v_sql;\\nEND $$; | delete-without-where ERROR 2:24 DELETE without WHERE removes every row of orders (inside DO block)
            MYSQL      | SET @s = 'TRUNCATE TABLE {t}';\\nSET @s = REPLACE(@s, '{t}', 'orders');\\nPREPARE st FROM @s;\\nEXECUTE st; | truncate-table ERROR 1:11 TRUNCATE removes every row of table orders (inside dynamic SQL)
            ORACLE     | DECLARE\\n  v_sql VARCHAR2(200) := 'DELETE FROM {t}';\\nBEGIN\\n  v_sql := REPLACE(v_sql, '{t}', 'orders');\\n  EXECUTE IMMEDIATE v_sql;\\nEND;\\n/ | delete-without-where ERROR 2:27 DELETE without WHERE removes every row of orders (inside PL/SQL block)
            SQLSERVER  | DECLARE @sql nvarchar(max) = N'DELETE FROM dbo.{t}';\\nEXEC (REPLACE(@sql, N'{t}', N'Orders')); | delete-without-where ERROR 1:32 DELETE without WHERE removes every row of dbo.Orders (inside dynamic SQL)
            SQLSERVER  | DECLARE @sql nvarchar(max) = N'DELETE FROM dbo.{t}';\\nEXEC (REPLACE(@sql, N'{t}', N'Orders') + N' WHERE id = 7'); | -
            POSTGRESQL | DO $$\\nDECLARE v text := 'TRUNCATE {t}';\\nBEGIN\\n  EXECUTE replace(v, '{t}', 'orders');\\nEND $$; | truncate-table ERROR 2:20 TRUNCATE removes every row of table orders (inside DO block)
            ORACLE     | DECLARE\\n  v_sql VARCHAR2(200) := 'DELETE FROM {t}';\\nBEGIN\\n  EXECUTE IMMEDIATE REPLACE(v_sql, '{t}', 'orders');\\nEND;\\n/ | delete-without-where ERROR 2:27 DELETE without WHERE removes every row of orders (inside PL/SQL block)
            MYSQL      | SET @s = 'DELETE FROM {t}';\\nPREPARE st FROM REPLACE(@s, '{t}', 'orders'); | delete-without-where ERROR 1:11 DELETE without WHERE removes every row of orders (inside dynamic SQL)
            """)
    void aTemplateIsReadWithItsSlotsFilled(Dialect dialect, String sql, String expected) throws IOException {
        assertEquals(expected.equals("-") ? List.of() : List.of(expected.split(" ## ")), findings(dialect, sql));
    }

    private List<String> findings(Dialect dialect, String sql) throws IOException {
        Path file = project.resolve("db/V2__change.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql.replace("\\n", "\n") + "\n", StandardCharsets.UTF_8);
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        return result.findings().stream().map(f -> f.ruleId() + " " + f.severity() + " " + f.location().line() + ":"
                + f.location().column() + " " + f.message()).toList();
    }
}
