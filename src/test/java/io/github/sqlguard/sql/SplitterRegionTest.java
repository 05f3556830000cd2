package io.github.sqlguard.sql;

import static io.github.sqlguard.sql.SplitResults.render;
import static io.github.sqlguard.sql.SplitResults.split;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Regions, contexts, comments and errors around blocks. */
class SplitterRegionTest {

    @Test
    void regionSplitKeepsFilePositionsAndDerivesBlockContexts() {
        String text = "<sql>\n  DELETE FROM a;\n  DO $$ BEGIN DELETE FROM b; END $$;\n</sql>";
        int from = text.indexOf("DELETE");
        int to = text.indexOf("</sql>");
        StatementContext rollback = new StatementContext(StatementContext.Kind.ROLLBACK, "changeset bob:1 rollback");
        Script script = new StatementSplitter(Dialect.POSTGRESQL, Placeholders.DEFAULT)
                .split("changelog.xml", text, from, to, 2, 3, rollback);
        assertEquals(List.of("2:3 [B] DELETE FROM a", "3:3 [B] [C] DO $$ BEGIN DELETE FROM b; END $$",
                "3:15 [B] DELETE FROM b"), render(script));
        // The DO block's statement also knows its body; otherwise the rollback's context is kept as it is.
        assertTrue(script.statements().stream().allMatch(s -> s.context().withBody(null).equals(rollback)));
        assertEquals(new StatementContext.Body("3:3", true), script.statements().get(2).context().body());
    }

    @Test
    void labelledScriptContextIsKeptInInnerLabels() {
        StatementContext changeset = new StatementContext(StatementContext.Kind.SCRIPT, "changeset al:2");
        String text = "DO $$ BEGIN DELETE FROM b; END $$";
        Script script = new StatementSplitter(Dialect.POSTGRESQL, Placeholders.DEFAULT)
                .split("c.sql", text, 0, text.length(), 1, 1, changeset);
        assertEquals(new StatementContext(StatementContext.Kind.EXECUTED_BLOCK, "changeset al:2, DO block")
                .withBody(new StatementContext.Body("1:1", true)), script.statements().get(1).context());
    }

    @Test
    void commentsInsideBodiesAreCollectedInFileOrder() {
        Script script = split(Dialect.POSTGRESQL, "-- a\nDO $$ /* b */ BEGIN -- c\n NULL; END $$; -- d\n");
        assertEquals(List.of("-- a", "/* b */", "-- c", "-- d"), script.comments().stream().map(Token::text).toList());
        assertEquals(2, script.comments().get(2).line());
        assertEquals(21, script.comments().get(2).column());
    }

    @Test
    void unterminatedStringInsideADoBodyIsReportedAtItsStart() {
        Script script = split(Dialect.POSTGRESQL, "DO $$\nBEGIN\n  RAISE NOTICE 'x;\nEND $$;\nSELECT 1;");
        assertEquals(new LexError("string literal", 3, 16), script.lexError().orElseThrow());
        assertEquals("5:1 SELECT 1", render(script).get(render(script).size() - 1));
    }

    @Test
    void placeholdersInsideBodiesAreReplaced() {
        Script script = split(Dialect.POSTGRESQL, "DO $$ BEGIN DELETE FROM ${schema}.t; END $$;");
        assertEquals("DELETE FROM ph_schema.t", script.statements().get(1).sql());
    }

    @Test
    void tsqlNestedBlocksAndWhileLoop() {
        String sql = "WHILE @i < 10\nBEGIN\n  IF @i = 5\n  BEGIN\n    DELETE FROM a WHERE id = @i\n    BREAK\n  END\n"
                + "  ELSE IF @i = 6 UPDATE b SET c = 1\n  SET @i = @i + 1\nEND";
        assertEquals(List.of("1:1 [C] WHILE @i < 10 BEGIN IF @i = 5 BEGIN DELETE FROM a WHERE id = @i BREAK END ELSE IF "
                + "@i = 6 UPDATE b SET c = 1 SET @i = @i + 1 END",
                "5:5 [E T-SQL WHILE loop] DELETE FROM a WHERE id = @i", "6:5 [E T-SQL WHILE loop] BREAK",
                "8:18 [E T-SQL WHILE loop] UPDATE b SET c = 1",
                "9:3 [E T-SQL WHILE loop] SET @i = @i + 1"),
                render(Dialect.SQLSERVER, sql));
    }

