package io.github.sqlguard.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Oracle and SQL*Plus forms that decide where statements are, read right also when nobody configured the dialect. */
class OracleFormsInAutoTest {

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"AUTO", "ORACLE"})
    void remarkAndPromptLinesDoNotHideTheStatementAfterThem(Dialect dialect) {
        String sql = "rem drop the old table\nDROP TABLE old_stuff;\n"
                + "REMARK keep it\nPROMPT dropping the audit table\nDROP TABLE audit;\n"
                + "rem ====\n@@co_create.sql\n";
        assertEquals(List.of("2:1 DROP", "5:1 DROP", "7:1 @@CO_CREATE"), starts(dialect, sql));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"AUTO", "ORACLE"})
    void abbreviatedPromptAndRemarkLinesAreNotStatements(Dialect dialect) {
        String sql = "PRO drop table customers cascade constraints\nDROP TABLE old_stuff;\n"
                + "PROM Deleting rows -\nREMA delete from audit;\nDELETE FROM audit WHERE id = 1;\n"
                + "SELECT id,\npro\nFROM t;\n";
        assertEquals(List.of("2:1 DROP", "5:1 DELETE", "6:1 SELECT"), starts(dialect, sql));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"AUTO", "ORACLE"})
    void sqlPlusCommandLinesDoNotHideTheIncludeOrStatementAfterThem(Dialect dialect) {
        String sql = "SET FEEDBACK OFF\nDEFINE vrs = &1\nWHENEVER SQLERROR EXIT FAILURE\nSPOOL install.log\n"
                + "DEFINE script = setup_&vrs\n@&script\nCONNECT app/&pwd@&db\nDROP TABLE old_stuff;\n";
        assertEquals(List.of("6:1 @", "8:1 DROP"), starts(dialect, sql));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SET autocommit\\n= 0;\\nDELETE FROM t WHERE id = 1; | 1:1 SET, 3:1 DELETE",
        "SET TIME ZONE\\n'UTC';\\nDELETE FROM t WHERE id = 1; | 1:1 SET, 3:1 DELETE",
        "SET search_path\\nTO app;\\nDELETE FROM t WHERE id = 1; | 1:1 SET, 3:1 DELETE",
        "SET escape_string_warning\\nTO off;\\nSELECT 1; | 1:1 SET, 3:1 SELECT",
        "PRINT 'a' +\\n'b';\\nSELECT 1; | 1:1 PRINT, 3:1 SELECT",
        "SHOW TABLES\\nLIKE 'x%';\\nSELECT 1; | 1:1 SHOW, 3:1 SELECT",
    })
    void inAutoStatementsOfOtherDialectsThatLookLikeSqlPlusStaySql(String sql, String expected) {
        assertEquals(List.of(expected.split(", ")), starts(Dialect.AUTO, sql.replace("\\n", "\n")));
    }

    /** SQL*Plus takes a command abbreviated down to its documented shortest form: DEF[INE], COL[UMN], VAR[IABLE]. */
    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"AUTO", "ORACLE"})
    void abbreviatedSqlPlusCommandsDoNotHideTheStatementAfterThem(Dialect dialect) {
        String sql = "def file_name = '&&1'\ncolu script_name new_value script_name noprint\n"
                + "vari v_file VARCHAR2(100)\nundef old\nDELETE FROM t;\nspo off\nDROP TABLE a;\n";
        assertEquals(List.of("5:1 DELETE", "7:1 DROP"), starts(dialect, sql));
    }

    /** SQL*Plus's $ (Windows) and ! (Unix) run an operating system command, as HOST does, up to their line's end. */
    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"AUTO", "ORACLE"})
    void hostShorthandLinesDoNotHideTheStatementAfterThem(Dialect dialect) {
        String sql = "--try running on windows\n$ del params.tmp\n--try running on unix\n! rm params.tmp\n"
                + "DELETE FROM t;\n!ls\nDROP TABLE a;\n";
        assertEquals(List.of("5:1 DELETE", "7:1 DROP"), starts(dialect, sql));
    }

    /** Inside a PL/SQL block a variable or a call named like a command, and $IF, stay PL/SQL. */
    @Test
    void plsqlNamedLikeSqlPlusCommandsStaysInItsBlock() {
        String sql = "BEGIN\n  NULL;\n  def := 0;\n  acc.put(1);\n  $IF dbms_db_version.version < 21 $THEN\n"
                + "  DELETE FROM t;\n  $END\nEND;\n/\n";
        List<Statement> statements = new StatementSplitter(Dialect.ORACLE, Placeholders.DEFAULT).split("t.sql", sql)
                .statements();
        assertEquals("1:1 BEGIN", starts(Dialect.ORACLE, sql).get(0));
        String block = statements.get(0).sql();
        assertTrue(block.contains("def := 0") && block.contains("acc.put(1)") && block.contains("$IF"), block);
    }

    /** SQL*Plus's hyphen at a line's end continues the command: read as a statement, the rest hid what follows. */
    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n"})
    void aContinuedSqlPlusCommandEndsWhereItsLastLineEnds(String lineBreak) {
        String sql = ("EXECUTE dbms_stats.gather_schema_stats( -\n   'APP' , -\n   cascade => TRUE)\n"
                + "HOST sqlldr app/&pwd -\n  control=&ctl data=&dat\nDROP TABLE a;\n"
                + "rem ---- -\nDROP TABLE b;\n").replace("\n", lineBreak);
        assertEquals(List.of("1:1 EXECUTE", "6:1 DROP", "8:1 DROP"), starts(Dialect.ORACLE, sql));
        Statement call = new StatementSplitter(Dialect.ORACLE, Placeholders.DEFAULT).split("t.sql", sql).statements()
                .get(0);
        assertTrue(call.tokens().stream().noneMatch(token -> token.isSymbol("-")));
        assertEquals(")", call.tokens().get(call.tokens().size() - 1).text());
    }

    @Test
    void sqlclLoadLinesDoNotHideTheStatementAfterThemInOracle() {
        String sql = "SET LOAD BATCH_ROWS 1000\nLOAD costs costs.csv\nLOAD sales sales.csv\nALTER TABLE sales\n"
                + "  DROP COLUMN note;\n";
        assertEquals(List.of("4:1 ALTER"), starts(Dialect.ORACLE, sql));
        // In auto only SET LOAD: Db2's and MySQL's own LOAD statements may run on over several lines.
        assertEquals(List.of("2:1 LOAD", "4:1 LOAD"),
                starts(Dialect.AUTO, "SET LOAD BATCH_ROWS 1000\nLOAD costs costs.csv;\n"
                        + "SET LOAD DATE_FORMAT YYYY-MM-DD\nLOAD DATA INFILE 'a.csv'\nINTO TABLE t;\n"));
    }

    @Test
    void inAutoARemarkWordInsideAStatementStaysSql() {
        assertEquals(List.of("1:1 SELECT", "3:1 DELETE"),
                starts(Dialect.AUTO, "SELECT a,\nrem FROM t;\nDELETE FROM t;\n"));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"AUTO", "ORACLE"})
    void inquiryDirectivesDoNotOpenADollarQuotedString(Dialect dialect) {
        String sql = "begin\n"
                + "  $if $$no_op_install $then\n    null;\n  $else\n"
                + "    delete from logger_prefs;\n"
                + "  $end -- $$no_op_install\n"
                + "  dbms_output.put_line($$plsql_unit);\n"
                + "end;\n/\n"
                + "DROP TABLE t;\n";
        LexedText lexed = new Lexer(dialect).tokenize(sql);
        assertEquals(Optional.empty(), lexed.error());
        assertTrue(lexed.tokens().stream().anyMatch(t -> t.isWord("DELETE") && t.line() == 5));
        // The block ends at its own END, not at $END; each branch holds statements of its own.
        assertEquals(List.of("1:1 BEGIN", "3:5 NULL", "5:5 DELETE", "7:3 DBMS_OUTPUT", "10:1 DROP"),
                starts(dialect, sql));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "$if $$debug and $$trace $then",
        "$IF $$Debug $THEN",
        "$elsif $$level > 2 and not $$quiet $then",
    })
    void everyFlagOfAConditionIsADirective(String condition) {
        String sql = "begin\n" + condition + "\n null;\n$end\nupdate t set a = 1;\nend;\n/\n";
        LexedText lexed = new Lexer(Dialect.AUTO).tokenize(sql);
        assertEquals(Optional.empty(), lexed.error());
        assertTrue(lexed.tokens().stream().anyMatch(t -> t.isWord("UPDATE")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DO $$BEGIN DELETE FROM t; END$$;",
        "CREATE FUNCTION f() RETURNS int AS $$SELECT 1$$ LANGUAGE sql;",
        "SELECT $$debug text$$;",
    })
    void postgresqlDollarQuotesStayStringsInAuto(String sql) {
        LexedText lexed = new Lexer(Dialect.AUTO).tokenize(sql);
        assertEquals(Optional.empty(), lexed.error());
        assertTrue(lexed.tokens().stream().anyMatch(t -> t.type() == TokenType.STRING && t.text().startsWith("$$")));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"AUTO", "ORACLE"})
    void aStatementAfterEndOfADirectiveStartsWithItsOwnVerb(Dialect dialect) {
        String sql = "begin\n  $if $$debug $then\n    log(l_sql);\n  $end\n  execute immediate l_sql;\n"
                + "  $error 'unsupported ' || $$plsql_unit $end\nend;\n/\n";
        assertEquals(List.of("1:1 BEGIN", "3:5 LOG", "5:3 EXECUTE"), starts(dialect, sql));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"AUTO", "ORACLE"})
    void includeLinesEndAtTheirLine(Dialect dialect) {
        String sql = "@@setup.sql\ndrop table a1;\n@@a.sql 'x'\n@@b.sql 'y'\n@c\nalter table t drop column c;\n";
        assertEquals(List.of("1:1 @@SETUP", "2:1 DROP", "3:1 @@A", "4:1 @@B", "5:1 @C", "6:1 ALTER"),
                starts(dialect, sql));
    }

    private static List<String> starts(Dialect dialect, String sql) {
        return new StatementSplitter(dialect, Placeholders.DEFAULT).split("t.sql", sql).statements().stream()
                .map(s -> s.start().line() + ":" + s.start().column() + " " + s.firstToken().upper()).toList();
    }
}
