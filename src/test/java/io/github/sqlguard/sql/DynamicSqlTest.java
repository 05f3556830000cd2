package io.github.sqlguard.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SQL a migration builds from a literal and runs itself is split again, at its place in the file. */
class DynamicSqlTest {

    @ParameterizedTest
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', value = {
        "ORACLE | BEGIN\\n  EXECUTE IMMEDIATE 'DROP TABLE emp_bak PURGE';\\nEND;\\n/ | 2:22 [E] DROP",
        "ORACLE | EXECUTE IMMEDIATE 'TRUNCATE TABLE emp_log' | 1:20 [E] TRUNCATE",
        "SQLSERVER | EXEC('DELETE FROM dbo.Outbox') | 1:7 [E] DELETE",
        "SQLSERVER | EXEC sp_executesql N'TRUNCATE TABLE dbo.Inbox' | 1:22 [E] TRUNCATE",
        "ORACLE | EXECUTE IMMEDIATE 'DELETE FROM t WHERE name = ''x''' | 1:20 [E] DELETE",
        "ORACLE | EXECUTE IMMEDIATE v_sql | -",
        "MYSQL | PREPARE st FROM 'DELETE FROM orders';\\nEXECUTE st; | 1:18 [E] DELETE",
        "MYSQL | DELIMITER $$\\nCREATE PROCEDURE p() BEGIN\\n  PREPARE st FROM 'TRUNCATE TABLE t';\\nEND $$ | 3:20 [R] TRUNCATE",
        "MYSQL | PREPARE st FROM @sql;\\nEXECUTE st; | -",
        "MYSQL | PREPARE st FROM CONCAT('DELETE FROM ', @t); | 1:25 [E] DELETE",
        "MYSQL | SET @s = CONCAT('TRUNCATE TABLE ', @t);\\nPREPARE st FROM @s; | 1:18 [E] TRUNCATE",
        "MYSQL | SET @s = 'DO 0';\\nPREPARE st FROM @s;\\nSET @s = CONCAT('ALTER TABLE ', @t, ' DROP COLUMN id');\\nPREPARE st FROM @s; | 1:11 [E] DO, 3:18 [E] ALTER",
        "MYSQL | SET @s = 'TRUNCATE TABLE t';\\nSET @s = 'DO 0';\\nPREPARE st FROM @s; | 2:11 [E] DO",
        "SQLSERVER | DECLARE @sql NVARCHAR(MAX) = N'DELETE FROM a';\\nSET @sql = N'TRUNCATE TABLE b';\\nEXEC (@sql); | 2:14 [E] TRUNCATE",
        "MYSQL | SET @s = 'DO 0';\\nSET @s = IF(@n > 0, 'DROP TABLE t', 'DO 1');\\nPREPARE st FROM @s; | 2:22 [E] DROP, 2:38 [E] DO",
        "SQLSERVER | DECLARE @s NVARCHAR(MAX) = N'';\\nSELECT @s += N'DELETE FROM ' + name + N';' FROM sys.tables;\\nEXEC (@s); | 2:16 [E] DELETE",
        "ORACLE | EXECUTE IMMEDIATE 'DROP TABLE ' || v_name | 1:20 [E] DROP",
        "ORACLE | EXECUTE IMMEDIATE 'UPDATE t SET a = NULL' || ' WHERE id = 1' | 1:20 [E] UPDATE",
        "SQLSERVER | EXEC('DELETE FROM ' + 'dbo.orders') | 1:7 [E] DELETE",
        "SQLSERVER | DECLARE @sql NVARCHAR(MAX) = N'DELETE FROM a';\\nEXEC (@sql); | 1:32 [E] DELETE",
        "SQLSERVER | DECLARE @sql NVARCHAR(MAX)\\nSET @sql = N'DELETE FROM a'\\nEXEC sp_executesql @sql | 2:14 [E] DELETE",
        "SQLSERVER | DECLARE @sql NVARCHAR(MAX)\\nSELECT @sql = N'DELETE FROM a'\\nEXEC (@sql) | 2:17 [E] DELETE",
        "SQLSERVER | DECLARE @sql NVARCHAR(MAX), @n INT\\nSET @sql = N'TRUNCATE TABLE a'\\nEXEC (@sql) | 2:14 [E] TRUNCATE",
        "SQLSERVER | EXEC sp_MSforeachtable @command1 = 'DELETE FROM ?' | 1:37 [E] DELETE",
        "SQLSERVER | EXEC (@sql) | -",
        "SQLSERVER | EXEC [sys].[sp_executesql] N'DELETE FROM dbo.X4' | 1:30 [E] DELETE",
        "SQLSERVER | EXEC dbo.[sp_executesql] @statement = N'TRUNCATE TABLE dbo.X5' | 1:41 [E] TRUNCATE",
        "SQLSERVER | EXEC \"sp_MSforeachtable\" 'DELETE FROM ?' | 1:27 [E] DELETE",
        // sp_MSforeachdb's ? is a bare name: the command brackets it itself, and ? in a string stays a string.
        "SQLSERVER | EXEC sp_MSforeachdb N'USE [?]; UPDATE #t SET d = N''?'' WHERE d IS NULL; DELETE FROM x'"
                + " | 1:23 [E] USE, 1:32 [E] UPDATE, 1:74 [E] DELETE",
        "SQLSERVER | EXEC sp_MSforeachtable 'DELETE FROM [?]' | 1:25 [E] DELETE",
        // A variable joined with other parts is read as the literal it was assigned just before.
        "ORACLE | BEGIN\\n  v_stmt := 'DROP TABLE ';\\n  EXECUTE IMMEDIATE v_stmt || v_name;\\nEND;\\n/ | 2:3 [E] V_STMT, 2:14 [E] DROP",
        "MYSQL | SET @t = 'orders';\\nPREPARE st FROM CONCAT('DELETE FROM ', @t); | 2:25 [E] DELETE",
        "MARIADB | SET @v = 'DELETE ';\\nEXECUTE IMMEDIATE CONCAT(@v, 'FROM ', @t); | 1:11 [E] DELETE",
        "SQLSERVER | DECLARE @t SYSNAME = N'dbo.orders';\\nEXEC('DELETE FROM ' + @t) | 2:7 [E] DELETE",
        "SQLSERVER | DECLARE @v NVARCHAR(20) = N'TRUNCATE TABLE ';\\nEXEC(@v + N'dbo.t') | 1:29 [E] TRUNCATE",
        "POSTGRESQL | DO $$ DECLARE q text := 'TRUNCATE '; BEGIN EXECUTE q || t; END $$ | 1:26 [E] TRUNCATE",
        "MYSQL | SET @t = 'orders';\\nSET @s = CONCAT('DELETE FROM ', @t);\\nPREPARE st FROM @s; | 2:18 [E] DELETE",
        "MYSQL | SET @s = 'DELETE FROM ';\\nSET @s = CONCAT(@s, 'orders');\\nPREPARE st FROM @s; | 1:11 [E] DELETE",
        "MYSQL | SET @s = CONCAT_WS(' ', 'DELETE', 'FROM orders');\\nPREPARE st FROM @s; | 1:26 [E] DELETE",
        "POSTGRESQL | DO $$ BEGIN EXECUTE concat_ws(' ', 'TRUNCATE', 'orders'); END $$ | 1:37 [E] TRUNCATE",
        // A foreign key's action left to a parameter is part of the ALTER TABLE, not a DELETE of its own.
        "MYSQL | SET @s = CONCAT('ALTER TABLE ', @t, ' ADD FOREIGN KEY (a) REFERENCES u (b) ON DELETE ', @d);\\nPREPARE st FROM @s; | 1:18 [E] ALTER",
        "MYSQL | SET @s = CONCAT('ALTER TABLE t ADD FOREIGN KEY (a) REFERENCES u (b) ON UPDATE ', @u, ' ON DELETE ', @d);\\nPREPARE st FROM @s; | 1:18 [E] ALTER",
    })
    void literalDynamicSqlIsSplitAgain(Dialect dialect, String sql, String expected) {
        List<String> inner = new StatementSplitter(dialect, Placeholders.DEFAULT)
                .split("t.sql", sql.replace("\\n", "\n")).statements().stream()
                .filter(s -> s.context().kind() != StatementContext.Kind.SCRIPT)
                .filter(s -> !s.firstToken().isAnyWord("EXECUTE", "EXEC", "BEGIN", "PREPARE", "CREATE"))
                .map(s -> s.start().line() + ":" + s.start().column() + " ["
                        + s.context().kind().name().charAt(0) + "] " + s.firstToken().upper())
                .toList();
        assertEquals(expected.equals("-") ? List.of() : List.of(expected.split(", ")), inner);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', value = {
        "ORACLE | EXECUTE IMMEDIATE v_sql | true",
        "ORACLE | EXECUTE IMMEDIATE 'TRUNCATE TABLE t' | false",
        "ORACLE | EXECUTE IMMEDIATE 'DROP TABLE ' || v_name | true",
        "SQLSERVER | EXEC (@sql) | true",
        "SQLSERVER | EXEC dbo.purge @days = 3 | false",
        // The procedure a variable names is chosen at run time, often a database's own sp_executesql.
        "SQLSERVER | EXECUTE @db_executesql @stmt = @command | true",
        "SQLSERVER | EXEC @module | true",
        "SQLSERVER | EXEC @rc = dbo.purge @days = 3 | false",
        "SQLSERVER | EXEC @rc = @module @days = 3 | true",
        // A SQL Server Agent job step runs its command later; one of another subsystem runs no SQL text.
        "SQLSERVER | EXEC msdb.dbo.sp_add_jobstep @job_name = N'j', @step_name = N's', @command = @cmd | true",
        "SQLSERVER | EXEC msdb.dbo.sp_update_jobstep @job_name = N'j', @step_id = 1, @command = N'DBCC CHECKDB' | false",
        "SQLSERVER | EXEC msdb.dbo.sp_add_jobstep @job_name = N'j', @subsystem = N'PowerShell', @command = @cmd | false",
        "SQLSERVER | EXEC msdb.dbo.sp_add_jobstep NULL, N'j', 1, N's', N'TSQL', @cmd | true",
        "POSTGRESQL | EXECUTE p(1) | false",
        "MYSQL | PREPARE st FROM @s | true",
        "MYSQL | SET @s = 'DELETE FROM t';\\nPREPARE st FROM @s | false",
        "MYSQL | PREPARE st FROM @s;\\nSET @s = 'DELETE FROM t' | true",
        "ORACLE | EXECUTE IMMEDIATE 'ALTER SEQUENCE s INCREMENT BY ' || (max_id - last_num) | false",
        "ORACLE | EXECUTE IMMEDIATE 'create sequence s start with ' || v | false",
        "ORACLE | EXECUTE IMMEDIATE 'CREATE UNIQUE INDEX i ON t (' || v_cols || ')' | false",
        "ORACLE | EXECUTE IMMEDIATE v_prefix || 'ALTER SEQUENCE s INCREMENT BY 1' | true",
        "ORACLE | EXECUTE IMMEDIATE 'create or replace context '||l_name||' using logger accessed globally' | false",
        "ORACLE | EXECUTE IMMEDIATE 'drop trigger ' || l_trigger_name | false",
        "ORACLE | EXECUTE IMMEDIATE 'DROP VIEW ' || v_name | false",
        "ORACLE | EXECUTE IMMEDIATE 'drop ' || 'public synonym ' || v_name | false",
        // Joined choices are read as every combination of their branches, up to sixteen texts.
        "ORACLE | EXECUTE IMMEDIATE 'DELETE FROM t WHERE a = ' || CASE WHEN a = 1 THEN '1' ELSE '2' END || ' AND b = ' || CASE WHEN a = 1 THEN '1' ELSE '2' END | false",
        "ORACLE | EXECUTE IMMEDIATE 'DELETE FROM t WHERE a = ' || CASE WHEN a = 1 THEN '1' ELSE '2' END || CASE WHEN a = 1 THEN '1' ELSE '2' END || CASE WHEN a = 1 THEN '1' ELSE '2' END || CASE WHEN a = 1 THEN '1' ELSE '2' END || CASE WHEN a = 1 THEN '1' ELSE '2' END | true",
        // A privilege or a comment holds no rows: granted, revoked or written by a computed name, it loses none.
        "ORACLE | EXECUTE IMMEDIATE 'grant execute on ' || v_name || ' to PUBLIC' | false",
        "ORACLE | EXECUTE IMMEDIATE 'REVOKE SELECT ON ' || v_name || ' FROM app_reader' | false",
        "ORACLE | EXECUTE IMMEDIATE 'COMMENT ON TABLE ' || v_name || ' IS ''archive''' | false",
        "ORACLE | EXECUTE IMMEDIATE 'GRANTS ' || v_name | true",
        // A directory object or a public synonym holds no rows: made by a computed path or name, it loses none.
        "ORACLE | BEGIN\\n  s := 'CREATE OR REPLACE DIRECTORY subdir AS ''' || v_path || '''';\\n  EXECUTE IMMEDIATE s;\\nEND; | false",
        "ORACLE | EXECUTE IMMEDIATE 'CREATE OR REPLACE PUBLIC SYNONYM ' || v_name || ' FOR app.' || v_name | false",
        // An index holds no rows of its own: renaming, rebuilding or disabling one by a computed name loses none.
        "ORACLE | EXECUTE IMMEDIATE 'ALTER INDEX ' || USER || '.\"' || v_index || '\" RENAME TO \"' || v_new || '\"' | false",
        "ORACLE | BEGIN\\n  l_sql := 'ALTER INDEX ' || v_index || ' REBUILD';\\n  EXECUTE IMMEDIATE l_sql;\\nEND; | false",
        "ORACLE | EXECUTE IMMEDIATE 'CREATE OR REPLACE VIEW v AS SELECT * FROM ' || v_table | false",
        "ORACLE | EXECUTE IMMEDIATE q'[alter package p compile body PLSQL_CCFLAGS=']'||l_flags||q'[' reuse]' | false",
        "ORACLE | BEGIN\\n  l_sql := 'alter package p compile body PLSQL_CCFLAGS=' || l_flags;\\n"
                + "  EXECUTE IMMEDIATE l_sql;\\nEND; | false",
        "ORACLE | EXECUTE IMMEDIATE 'alter session set nls_date_format = ''' || l_format || '''' | false",
        "ORACLE | EXECUTE IMMEDIATE 'savepoint ' || l_savepoint | false",
        "ORACLE | EXECUTE IMMEDIATE 'rollback to ' || l_savepoint | false",
        "ORACLE | EXECUTE IMMEDIATE q'[\\n  select count(*) from ]' || l_view || q'[ where owner = 'SYS']' INTO n | false",
        "ORACLE | EXECUTE IMMEDIATE 'SELECT COUNT(*) FROM ' || v_table INTO n | false",
        // An Oracle INSERT adds rows whatever its run-time values; MariaDB's may end in ON DUPLICATE KEY UPDATE,
        // and its functions may change rows from a query; Snowflake's INSERT OVERWRITE empties the table first.
        "ORACLE | EXECUTE IMMEDIATE 'INSERT INTO t (id, flag) VALUES (s.NEXTVAL, ' || v_id || ', ''Y'')' | false",
        "ORACLE | EXECUTE IMMEDIATE 'insert /*+ append */ into t select * from s where id = ' || v_id | false",
        "ORACLE | EXECUTE IMMEDIATE 'INSERT ALL INTO t VALUES (id) SELECT id FROM ' || v_table | false",
        "AUTO | EXECUTE IMMEDIATE 'INSERT INTO t (id) VALUES (' || v_id || ')' | false",
        "ORACLE | EXECUTE IMMEDIATE 'INSERT OVERWRITE INTO t SELECT * FROM ' || v_table | true",
        "MARIADB | EXECUTE IMMEDIATE CONCAT('INSERT INTO t (id) VALUES (1) ', @tail) | true",
        "MARIADB | EXECUTE IMMEDIATE CONCAT('SELECT purge_rows(', @n, ')') | true",
        "AUTO | EXECUTE IMMEDIATE CONCAT('SELECT purge_rows(', @n, ')') | true",
        "MYSQL | SET @s = CONCAT('SELECT purge_rows(', @n, ')');\\nPREPARE st FROM @s | true",
        "ORACLE | EXECUTE IMMEDIATE 'ALTER SESSIONS ' || v | true",
        "ORACLE | EXECUTE IMMEDIATE 'ALTER TYPE ' || v_type || ' DROP ATTRIBUTE a CASCADE' | true",
        "ORACLE | EXECUTE IMMEDIATE 'DROP MATERIALIZED VIEW ' || v_name | true",
        "ORACLE | EXECUTE IMMEDIATE 'DROP TABLE ' || v_name || ' CASCADE CONSTRAINTS' | true",
        "ORACLE | EXECUTE IMMEDIATE 'DROP ' || v_kind || ' ' || v_name | true",
        "POSTGRESQL | DO $$ BEGIN EXECUTE 'DROP VIEW ' || v || '; DROP TABLE t'; END $$ | true",
        "ORACLE | EXECUTE IMMEDIATE 'ALTER TABLE t ' || v_action | true",
        "MYSQL | SET @s = CONCAT('ALTER SEQUENCE s RESTART WITH ', @n);\\nPREPARE st FROM @s | false",
        "SQLSERVER | EXEC (N'ALTER SEQUENCE s RESTART WITH ' + CAST(@n AS NVARCHAR(20))) | true",
        "POSTGRESQL | DO $$ BEGIN EXECUTE 'ALTER SEQUENCE s RESTART WITH ' || n; END $$ | true",
        "MYSQL | SET @s = 'DO 0';\\nSET @s = 'DELETE FROM t';\\nPREPARE st FROM @s | false",
        "MYSQL | SET @s = 'DO 0';\\nIF @n > 0 THEN SET @s = 'DROP TABLE t'; END IF;\\nPREPARE st FROM @s; | true",
        "MYSQL | SET @s = 'DO 0';\\nSET @s = 'DROP TABLE t';\\nCALL p();\\nPREPARE st FROM @s; | true",
        "MYSQL | SET @s = 'DO 0';\\nWHILE @n > 0 DO\\nPREPARE st FROM @s;\\nSET @s = 'DROP TABLE t';\\nEND WHILE; | true",
        // A loop or branch in a procedure the script defines runs only when it is called, not between the two.
        "MYSQL | CREATE PROCEDURE p()\\nBEGIN\\n  l: LOOP\\n    LEAVE l;\\n  END LOOP l;\\nEND;\\n"
                + "SET @s = 'DO 0';\\nSET @s = 'DROP TABLE t';\\nPREPARE st FROM @s; | false",
        "MYSQL | SET @s = 'DO 0';\\nSET @s = 'DROP TABLE t';\\nPREPARE st FROM @s;\\n"
                + "CREATE PROCEDURE p()\\nBEGIN\\n  DECLARE CONTINUE HANDLER FOR NOT FOUND SET f = 1;\\nEND; | false",
        "MYSQL | SET @s = 'DO 0';\\nCREATE PROCEDURE p()\\nBEGIN\\n  SET @s = 'DROP TABLE t';\\nEND;\\n"
                + "PREPARE st FROM @s; | true",
        "MYSQL | SET @s = 'DO 0';\\nSET @s = 'DROP TABLE t';\\nCREATE PROCEDURE p()\\nBEGIN\\n  SELECT 1;\\nEND;\\n"
                + "CALL p();\\nPREPARE st FROM @s; | true",
        // Joined with other parts, a variable counts as known only where its one assignment reaches the run straight.
        "ORACLE | BEGIN\\n  v := 'CREATE SEQUENCE s START WITH ';\\n  EXECUTE IMMEDIATE v || n;\\nEND; | false",
        "ORACLE | BEGIN\\n  IF c THEN v := 'CREATE SEQUENCE s START WITH '; END IF;\\n  EXECUTE IMMEDIATE v || n;\\nEND; | true",
        "ORACLE | BEGIN\\n  LOOP\\n    v := 'CREATE SEQUENCE s START WITH ';\\n    EXECUTE IMMEDIATE v || n;\\n    v := 'DROP TABLE ';\\n  END LOOP;\\nEND; | true",
        // An IF or loop between them that does not end before the use leaves the one assignment reaching it.
        "ORACLE | BEGIN\\n  v := 'CREATE SEQUENCE s START WITH ';\\n  IF c = 0 THEN\\n    EXECUTE IMMEDIATE v || n;\\n"
                + "  END IF;\\nEND; | false",
        "ORACLE | BEGIN\\n  FOR i IN 1 .. 2 LOOP\\n    NULL;\\n  END LOOP;\\n  v := 'CREATE SEQUENCE s START WITH ';\\n"
                + "  EXECUTE IMMEDIATE v || n;\\nEND; | false",
        "ORACLE | BEGIN\\n  v := 'CREATE SEQUENCE s START WITH ';\\n  IF c = 0 THEN\\n    v := 'DROP TABLE ';\\n  END IF;\\n"
                + "  EXECUTE IMMEDIATE v || n;\\nEND; | true",
        // A loop that ends before the use, or stands after it, cannot bring a later assignment round to it: a
        // package body reuses one variable name in procedures that each loop or not.
        "ORACLE | BEGIN\\n  WHILE c LOOP\\n    NULL;\\n  END LOOP;\\n  v := 'CREATE SEQUENCE s START WITH ';\\n"
                + "  EXECUTE IMMEDIATE v || n;\\n  v := 'DROP TABLE ';\\nEND; | false",
        "ORACLE | BEGIN\\n  v := 'CREATE SEQUENCE s START WITH ';\\n  EXECUTE IMMEDIATE v || n;\\n  v := 'DROP TABLE ';\\n"
                + "  FOR r IN (SELECT 1 FROM dual) LOOP\\n    NULL;\\n  END LOOP;\\nEND; | false",
        "ORACLE | BEGIN\\n  LOOP\\n    v := 'CREATE SEQUENCE s START WITH ';\\n    FOR i IN 1 .. 2 LOOP\\n      NULL;\\n"
                + "    END LOOP;\\n    EXECUTE IMMEDIATE v || n;\\n    v := 'DROP TABLE ';\\n  END LOOP;\\nEND; | true",
        "ORACLE | BEGIN\\n  <<again>>\\n  v := 'CREATE SEQUENCE s START WITH ';\\n  EXECUTE IMMEDIATE v || n;\\n"
                + "  v := 'DROP TABLE ';\\n  GOTO again;\\nEND; | true",
        "MYSQL | CREATE PROCEDURE p()\\nBEGIN\\n  WHILE c DO\\n    SET c = 0;\\n  END WHILE;\\n"
                + "  SET @s = CONCAT('CREATE INDEX i ON t (', n, ')');\\n  PREPARE st FROM @s;\\n  SET @s = 'DROP TABLE t';\\n"
                + "END; | false",
        // The ELSE arm of an IF opened after the assignment runs after it; one after an assigning THEN arm does not.
        "ORACLE | BEGIN\\n  v := 'CREATE SEQUENCE s START WITH ';\\n  IF c = 0 THEN\\n    NULL;\\n  ELSE\\n"
                + "    EXECUTE IMMEDIATE v || n;\\n  END IF;\\nEND; | false",
        "ORACLE | BEGIN\\n  v := 'CREATE SEQUENCE s START WITH ';\\n  IF c = 0 THEN\\n    v := 'DROP TABLE ';\\n  ELSE\\n"
                + "    EXECUTE IMMEDIATE v || n;\\n  END IF;\\nEND; | true",
        "SQLSERVER | DECLARE @t SYSNAME = N'dbo.orders';\\nIF @x = 1\\n  EXEC('DELETE FROM ' + @t + ' WHERE id = 1') | false",
        "ORACLE | BEGIN\\n  v := f('CREATE SEQUENCE s START WITH ');\\n  EXECUTE IMMEDIATE v || n;\\nEND; | true",
        // A handler of a block begun after the assignment runs after it; one of the assigning block may run before.
        "ORACLE | BEGIN\\n  v := 'CREATE SEQUENCE s START WITH ';\\n  BEGIN\\n    NULL;\\n  EXCEPTION\\n    WHEN OTHERS THEN\\n"
                + "      EXECUTE IMMEDIATE v || n;\\n  END;\\nEND; | false",
        "ORACLE | BEGIN\\n  v := 'CREATE SEQUENCE s START WITH ';\\n  NULL;\\nEXCEPTION\\n  WHEN OTHERS THEN\\n"
                + "    EXECUTE IMMEDIATE v || n;\\nEND; | true",
        "ORACLE | BEGIN\\n  v := 'CREATE SEQUENCE s START WITH ';\\n  BEGIN\\n    NULL;\\n  END;\\nEXCEPTION\\n"
                + "  WHEN OTHERS THEN\\n    EXECUTE IMMEDIATE v || n;\\nEND; | true",
        "ORACLE | CREATE PROCEDURE p(v VARCHAR2 DEFAULT 'CREATE SEQUENCE s START WITH ') AS\\nBEGIN\\n  EXECUTE IMMEDIATE v || n;\\nEND; | true",
        "MYSQL | SET @t = 'orders';\\nPREPARE st FROM CONCAT('DELETE FROM ', @t) | false",
        "MYSQL | PREPARE st FROM CONCAT('DELETE FROM ', @t) | true",
        "MYSQL | SET @t = LOWER(@@hostname);\\nPREPARE st FROM CONCAT('DELETE FROM ', @t) | true",
        // A function that only rewrites a known text makes a known text.
        "MYSQL | SET @t = LOWER('Orders');\\nPREPARE st FROM CONCAT('DELETE FROM ', @t) | false",
        "MYSQL | SET @t = 'orders';\\nCALL p();\\nPREPARE st FROM CONCAT('DELETE FROM ', @t) | true",
        "MARIADB | SET @t = 'orders';\\nEXECUTE IMMEDIATE CONCAT('DELETE FROM ', @t, ' WHERE id = ', @id) | true",
        "SQLSERVER | DECLARE @t SYSNAME = N'dbo.orders';\\nEXEC('DELETE FROM ' + @t) | false",
        "SQLSERVER | DECLARE @t SYSNAME = N'a';\\nIF @x = 1 SET @t = N'b';\\nEXEC('DELETE FROM ' + @t) | true",
        "SQLSERVER | CREATE PROCEDURE p @t SYSNAME = N'a' AS\\nEXEC('DELETE FROM ' + @t) | true",
        // A FOR that opens no statement loops over nothing: T-SQL's NEXT VALUE FOR, a default constraint's FOR column.
        "SQLSERVER | DECLARE @t SYSNAME = N'a';\\nSELECT NEXT VALUE FOR s;\\nSET @t = N'b';\\nEXEC('DELETE FROM ' + @t) | false",
        "SQLSERVER | DECLARE @t SYSNAME = N'a';\\nALTER TABLE x ADD CONSTRAINT d DEFAULT 0 FOR c;\\nSET @t = N'b';\\n"
                + "EXEC('DELETE FROM ' + @t) | false",
        "MARIADB | BEGIN NOT ATOMIC\\nSET @t = 'a';\\nFOR i IN 1..3 DO\\nPREPARE st FROM CONCAT('DELETE FROM ', @t);\\n"
                + "SET @t = 'b';\\nEND FOR;\\nEND | true",
        // REPEAT('-', 3) is a string function; REPEAT .. UNTIL .. END REPEAT the loop.
        "MARIADB | BEGIN NOT ATOMIC\\nSET @t = 'a';\\nSET @p = REPEAT('-', 3);\\n"
                + "PREPARE st FROM CONCAT('DELETE FROM ', @t);\\nSET @t = 'b';\\nEND | false",
        "MARIADB | BEGIN NOT ATOMIC\\nSET @t = 'a';\\nREPEAT\\nPREPARE st FROM CONCAT('DELETE FROM ', @t);\\n"
                + "SET @t = 'b';\\nUNTIL @t = 'b' END REPEAT;\\nEND | true",
        "POSTGRESQL | DO $$ DECLARE t text := 'orders'; BEGIN EXECUTE 'DELETE FROM ' || t; END $$ | false",
        "POSTGRESQL | DO $$ DECLARE t text; BEGIN FOR i IN 1..2 LOOP t := 'a'; EXECUTE 'DELETE FROM ' || t; t := 'b'; END LOOP; END $$ | true",
        "POSTGRESQL | DO $$ DECLARE t text; BEGIN IF c THEN t := 'a'; END IF; EXECUTE 'DELETE FROM ' || t; END $$ | true",
        "POSTGRESQL | DO $$ DECLARE t text; BEGIN t := current_setting('app.t'); EXECUTE 'DELETE FROM ' || t; END $$ | true",
        "MYSQL | SET @t = 'orders';\\nSET @s = CONCAT('DELETE FROM ', @t);\\nPREPARE st FROM @s; | false",
        "MYSQL | SET @t = UPPER(DATABASE());\\nSET @s = CONCAT('DELETE FROM ', @t);\\nPREPARE st FROM @s; | true",
        "MYSQL | SET @t = UPPER('orders');\\nSET @s = CONCAT('DELETE FROM ', @t);\\nPREPARE st FROM @s; | false",
        "MYSQL | SET @s = 'DELETE FROM ';\\nSET @s = CONCAT(@s, 'orders');\\nPREPARE st FROM @s; | false",
        "MYSQL | SET @s = CONCAT(@s, 'orders');\\nPREPARE st FROM @s; | true",
        "ORACLE | CREATE PROCEDURE p(v VARCHAR2 DEFAULT 'SELECT 1 FROM dual') AS\\nBEGIN\\n  EXECUTE IMMEDIATE v;\\nEND; | true",
    })
    void textBuiltAtRunTimeIsMarked(Dialect dialect, String sql, boolean expected) {
        List<Boolean> marked = new StatementSplitter(dialect, Placeholders.DEFAULT)
                .split("t.sql", sql.replace("\\n", "\n")).statements().stream()
                .filter(s -> s.firstToken().isAnyWord("EXECUTE", "EXEC", "PREPARE"))
                .map(Statement::runtimeSql).toList();
        assertEquals(List.of(expected), marked);
    }

    /** A bracketed {@code [?]} in sp_MSforeachdb's command leaves the rest of the command readable. */
    @org.junit.jupiter.api.Test
    void bracketedPlaceholderOfForEachKeepsTheCommandReadable() {
        Script script = new StatementSplitter(Dialect.SQLSERVER, Placeholders.DEFAULT).split("t.sql",
                "EXEC sp_MSforeachdb N'USE [?];\nUPDATE #t SET d = N''?'' WHERE d IS NULL;'");
        List<String> inner = script.statements().stream()
                .filter(s -> s.context().kind() != StatementContext.Kind.SCRIPT)
                .map(s -> s.start().line() + ":" + s.start().column() + " " + s.sql()).toList();
        assertEquals("Optional.empty [1:23 USE [every database], 2:1 UPDATE #t SET d = N'[every database]' WHERE d IS"
                + " NULL]", script.lexError() + " " + inner);
    }

    /** A name taken from a variable's literal is located where that literal stands, before the text it joins. */
    @org.junit.jupiter.api.Test
    void aVariablesLiteralIsLocatedWhereItIsAssigned() {
        Statement delete = new StatementSplitter(Dialect.MYSQL, Placeholders.DEFAULT)
                .split("t.sql", "SET @t = 'orders';\nPREPARE st FROM CONCAT('DELETE FROM ', @t);").statements().stream()
                .filter(s -> s.firstToken().isWord("DELETE")).findFirst().orElseThrow();
        Token table = delete.tokens().get(delete.tokens().size() - 1);
        assertEquals("orders 1:11 2:25", table.text() + " " + table.line() + ":" + table.column() + " "
                + delete.start().line() + ":" + delete.start().column());
    }

    /**
     * A text chosen by a condition when the migration runs, as MySQL migrations guard a DROP COLUMN the database has
     * no IF EXISTS for: every branch is read, each as a statement of its own, and the text is known.
     */
    @ParameterizedTest
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', value = {
        "MYSQL | SET @s = (SELECT IF(@n > 0,\\n  'ALTER TABLE orders DROP COLUMN note',\\n  'SELECT 1'));\\nPREPARE st FROM @s; | 2:4 [E] ALTER, 3:4 [E] SELECT | false",
        "MYSQL | SET @s = IF(@n > 0, 'DROP TABLE legacy', 'DO 0');\\nPREPARE st FROM @s; | 1:22 [E] DROP, 1:43 [E] DO | false",
        "MYSQL | SET @s = CASE WHEN @n = 1 THEN 'TRUNCATE TABLE t' WHEN @n = 2 THEN 'DELETE FROM t' ELSE 'DO 0' END;\\nPREPARE st FROM @s; | 1:33 [E] TRUNCATE, 1:69 [E] DELETE, 1:90 [E] DO | false",
        "MYSQL | SET @s = IF(@n > 0, CONCAT('DROP TABLE ', @t), NULL);\\nPREPARE st FROM @s; | 1:29 [E] DROP | true",
        "MYSQL | PREPARE st FROM IF(@n > 0, 'DELETE FROM t', 'DO 0'); | 1:29 [E] DELETE, 1:46 [E] DO | false",
        "SQLSERVER | DECLARE @s NVARCHAR(100) = IIF(@n > 0, N'DELETE FROM t', N'SELECT 1');\\nEXEC (@s); | 1:42 [E] DELETE, 1:60 [E] SELECT | false",
        // A join with a conditional operand is one text per branch, the words around the condition read with each.
        "SQLSERVER | DECLARE @s NVARCHAR(100) = N'DROP ' + CASE WHEN @p = 1 THEN N'SYNONYM ' ELSE N'TABLE ' END + N'x';\\nEXEC (@s); | 1:30 [E] DROP, 1:30 [E] DROP | false",
        "SQLSERVER | DECLARE @s NVARCHAR(100) = N'DELETE FROM t' + IIF(@a > 0, N' WHERE id = 1', N'');\\nEXEC (@s); | 1:30 [E] DELETE, 1:30 [E] DELETE | false",
        // A query that only picks the branch hands over one of the literals, or nothing when it finds no row.
        "MYSQL | SET @s = (SELECT IF(COUNT(*) > 0, 'DROP TABLE t', 'DO 0') FROM information_schema.tables);\\nPREPARE st FROM @s; | 1:36 [E] DROP, 1:52 [E] DO | false",
        "MYSQL | SELECT IF(COUNT(*) > 0, 'DROP TABLE t', 'DO 0') INTO @s FROM information_schema.tables;\\nPREPARE st FROM @s; | 1:26 [E] DROP, 1:42 [E] DO | false",
        "MYSQL | SELECT CASE WHEN COUNT(*) > 0 THEN 'DELETE FROM t' ELSE 'DO 0' END FROM information_schema.tables INTO @s;\\nPREPARE st FROM @s; | 1:37 [E] DELETE, 1:58 [E] DO | false",
        "MYSQL | SET @s = IF(@a > 0, IF(@b > 0, 'TRUNCATE TABLE t', 'DO 1'), 'DO 0');\\nPREPARE st FROM @s; | 1:33 [E] TRUNCATE, 1:53 [E] DO, 1:62 [E] DO | false",
        "MYSQL | SET @s = (SELECT IF(COUNT(*) > 0, CONCAT('DROP TABLE ', MAX(table_name)), 'DO 0') FROM information_schema.tables);\\nPREPARE st FROM @s; | 1:43 [E] DROP, 1:76 [E] DO | true",
        "MYSQL | SELECT IF(@a > 0, 'DROP TABLE t', 'DO 0') INTO @s FROM information_schema.tables UNION SELECT 'DO 1';\\nPREPARE st FROM @s; | - | true",
    })
    void everyBranchOfAConditionalTextIsRead(Dialect dialect, String sql, String expected, boolean runtime) {
        List<Statement> statements = new StatementSplitter(dialect, Placeholders.DEFAULT)
                .split("t.sql", sql.replace("\\n", "\n")).statements();
        List<String> inner = statements.stream()
                .filter(s -> s.context().kind() != StatementContext.Kind.SCRIPT)
                .map(s -> s.start().line() + ":" + s.start().column() + " ["
                        + s.context().kind().name().charAt(0) + "] " + s.firstToken().upper())
                .toList();
        List<Boolean> marked = statements.stream().filter(s -> s.firstToken().isAnyWord("PREPARE", "EXEC"))
                .map(Statement::runtimeSql).toList();

        assertEquals(expected.equals("-") ? List.of() : List.of(expected.split(", ")), inner);
        assertEquals(List.of(runtime), marked);
    }

    /** Oracle's packaged runners of SQL text: DBMS_UTILITY.EXEC_DDL_STATEMENT and DBMS_SQL.PARSE. */
    @ParameterizedTest
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', value = {
        "BEGIN\\n  DBMS_UTILITY.EXEC_DDL_STATEMENT('DROP TABLE old_reports');\\nEND;\\n/ | 2:36 [E] DROP | false",
        "BEGIN\\n  sys.dbms_utility.exec_ddl_statement(parse_string => 'TRUNCATE TABLE t');\\nEND;\\n/ | 2:56 [E] TRUNCATE | false",
        "EXEC DBMS_UTILITY.EXEC_DDL_STATEMENT('ALTER TABLE c DROP COLUMN fax') | 1:39 [E] ALTER | false",
        "BEGIN\\n  DBMS_SQL.PARSE(c, 'DELETE FROM audit_log', DBMS_SQL.NATIVE);\\nEND;\\n/ | 2:22 [E] DELETE | false",
        "BEGIN\\n  DBMS_SQL.PARSE(c, 'DROP TABLE ' || v_tab, DBMS_SQL.NATIVE);\\nEND;\\n/ | 2:22 [E] DROP | true",
        "BEGIN\\n  DBMS_SQL.PARSE(c, v_sql, DBMS_SQL.NATIVE);\\nEND;\\n/ | - | true",
        "BEGIN\\n  DBMS_OUTPUT.PUT_LINE('DELETE FROM audit_log');\\nEND;\\n/ | - | false",
        // A scheduler job's action runs on its schedule: its text is read, not a procedure's argument of any kind.
        "BEGIN\\n  DBMS_SCHEDULER.CREATE_JOB('J', 'PLSQL_BLOCK', 'BEGIN EXECUTE IMMEDIATE ''DROP TABLE t''; END;');\\nEND;\\n/ | 2:76 [E] DROP | false",
        "BEGIN\\n  DBMS_SCHEDULER.CREATE_JOB('J', 'EXECUTABLE', '/usr/bin/purge DROP');\\nEND;\\n/ | - | false",
        "BEGIN\\n  DBMS_SCHEDULER.CREATE_JOB(job_name => 'J', job_type => 'PLSQL_BLOCK', job_action => v_block);\\nEND;\\n/ | - | true",
        "BEGIN\\n  DBMS_SCHEDULER.CREATE_JOB(job_name => 'J', program_name => 'PURGE_PROG');\\nEND;\\n/ | - | false",
    })
    void oraclePackagesThatRunSqlTextAreReadAsDynamicSql(String sql, String expected, boolean runtime) {
        List<Statement> statements = new StatementSplitter(Dialect.ORACLE, Placeholders.DEFAULT)
                .split("t.sql", sql.replace("\\n", "\n")).statements();
        List<String> inner = statements.stream()
                .filter(s -> s.firstToken().isAnyWord("DROP", "TRUNCATE", "ALTER", "DELETE"))
                .map(s -> s.start().line() + ":" + s.start().column() + " ["
                        + s.context().kind().name().charAt(0) + "] " + s.firstToken().upper())
                .toList();
        List<Boolean> marked = statements.stream()
                .filter(s -> s.firstToken().isAnyWord("DBMS_UTILITY", "DBMS_SQL", "DBMS_OUTPUT", "DBMS_SCHEDULER", "SYS", "EXEC"))
                .map(Statement::runtimeSql).distinct().toList();

        assertEquals(expected.equals("-") ? List.of() : List.of(expected), inner);
        assertEquals(List.of(runtime), marked);
    }

    /** pg_cron runs a job's command on its schedule from the moment the migration commits: read like a DO block. */
    @ParameterizedTest
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', value = {
        "SELECT cron.schedule('nightly-purge', '0 3 * * *', 'DELETE FROM events'); | 1:53 [E] DELETE | false",
        "SELECT cron.schedule('0 4 * * *', $$TRUNCATE metrics$$); | 1:37 [E] TRUNCATE | false",
        "SELECT cron.schedule_in_database('purge', '0 6 * * *', 'DROP TABLE old_events', 'app'); | 1:57 [E] DROP | false",
        "SELECT cron.schedule(job_name => 'p', schedule => '@daily', command => 'DELETE FROM s'); | 1:73 [E] DELETE | false",
        "DO $$\\nBEGIN\\n  PERFORM cron.alter_job(42, '@hourly', 'DELETE FROM queue');\\nEND $$; | 3:42 [E] DELETE | false",
        "SELECT cron.schedule('vacuum', '0 5 * * *', 'VACUUM ANALYZE events'); | - | false",
        "SELECT cron.schedule('p', '@daily', format('DELETE FROM %I', 'events')); | 1:45 [E] DELETE | false",
        "SELECT cron.schedule('p', '@daily', format('DELETE FROM %I', current_setting('app.t'))); | 1:45 [E] DELETE | false",
        "SELECT cron.schedule('p', '@daily', format('DELETE FROM %s', current_setting('app.t'))); | 1:45 [E] DELETE | true",
        "SELECT cron.alter_job(42, '@hourly', NULL); | - | false",
        "SELECT cron.schedule(schedule := '@daily', command := 'TRUNCATE s', job_name := 'p'); | 1:56 [E] TRUNCATE | false",
        "SELECT cron.unschedule('nightly-purge'); | - | false",
        // Not pg_cron's: read as text handed to a routine that may run it (SqlTextArguments), still at once.
        "SELECT my.schedule('p', '@daily', 'DELETE FROM s'); | 1:36 [E] DELETE | false",
    })
    void pgCronJobCommandsAreReadAsCodeThatRuns(String sql, String expected, boolean runtime) {
        List<Statement> statements = new StatementSplitter(Dialect.POSTGRESQL, Placeholders.DEFAULT)
                .split("t.sql", sql.replace("\\n", "\n")).statements();
        List<String> inner = statements.stream()
                .filter(s -> s.firstToken().isAnyWord("DROP", "TRUNCATE", "DELETE", "VACUUM"))
                .filter(s -> !s.firstToken().isWord("VACUUM"))
                .map(s -> s.start().line() + ":" + s.start().column() + " ["
                        + s.context().kind().name().charAt(0) + "] " + s.firstToken().upper())
                .toList();
        List<Boolean> marked = statements.stream().filter(s -> s.firstToken().isAnyWord("SELECT", "PERFORM"))
                .map(Statement::runtimeSql).distinct().toList();

        assertEquals(expected.equals("-") ? List.of() : List.of(expected), inner);
        assertEquals(List.of(runtime), marked);
    }
}