    @Test
    void tsqlTopLevelBeginEndWithSemicolons() {
        assertEquals(List.of("1:1 [C] BEGIN DELETE FROM a; UPDATE b SET c = 1; END", "1:7 [E T-SQL block] DELETE FROM a",
                "1:22 [E T-SQL block] UPDATE b SET c = 1", "1:47 SELECT 1"),
                render(Dialect.SQLSERVER, "BEGIN DELETE FROM a; UPDATE b SET c = 1; END; SELECT 1"));
    }

    @Test
    void containersAreMarkedAndInnerStatementsAreNot() {
        Script script = split(Dialect.ORACLE, "BEGIN\n  DELETE FROM a;\nEND;\n/\n");
        assertTrue(script.statements().get(0).container());
        assertFalse(script.statements().get(1).container());
        assertEquals(List.of("DELETE", "FROM", "a"),
                script.statements().get(1).tokens().stream().map(Token::text).toList());
    }

    @Test
    void sqliteTriggerBodyIsARoutineBody() {
        assertEquals(List.of("1:1 [C] CREATE TRIGGER t AFTER DELETE ON a BEGIN DELETE FROM b WHERE b.a = old.id; END",
                "1:42 [R trigger t body] DELETE FROM b WHERE b.a = old.id", "1:81 DELETE FROM c"),
                render(Dialect.SQLITE,
                        "CREATE TRIGGER t AFTER DELETE ON a BEGIN DELETE FROM b WHERE b.a = old.id; END; DELETE FROM c;"));
    }

    @Test
    void postgresCursorDeclarationIsAStatement() {
        assertEquals(List.of("1:1 DECLARE c CURSOR FOR SELECT 1", "1:32 DELETE FROM t"),
                render(Dialect.AUTO, "DECLARE c CURSOR FOR SELECT 1; DELETE FROM t;"));
    }

    @Test
    void tsqlElseAfterATerminatedIfIsABlockToo() {
        assertEquals(List.of("1:1 [C] IF @x = 1 DELETE FROM a WHERE id = 1",
                "1:11 [E T-SQL IF statement] DELETE FROM a WHERE id = 1", "2:1 [C] ELSE DELETE FROM b",
                "2:6 [E T-SQL ELSE branch] DELETE FROM b"),
                render(Dialect.SQLSERVER, "IF @x = 1 DELETE FROM a WHERE id = 1;\nELSE DELETE FROM b;"));
    }

    @Test
    void plsqlBlockWithoutSlashEndsAtItsEndInAuto() {
        assertEquals(List.of("1:1 [C] BEGIN DELETE FROM a WHERE x = 1; END", "1:7 [E BEGIN .. END block] DELETE FROM a WHERE x = 1",
                "2:1 DELETE FROM b"), render(Dialect.AUTO, "BEGIN DELETE FROM a WHERE x = 1; END;\nDELETE FROM b;"));
    }

    @Test
    void sqlPlusPromptAndRemarkLinesAreComments() {
        Script script = split(Dialect.ORACLE, "PROMPT Delete old rows\nREM UPDATE all\nDELETE FROM a WHERE x = 1;");
        assertEquals(List.of("3:1 DELETE FROM a WHERE x = 1"), render(script));
        assertEquals(2, script.comments().size());
    }

    @Test
    void sqlPlusPrefixLinesAreNotPartOfTheStatementTheyInterrupt() {
        Script script = split(Dialect.ORACLE, "# ######\n# copied from the mysql script\nDROP TABLE a;\n"
                + "DELETE FROM b\n#prompt still typing\nWHERE x = 1;\nSELECT c#1 FROM d;");
        assertEquals(List.of("3:1 DROP TABLE a", "4:1 DELETE FROM b #prompt still typing WHERE x = 1",
                "7:1 SELECT c#1 FROM d"), render(script));
        assertEquals(3, script.comments().size());
    }

    @Test
    void sqlPlusSettingsWithoutSemicolonEndAtTheirLineAndDoNotSwallowTheNextStatement() {
        Script script = split(Dialect.ORACLE, "SET DEFINE OFF\nWHENEVER SQLERROR EXIT SQL.SQLCODE\n"
                + "SPOOL drop.log\nDROP TABLE a;\nUPDATE a\nSET x = 1\nWHERE id = 2;\nSET TRANSACTION READ ONLY;");
        assertEquals(List.of("4:1 DROP TABLE a", "5:1 UPDATE a SET x = 1 WHERE id = 2", "8:1 SET TRANSACTION READ ONLY"),
                render(script));
    }

