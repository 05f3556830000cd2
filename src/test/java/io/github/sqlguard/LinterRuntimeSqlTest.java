package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Dynamic SQL whose text is built at run time is reported, never passed; where the text is in fact known (literals
 * joined, a variable assigned one literal before it runs) it is checked where the literal stands.
 */
class LinterRuntimeSqlTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', textBlock = """
            POSTGRESQL | DO $$ BEGIN EXECUTE format('ANALYZE %s', t67); END $$;                          | runtime-sql WARNING 1:13 EXECUTE format('ANALYZE %s', t67) runs SQL that is built at run time; sqlguard could not read all of it, so what it runs was not fully checked (inside DO block)
            SQLSERVER  | EXEC (@sql);                                                                    | runtime-sql WARNING 1:1 EXEC (@sql) runs SQL that is built at run time; sqlguard could not read all of it, so what it runs was not fully checked
            SQLSERVER  | EXEC sp_executesql @sql, N'@id int', @id = 1;                                   | runtime-sql WARNING 1:1 EXEC sp_executesql @sql, N'@id int', @id = 1 runs SQL that is built at run time; sqlguard could not read all of it, so what it runs was not fully checked
            ORACLE     | BEGIN\\n  EXECUTE IMMEDIATE v_sql;\\nEND;\\n/                                   | runtime-sql WARNING 2:3 EXECUTE IMMEDIATE v_sql runs SQL that is built at run time; sqlguard could not read all of it, so what it runs was not fully checked (inside PL/SQL block)
            MYSQL      | PREPARE st FROM @s;\\nEXECUTE st;                                               | runtime-sql WARNING 1:1 PREPARE st FROM @s runs SQL that is built at run time; sqlguard could not read all of it, so what it runs was not fully checked
            POSTGRESQL | CREATE FUNCTION f() RETURNS void AS $$ BEGIN EXECUTE q; END $$ LANGUAGE plpgsql; | runtime-sql INFO 1:46 EXECUTE q runs SQL that is built at run time; sqlguard could not read all of it, so what it runs was not fully checked (inside function f body, which runs only when called)
            POSTGRESQL | DO $$ BEGIN EXECUTE format(\\n    'DELETE FROM %I   WHERE  ts < %s', t, n); END $$;     | runtime-sql WARNING 1:13 EXECUTE format( 'DELETE FROM %I WHERE ts < %s', t, n) runs SQL that is built at run time; sqlguard could not read all of it, so what it runs was not fully checked (inside DO block)
            POSTGRESQL | DO $$ BEGIN EXECUTE format('UPDATE %I SET a = 1 WHERE b = %s AND c = %L AND d = %L', t, x, y, z); END $$; | runtime-sql WARNING 1:13 EXECUTE format('UPDATE %I SET a = 1 WHERE b = %s AND c = %L.. runs SQL that is built at run time; sqlguard could not read all of it, so what it runs was not fully checked (inside DO block)
            POSTGRESQL | EXECUTE p(1);                                                                   | -
            SQLSERVER  | EXEC dbo.refresh_totals @days = 30;                                             | -
            SQLSERVER  | USE [$(DbName)];\\nGO\\n$(ExecuteStatement)\\nGO                              | runtime-sql WARNING 3:1 $(ExecuteStatement) runs SQL that is built at run time; sqlguard could not read all of it, so what it runs was not fully checked
            AUTO       | $(ExecuteStatement)\\nGO                                                      | runtime-sql WARNING 1:1 $(ExecuteStatement) runs SQL that is built at run time; sqlguard could not read all of it, so what it runs was not fully checked
            SQLSERVER  | CREATE DATABASE [$(NewDbName)];\\nGO                                          | -
            MYSQL      | PREPARE st FROM 'DELETE FROM t WHERE id = ?';                                   | -
            """)
    void textBuiltAtRunTimeIsReported(Dialect dialect, String sql, String expected) throws IOException {
        assertEquals(expected.equals("-") ? List.of() : List.of(expected), findings(dialect, sql, true));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', textBlock = """
            SQLSERVER  | DECLARE @sql NVARCHAR(MAX) = N'DELETE FROM audit_log';\\nEXEC (@sql);                   | delete-without-where ERROR 1:32
            SQLSERVER  | DECLARE @sql NVARCHAR(MAX);\\nSET @sql = N'DELETE FROM audit_log';\\nEXEC sp_executesql @sql; | delete-without-where ERROR 2:14
            SQLSERVER  | DECLARE @sql NVARCHAR(MAX) = N'DELETE FROM audit_log WHERE id = 1';\\nEXEC (@sql);        | -
            ORACLE     | DECLARE\\n  v_sql VARCHAR2(200) := 'DELETE FROM orders';\\nBEGIN\\n  EXECUTE IMMEDIATE v_sql;\\nEND;\\n/ | delete-without-where ERROR 2:27
            POSTGRESQL | DO $$ DECLARE q text; BEGIN q := 'DELETE FROM t'; EXECUTE q; END $$;              | delete-without-where ERROR 1:35
            MYSQL      | SET @s = 'DELETE FROM t';\\nPREPARE st FROM @s;\\nEXECUTE st;                       | delete-without-where ERROR 1:11
            MYSQL      | SET @s = CONCAT('DROP TABLE ', 'audit_log');\\nPREPARE st FROM @s;\\nEXECUTE st;    | drop-table ERROR 1:18
            MYSQL      | SET @s = CONCAT('DELETE FROM ', 'orders', ' WHERE id = ', '1');\\nPREPARE st FROM @s; | -
            MYSQL      | SET @s = CONCAT('UPDATE customers SET note = NULL', '');\\nPREPARE st FROM @s;      | update-without-where ERROR 1:18
            ORACLE     | EXECUTE IMMEDIATE 'UPDATE customers SET email = NULL' || ' WHERE id = 1'           | -
            POSTGRESQL | DO $$ BEGIN EXECUTE 'UPDATE customers SET email = NULL' || ' WHERE id = 1'; END $$; | -
            SQLSERVER  | EXEC('DELETE FROM ' + 'dbo.orders');                                              | delete-without-where ERROR 1:7
            SQLSERVER  | EXEC sp_MSforeachtable 'DELETE FROM ?';                                           | delete-without-where ERROR 1:25
            SQLSERVER  | EXEC sp_MSforeachtable @command1 = 'TRUNCATE TABLE ?';                            | truncate-table ERROR 1:37
            SQLSERVER  | EXEC sp_MSforeachtable 'UPDATE STATISTICS ?';                                     | -
            ORACLE     | BEGIN\\n  v := 'CREATE SEQUENCE s START WITH ';\\n  EXECUTE IMMEDIATE v || n;\\nEND;\\n/ | -
            MYSQL      | SET @t = 'orders';\\nPREPARE st FROM CONCAT('DELETE FROM ', @t, ' WHERE id = 1'); | -
            MYSQL      | SET @s = "DELETE FROM sessions";\\nPREPARE st FROM @s;                           | delete-without-where ERROR 1:11
            MYSQL      | SET @s = 'ALTER TABLE users ADD tz text DEFAULT \\'{}\\'';\\nPREPARE st FROM @s;     | -
            MYSQL      | SET @s = 'UPDATE jobs SET data = \\'{}\\'';\\nPREPARE st FROM @s;                | update-without-where ERROR 1:11
            SQLSERVER  | DECLARE @t SYSNAME = N'dbo.orders';\\nEXEC('TRUNCATE TABLE ' + @t);              | truncate-table ERROR 2:7
            POSTGRESQL | DO $$ DECLARE t text := 'orders'; BEGIN EXECUTE 'DELETE FROM ' || t; END $$;  | delete-without-where ERROR 1:50
            POSTGRESQL | DO $$ BEGIN EXECUTE 'DELETE FROM audit WHERE tab = ' || quote_literal(t); END $$; | -
            POSTGRESQL | DO $$ BEGIN EXECUTE 'DELETE FROM ' || quote_ident(t); END $$;                 | delete-without-where ERROR 1:22
            SQLSERVER  | EXEC('ALTER INDEX ALL ON ' + QUOTENAME(@s) + '.' + QUOTENAME(@t) + ' REBUILD'); | -
            ORACLE     | BEGIN\\n  EXECUTE IMMEDIATE 'DELETE FROM audit WHERE tab = ' || DBMS_ASSERT.ENQUOTE_LITERAL(t);\\nEND;\\n/ | -
            ORACLE     | BEGIN\\n  EXECUTE IMMEDIATE 'DELETE FROM ' || SYS.DBMS_ASSERT.SQL_OBJECT_NAME(t);\\nEND;\\n/ | delete-without-where ERROR 2:22
            ORACLE     | BEGIN\\n  EXECUTE IMMEDIATE 'UPDATE ' || dbms_assert.enquote_name(r.table_name) || ' SET id = 1 WHERE id IS NULL';\\nEND;\\n/ | -
            ORACLE     | DECLARE\\n  s VARCHAR2(200);\\nBEGIN\\n  IF n > 0 THEN\\n    s := 'UPDATE t SET a = :1 WHERE id = :2';\\n    EXECUTE IMMEDIATE s USING 1, 2;\\n  END IF;\\nEND;\\n/ | -
            ORACLE     | DECLARE\\n  s VARCHAR2(200);\\nBEGIN\\n  IF n > 0 THEN\\n    s := 'UPDATE t SET a = 1 WHERE id = 2';\\n    EXECUTE IMMEDIATE s;\\n    s := 'DELETE FROM t';\\n    EXECUTE IMMEDIATE s;\\n  END IF;\\nEND;\\n/ | delete-without-where ERROR 7:11
            SQLSERVER  | DECLARE @sql NVARCHAR(MAX) = N'SELECT 1';\\nIF @x = 1\\nBEGIN\\n  SET @sql = N'DELETE FROM b';\\n  EXEC (@sql);\\nEND | delete-without-where ERROR 4:16
            SQLSERVER  | DECLARE @sql NVARCHAR(MAX) = N'SELECT 1;'\\nSET @sql += N'DELETE FROM dbo.Orders;'\\nEXEC (@sql) | delete-without-where ERROR 2:15
            SQLSERVER  | DECLARE @cmd NVARCHAR(MAX) = '';\\nSET @cmd = @cmd + -- one text\\n'DELETE FROM t'+\\n' WHERE id = 1;';\\nEXEC(@cmd); | -
            SQLSERVER  | DECLARE @s NVARCHAR(MAX) = N'UPDATE t SET a = 1';\\nSET @s = @s + N' WHERE id = 1';\\nEXEC (@s);\\nGO\\nDECLARE @s NVARCHAR(MAX) = N'DELETE FROM t';\\nSET @s = @s + N' WHERE 1 = 1';\\nEXEC (@s); | always-true-where ERROR 5:30
            SQLSERVER  | DECLARE @sql NVARCHAR(MAX) = N'';\\nWHILE @@FETCH_STATUS = 0\\nBEGIN\\n  FETCH NEXT FROM c INTO @id;\\nEND\\nSET @sql = N'DELETE FROM dbo.Payments';\\nEXEC (@sql);\\nSET @sql = N'SELECT 1'; | delete-without-where ERROR 6:14
            SQLSERVER  | DECLARE @sql NVARCHAR(MAX) = N'';\\nWHILE (SELECT COUNT(*) FROM #q) > 0\\nBEGIN\\n  IF @a = 1 BEGIN DELETE TOP (1) FROM #q; END\\n  SET @sql = CASE WHEN @a = 1 THEN N'a' ELSE N'b' END;\\nEND;\\nSET @sql = N'DELETE FROM dbo.Payments';\\nEXEC (@sql);\\nSET @sql = N'SELECT 1'; | delete-without-where ERROR 7:14
            SQLSERVER  | DECLARE @sql NVARCHAR(MAX) = N'SELECT 1';\\nIF @Debug = 1\\nBEGIN\\n  PRINT @sql\\nEND\\nSET @sql = N'DELETE FROM dbo.Payments'\\nEXEC (@sql)\\nSET @sql = N'SELECT 2' | delete-without-where ERROR 6:14
            SQLSERVER  | DECLARE @sql NVARCHAR(MAX) = N'SELECT 1';\\nBEGIN TRY\\n  EXEC (@sql)\\nEND TRY\\nBEGIN CATCH\\n  PRINT 1\\nEND CATCH\\nSELECT @sql = N'DELETE FROM dbo.Payments'\\nEXEC (@sql)\\nSET @sql = N'SELECT 2' | delete-without-where ERROR 8:17
            """)
    void knownTextIsCheckedWhereTheLiteralStands(Dialect dialect, String sql, String expected) throws IOException {
        List<String> findings = findings(dialect, sql, false);
        assertEquals(expected.equals("-") ? List.of() : List.of(expected), findings);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', textBlock = """
            SQLSERVER  | DECLARE @sql NVARCHAR(MAX) = N'DELETE FROM a';\\nIF @x = 1 SET @sql = N'DELETE FROM b WHERE id = 1';\\nEXEC (@sql); | 3:1
            SQLSERVER  | DECLARE @sql NVARCHAR(MAX) = N'DELETE FROM a';\\nIF @x = 1 SET @sql = N'SELECT 1' ELSE SET @sql = N'SELECT 2';\\nEXEC (@sql); | 3:1
            SQLSERVER  | DECLARE @sql NVARCHAR(MAX);\\nSELECT @sql = cmd FROM jobs;\\nEXEC (@sql);                    | 3:1
            SQLSERVER  | DECLARE @sql NVARCHAR(MAX) = N'DELETE FROM audit_log WHERE id = 1' + @where;\\nEXEC (@sql);   | 2:1
            ORACLE     | DECLARE\\n  v_sql VARCHAR2(200);\\nBEGIN\\n  SELECT cmd INTO v_sql FROM jobs;\\n  EXECUTE IMMEDIATE v_sql;\\nEND;\\n/ | 5:3
            POSTGRESQL | DO $$ DECLARE q text; BEGIN EXECUTE q; q := 'DELETE FROM t'; END $$;              | 1:29
            MYSQL      | PREPARE st FROM @s;\\nSET @s = 'DELETE FROM t';                                    | 1:1
            MYSQL      | SET @s = CONCAT('DELETE FROM ', @t);\\nPREPARE st FROM @s;                            | 2:1
            MYSQL      | SET @s = CONCAT('DELETE FROM ', UPPER(DATABASE()));\\nPREPARE st FROM @s;                    | 2:1
            SQLSERVER  | DECLARE @sql NVARCHAR(MAX) = N'';\\nSELECT @sql += N'DROP TABLE ' + QUOTENAME(name) + N';' FROM sys.tables;\\nEXEC sp_executesql @sql; | 3:1
            SQLSERVER  | DECLARE @sql NVARCHAR(MAX) = N'SELECT 1;'\\nSELECT @sql += N'DELETE FROM dbo.Orders WHERE id = 1;' FROM dbo.jobs\\nEXEC (@sql) | 3:1
            SQLSERVER  | DECLARE @sql NVARCHAR(MAX) = N'';\\nWHILE @i < 3\\nBEGIN\\n  SET @sql = @sql + N'DELETE FROM t WHERE id = 1;';\\n  SET @i += 1;\\nEND\\nEXEC (@sql) | 7:1
            SQLSERVER  | DECLARE @sql NVARCHAR(MAX) = N'DELETE FROM t';\\nIF @x = 1 SET @sql += N' WHERE id = ' + QUOTENAME(@id, '''');\\nEXEC (@sql) | 3:1
            ORACLE     | BEGIN\\n  IF c THEN v := 'CREATE SEQUENCE s START WITH '; END IF;\\n  EXECUTE IMMEDIATE v || n;\\nEND;\\n/ | 3:3
            ORACLE     | BEGIN\\n  LOOP\\n    v := 'CREATE SEQUENCE s START WITH ';\\n    EXECUTE IMMEDIATE v || n;\\n    v := 'DROP TABLE ';\\n  END LOOP;\\nEND;\\n/ | 4:5
            ORACLE     | BEGIN\\n  v := f('CREATE SEQUENCE s START WITH ');\\n  EXECUTE IMMEDIATE v || n;\\nEND;\\n/ | 3:3
            MYSQL      | SET @t = LOWER(@@hostname);\\nPREPARE st FROM CONCAT('DELETE FROM ', @t, ' WHERE id = 1'); | 2:1
            SQLSERVER  | DECLARE @t SYSNAME = N'a';\\nIF @x = 1 SET @t = N'b';\\nEXEC('DELETE FROM ' + @t + ' WHERE id = 1'); | 3:1
            POSTGRESQL | DO $$ DECLARE t text; BEGIN IF c THEN t := 'a'; END IF; EXECUTE 'DELETE FROM ' || t || ' WHERE id = 1'; END $$; | 1:57
            SQLSERVER  | DECLARE @sql NVARCHAR(MAX) = N'SELECT 1';\\nWHILE @i < 3\\nBEGIN\\n  EXEC (@sql);\\n  SET @sql = N'DELETE FROM t';\\nEND | 4:3
            SQLSERVER  | DECLARE @sql NVARCHAR(MAX) = N'SELECT 1';\\nIF @a = 1\\nBEGIN\\n  SET @i = 0;\\nEND\\nWHILE @i < 3\\nBEGIN\\n  EXEC (@sql);\\n  SET @sql = N'DELETE FROM t';\\nEND | 8:3
            SQLSERVER  | DECLARE @sql NVARCHAR(MAX) = N'SELECT 1';\\nWHILE @i < 3\\n  FETCH NEXT FROM c INTO @id;\\nSET @sql = N'DELETE FROM t WHERE id = 1';\\nEXEC (@sql);\\nSET @sql = N'SELECT 2'; | 5:1
            SQLSERVER  | DECLARE @sql NVARCHAR(MAX) = N'SELECT 1';\\nWHILE @i < 3\\nBEGIN TRY\\n  EXEC (@sql);\\nEND TRY\\nBEGIN CATCH\\n  SET @sql = N'DELETE FROM t';\\nEND CATCH | 4:3
            """)
    void aVariableNotAssignedOneLiteralBeforeItRunsIsBuiltAtRunTime(Dialect dialect, String sql, String at)
            throws IOException {
        List<String> runtime = findings(dialect, sql, false).stream().filter(f -> f.startsWith("runtime-sql")).toList();
        assertEquals(List.of("runtime-sql WARNING " + at), runtime);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', textBlock = """
            POSTGRESQL | DO $$ BEGIN EXECUTE 'TRUNCATE ' || tbl; END $$;                                   | runtime-sql WARNING 1:13 + truncate-table ERROR 1:22 TRUNCATE removes every row of table <run-time value> (inside DO block)
            ORACLE     | BEGIN\\n  EXECUTE IMMEDIATE 'DROP TABLE ' || v_name;\\nEND;\\n/                  | runtime-sql WARNING 2:3 + drop-table ERROR 2:22 DROP TABLE removes table <run-time value> and all its rows (inside PL/SQL block)
            ORACLE     | BEGIN\\n  EXECUTE IMMEDIATE 'DELETE FROM t WHERE id = ' || id;\\nEND;\\n/          | runtime-sql WARNING 2:3
            POSTGRESQL | DO $$ DECLARE t text; BEGIN FOR t IN SELECT t.table_name FROM information_schema.tables t WHERE t.table_type = 'BASE TABLE' LOOP EXECUTE format('UPDATE %I SET doc = doc - ''k''', t); END LOOP; END $$; | update-without-where ERROR 1:146 UPDATE without WHERE changes every row of <run-time value> (inside DO block)
            POSTGRESQL | DO $$ DECLARE t text; BEGIN FOR t IN SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND t = 'audit' LOOP EXECUTE format('UPDATE %I SET doc = NULL', t); END LOOP; END $$; | update-without-where ERROR 1:154 UPDATE without WHERE changes every row of <run-time value> (inside DO block)
            ORACLE     | BEGIN\\n  EXECUTE IMMEDIATE 'DROP ' || v_kind || ' ' || v_name || ' CASCADE CONSTRAINTS';\\nEND;\\n/ | runtime-sql WARNING 2:3 + drop-table ERROR 2:22 DROP <run-time value> drops an object whose kind only the running database knows: where it is a table, all its rows are lost (inside PL/SQL block) + cascade WARNING 2:61 DROP <run-time value> <run-time value> CASCADE CONSTRAINTS also drops the foreign keys that reference it (inside PL/SQL block)
            POSTGRESQL | DO $$ BEGIN EXECUTE 'DROP ' || r.kind || ' ' || quote_ident(r.name); END $$;           | runtime-sql WARNING 1:13 + drop-table ERROR 1:22 DROP <run-time value> drops an object whose kind only the running database knows: where it is a table, all its rows are lost (inside DO block)
            SQLSERVER  | EXEC ('DROP ' + @kind + ' ' + QUOTENAME(@name));                                     | runtime-sql WARNING 1:1 + drop-table ERROR 1:8 DROP <run-time value> drops an object whose kind only the running database knows: where it is a table, all its rows are lost (inside dynamic SQL)
            SQLSERVER  | EXEC sp_MSforeachtable 'DELETE FROM ?';                                           | delete-without-where ERROR 1:25 DELETE without WHERE removes every row of [every table] (inside sp_MSforeachtable, which runs it on every table)
            SQLSERVER  | EXEC sp_MSforeachtable @command1 = 'PRINT ''?''', @command2 = 'DELETE FROM ?'; | delete-without-where ERROR 1:64 DELETE without WHERE removes every row of [every table] (inside sp_MSforeachtable, which runs it on every table)
            SQLSERVER  | EXEC sp_msforeachtable @command1="print 'DROP TABLE ?'", @command2="DROP TABLE ?" | drop-table ERROR 1:69 DROP TABLE removes table [every table] and all its rows (inside sp_MSforeachtable, which runs it on every table)
            MYSQL      | PREPARE st FROM CONCAT('DELETE FROM ', @t);                                     | runtime-sql WARNING 1:1 + delete-without-where ERROR 1:25 DELETE without WHERE removes every row of <run-time value> (inside dynamic SQL)
            MYSQL      | SET @s = CONCAT('DROP TABLE ', @t);\\nPREPARE st FROM @s;                       | drop-table ERROR 1:18 DROP TABLE removes table <run-time value> and all its rows (inside dynamic SQL) + runtime-sql WARNING 2:1
            MYSQL      | SET @t = NULL;\\nSELECT GROUP_CONCAT(table_name) INTO @t FROM information_schema.tables WHERE table_schema = @db;\\nSET @t = CONCAT('DROP TABLE ', @t);\\nPREPARE st FROM @t; | drop-table ERROR 3:18 DROP TABLE removes table <run-time value> and all its rows (inside dynamic SQL) + runtime-sql WARNING 4:1
            SQLSERVER  | DECLARE @s NVARCHAR(MAX) = N'SELECT 1';\\nFETCH NEXT FROM c INTO @s;\\nEXEC (@s); | runtime-sql WARNING 3:1
            SQLSERVER  | DECLARE @s NVARCHAR(MAX) = N'DROP TABLE ' + QUOTENAME(@name);\\nEXEC (@s);        | drop-table ERROR 1:30 DROP TABLE removes table <run-time value> and all its rows (inside dynamic SQL)
            SQLSERVER  | DECLARE @s NVARCHAR(MAX) = N'';\\nSELECT @s += N'DROP TABLE ' + QUOTENAME(name) + N';' FROM sys.tables;\\nEXEC sp_executesql @s; | drop-table ERROR 2:16 DROP TABLE removes table <run-time value> and all its rows (inside dynamic SQL) + runtime-sql WARNING 3:1
            SQLSERVER  | DECLARE @s NVARCHAR(MAX) = N'';\\nSELECT @s += N'DROP TABLE dbo.v;' FROM sys.tables;\\nIF @go = 1\\n  EXEC sp_executesql @s; | drop-table ERROR 2:16 DROP TABLE removes table dbo.v and all its rows (the first migration, but its version 2 is above Flyway's baselineVersion 1: a schema that holds tables is baselined at 1 and then runs it; where the deploy baselines at 2 or above, or never baselines, set baselineVersion to 2) (inside T-SQL IF statement) + runtime-sql WARNING 4:3
            SQLSERVER  | DECLARE @s NVARCHAR(MAX) = N'';\\nIF @a = 0\\nBEGIN\\n  SELECT @s += N'DELETE FROM dbo.v;' FROM sys.tables;\\nEND\\nIF @go = 1 EXEC (@s); | delete-without-where ERROR 4:18 DELETE without WHERE removes every row of dbo.v (inside T-SQL IF statement) + runtime-sql WARNING 6:12
            SQLSERVER  | DECLARE @s NVARCHAR(MAX) = N'';\\nIF @all = 0\\n  SELECT @s += N'DROP TABLE dbo.v;' FROM sys.tables;\\nELSE\\n  EXEC sp_executesql @in, N'@s NVARCHAR(MAX) OUTPUT', @s = @s OUTPUT;\\nEXEC sp_executesql @s; | drop-table ERROR 3:18 DROP TABLE removes table dbo.v and all its rows (the first migration, but its version 2 is above Flyway's baselineVersion 1: a schema that holds tables is baselined at 1 and then runs it; where the deploy baselines at 2 or above, or never baselines, set baselineVersion to 2) (inside dynamic SQL) + runtime-sql WARNING 5:3 + runtime-sql WARNING 6:1
            SQLSERVER  | DECLARE @s NVARCHAR(MAX);\\nFETCH NEXT FROM c INTO @s;\\nEXEC (@s); | runtime-sql WARNING 3:1
            SQLSERVER  | DECLARE @s NVARCHAR(MAX)\\nDECLARE c CURSOR FOR\\nSELECT 'DROP TRIGGER ' + '['+SCHEMA_NAME(uid)+'].['+name+']' FROM sysobjects WHERE xtype = 'tr'\\nOPEN c\\nFETCH NEXT FROM c INTO @s\\nEXEC (@s) | runtime-sql WARNING 6:1
            SQLSERVER  | DECLARE @s NVARCHAR(MAX);\\nDECLARE c CURSOR LOCAL FAST_FORWARD FOR SELECT N'DROP TABLE ' + QUOTENAME(name) FROM sys.tables;\\nOPEN c;\\nFETCH NEXT FROM c INTO @s;\\nWHILE @@FETCH_STATUS = 0\\nBEGIN\\n  EXEC (@s);\\n  FETCH NEXT FROM c INTO @s;\\nEND | drop-table ERROR 2:50 DROP TABLE removes table <run-time value> and all its rows (inside T-SQL WHILE loop) + runtime-sql WARNING 7:3
            MYSQL      | DECLARE c CURSOR FOR SELECT CONCAT('DELETE FROM ', table_name), table_schema FROM information_schema.tables;\\nFETCH c INTO @s;\\nPREPARE st FROM @s; | runtime-sql WARNING 3:1
            ORACLE     | DECLARE\\n  CURSOR c IS SELECT 'DROP TABLE ' || table_name FROM user_tables;\\n  v VARCHAR2(200);\\nBEGIN\\n  OPEN c;\\n  LOOP\\n    FETCH c INTO v;\\n    EXIT WHEN c%NOTFOUND;\\n    EXECUTE IMMEDIATE v;\\n  END LOOP;\\nEND;\\n/ | drop-table ERROR 2:23 DROP TABLE removes table <run-time value> and all its rows (inside PL/SQL block) + runtime-sql WARNING 9:5
            POSTGRESQL | DO $$ DECLARE c CURSOR FOR SELECT 'TRUNCATE ' || quote_ident(tablename) FROM pg_tables; q text; BEGIN OPEN c; FETCH c INTO q; EXECUTE q; END $$; | truncate-table ERROR 1:36 TRUNCATE removes every row of table <run-time value> (inside DO block) + runtime-sql WARNING 1:127
            POSTGRESQL | DO $$ DECLARE q text; BEGIN SELECT string_agg(format('DROP TABLE %I', tablename), '; ') INTO q FROM pg_tables WHERE tablename LIKE 'tmp%'; EXECUTE q; END $$; | drop-table ERROR 1:55 DROP TABLE removes table <run-time value> and all its rows (inside DO block) + runtime-sql WARNING 1:140
            POSTGRESQL | DO $$ DECLARE q text; BEGIN SELECT string_agg(format('ALTER TABLE %s DROP COLUMN %I', attrelid::regclass, attname), '; ') INTO STRICT q FROM pg_attribute WHERE attname LIKE 'old%'; EXECUTE q; END $$; | drop-column ERROR 1:70 ALTER TABLE <run-time value> drops column <run-time value> (inside DO block) + runtime-sql WARNING 1:182
            POSTGRESQL | DO $$ DECLARE q text; BEGIN q := (SELECT string_agg(format('ALTER TABLE %s DROP COLUMN %I', attrelid::regclass, attname), '; ') FROM pg_attribute WHERE attname LIKE 'old%'); EXECUTE q; END $$; | drop-column ERROR 1:76 ALTER TABLE <run-time value> drops column <run-time value> (inside DO block) + runtime-sql WARNING 1:175
            POSTGRESQL | DO $$ BEGIN EXECUTE (SELECT string_agg(format('TRUNCATE %I', tablename), '; ') FROM pg_tables WHERE schemaname = 'stage'); END $$; | runtime-sql WARNING 1:13 + truncate-table ERROR 1:48 TRUNCATE removes every row of table <run-time value> (inside DO block)
            SQLSERVER  | DECLARE @s NVARCHAR(MAX) = (SELECT STRING_AGG(N'DELETE FROM ' + QUOTENAME(name), N';') FROM sys.tables);\\nEXEC (@s); | delete-without-where ERROR 1:49 DELETE without WHERE removes every row of <run-time value> (inside dynamic SQL) + runtime-sql WARNING 2:1
            POSTGRESQL | DO $$ DECLARE q text; BEGIN q := (SELECT q_text FROM jobs WHERE id = 1); EXECUTE q; END $$; | runtime-sql WARNING 1:74
            POSTGRESQL | DO $$ DECLARE q text; BEGIN q := format(E'ALTER TABLE %1$I DROP COLUMN legacy_x;\\n', t); EXECUTE q; END $$; | drop-column ERROR 1:60 ALTER TABLE <run-time value> drops column legacy_x (inside DO block)
            POSTGRESQL | DO $$ BEGIN EXECUTE format(E'DELETE FROM %I\\x25I', t, u); END $$; | runtime-sql WARNING 1:13
            POSTGRESQL | DO $$ DECLARE q text; BEGIN q := 'DELETE FROM orders'; EXECUTE q; SELECT q_text INTO q FROM jobs WHERE id = 1; EXECUTE q; END $$; | delete-without-where ERROR 1:35 DELETE without WHERE removes every row of orders (inside DO block) + runtime-sql WARNING 1:112
            POSTGRESQL | DO $$ DECLARE q text := 'DELETE FROM orders WHERE id = 1'; BEGIN LOOP EXECUTE q; FETCH c INTO q; EXIT WHEN NOT FOUND; END LOOP; END $$; | runtime-sql WARNING 1:71
            POSTGRESQL | DO $$ DECLARE q text; BEGIN SELECT 'DELETE FROM ' || quote_ident(relname) INTO q FROM pg_class WHERE oid = 42; EXECUTE q; END $$; | delete-without-where ERROR 1:37 DELETE without WHERE removes every row of <run-time value> (inside DO block) + runtime-sql WARNING 1:112
            MYSQL      | SELECT GROUP_CONCAT(CONCAT('DROP TABLE ', table_name) SEPARATOR '; ') INTO @s FROM information_schema.tables WHERE table_name LIKE 'tmp%';\\nPREPARE st FROM @s; | drop-table ERROR 1:29 DROP TABLE removes table <run-time value> and all its rows (inside dynamic SQL) + runtime-sql WARNING 2:1
            MYSQL      | SELECT GROUP_CONCAT('DROP TABLE ', table_name SEPARATOR '; ') INTO @s FROM information_schema.tables;\\nPREPARE st FROM @s; | drop-table ERROR 1:22 DROP TABLE removes table <run-time value> and all its rows (inside dynamic SQL) + runtime-sql WARNING 2:1
            MYSQL      | SELECT GROUP_CONCAT(DISTINCT 'DELETE FROM ', table_name, ' WHERE id > 5' SEPARATOR '; ') INTO @s FROM information_schema.tables;\\nPREPARE st FROM @s; | runtime-sql WARNING 2:1
            ORACLE     | DECLARE\\n  v VARCHAR2(4000);\\nBEGIN\\n  SELECT 'DELETE FROM ' || table_name || ' WHERE id > 0' INTO v FROM purge_targets WHERE ROWNUM = 1;\\n  EXECUTE IMMEDIATE v;\\nEND;\\n/ | runtime-sql WARNING 5:3
            POSTGRESQL | DO $$ DECLARE n int; q text; BEGIN SELECT count(*) INTO n FROM t; SELECT q_text INTO q FROM jobs WHERE id = n; EXECUTE q; END $$; | runtime-sql WARNING 1:112
            SQLSERVER  | DECLARE @s NVARCHAR(MAX) = N'';\\nSELECT @s += N'DROP VIEW ' + name + ';' + CHAR(10) FROM sys.views;\\nSELECT @s += N'DROP TABLE dbo.v;' + CHAR(10) FROM sys.tables;\\nEXEC (@s); | drop-table ERROR 3:16 DROP TABLE removes table dbo.v and all its rows (the first migration, but its version 2 is above Flyway's baselineVersion 1: a schema that holds tables is baselined at 1 and then runs it; where the deploy baselines at 2 or above, or never baselines, set baselineVersion to 2) (inside dynamic SQL) + runtime-sql WARNING 4:1
            SQLSERVER  | DECLARE @s NVARCHAR(MAX) = N'';\\nSELECT @s = @s + N'TRUNCATE TABLE ' + name + N';' FROM sys.tables;\\nEXEC (@s); | truncate-table ERROR 2:20 TRUNCATE removes every row of table <run-time value> (inside dynamic SQL) + runtime-sql WARNING 3:1
            SQLSERVER  | DECLARE @s NVARCHAR(MAX) = N'DELETE FROM a WHERE id = ' + CAST(@id AS NVARCHAR(10));\\nEXEC (@s); | runtime-sql WARNING 2:1
            ORACLE     | DECLARE\\n  v_sql VARCHAR2(200);\\nBEGIN\\n  v_sql := 'DROP TABLE ' || 'orders_' || TO_CHAR(SYSDATE, 'YYYY');\\n  EXECUTE IMMEDIATE v_sql;\\nEND;\\n/ | drop-table ERROR 4:13 DROP TABLE removes table orders_<run-time value> and all its rows (inside PL/SQL block) + runtime-sql WARNING 5:3
            POSTGRESQL | DO $$ DECLARE q text; BEGIN q := 'TRUNCATE TABLE ' || quote_ident(t); EXECUTE q; END $$; | truncate-table ERROR 1:35 TRUNCATE removes every row of table <run-time value> (inside DO block)
            POSTGRESQL | DO $$ BEGIN EXECUTE 'TRUNCATE ' || quote_ident(s) || '.' || t; END $$;          | runtime-sql WARNING 1:13 + truncate-table ERROR 1:22 TRUNCATE removes every row of table <run-time value>.<run-time value> (inside DO block)
            ORACLE     | BEGIN\\n  v_stmt := 'DROP TABLE ';\\n  EXECUTE IMMEDIATE v_stmt || v_name;\\nEND;\\n/ | drop-table ERROR 2:14 DROP TABLE removes table <run-time value> and all its rows (inside PL/SQL block) + runtime-sql WARNING 3:3
            MYSQL      | SET @t = 'orders';\\nPREPARE st FROM CONCAT('DELETE FROM ', @t);            | delete-without-where ERROR 2:25 DELETE without WHERE removes every row of orders (inside dynamic SQL)
            MARIADB    | SET @t = 'orders';\\nEXECUTE IMMEDIATE CONCAT('DELETE FROM ', @t);          | delete-without-where ERROR 2:27 DELETE without WHERE removes every row of orders (inside dynamic SQL)
            MYSQL      | SET @t = 'orders';\\nSET @s = CONCAT('ALTER TABLE ', @t, ' DROP COLUMN note');\\nPREPARE st FROM @s; | drop-column ERROR 2:39 ALTER TABLE orders drops column note (inside dynamic SQL)
            MARIADB    | SET @t = 'orders';\\nEXECUTE IMMEDIATE CONCAT('DELETE FROM ', @t, ' WHERE id = ', @id); | runtime-sql WARNING 2:1
            SQLSERVER  | DECLARE @v NVARCHAR(20) = N'DROP TABLE ';\\nEXEC(@v + @name);                  | drop-table ERROR 1:29 DROP TABLE removes table <run-time value> and all its rows (inside dynamic SQL) + runtime-sql WARNING 2:1
            POSTGRESQL | DO $$ DECLARE q text := 'TRUNCATE '; BEGIN EXECUTE q || t; END $$;            | truncate-table ERROR 1:26 TRUNCATE removes every row of table <run-time value> (inside DO block) + runtime-sql WARNING 1:44
            SQLSERVER  | DECLARE @c NVARCHAR(MAX);\\nIF @a = 1\\n  SET @c = 'SELECT * INTO b FROM ' + @t\\nELSE\\nBEGIN\\n  SET @c = 'DELETE FROM ' + @t + ';';\\n  SET @c = @c + @cols;\\nEND;\\nEXEC(@c); | delete-without-where ERROR 6:13 DELETE without WHERE removes every row of <run-time value> (inside dynamic SQL) + runtime-sql WARNING 9:1
            SQLSERVER  | DECLARE @s NVARCHAR(MAX) = N'SELECT ''Last backup: ' + dbo.backup_label(@x) + N''' AS note';\\nEXEC (@s); | runtime-sql WARNING 2:1
            SQLSERVER  | DECLARE @c NVARCHAR(MAX) = 'SELECT 1;';\\nWHILE @i < 3\\nBEGIN\\n  SET @c = @c + 'DELETE FROM ' + @t + ' WHERE id = ' + @id;\\n  SET @i += 1;\\nEND;\\nEXEC(@c); | runtime-sql WARNING 7:1
            """)
    void literalsJoinedWithWhatIsBuiltAtRunTimeAreCheckedForWhatTheyShow(Dialect dialect, String sql, String expected)
            throws IOException {
        List<String> findings = findings(dialect, sql, true).stream()
                .map(f -> f.startsWith("runtime-sql") ? f.substring(0, f.indexOf(' ', "runtime-sql WARNING ".length()))
                        : f)
                .toList();
        assertEquals(List.of(expected.split(" \\+ ")), findings);
    }

    @org.junit.jupiter.api.Test
    void anAcknowledgementWithAReasonCoversIt() throws IOException {
        String sql = "-- sqlguard:allow runtime-sql reason: the job table lists archive tables only\nEXEC (@sql);";
        assertEquals(List.of("runtime-sql WARNING 2:1 acknowledged"), findings(Dialect.SQLSERVER, sql, false));
    }

    /**
     * PL/pgSQL's EXECUTE format('..', ..): the format string is known; a slot whose argument is a literal is filled
     * in, any other is built at run time, and what the string shows is checked where it stands. Only a {@code %s}
     * slot built at run time adds runtime-sql: a {@code %I} or {@code %L} slot is one quoted name or value.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', textBlock = """
            DO $$\\nDECLARE r record;\\nBEGIN\\n  FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 'staging' LOOP\\n    EXECUTE format('DROP TABLE IF EXISTS staging.%I CASCADE', r.tablename);\\n  END LOOP;\\nEND $$; | drop-table ERROR 5:21 DROP TABLE removes table staging.<run-time value> and all its rows (inside DO block) ## cascade WARNING 5:53
            DO $$ BEGIN EXECUTE format('TRUNCATE %I.%I', app_schema, v_table); END $$; | truncate-table ERROR 1:29 TRUNCATE removes every row of table <run-time value>.<run-time value> (inside DO block)
            DO $$ BEGIN EXECUTE format($q$DELETE FROM %s$q$, v_table); END $$; | runtime-sql WARNING 1:13 ## delete-without-where ERROR 1:31 DELETE without WHERE removes every row of <run-time value> (inside DO block)
            DO $$ BEGIN EXECUTE format('DELETE FROM %I WHERE created_at < %L', 'events', now() - interval '1 day'); END $$; | -
            DO $$ BEGIN EXECUTE format('DELETE FROM %I WHERE created_at < %s', 'events', v_cutoff); END $$; | runtime-sql WARNING 1:13
            DO $$ BEGIN EXECUTE format('ANALYZE %I', t67); END $$; | -
            DO $$ BEGIN EXECUTE format('UPDATE %1$I SET n = n * 100 %% 7 WHERE id = %2$s', v_table, v_id); END $$; | runtime-sql WARNING 1:13
            DO $$ BEGIN EXECUTE format('TRUNCATE %I.%I', 'app', 'Order Lines'); END $$; | truncate-table ERROR 1:29 TRUNCATE removes every row of table app."Order Lines" (inside DO block)
            DO $$ BEGIN EXECUTE format($q$DELETE FROM %s$q$, 'events'); END $$; | delete-without-where ERROR 1:31 DELETE without WHERE removes every row of events (inside DO block)
            DO $$ BEGIN EXECUTE format('UPDATE %2$I SET note = %1$L', 'it''s', 'orders'); END $$; | update-without-where ERROR 1:29 UPDATE without WHERE changes every row of orders (inside DO block)
            DO $$ DECLARE q text; BEGIN q := format('DELETE FROM %I', 'events'); EXECUTE q; END $$; | delete-without-where ERROR 1:42 DELETE without WHERE removes every row of events (inside DO block)
            DO $$ BEGIN EXECUTE format('DELETE FROM %1$I WHERE %2$s = %2$s', 'orders', 1); END $$; | always-true-where ERROR 1:29 DELETE with an always-true WHERE removes every row of orders (inside DO block)
            DO $$ BEGIN EXECUTE format('DELETE FROM events'); END $$; | delete-without-where ERROR 1:29 DELETE without WHERE removes every row of events (inside DO block)
            DO $$ BEGIN EXECUTE format('DELETE FROM %I', 't') || ' WHERE id = ' || quote_literal(1); END $$; | runtime-sql WARNING 1:13
            DO $$ DECLARE w text := 'WHERE id = 1'; BEGIN EXECUTE format('DELETE FROM %I %s', 'jobs', w); END $$; | -
            DO $$ DECLARE w text := 'WHERE 1 = 1'; BEGIN EXECUTE format('DELETE FROM jobs %s', w); END $$; | always-true-where ERROR 1:62 DELETE with an always-true WHERE removes every row of jobs (inside DO block)
            DO $$ DECLARE t text := 'jobs'; BEGIN EXECUTE format('TRUNCATE %I', t); END $$; | truncate-table ERROR 1:55 TRUNCATE removes every row of table jobs (inside DO block)
            DO $$ DECLARE t text := 'jobs'; BEGIN EXECUTE format('DELETE FROM %s', t); END $$; | delete-without-where ERROR 1:55 DELETE without WHERE removes every row of jobs (inside DO block)
            DO $$ DECLARE t text := 'jobs'; BEGIN EXECUTE format('DELETE FROM %I', t); END $$; | delete-without-where ERROR 1:55 DELETE without WHERE removes every row of jobs (inside DO block)
            DO $$ DECLARE f text := 'DROP TABLE %I'; BEGIN EXECUTE format(f, 'jobs'); END $$; | drop-table ERROR 1:26 DROP TABLE removes table jobs and all its rows (the first migration, but its version 2 is above Flyway's baselineVersion 1: a schema that holds tables is baselined at 1 and then runs it; where the deploy baselines at 2 or above, or never baselines, set baselineVersion to 2) (inside DO block)
            DO $$ DECLARE t text := 'jobs_' || s; BEGIN EXECUTE format('TRUNCATE %I', t); END $$; | truncate-table ERROR 1:61 TRUNCATE removes every row of table <run-time value> (inside DO block)
            DO $$ DECLARE w text := 'WHERE id = 1'; BEGIN EXECUTE format('DELETE FROM a %s', w); EXECUTE format('DELETE FROM b %s', w); END $$; | -
            DO $$ DECLARE w text := 'WHERE id = 1'; BEGIN EXECUTE format('DELETE FROM a %s', w) INTO w; EXECUTE format('DELETE FROM b %s', w); END $$; | runtime-sql WARNING 1:47 ## delete-without-where ERROR 1:63 DELETE without WHERE removes every row of a (inside DO block) ## runtime-sql WARNING 1:93 ## delete-without-where ERROR 1:109 DELETE without WHERE removes every row of b (inside DO block)
            """)
    void formatStringIsReadWithItsSlotsAsNames(String sql, String expected) throws IOException {
        // runtime-sql and cascade keep their usual messages: rule, severity and position say enough here.
        List<String> found = findings(Dialect.POSTGRESQL, sql, true).stream()
                .map(f -> f.startsWith("runtime-sql") || f.startsWith("cascade")
                        ? String.join(" ", Arrays.asList(f.split(" ")).subList(0, 3)) : f)
                .toList();
        assertEquals(expected.equals("-") ? List.of() : List.of(expected.split(" ## ")), found);
    }

    /**
     * A variable declared with a numeric type joins the text as one number, whatever it holds at run time: the
     * statement is what the literals show. A text variable may hold any clause and keeps runtime-sql.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', textBlock = """
            AUTO       | --#SET TERMINATOR @\\nCREATE PROCEDURE p()\\nBEGIN\\n  DECLARE counter INTEGER;\\n  DECLARE q VARCHAR(255);\\n  SET (counter) = (SELECT MAX(id) FROM t);\\n  SET q = ('ALTER TABLE t ALTER COLUMN id RESTART WITH ' || counter || '');\\n  EXECUTE IMMEDIATE q;\\nEND\\n@\\nCALL p()@ | -
            AUTO       | --#SET TERMINATOR @\\nCREATE PROCEDURE p()\\nBEGIN\\n  DECLARE counter VARCHAR(20);\\n  DECLARE q VARCHAR(255);\\n  SET (counter) = (SELECT MAX(id) FROM t);\\n  SET q = ('ALTER TABLE t ALTER COLUMN id RESTART WITH ' || counter || '');\\n  EXECUTE IMMEDIATE q;\\nEND\\n@\\nCALL p()@ | runtime-sql WARNING 8:3
            ORACLE     | DECLARE\\n  n NUMBER(10);\\nBEGIN\\n  SELECT MAX(id) INTO n FROM t;\\n  EXECUTE IMMEDIATE 'DELETE FROM t WHERE id < ' || n;\\nEND;\\n/ | -
            ORACLE     | DECLARE\\n  n VARCHAR2(10);\\nBEGIN\\n  SELECT MAX(id) INTO n FROM t;\\n  EXECUTE IMMEDIATE 'DELETE FROM t WHERE id < ' || n;\\nEND;\\n/ | runtime-sql WARNING 5:3
            MYSQL      | CREATE PROCEDURE p()\\nBEGIN\\n  DECLARE n BIGINT DEFAULT 0;\\n  SELECT MAX(id) INTO n FROM t;\\n  SET @s = CONCAT('DELETE FROM t WHERE id < ', n);\\n  PREPARE st FROM @s;\\nEND;\\nCALL p(); | -
            SQLSERVER  | DECLARE @n INT\\nSELECT @n = MAX(id) FROM t\\nEXEC ('DELETE FROM t WHERE id < ' + @n) | -
            MYSQL      | CREATE PROCEDURE p()\\nBEGIN\\n  DECLARE n INT;\\n  SELECT MAX(id) INTO n FROM t;\\n  SET @s := CONCAT('ALTER TABLE t AUTO_INCREMENT = ', n+1);\\n  PREPARE st FROM @s;\\nEND;\\nCALL p(); | -
            MYSQL      | CREATE PROCEDURE p()\\nBEGIN\\n  DECLARE n INT;\\n  SELECT MAX(id) INTO n FROM t;\\n  SET @s = CONCAT('DELETE FROM t WHERE id < ', (n + 1) * 2);\\n  PREPARE st FROM @s;\\nEND;\\nCALL p(); | -
            MYSQL      | CREATE PROCEDURE p()\\nBEGIN\\n  DECLARE n INT;\\n  DECLARE w VARCHAR(20);\\n  SELECT MAX(id), MAX(name) INTO n, w FROM t;\\n  SET @s = CONCAT('DELETE FROM t WHERE id < ', n + w);\\n  PREPARE st FROM @s;\\nEND;\\nCALL p(); | runtime-sql WARNING 7:3
            SQLSERVER  | DECLARE @sql NVARCHAR(MAX);\\nDECLARE @id BIGINT;\\nSELECT @id = MAX(id) + 1 FROM t;\\nSET @sql = N'ALTER SEQUENCE s RESTART WITH ' + CAST(@id AS NVARCHAR(20)) + ';';\\nEXEC sp_executesql @sql; | -
            SQLSERVER  | DECLARE @n INT\\nSELECT @n = MAX(id) FROM t\\nEXEC ('DELETE FROM t WHERE id < ' + CONVERT(NVARCHAR(20), @n, 0)) | -
            SQLSERVER  | DECLARE @n INT\\nSELECT @n = MAX(id) FROM t\\nEXEC ('DELETE FROM t WHERE id < ' + LTRIM(STR(@n, 10))) | runtime-sql WARNING 3:1
            SQLSERVER  | DECLARE @n NVARCHAR(20)\\nSELECT @n = MAX(id) FROM t\\nEXEC ('DELETE FROM t WHERE id < ' + CAST(@n AS NVARCHAR(20))) | runtime-sql WARNING 3:1
            SQLSERVER  | DECLARE @n INT\\nEXEC ('DELETE FROM t WHERE id < ' + CAST(@n + @m AS NVARCHAR(20))) | runtime-sql WARNING 2:1
            ORACLE     | DECLARE\\n  n NUMBER(10);\\nBEGIN\\n  SELECT MAX(id) INTO n FROM t;\\n  EXECUTE IMMEDIATE 'DELETE FROM t WHERE id < ' || TO_CHAR(n);\\nEND;\\n/ | -
            ORACLE     | DECLARE\\n  n NUMBER(10);\\nBEGIN\\n  SELECT MAX(id) INTO n FROM t;\\n  EXECUTE IMMEDIATE 'DELETE FROM t WHERE id < ' || TO_CHAR(n, 'L999');\\nEND;\\n/ | runtime-sql WARNING 5:3
            MYSQL      | SET @m = (SELECT MAX(id) + 1 FROM t);\\nSET @s = CONCAT('ALTER TABLE t AUTO_INCREMENT = ', @m);\\nPREPARE st FROM @s; | -
            MYSQL      | SET @m = (SELECT MAX(name) FROM t);\\nSET @s = CONCAT('ALTER TABLE t AUTO_INCREMENT = ', @m);\\nPREPARE st FROM @s; | runtime-sql WARNING 3:1
            MYSQL      | SELECT CONCAT('ALTER TABLE account AUTO_INCREMENT = ', COALESCE(MAX(id) + 1, 1)) INTO @s FROM account;\\nPREPARE st FROM @s;\\nEXECUTE st; | -
            MYSQL      | SELECT CONCAT('ALTER TABLE account AUTO_INCREMENT = ', IFNULL(MAX(id), 0) + 1) FROM account INTO @s;\\nPREPARE st FROM @s;\\nEXECUTE st; | -
            MYSQL      | SELECT CONCAT('DELETE FROM account WHERE id < ', MAX(id) - 100) INTO @s FROM account;\\nPREPARE st FROM @s;\\nEXECUTE st; | -
            MYSQL      | SELECT CONCAT('DELETE FROM account', MAX(id) - 100) INTO @s FROM account;\\nPREPARE st FROM @s;\\nEXECUTE st; | delete-without-where ERROR 1:16
            MYSQL      | SELECT CONCAT('ALTER TABLE account AUTO_INCREMENT = ', MAX(id)) INTO @s FROM account;\\nPREPARE st FROM @s;\\nEXECUTE st; | runtime-sql WARNING 2:1
            MYSQL      | SELECT CONCAT('ALTER TABLE account AUTO_INCREMENT = ', COALESCE(MAX(id) + 1, name)) INTO @s FROM account;\\nPREPARE st FROM @s;\\nEXECUTE st; | runtime-sql WARNING 2:1
            MYSQL      | SELECT CONCAT('ALTER TABLE account AUTO_INCREMENT = ', COALESCE(MAX(id) + 1, '1; DROP TABLE x')) INTO @s FROM account;\\nPREPARE st FROM @s;\\nEXECUTE st; | runtime-sql WARNING 2:1
            MYSQL      | SET @s = 'DROP TABLE t2';\\nSELECT CONCAT('ALTER TABLE account AUTO_INCREMENT = ', id + 1) INTO @s FROM account WHERE id = 7;\\nPREPARE st FROM @s;\\nEXECUTE st; | runtime-sql WARNING 3:1
            MYSQL      | SELECT MAX(id) + 1 INTO @m FROM t;\\nSET @s = CONCAT('ALTER TABLE t AUTO_INCREMENT = ', @m);\\nPREPARE st FROM @s; | runtime-sql WARNING 3:1
            POSTGRESQL | DO $$\\nDECLARE n integer;\\nBEGIN\\n  SELECT MAX(id) + 1 INTO n FROM t;\\n  EXECUTE format('ALTER SEQUENCE s RESTART WITH %s', n);\\nEND $$; | -
            POSTGRESQL | DO $$\\nDECLARE n text;\\nBEGIN\\n  SELECT MAX(id) + 1 INTO n FROM t;\\n  EXECUTE format('DELETE FROM t WHERE id < %s', n);\\nEND $$; | runtime-sql WARNING 5:3
            POSTGRESQL | CREATE FUNCTION manage(_tbl regclass) RETURNS void AS $$\\nBEGIN\\n  EXECUTE format('CREATE TRIGGER t BEFORE UPDATE ON %s FOR EACH ROW EXECUTE PROCEDURE g()', _tbl);\\nEND $$ LANGUAGE plpgsql; | -
            POSTGRESQL | CREATE FUNCTION manage(_tbl text) RETURNS void AS $$\\nBEGIN\\n  EXECUTE format('CREATE TRIGGER t BEFORE UPDATE ON %s FOR EACH ROW EXECUTE PROCEDURE g()', _tbl);\\nEND $$ LANGUAGE plpgsql; | runtime-sql INFO 3:3
            POSTGRESQL | CREATE FUNCTION wipe(_tbl regclass) RETURNS void AS $$\\nBEGIN\\n  EXECUTE format('DELETE FROM %s', _tbl);\\nEND $$ LANGUAGE plpgsql; | delete-without-where INFO 3:19
            POSTGRESQL | CREATE FUNCTION on_delete() RETURNS trigger AS $$\\nDECLARE\\n  _hst regclass := hst_name(tg_table_name);\\nBEGIN\\n  EXECUTE format('UPDATE %s SET closed = now() WHERE id = $1.id', _hst) USING old;\\n  RETURN old;\\nEND $$ LANGUAGE plpgsql; | -
            POSTGRESQL | CREATE FUNCTION on_delete() RETURNS trigger AS $$\\nDECLARE\\n  _hst regclass := hst_name(tg_table_name);\\nBEGIN\\n  EXECUTE format('DELETE FROM %s', _hst);\\n  RETURN old;\\nEND $$ LANGUAGE plpgsql; | delete-without-where INFO 5:19
            POSTGRESQL | CREATE FUNCTION on_delete() RETURNS trigger AS $$\\nDECLARE\\n  _hst text := hst_name(tg_table_name);\\nBEGIN\\n  EXECUTE format('UPDATE %s SET closed = now() WHERE id = $1.id', _hst) USING old;\\n  RETURN old;\\nEND $$ LANGUAGE plpgsql; | runtime-sql INFO 5:3
            POSTGRESQL | DO $$\\nDECLARE\\n  _tbls regclass[];\\nBEGIN\\n  EXECUTE format('UPDATE %s SET closed = now() WHERE id = 1', _tbls);\\nEND $$; | runtime-sql WARNING 5:3
            ORACLE     | DECLARE\\n  q VARCHAR2(200);\\nBEGIN\\n  q := ('DROP TABLE ' || v_name);\\n  EXECUTE IMMEDIATE q;\\nEND;\\n/ | drop-table ERROR 4:10 ## runtime-sql WARNING 5:3
            """)
    void aNumericVariableJoinsTheTextAsOneValue(Dialect dialect, String sql, String expected) throws IOException {
        List<String> found = findings(dialect, sql, false);
        assertEquals(expected.equals("-") ? List.of() : List.of(expected.split(" ## ")), found);
    }

    @Test
    void aVariableAnOracleDynamicStatementSetsThroughUsingOutIsNoLongerKnown() throws IOException {
        String sql = "DECLARE\n  q VARCHAR2(100) := 'DELETE FROM a WHERE id = 1';\nBEGIN\n"
                + "  EXECUTE IMMEDIATE 'BEGIN :x := ''DELETE FROM b''; END;' USING OUT q;\n"
                + "  EXECUTE IMMEDIATE q;\nEND;\n/";

        assertEquals(List.of("runtime-sql WARNING 5:3"), findings(Dialect.ORACLE, sql, false));
    }

    /**
     * A T-SQL variable every assignment of which reads an object's name from a catalogue view (a default or primary
     * key constraint SQL Server named itself, looked up to be dropped) joins the text as that one name: the
     * statement is what the literals show. A name read from a table of the application, or a variable also set from
     * elsewhere in its batch, may hold any clause and keeps runtime-sql (a namesake declared after a GO is another
     * variable). A lookup that finds no row leaves the text an earlier
     * assignment gave: when that text is known whole too (one lookup after another, each run in turn), either may run,
     * each is checked, and nothing is left to run time.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', textBlock = """
            DECLARE @pk NVARCHAR(512);\\nSELECT @pk = name FROM sys.key_constraints WHERE [type] = 'PK' AND parent_object_id = OBJECT_ID('dbo.t');\\nDECLARE @sql NVARCHAR(MAX) = 'ALTER TABLE dbo.t DROP CONSTRAINT ' + @pk + ';';\\nEXEC sp_executesql @sql; | -
            DECLARE @c nvarchar(200);\\nSELECT @c = Name FROM SYS.DEFAULT_CONSTRAINTS\\nWHERE PARENT_OBJECT_ID = OBJECT_ID('dbo.t') AND PARENT_COLUMN_ID = (SELECT column_id FROM sys.columns WHERE name = 'c' AND object_id = OBJECT_ID('dbo.t'));\\nIF @c IS NOT NULL\\n  EXEC('ALTER TABLE dbo.t DROP CONSTRAINT ' + @c); | -
            DECLARE @c sysname\\nSELECT @c = d.name FROM sys.default_constraints d JOIN sys.columns c ON c.object_id = d.parent_object_id AND c.column_id = d.parent_column_id WHERE c.name = 'x'\\nEXEC('ALTER TABLE dbo.t DROP CONSTRAINT ' + @c) | -
            DECLARE @c sysname\\nSET @c = (SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE TABLE_NAME = 't')\\nEXEC('ALTER TABLE dbo.t DROP CONSTRAINT ' + @c) | -
            DECLARE @t sysname\\nSELECT @t = name FROM sys.tables WHERE name LIKE 'tmp%'\\nEXEC('DROP TABLE dbo.' + @t) | drop-table ERROR 3:7
            DECLARE @c sysname\\nDECLARE @sql VARCHAR(255)\\nSELECT @c = (SELECT CONSTRAINT_NAME from INFORMATION_SCHEMA.TABLE_CONSTRAINTS where TABLE_NAME = 't')\\nBEGIN\\n  SELECT @sql = 'ALTER TABLE t DROP CONSTRAINT ' + @c\\n  EXEC (@sql)\\nEND | -
            DECLARE @c sysname\\nSELECT @c = (SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE TABLE_NAME = 't') + ' DROP COLUMN a'\\nEXEC('ALTER TABLE dbo.t DROP CONSTRAINT ' + @c) | drop-column ERROR 2:107 ## runtime-sql WARNING 3:1
            DECLARE @c sysname\\nSET @c = (SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE TABLE_NAME = 't') + @rest\\nEXEC('ALTER TABLE dbo.t DROP CONSTRAINT ' + @c) | runtime-sql WARNING 3:1
            DECLARE @c NVARCHAR(200)\\nSELECT @c = name FROM dbo.settings WHERE id = 1\\nEXEC('ALTER TABLE dbo.t DROP CONSTRAINT ' + @c) | runtime-sql WARNING 3:1
            DECLARE @c NVARCHAR(200)\\nSELECT @c = d.name FROM sys.default_constraints d JOIN dbo.settings s ON s.id = 1\\nEXEC('ALTER TABLE dbo.t DROP CONSTRAINT ' + @c) | runtime-sql WARNING 3:1
            DECLARE @c NVARCHAR(200)\\nSELECT @c = name FROM sys.default_constraints\\nSET @c = @c + ' ; DELETE FROM dbo.t'\\nEXEC('ALTER TABLE dbo.t DROP CONSTRAINT ' + @c) | runtime-sql WARNING 4:1
            DECLARE @c NVARCHAR(200)\\nSELECT @c = name + @rest FROM sys.default_constraints\\nEXEC('ALTER TABLE dbo.t DROP CONSTRAINT ' + @c) | runtime-sql WARNING 3:1
            DECLARE @c NVARCHAR(200)\\nSELECT @c = definition FROM sys.sql_modules\\nEXEC('ALTER TABLE dbo.t DROP CONSTRAINT ' + @c) | runtime-sql WARNING 3:1
            DECLARE @cmd nvarchar(1000)\\nselect @cmd = 'ALTER TABLE dbo.t DROP CONSTRAINT ' + d.name\\nfrom sys.tables t\\n  join sys.default_constraints d on d.parent_object_id = t.object_id\\nwhere t.name = 't'\\nexecute (@cmd) | -
            DECLARE @cmd nvarchar(1000)\\nselect @cmd = 'ALTER TABLE dbo.t DROP CONSTRAINT ' + d.name\\nfrom sys.default_constraints d join dbo.names n on n.id = 1\\nexecute (@cmd) | runtime-sql WARNING 4:1
            DECLARE @cmd nvarchar(1000)\\nselect @cmd = 'ALTER TABLE dbo.t DROP CONSTRAINT ' + d.definition\\nfrom sys.default_constraints d\\nexecute (@cmd) | runtime-sql WARNING 4:1
            DECLARE @cmd nvarchar(1000)\\nselect @cmd = 'DELETE FROM dbo.' + name\\nfrom sys.tables\\nexecute (@cmd) | delete-without-where ERROR 2:16
            DECLARE @c NVARCHAR(200) = 'x; DELETE FROM dbo.t'\\nSELECT @c = name FROM sys.default_constraints WHERE 1 = 0\\nEXEC('ALTER TABLE dbo.t DROP CONSTRAINT ' + @c) | runtime-sql WARNING 3:1
            DECLARE @c sysname = (SELECT name FROM sys.default_constraints WHERE parent_object_id = OBJECT_ID('dbo.t'))\\nEXEC('ALTER TABLE dbo.t DROP CONSTRAINT ' + @c) | -
            DECLARE @c NVARCHAR(MAX) = (SELECT [con].[name] FROM [sys].[default_constraints] [con]\\nINNER JOIN sys.objects obj ON obj.object_id = con.parent_object_id AND obj.name = 't'\\nWHERE con.[type] = 'D')\\nIF @c IS NOT NULL\\nBEGIN\\n    DECLARE @sql NVARCHAR(MAX) = 'ALTER TABLE dbo.t DROP CONSTRAINT ' + @c\\n    EXEC sp_executesql @sql\\nEND | -
            DECLARE @t sysname = (SELECT TOP 1 name FROM sys.tables WHERE name LIKE 'tmp%')\\nEXEC('DROP TABLE dbo.' + @t) | drop-table ERROR 2:7
            DECLARE @c sysname\\nSET @c = (SELECT TOP (1) name FROM sys.key_constraints WHERE parent_object_id = OBJECT_ID('dbo.t'))\\nEXEC('ALTER TABLE dbo.t DROP CONSTRAINT ' + @c) | -
            DECLARE @c sysname = (SELECT name FROM dbo.settings WHERE id = 1)\\nEXEC('ALTER TABLE dbo.t DROP CONSTRAINT ' + @c) | runtime-sql WARNING 2:1
            DECLARE @c NVARCHAR(200) = (SELECT name FROM sys.default_constraints) + @rest\\nEXEC('ALTER TABLE dbo.t DROP CONSTRAINT ' + @c) | runtime-sql WARNING 2:1
            DECLARE @c NVARCHAR(200) = (SELECT name FROM sys.default_constraints)\\nSET @c = @c + ' ; DELETE FROM dbo.t'\\nEXEC('ALTER TABLE dbo.t DROP CONSTRAINT ' + @c) | runtime-sql WARNING 3:1
            DECLARE @c NVARCHAR(200) = (SELECT name FROM sys.default_constraints)\\nEXEC('ALTER TABLE dbo.t DROP CONSTRAINT ' + @c)\\nGO\\nDECLARE @c NVARCHAR(200) = (SELECT v FROM dbo.settings)\\nEXEC('ALTER TABLE dbo.t DROP CONSTRAINT ' + @c) | runtime-sql WARNING 5:1
            DECLARE @c NVARCHAR(200) = (SELECT v FROM dbo.settings)\\nEXEC('ALTER TABLE dbo.t DROP CONSTRAINT ' + @c)\\nGO\\nDECLARE @c NVARCHAR(200) = (SELECT name FROM sys.default_constraints)\\nEXEC('ALTER TABLE dbo.t DROP CONSTRAINT ' + @c) | runtime-sql WARNING 2:1
            DECLARE @c NVARCHAR(200);SELECT TOP 1 @c = 'ALTER TABLE dbo.t DROP CONSTRAINT ' + rc.CONSTRAINT_NAME + ';' FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS rc JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k ON rc.CONSTRAINT_NAME = k.CONSTRAINT_NAME WHERE k.TABLE_NAME = 't';EXEC (@c); | -
            DECLARE @cmd NVARCHAR(max), @c NVARCHAR(max)\\nSELECT @c = name FROM sys.default_constraints WHERE parent_object_id = object_id('t')\\nSELECT @cmd = 'ALTER TABLE t DROP CONSTRAINT ' + @c\\nIF @cmd IS NOT NULL\\nBEGIN\\n    EXECUTE sp_executesql @cmd\\n    SELECT @cmd = 'ALTER TABLE t ADD CONSTRAINT ' + @c + ' DEFAULT -1 FOR x'\\n    EXECUTE sp_executesql @cmd\\nEND | -
            DECLARE @cmd NVARCHAR(max), @c NVARCHAR(max)\\nSELECT @c = name FROM sys.columns WHERE object_id = object_id('t')\\nSELECT @cmd = 'ALTER TABLE t ADD x INT'\\nEXEC sp_executesql @cmd\\nSELECT @cmd = 'ALTER TABLE t DROP COLUMN ' + @c\\nEXEC sp_executesql @cmd | drop-column ERROR 5:30
            DECLARE @cmd NVARCHAR(max), @c NVARCHAR(max)\\nSELECT @c = name FROM sys.default_constraints\\nSELECT @cmd = 'ALTER TABLE t DROP CONSTRAINT ' + @c\\nEXEC sp_executesql @cmd\\nIF @c = 'x' SELECT @cmd = 'ALTER TABLE t ADD CONSTRAINT ' + @c + ' DEFAULT 1 FOR x'\\nEXEC sp_executesql @cmd | runtime-sql WARNING 6:1
            DECLARE @cmd NVARCHAR(200)\\nSET @cmd = 'DROP TABLE dbo.t2'\\nSELECT @cmd = 'ALTER TABLE dbo.t DROP CONSTRAINT ' + name FROM sys.default_constraints WHERE 1 = 0\\nEXEC(@cmd) | drop-table ERROR 2:13
            DECLARE @cmd NVARCHAR(200) = N'TRUNCATE TABLE dbo.t2'\\nSELECT TOP 1 @cmd = 'ALTER TABLE dbo.t DROP CONSTRAINT ' + d.name FROM sys.default_constraints d\\nEXEC sp_executesql @cmd | truncate-table ERROR 1:32
            DECLARE @cmd NVARCHAR(MAX)\\nSELECT @cmd = 'ALTER TABLE a DROP CONSTRAINT ' + name + ';'\\n  FROM sys.key_constraints WHERE [type] = 'PK' AND [parent_object_id] = OBJECT_ID('a')\\nEXECUTE (@cmd);\\nSELECT @cmd = 'ALTER TABLE b DROP CONSTRAINT ' + name + ';'\\n  FROM sys.foreign_keys WHERE [parent_object_id] = OBJECT_ID('b')\\nEXECUTE (@cmd);\\nSELECT @cmd = 'ALTER TABLE c DROP CONSTRAINT ' + name + ';'\\n  FROM sys.key_constraints WHERE [parent_object_id] = OBJECT_ID('c')\\nEXECUTE (@cmd); | -
            DECLARE @cmd NVARCHAR(MAX)\\nSELECT @cmd = 'ALTER TABLE a DROP CONSTRAINT ' + name FROM sys.key_constraints WHERE [parent_object_id] = OBJECT_ID('a')\\nEXECUTE (@cmd)\\nSELECT @cmd = 'DROP TABLE ' + name FROM sys.tables WHERE name = 'b'\\nEXECUTE (@cmd) | drop-table ERROR 4:16
            DECLARE @cmd NVARCHAR(MAX), @t sysname\\nSELECT @t = name FROM dbo.settings\\nSET @cmd = 'ALTER TABLE a DROP CONSTRAINT ' + @t\\nSELECT @cmd = 'ALTER TABLE b DROP CONSTRAINT ' + name FROM sys.key_constraints WHERE [parent_object_id] = OBJECT_ID('b')\\nEXECUTE (@cmd) | runtime-sql WARNING 5:1
            DECLARE @cmd NVARCHAR(200)\\nSET @cmd = ''\\nSELECT @cmd = 'ALTER TABLE dbo.t DROP CONSTRAINT ' + name FROM sys.default_constraints\\nEXEC(@cmd) | -
            DECLARE @cmd NVARCHAR(200) = NULL\\nSELECT @cmd = 'ALTER TABLE dbo.t DROP CONSTRAINT ' + name FROM sys.default_constraints\\nEXEC(@cmd) | -
            DECLARE @cmd NVARCHAR(200) = N''\\nSELECT @cmd = 'ALTER TABLE dbo.t DROP CONSTRAINT ' + name FROM sys.default_constraints\\nEXEC(@cmd) | -
            DECLARE @c sysname\\nSELECT TOP (1) @c = name FROM sys.key_constraints WHERE parent_object_id = OBJECT_ID('dbo.t')\\nEXEC('ALTER TABLE dbo.t DROP CONSTRAINT ' + @c) | -
            DECLARE @c NVARCHAR(200)\\nSELECT TOP 1 @c = name FROM dbo.settings\\nEXEC('ALTER TABLE dbo.t DROP CONSTRAINT ' + @c) | runtime-sql WARNING 3:1
            DECLARE @c NVARCHAR(200);SELECT @c = 'ALTER TABLE dbo.t DROP CONSTRAINT ' + a.CONSTRAINT_NAME + ';' FROM (SELECT * FROM INFORMATION_SCHEMA.CONSTRAINT_COLUMN_USAGE WHERE TABLE_NAME = 't' AND COLUMN_NAME = 'a') a INNER JOIN (SELECT * FROM INFORMATION_SCHEMA.CONSTRAINT_COLUMN_USAGE WHERE TABLE_NAME = 't' AND COLUMN_NAME = 'b') b ON a.CONSTRAINT_NAME = b.CONSTRAINT_NAME;EXEC (@c); | -
            DECLARE @c NVARCHAR(200);SELECT @c = 'ALTER TABLE dbo.t DROP CONSTRAINT ' + a.CONSTRAINT_NAME FROM (SELECT * FROM INFORMATION_SCHEMA.CONSTRAINT_COLUMN_USAGE) a JOIN (SELECT CONSTRAINT_NAME FROM dbo.names) b ON a.CONSTRAINT_NAME = b.CONSTRAINT_NAME;EXEC (@c); | runtime-sql WARNING 1:249
            DECLARE @c NVARCHAR(200);SELECT @c = 'ALTER TABLE dbo.t DROP CONSTRAINT ' + a.CONSTRAINT_NAME FROM (SELECT (SELECT MAX(n) FROM dbo.names) AS CONSTRAINT_NAME FROM sys.objects) a;EXEC (@c); | runtime-sql WARNING 1:178
            DECLARE @c NVARCHAR(200);SELECT @c = 'ALTER TABLE dbo.t DROP CONSTRAINT ' + a.CONSTRAINT_NAME FROM (SELECT name AS CONSTRAINT_NAME FROM sys.objects UNION ALL SELECT n FROM dbo.names) a;EXEC (@c); | runtime-sql WARNING 1:186
            """)
    void aNameReadFromTheCatalogueJoinsTheTextAsOneName(String sql, String expected) throws IOException {
        List<String> found = findings(Dialect.SQLSERVER, sql, false);
        assertEquals(expected.equals("-") ? List.of() : List.of(expected.split(" ## ")), found);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', textBlock = """
            oracle | DECLARE c VARCHAR2(100);\\nBEGIN\\n  SELECT constraint_name INTO c FROM user_cons_columns WHERE table_name = 'T' AND position = 1;\\n  EXECUTE IMMEDIATE 'ALTER TABLE t DROP CONSTRAINT ' || c;\\nEND;\\n/ | -
            oracle | DECLARE c VARCHAR2(100);\\nBEGIN\\n  SELECT c.constraint_name INTO c FROM all_constraints c WHERE c.table_name = 'T' AND c.constraint_type = 'R';\\n  EXECUTE IMMEDIATE 'ALTER TABLE t DROP CONSTRAINT ' || c;\\nEND;\\n/ | -
            oracle | DECLARE t VARCHAR2(100);\\nBEGIN\\n  SELECT table_name INTO t FROM user_tables WHERE table_name LIKE 'TMP%';\\n  EXECUTE IMMEDIATE 'DROP TABLE ' || t;\\nEND;\\n/ | drop-table ERROR 4:22
            oracle | DECLARE c VARCHAR2(100) := 'x DROP COLUMN note';\\nBEGIN\\n  SELECT constraint_name INTO c FROM user_constraints WHERE 1 = 0;\\n  EXECUTE IMMEDIATE 'ALTER TABLE t DROP CONSTRAINT ' || c;\\nEND;\\n/ | runtime-sql WARNING 4:3
            oracle | DECLARE c VARCHAR2(100);\\nBEGIN\\n  SELECT constraint_name INTO c FROM app_settings WHERE id = 1;\\n  EXECUTE IMMEDIATE 'ALTER TABLE t DROP CONSTRAINT ' || c;\\nEND;\\n/ | runtime-sql WARNING 4:3
            oracle | DECLARE c VARCHAR2(100);\\nBEGIN\\n  SELECT constraint_name INTO c FROM user_constraints;\\n  c := c || ' DROP COLUMN note';\\n  EXECUTE IMMEDIATE 'ALTER TABLE t DROP CONSTRAINT ' || c;\\nEND;\\n/ | drop-column ERROR 4:15 ## drop-column ERROR 5:36
            auto | BEGIN\\n  DECLARE c VARCHAR(128);\\n  DECLARE stmt VARCHAR(200);\\n  SELECT CONSTNAME INTO c FROM SYSCAT.TABCONST WHERE TABNAME = 'T' AND TYPE = 'F';\\n  SET stmt = 'ALTER TABLE t DROP FOREIGN KEY ' || c;\\n  PREPARE s1 FROM stmt;\\n  EXECUTE s1;\\nEND\\n/ | -
            mysql | SELECT CONCAT('ALTER TABLE t DROP FOREIGN KEY ', constraint_name) INTO @s FROM app_names WHERE id = 1;\\nPREPARE st FROM @s;\\nEXECUTE st; | runtime-sql WARNING 2:1
            mysql | SELECT CONCAT('ALTER TABLE t DROP FOREIGN KEY ', constraint_name)\\nINTO @s\\nFROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE\\nWHERE TABLE_NAME = 't' AND REFERENCED_COLUMN_NAME IS NOT NULL LIMIT 1;\\nPREPARE st FROM @s;\\nEXECUTE st;\\nDEALLOCATE PREPARE st;\\nSET @s = NULL;\\nSELECT CONCAT('ALTER TABLE u DROP FOREIGN KEY ', k.CONSTRAINT_NAME) INTO @s FROM information_schema.key_column_usage k WHERE k.table_name = 'u' LIMIT 1;\\nPREPARE st FROM @s;\\nEXECUTE st; | -
            mysql | SELECT CONCAT('DROP TABLE ', table_name) INTO @s FROM information_schema.tables WHERE table_name LIKE 'tmp%' LIMIT 1;\\nPREPARE st FROM @s;\\nEXECUTE st; | drop-table ERROR 1:16
            mysql | CREATE PROCEDURE p()\\nBEGIN\\n  SELECT CONCAT('ALTER TABLE t DROP FOREIGN KEY ', constraint_name) INTO @s FROM information_schema.table_constraints WHERE table_name = 't' AND constraint_type = 'FOREIGN KEY' LIMIT 1;\\n  PREPARE st FROM @s;\\n  EXECUTE st;\\nEND; | -
            mysql | SELECT CONCAT('ALTER TABLE t DROP FOREIGN KEY ', constraint_name, @rest) INTO @s FROM information_schema.table_constraints LIMIT 1;\\nPREPARE st FROM @s;\\nEXECUTE st; | runtime-sql WARNING 2:1
            mysql | CREATE PROCEDURE p(IN table_name VARCHAR(200))\\nBEGIN\\n  SELECT CONCAT('ALTER TABLE t DROP FOREIGN KEY ', table_name) INTO @s FROM information_schema.tables LIMIT 1;\\n  PREPARE st FROM @s;\\n  EXECUTE st;\\nEND; | runtime-sql INFO 4:3
            mysql | CREATE PROCEDURE p()\\nBEGIN\\n  DECLARE constraint_name VARCHAR(200) DEFAULT 'x DROP COLUMN a';\\n  SELECT CONCAT('ALTER TABLE t DROP FOREIGN KEY ', constraint_name) INTO @s FROM information_schema.table_constraints LIMIT 1;\\n  PREPARE st FROM @s;\\n  EXECUTE st;\\nEND; | runtime-sql INFO 5:3
            mysql | SELECT CONCAT('ALTER TABLE t DROP FOREIGN KEY ', constraint_name) FROM information_schema.table_constraints WHERE table_name = 't' AND constraint_type = 'FOREIGN KEY' LIMIT 1 INTO @s;\\nPREPARE st FROM @s;\\nEXECUTE st; | -
            mysql | SELECT CONCAT('ALTER TABLE u DROP FOREIGN KEY ', k.CONSTRAINT_NAME)\\nFROM information_schema.key_column_usage k\\nWHERE k.table_name = 'u'\\nLIMIT 1\\nINTO @s;\\nPREPARE st FROM @s;\\nEXECUTE st; | -
            mysql | SELECT CONCAT('DROP TABLE ', table_name) FROM information_schema.tables WHERE table_name LIKE 'tmp%' LIMIT 1 INTO @s;\\nPREPARE st FROM @s;\\nEXECUTE st; | drop-table ERROR 1:16
            mysql | SELECT CONCAT('ALTER TABLE t DROP FOREIGN KEY ', constraint_name) FROM app_names WHERE id = 1 INTO @s;\\nPREPARE st FROM @s;\\nEXECUTE st; | runtime-sql WARNING 2:1
            mysql | SELECT CONCAT('ALTER TABLE t DROP FOREIGN KEY ', constraint_name, @rest) FROM information_schema.table_constraints LIMIT 1 INTO @s;\\nPREPARE st FROM @s;\\nEXECUTE st; | runtime-sql WARNING 2:1
            mysql | SELECT CONCAT('ALTER TABLE t DROP FOREIGN KEY ', constraint_name) FROM information_schema.table_constraints, app_names WHERE 1 = 1 INTO @s;\\nPREPARE st FROM @s;\\nEXECUTE st; | runtime-sql WARNING 2:1
            mysql | CREATE PROCEDURE p()\\nBEGIN\\n  DECLARE constraint_name VARCHAR(200) DEFAULT 'x DROP COLUMN a';\\n  SELECT CONCAT('ALTER TABLE t DROP FOREIGN KEY ', constraint_name) FROM information_schema.table_constraints LIMIT 1 INTO @s;\\n  PREPARE st FROM @s;\\n  EXECUTE st;\\nEND; | runtime-sql INFO 5:3
            mysql | SET @s = 'DROP TABLE t2';\\nSELECT CONCAT('ALTER TABLE t DROP FOREIGN KEY ', constraint_name) FROM information_schema.table_constraints WHERE 1 = 0 INTO @s;\\nPREPARE st FROM @s;\\nEXECUTE st; | runtime-sql WARNING 3:1
            mysql | SET @s = 'DROP TABLE t2';\\nSELECT CONCAT('ALTER TABLE t DROP FOREIGN KEY ', constraint_name) INTO @s FROM information_schema.table_constraints WHERE 1 = 0;\\nPREPARE st FROM @s;\\nEXECUTE st; | runtime-sql WARNING 3:1
            oracle | DECLARE v VARCHAR2(200);\\nBEGIN\\n  FOR r IN (SELECT n AS constraint_name FROM app_names) LOOP\\n    SELECT 'ALTER TABLE t DROP CONSTRAINT ' || r.constraint_name INTO v FROM user_constraints c WHERE ROWNUM = 1;\\n    EXECUTE IMMEDIATE v;\\n  END LOOP;\\nEND;\\n/ | runtime-sql WARNING 5:5
            oracle | DECLARE v VARCHAR2(200);\\nBEGIN\\n  SELECT 'ALTER TABLE t DROP CONSTRAINT ' || c.constraint_name INTO v FROM user_constraints c WHERE c.table_name = 'T' AND c.constraint_type = 'R';\\n  EXECUTE IMMEDIATE v;\\nEND;\\n/ | -
            """)
    void aNameSelectedIntoAVariableFromTheCatalogueJoinsTheTextAsOneName(String dialect, String sql, String expected)
            throws IOException {
        List<String> found = findings(Dialect.fromConfig(dialect), sql, false);
        assertEquals(expected.equals("-") ? List.of() : List.of(expected.split(" ## ")), found);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', textBlock = """
            h2 | CALL run_sql('ALTER TABLE t DROP CONSTRAINT ' || (SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.CONSTRAINTS WHERE TABLE_NAME = 'T' AND COLUMN_LIST = 'A')); | -
            h2 | CALL run_sql('DROP TABLE ' || (SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME LIKE 'TMP%')); | drop-table ERROR 1:15
            h2 | CALL run_sql('ALTER TABLE t DROP CONSTRAINT ' || (SELECT CONSTRAINT_NAME FROM app_names WHERE id = 1)); | runtime-sql WARNING 1:1
            h2 | CALL run_sql('ALTER TABLE t DROP CONSTRAINT ' || (SELECT CONSTRAINT_NAME || ' DROP COLUMN a' FROM INFORMATION_SCHEMA.CONSTRAINTS)); | runtime-sql WARNING 1:1
            postgresql | DO $$\\nBEGIN\\n  EXECUTE 'ALTER TABLE t DROP CONSTRAINT ' || (SELECT constraint_name FROM information_schema.table_constraints WHERE table_name = 't' AND constraint_type = 'UNIQUE');\\nEND $$; | -
            """)
    void aNameQueriedFromTheCatalogueInsideTheTextJoinsItAsOneName(String dialect, String sql, String expected)
            throws IOException {
        List<String> found = findings(Dialect.fromConfig(dialect), sql, false);
        assertEquals(expected.equals("-") ? List.of() : List.of(expected.split(" ## ")), found);
    }

    private List<String> findings(Dialect dialect, String sql, boolean withMessage) throws IOException {
        Path file = project.resolve("db/V2__change.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql.replace("\\n", "\n") + "\n", StandardCharsets.UTF_8);
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        return result.findings().stream().map(f -> f.ruleId() + " " + f.severity() + " " + f.location().line() + ":"
                + f.location().column() + (withMessage ? " " + f.message() : "")
                + (f.isAcknowledged() ? " acknowledged" : "")).toList();
    }
}
