package io.github.sqlguard.sql;

import static io.github.sqlguard.sql.SplitResults.render;
import static io.github.sqlguard.sql.SplitResults.split;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Blocks and routine bodies: one statement each, then the statements inside with their own positions. */
class BlockSplitTest {

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "AUTO"})
    void doBlockBodyIsLexedAgainWithFilePositions(Dialect dialect) {
        String sql = "DO $$\nDECLARE\n  n int := 0;\nBEGIN\n  IF n = 0 THEN\n    DELETE FROM a; -- gone\n"
                + "  ELSIF n > 1 THEN UPDATE b SET x = 1;\n  END IF;\nEND\n$$;\nSELECT 1;";
        Script script = split(dialect, sql);
        assertEquals(List.of("1:1 [C] DO $$ DECLARE n int := 0; BEGIN IF n = 0 THEN DELETE FROM a; -- gone ELSIF n > 1 "
                + "THEN UPDATE b SET x = 1; END IF; END $$", "6:5 [E DO block] DELETE FROM a",
                "7:20 [E DO block] UPDATE b SET x = 1", "11:1 SELECT 1"), render(script));
        assertEquals(List.of("-- gone"), script.comments().stream().map(Token::text).toList());
    }

    /**
     * A body statement runs whenever its body runs only before the body's first branch, loop, handler or inner
     * block, or after a T-SQL IF that governs one statement: "s" marks those, "-" the others, "." none of a body.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "MYSQL | CREATE PROCEDURE p() BEGIN DROP TABLE a; IF 1 THEN DROP TABLE b; END IF; DROP TABLE c; END | .s--",
        "MYSQL | CREATE PROCEDURE p() BEGIN DECLARE EXIT HANDLER FOR SQLEXCEPTION SELECT 1; DROP TABLE c; END | .--",
        "POSTGRESQL | DO $$ DECLARE n int; BEGIN DROP TABLE a; LOOP EXIT; END LOOP; DROP TABLE b; END $$ | .s--",
        "POSTGRESQL | DO $$ BEGIN DROP TABLE a; BEGIN DROP TABLE b; END; END $$ | .s-",
        "SQLSERVER | CREATE PROCEDURE p AS BEGIN IF 1 = 1 DROP TABLE a DROP TABLE b WHILE 1 = 0 BEGIN DROP TABLE c END"
                + " DROP TABLE d END | .-s--",
        "ORACLE | BEGIN EXECUTE IMMEDIATE 'DROP TABLE a'; IF 1 = 1 THEN EXECUTE IMMEDIATE 'DROP TABLE b'; END IF; END;"
                + " | .ss--",
        "ORACLE | BEGIN GOTO done; EXECUTE IMMEDIATE 'DROP TABLE a'; <<done>> NULL; END; | .s---",
        "ORACLE | DROP TABLE a | .",
    })
    void bodyStatementsKnowWhetherTheyRunInStraightLine(Dialect dialect, String sql, String marks) {
        StringBuilder found = new StringBuilder();
        for (Statement statement : split(dialect, sql).statements()) {
            StatementContext.Body body = statement.context().body();
            found.append(body == null ? '.' : body.straightLine() ? 's' : '-');
        }
        assertEquals(marks, found.toString(), sql);
    }

    @Test
    void doBlockWithLanguageAndTaggedQuote() {
        assertEquals(List.of("1:1 [C] DO LANGUAGE plpgsql $body$ BEGIN TRUNCATE t; END $body$",
                "1:34 [E DO block] TRUNCATE t"),
                render(Dialect.POSTGRESQL, "DO LANGUAGE plpgsql $body$ BEGIN TRUNCATE t; END $body$;"));
        assertEquals(List.of("1:1 [C] DO $$ import os $$ LANGUAGE plpython3u"),
                render(Dialect.POSTGRESQL, "DO $$ import os $$ LANGUAGE plpython3u;"));
    }

    @Test
    void doBlockWithLoopsCaseExceptionAndDynamicSql() {
        String sql = "DO $$\n<<outer>>\nDECLARE r record;\nBEGIN\n  FOR r IN SELECT id FROM t LOOP\n"
                + "    EXECUTE 'DELETE FROM ' || r.id;\n  END LOOP;\n  WHILE true LOOP EXIT; END LOOP;\n"
                + "  CASE WHEN 1 = 1 THEN DELETE FROM c; ELSE NULL; END CASE;\n"
                + "EXCEPTION WHEN others THEN\n  RAISE NOTICE 'x';\nEND outer $$;";
        // The literal part of the dynamic SQL is read too, the part built at run time standing in as a name.
        assertEquals(List.of("6:5 [E DO block] EXECUTE 'DELETE FROM ' || r.id",
                "6:14 [E DO block] DELETE FROM built_at_run_time_1", "8:19 [E DO block] EXIT",
                "9:24 [E DO block] DELETE FROM c", "9:44 [E DO block] NULL", "11:3 [E DO block] RAISE NOTICE 'x'"),
                render(Dialect.POSTGRESQL, sql).subList(1, 7));
    }

    @Test
    void postgresTriggerFunctionBodyIsATriggerBody() {
        String sql = "CREATE OR REPLACE FUNCTION f() RETURNS trigger AS $f$\nBEGIN\n  DELETE FROM log;\n"
                + "  RETURN NEW;\nEND;\n$f$ LANGUAGE plpgsql;\nDELETE FROM x WHERE id = 1;";
        assertEquals(List.of("1:1 [C] CREATE OR REPLACE FUNCTION f() RETURNS trigger AS $f$ BEGIN DELETE FROM log; "
                + "RETURN NEW; END; $f$ LANGUAGE plpgsql", "3:3 [R trigger function f body] DELETE FROM log",
                "4:3 [R trigger function f body] RETURN NEW", "7:1 DELETE FROM x WHERE id = 1"),
                render(Dialect.POSTGRESQL, sql));
    }

    @Test
    void postgresSqlFunctionAndSingleQuotedBody() {
        assertEquals(List.of("1:1 [C] CREATE FUNCTION s.g() RETURNS void LANGUAGE sql AS $$ DELETE FROM a; "
                + "UPDATE b SET c = 1 $$", "1:55 [R function s.g body] DELETE FROM a",
                "1:70 [R function s.g body] UPDATE b SET c = 1"),
                render(Dialect.POSTGRESQL, "CREATE FUNCTION s.g() RETURNS void LANGUAGE sql AS $$ DELETE FROM a; "
                        + "UPDATE b SET c = 1 $$;"));
        assertEquals(List.of("1:1 [C] CREATE FUNCTION h() RETURNS void AS 'DELETE FROM a' LANGUAGE sql",
                "1:38 [R function h body] DELETE FROM a"),
                render(Dialect.POSTGRESQL, "CREATE FUNCTION h() RETURNS void AS 'DELETE FROM a' LANGUAGE sql;"));
    }

    @Test
    void postgresSqlStandardBodyBeginAtomic() {
        assertEquals(List.of("1:1 [C] CREATE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC DELETE FROM a; END",
                "1:48 [R procedure p body] DELETE FROM a", "1:68 DELETE FROM b"),
                render(Dialect.POSTGRESQL, "CREATE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC DELETE FROM a; END; DELETE FROM b;"));
    }

    @Test
    void aliasesInsideABeginAtomicBodyDoNotOpenSections() {
        String sql = "CREATE FUNCTION f() RETURNS TABLE (t int) BEGIN ATOMIC\nSELECT g.x FROM s AS g (x);\nEND;\nDELETE FROM b;";
        assertEquals(List.of("2:1 [R function f body] SELECT g.x FROM s AS g (x)", "4:1 DELETE FROM b"),
                render(Dialect.AUTO, sql).subList(1, 3));
    }

    @Test
    void postgresBeginIsATransactionNotABlock() {
        assertEquals(List.of("1:1 BEGIN", "1:8 DELETE FROM a", "1:23 COMMIT"),
                render(Dialect.POSTGRESQL, "BEGIN; DELETE FROM a; COMMIT;"));
        assertEquals(List.of("1:1 BEGIN", "1:8 DELETE FROM a", "1:23 COMMIT"),
                render(Dialect.AUTO, "BEGIN; DELETE FROM a; COMMIT;"));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"ORACLE", "AUTO"})
    void plsqlAnonymousBlockEndsAtSlash(Dialect dialect) {
        String sql = "DECLARE\n  v NUMBER := 0;\nBEGIN\n  IF v = 0 THEN\n    DELETE FROM a;\n  END IF;\n"
                + "  FOR i IN 1..3 LOOP\n    UPDATE b SET c = i;\n  END LOOP;\n  BEGIN\n    NULL;\n  END;\n"
                + "EXCEPTION\n  WHEN OTHERS THEN ROLLBACK;\nEND;\n/\nSELECT 1 FROM dual;\n";
        assertEquals(List.of("5:5 [E PL/SQL block] DELETE FROM a", "8:5 [E PL/SQL block] UPDATE b SET c = i",
                "11:5 [E PL/SQL block] NULL", "14:20 [E PL/SQL block] ROLLBACK", "17:1 SELECT 1 FROM dual"),
                render(dialect, sql).subList(1, 6));
        assertEquals("1:1 [C] DECLARE", render(dialect, sql).get(0).substring(0, 15));
    }

    /**
     * Scripts run by tools that end a PL/SQL unit at a line ending in {@code /} (some installers' runners) write the
     * slash right after the unit's last semicolon: {@code END;/} ends the block as a slash line does, so the
     * procedure after it is one of its own and its body runs only when called.
     */
    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"ORACLE", "AUTO"})
    void slashRightAfterTheLastSemicolonEndsTheBlock(Dialect dialect) {
        String sql = "DECLARE\n  n NUMBER := 0;\nBEGIN\n  DELETE FROM a;\nend;/\n\n"
                + "CREATE OR REPLACE PROCEDURE p(t IN VARCHAR2) IS\nBEGIN\n  DELETE FROM b;\nEND;/\n/\n"
                + "call p('x');\n";
        List<String> lines = render(dialect, sql);
        assertEquals(List.of("4:3 [E PL/SQL block] DELETE FROM a", "9:3 [R procedure p body] DELETE FROM b",
                "12:1 call p('x')"), List.of(lines.get(1), lines.get(3), lines.get(4)));
        assertEquals(5, lines.size());
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"ORACLE", "AUTO"})
    void oracleProcedureBodyIsARoutineBody(Dialect dialect) {
        String sql = "CREATE OR REPLACE PROCEDURE purge(p IN NUMBER) IS\n  CURSOR c IS SELECT 1 FROM dual;\n"
                + "  n NUMBER;\nBEGIN\n  DELETE FROM a WHERE id = p;\n  <<l>> LOOP EXIT; END LOOP l;\nEND purge;\n/\n"
                + "DELETE FROM z;";
        List<String> lines = render(dialect, sql);
        assertEquals(List.of("5:3 [R procedure purge body] DELETE FROM a WHERE id = p",
                "6:14 [R procedure purge body] EXIT", "9:1 DELETE FROM z"), lines.subList(1, 4));
        assertEquals(4, lines.size());
    }

    @Test
    void oraclePackageBodyWithNestedRoutines() {
        String sql = "CREATE OR REPLACE PACKAGE BODY pkg AS\n  g NUMBER;\n  PROCEDURE a IS\n  BEGIN\n"
                + "    DELETE FROM t1;\n  END a;\n  FUNCTION b RETURN NUMBER IS x NUMBER; BEGIN\n    UPDATE t2 SET c = 1;\n"
                + "    RETURN 1;\n  END b;\nEND pkg;\n/\nCREATE OR REPLACE PACKAGE pkg AS\n  PROCEDURE a;\nEND pkg;\n/\n"
                + "SELECT 1 FROM dual";
        assertEquals(List.of("5:5 [R package pkg body] DELETE FROM t1", "8:5 [R package pkg body] UPDATE t2 SET c = 1",
                "9:5 [R package pkg body] RETURN 1", "13:1 [C] CREATE OR REPLACE PACKAGE pkg AS PROCEDURE a; END pkg",
                "17:1 SELECT 1 FROM dual"), render(Dialect.ORACLE, sql).subList(1, 6));
        assertEquals(render(Dialect.ORACLE, sql), render(Dialect.AUTO, sql));
    }

    @Test
    void oracleTriggerWithDeclare() {
        String sql = "CREATE TRIGGER trg BEFORE DELETE ON t REFERENCING OLD AS o FOR EACH ROW\nDECLARE\n  n NUMBER;\n"
                + "BEGIN\n  INSERT INTO log VALUES (:o.id);\nEND;\n/";
        assertEquals(List.of("5:3 [R trigger trg body] INSERT INTO log VALUES (:o.id)"),
                render(Dialect.ORACLE, sql).subList(1, 2));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"MYSQL", "MARIADB", "AUTO"})
    void mysqlRoutineWithoutDelimiterEndsAtItsEnd(Dialect dialect) {
        String sql = "CREATE DEFINER=`root`@`%` PROCEDURE p(IN n INT)\nBEGIN\n  DECLARE i INT DEFAULT 0;\n"
                + "  DECLARE CONTINUE HANDLER FOR NOT FOUND SET i = 1;\n  WHILE i < n DO\n    DELETE FROM a;\n"
                + "  END WHILE;\n  lbl: LOOP LEAVE lbl; END LOOP lbl;\n  CASE n WHEN 1 THEN UPDATE b SET c = 1; END CASE;\n"
                + "END;\nDELETE FROM c WHERE id = 1;";
        List<String> lines = render(dialect, sql);
        assertEquals(List.of("4:42 [R procedure p body] SET i = 1", "6:5 [R procedure p body] DELETE FROM a",
                "8:13 [R procedure p body] LEAVE lbl", "9:22 [R procedure p body] UPDATE b SET c = 1",
                "11:1 DELETE FROM c WHERE id = 1"), lines.subList(1, 6));
        assertEquals(6, lines.size());
    }

    /**
     * A MySQL routine read in a dialect whose DECLARE opens a section (a MySQL script under a configured
     * PostgreSQL or Oracle dialect): a "section" in which a statement such as DROP TABLE follows a semicolon was a
     * local declaration, so the body's statements are still split, not skipped as declarations.
     */
    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "ORACLE", "H2"})
    void mysqlDeclareReadInAnotherDialectKeepsTheStatementsAfterIt(Dialect dialect) {
        String sql = "DELIMITER //\nCREATE PROCEDURE p(n INT)\nBEGIN\n  DECLARE d INT;\n  SET d = n;\n"
                + "  DROP TABLE IF EXISTS calendar;\n  WHILE d > 0 DO\n    DELETE FROM a;\n  END WHILE;\nEND//\n"
                + "DELIMITER ;";
        List<String> lines = render(dialect, sql);
        assertEquals(List.of("5:3 [R procedure p body] SET d = n",
                "6:3 [R procedure p body] DROP TABLE IF EXISTS calendar", "8:5 [R procedure p body] DELETE FROM a"),
                lines.subList(1, lines.size()));
        String branching = "CREATE PROCEDURE p(n INT)\nBEGIN\n  DECLARE d INT;\n  IF (n > 0) THEN\n"
                + "    DELETE FROM a;\n  END IF;\nEND";
        assertEquals(List.of("5:5 [R procedure p body] DELETE FROM a"),
                render(dialect, branching).subList(1, 2));
    }

    /**
     * MariaDB's BEGIN NOT ATOMIC .. END runs its statements where it stands, with DECLARE declaring locals as in a
     * routine; PostgreSQL's BEGIN NOT DEFERRABLE still opens a transaction.
     */
    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"MARIADB", "MYSQL", "AUTO"})
    void mariaDbNotAtomicBlockRunsItsStatements(Dialect dialect) {
        assertEquals(List.of("1:1 BEGIN NOT DEFERRABLE", "1:23 DELETE FROM a", "1:38 COMMIT"),
                render(Dialect.POSTGRESQL, "BEGIN NOT DEFERRABLE; DELETE FROM a; COMMIT;"));
        String sql = "DELIMITER //\nBEGIN NOT ATOMIC\n  DECLARE n INT DEFAULT 0;\n"
                + "  DECLARE CONTINUE HANDLER FOR SQLEXCEPTION SET n = -1;\n  IF n = 0 THEN\n    DELETE FROM a;\n"
                + "  END IF;\n  UPDATE b SET c = 1;\nEND //\nDELIMITER ;\nDELETE FROM x WHERE id = 1;";
        List<String> lines = render(dialect, sql);
        assertEquals(List.of("4:45 [E BEGIN NOT ATOMIC block] SET n = -1", "6:5 [E BEGIN NOT ATOMIC block] DELETE FROM a",
                "8:3 [E BEGIN NOT ATOMIC block] UPDATE b SET c = 1", "11:1 DELETE FROM x WHERE id = 1"),
                lines.subList(1, lines.size()));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"MYSQL", "AUTO"})
    void mysqlSingleStatementTriggerAndEvent(Dialect dialect) {
        String sql = "CREATE TRIGGER t AFTER DELETE ON a FOR EACH ROW DELETE FROM b WHERE b.a = OLD.id;\n"
                + "CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO DELETE FROM s WHERE ts < NOW();\nDELETE FROM x";
        assertEquals(List.of("1:1 [C] CREATE TRIGGER t AFTER DELETE ON a FOR EACH ROW DELETE FROM b WHERE b.a = OLD.id",
                "1:49 [R trigger t body] DELETE FROM b WHERE b.a = OLD.id",
                "2:1 [C] CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO DELETE FROM s WHERE ts < NOW()",
                "2:43 [E event e body, which runs on the event's schedule] DELETE FROM s WHERE ts < NOW()", "3:1 DELETE FROM x"), render(dialect, sql));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"SQLSERVER", "AUTO"})
    void tsqlBatchBlocksAndTryCatch(Dialect dialect) {
        String sql = "BEGIN TRY\n  BEGIN TRAN\n  DELETE FROM a\n  DELETE FROM b WHERE id = 1\n  COMMIT\nEND TRY\n"
                + "BEGIN CATCH\n  ROLLBACK\nEND CATCH\nGO\n";
        assertEquals(List.of("2:3 [E T-SQL block] BEGIN TRAN", "3:3 [E T-SQL block] DELETE FROM a",
                "4:3 [E T-SQL block] DELETE FROM b WHERE id = 1", "5:3 [E T-SQL block] COMMIT",
                "8:3 [E T-SQL block] ROLLBACK"), render(dialect, sql).subList(1, 6));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"SQLSERVER", "AUTO"})
    void tsqlIfElseBlocks(Dialect dialect) {
        String sql = "IF EXISTS (SELECT 1 FROM t WHERE x = 1)\nBEGIN\n  UPDATE t SET y = 2\nEND\nELSE\n"
                + "  DELETE FROM t\nDELETE FROM u WHERE id = 3\nIF OBJECT_ID('v') IS NOT NULL DROP TABLE v\nGO";
        assertEquals(List.of("3:3 [E T-SQL IF statement] UPDATE t SET y = 2",
                "6:3 [E T-SQL IF statement] DELETE FROM t", "7:1 DELETE FROM u WHERE id = 3",
                "8:1 [C] IF OBJECT_ID('v') IS NOT NULL DROP TABLE v",
                "8:31 [E T-SQL IF statement] DROP TABLE v"), render(dialect, sql).subList(1, 6));
    }

    @Test
    void tsqlProcedureRunsToTheEndOfTheBatch() {
        String sql = "CREATE PROCEDURE dbo.p @id int\nAS\nSET NOCOUNT ON;\nDELETE FROM a WHERE id = @id;\n"
                + "DELETE FROM b\nGO\nDELETE FROM c";
        assertEquals(List.of("3:1 [R procedure dbo.p body] SET NOCOUNT ON", "4:1 [R procedure dbo.p body] DELETE FROM a WHERE id = @id",
                "5:1 [R procedure dbo.p body] DELETE FROM b", "7:1 DELETE FROM c"), render(Dialect.SQLSERVER, sql).subList(1, 5));
        assertEquals(render(Dialect.SQLSERVER, sql), render(Dialect.AUTO, sql));
    }

    /** A T-SQL cursor is declared by a statement: read as a PL/SQL declaration section it hid what follows. */
    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"SQLSERVER", "AUTO"})
    void tsqlCursorDeclarationLeavesTheStatementsAfterItInTheBody(Dialect dialect) {
        String withoutSemicolons = "CREATE PROCEDURE dbo.p\nAS\nBEGIN\n  DECLARE cur CURSOR FOR SELECT name FROM sys.tables\n"
                + "  OPEN cur\n  DELETE FROM t\nEND\nGO";
        assertEquals(List.of("5:3 [R procedure dbo.p body] OPEN cur", "6:3 [R procedure dbo.p body] DELETE FROM t"),
                render(dialect, withoutSemicolons).stream().skip(1).toList());
        String withSemicolons = "CREATE PROCEDURE dbo.p AS\nBEGIN\nDECLARE cur CURSOR LOCAL FAST_FORWARD FOR SELECT 1;\n"
                + "DELETE FROM t;\nEND\nGO";
        assertEquals(List.of("4:1 [R procedure dbo.p body] DELETE FROM t"), render(dialect, withSemicolons).stream().skip(1).toList());
    }

    @Test
    void tsqlAlterProcedureTakesTheWholeBatch() {
        String sql = "ALTER PROCEDURE p AS\nBEGIN\n  DELETE FROM a\nEND\nUPDATE b SET c = 1\nGO\nUPDATE d SET e = 1";
        // The UPDATE after END is the procedure's too, and runs at each call: it is not lowered as body code is.
        assertEquals(List.of("3:3 [R procedure p body] DELETE FROM a", "5:1 [E procedure p body, after its END: T-SQL"
                + " reads on to the next GO as its body, so this runs at each call; put GO after END to run it with the"
                + " migration] UPDATE b SET c = 1", "7:1 UPDATE d SET e = 1"), render(Dialect.SQLSERVER, sql).subList(1, 4));
    }

    @Test
    void alterOfARoutineWithoutABodyIsAPlainStatementInAuto() {
        String sql = "ALTER TRIGGER trg ON orders RENAME TO orders_trg;\nALTER FUNCTION f() OWNER TO app;\n"
                + "ALTER TRIGGER audit DISABLE;\nDELETE FROM x;";
        assertEquals(List.of("1:1 ALTER TRIGGER trg ON orders RENAME TO orders_trg", "2:1 ALTER FUNCTION f() OWNER TO app",
                "3:1 ALTER TRIGGER audit DISABLE", "4:1 DELETE FROM x"), render(Dialect.AUTO, sql));
        assertEquals(List.of("3:3 [R procedure p body] DELETE FROM a"),
                render(Dialect.AUTO, "ALTER PROCEDURE p AS\nBEGIN\n  DELETE FROM a\nEND").subList(1, 2));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"MYSQL", "MARIADB", "AUTO"})
    void mysqlDoubleSlashAndDoubleSemicolonDelimiters(Dialect dialect) {
        String sql = "DELIMITER //\nCREATE TRIGGER t BEFORE UPDATE ON a FOR EACH ROW\nBEGIN\n  IF NEW.x < 0 THEN\n"
                + "    SET NEW.x = 0;\n  END IF;\nEND //\nDELIMITER ;;\nDELETE FROM b;;\nDELIMITER ;\nDELETE FROM c;";
        assertEquals(List.of("2:1 [C] CREATE TRIGGER t BEFORE UPDATE ON a FOR EACH ROW BEGIN IF NEW.x < 0 THEN SET NEW.x = 0; "
                + "END IF; END", "5:5 [R trigger t body] SET NEW.x = 0", "9:1 DELETE FROM b", "11:1 DELETE FROM c"),
                render(dialect, sql));
    }

    @Test
    void tsqlTriggerWithBeginEnd() {
        String sql = "CREATE TRIGGER trg ON t AFTER INSERT, DELETE AS\nBEGIN\n  IF UPDATE(x) RETURN\n"
                + "  DELETE FROM audit WHERE 1 = 0\nEND\nGO";
        assertEquals(List.of("3:16 [R trigger trg body] RETURN", "4:3 [R trigger trg body] DELETE FROM audit WHERE 1 = 0"),
                render(Dialect.SQLSERVER, sql).subList(1, 3));
    }

    @Test
    void db2ScriptWithSetTerminatorComments() {
        String sql = "--#SET TERMINATOR @\nCREATE OR REPLACE PROCEDURE app.cleanup()\nLANGUAGE SQL\nBEGIN\n"
                + "  DELETE FROM app.tmp_work;\nEND\n@\nDROP TABLE app.old_stuff\n@\n--#SET TERMINATOR ;\n"
                + "DELETE FROM app.queue;";
        assertEquals(List.of("5:3 [R procedure app.cleanup body] DELETE FROM app.tmp_work", "8:1 DROP TABLE app.old_stuff",
                "11:1 DELETE FROM app.queue"), render(Dialect.AUTO, sql).subList(1, 4));
    }

    /**
     * Db2's command line processor run with {@code -td@} takes {@code @} as the terminator without a directive in
     * the script; an {@code @} alone on its line or at its end ends the statement or routine before it, as a
     * {@code /} line does.
     */
    @Test
    void db2ScriptWithAnAtLineAsTerminator() {
        String sql = "CREATE PROCEDURE app.cleanup()\nLANGUAGE SQL\nBEGIN\n  DELETE FROM app.tmp_work;\nEND\n@\n"
                + "CALL app.cleanup()\n@\nDROP TABLE app.old_stuff\n@\n";
        assertEquals(List.of("4:3 [R procedure app.cleanup body] DELETE FROM app.tmp_work", "7:1 CALL app.cleanup()",
                "9:1 DROP TABLE app.old_stuff"), render(Dialect.AUTO, sql).subList(1, 4));
        String atLineEnds = "CREATE PROCEDURE app.cleanup()\nLANGUAGE SQL\nBEGIN\n  DELETE FROM app.tmp_work;\nEND@\n"
                + "CALL app.cleanup()@\nDROP TABLE app.old_stuff @\n";
        assertEquals(List.of("4:3 [R procedure app.cleanup body] DELETE FROM app.tmp_work", "6:1 CALL app.cleanup()",
                "7:1 DROP TABLE app.old_stuff"), render(Dialect.AUTO, atLineEnds).subList(1, 4));
    }

    @Test
    void firebirdScriptWithSetTerm() {
        String sql = "SET TERM ^ ;\nCREATE OR ALTER PROCEDURE clean_log\nAS\nBEGIN\n  DELETE FROM log_entries;\nEND^\n"
                + "SET TERM ; ^\nDROP TABLE tmp_import;";
        assertEquals(List.of("5:3 [R procedure clean_log body] DELETE FROM log_entries", "8:1 DROP TABLE tmp_import"),
                render(Dialect.AUTO, sql).subList(1, 3));
    }
}