    @Test
    void sqlPlusSessionAndReportCommandsEndAtTheirLineButExitWhenInABlockDoesNot() {
        Script script = split(Dialect.ORACLE, "CONNECT app/secret@orcl\nDROP TABLE a;\nCOLUMN name FORMAT a20\n"
                + "DELETE FROM b;\nDESC c\nVARIABLE n NUMBER\nTRUNCATE TABLE d;\nBEGIN LOOP DELETE FROM e WHERE ROWNUM < 9;\n"
                + "EXIT WHEN SQL%ROWCOUNT = 0;\nEND LOOP; END;\n/\nEXIT\n");
        assertEquals(List.of("2:1 DROP TABLE a", "4:1 DELETE FROM b", "7:1 TRUNCATE TABLE d",
                "8:1 [C] BEGIN LOOP DELETE FROM e WHERE ROWNUM < 9; EXIT WHEN SQL%ROWCOUNT = 0; END LOOP; END",
                "8:12 [E PL/SQL block] DELETE FROM e WHERE ROWNUM < 9", "9:1 [E PL/SQL block] EXIT WHEN SQL%ROWCOUNT = 0"),
                render(script));
    }

    @Test
    void sqlPlusExecEndsAtItsLineButExecuteImmediateDoesNot() {
        assertEquals(List.of("1:1 EXEC wipe_all", "2:1 DROP TABLE a", "3:1 EXECUTE purge(1)"),
                render(split(Dialect.ORACLE, "EXEC wipe_all\nDROP TABLE a;\nEXECUTE purge(1);\n")));
        assertEquals(List.of("1:1 [C] BEGIN x := 1; EXECUTE IMMEDIATE 'DROP TABLE b'; END", "1:7 [E PL/SQL block] x := 1",
                "2:1 [E PL/SQL block] EXECUTE IMMEDIATE 'DROP TABLE b'", "3:3 [E PL/SQL block] DROP TABLE b"),
                render(split(Dialect.ORACLE, "BEGIN x := 1;\nEXECUTE IMMEDIATE\n 'DROP TABLE b';\nEND;\n/\n")));
    }

    @Test
    void aDeclarationSectionWithoutBeginIsReadAsStatements() {
        // The DELETE shows that DECLARE declared a local, as MySQL's does: it is skipped like one.
        assertEquals(List.of("1:1 [C] DECLARE x int; DELETE FROM a", "1:16 [E PL/SQL block] DELETE FROM a"),
                render(Dialect.ORACLE, "DECLARE x int; DELETE FROM a"));
        assertEquals(List.of("1:1 [C] DECLARE x int; y int", "1:9 [E PL/SQL block] x int",
                "1:16 [E PL/SQL block] y int"), render(Dialect.ORACLE, "DECLARE x int; y int"));
    }

    @Test
    void anUnbalancedBlockEndsAtItsFirstSemicolonSoLaterStatementsStayTopLevel() {
        assertEquals(List.of("1:1 [C] DECLARE x int", "1:9 [E PL/SQL block] x int", "1:16 DELETE FROM a",
                "1:31 SELECT 1"), render(Dialect.AUTO, "DECLARE x int; DELETE FROM a; SELECT 1"));
        assertEquals(List.of("1:1 [C] CREATE PROCEDURE p() BEGIN DELETE FROM a", "1:28 [R procedure p body] DELETE FROM a",
                "1:43 DELETE FROM b"), render(Dialect.MYSQL, "CREATE PROCEDURE p() BEGIN DELETE FROM a; DELETE FROM b;"));
    }

    @Test
    void tsqlProcedureStartingWithDeclareInAuto() {
        assertEquals(List.of("2:1 [R procedure p body] DECLARE @x int", "3:1 [R procedure p body] DELETE FROM a"),
                render(Dialect.AUTO, "CREATE PROCEDURE p AS\nDECLARE @x int\nDELETE FROM a\nGO").subList(1, 3));
    }

    @Test
    void columnsNamedBeginAndEndDoNotOpenBlocks() {
        assertEquals(List.of("1:1 CREATE TABLE p (begin date, \"end\" date)", "1:42 DELETE FROM p"),
                render(Dialect.AUTO, "CREATE TABLE p (begin date, \"end\" date); DELETE FROM p;"));
    }
}
