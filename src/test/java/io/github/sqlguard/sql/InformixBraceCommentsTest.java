package io.github.sqlguard.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Informix comments in braces ({@code { use the StdJDBCDelegate }}), read in auto where Informix scripts are read.
 * Read as SQL, a header of such lines swallowed the DROP TABLE after it, and an apostrophe in one hid the rest of the
 * file.
 */
class InformixBraceCommentsTest {

    @Test
    void aBraceCommentBeforeAStatementLeavesTheStatementItsOwn() {
        String sql = "{ }\n{ Keith's script: run it once }\n{ drop table qx; }\n\nDROP TABLE qx;\n"
                + "CREATE TABLE qx (a int);\n{\n  the trigger\n  tables }\nDELETE FROM qx;\n";
        assertEquals(List.of("5:1 DROP", "6:1 CREATE", "10:1 DELETE"), starts(Dialect.AUTO, sql));
    }

    @Test
    void theCommentIsOneTokenEndingAtTheFirstClosingBrace() {
        LexedText lexed = new Lexer(Dialect.AUTO).tokenize("{ don't { nest }\nDROP TABLE t;");
        assertEquals(Optional.empty(), lexed.error());
        assertEquals(List.of("1:1 COMMENT { don't { nest }", "2:1 WORD DROP"), lexed.tokens().stream().limit(2)
                .map(t -> t.line() + ":" + t.column() + " " + t.type() + " " + t.text()).toList());
    }

    /**
     * JDBC escapes, placeholders and braces inside a statement keep their meaning; other dialects have no such
     * comment.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "AUTO | {call purge_jobs(?)};\\nDROP TABLE t; | 1:1 {, 2:1 DROP",
        "AUTO | { ?= call purge_jobs() };\\nDROP TABLE t; | 1:1 {, 2:1 DROP",
        "AUTO | {databaseOwner}Users_old;\\nDROP TABLE t; | 1:1 {databaseOwner}, 2:1 DROP",
        "AUTO | { no closing brace\\nDROP TABLE t; | 1:1 {, 2:1 DROP",
        "POSTGRESQL | { a note }\\nDROP TABLE t; | 1:1 {",
        "MYSQL | { a note }\\nDROP TABLE t; | 1:1 {",
    })
    void bracesThatAreNoInformixCommentStayCode(Dialect dialect, String sql, String expected) {
        assertEquals(List.of(expected.split(", ")), starts(dialect, sql.replace("\\n", "\n")));
    }

    private static List<String> starts(Dialect dialect, String sql) {
        return new StatementSplitter(dialect, Placeholders.DEFAULT).split("t.sql", sql).statements().stream()
                .map(s -> s.start().line() + ":" + s.start().column() + " " + s.firstToken().upper()).toList();
    }
}
