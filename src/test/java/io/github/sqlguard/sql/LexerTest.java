package io.github.sqlguard.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LexerTest {

    private static List<String> lex(Dialect dialect, String text) {
        LexedText lexed = new Lexer(dialect).tokenize(text);
        assertEquals(Optional.empty(), lexed.error(), "unexpected lex error");
        return lexed.tokens().stream().map(t -> t.line() + ":" + t.column() + " " + t.type() + " " + t.text()).toList();
    }

    private static LexError error(Dialect dialect, String text) {
        return new Lexer(dialect).tokenize(text).error().orElseThrow();
    }

    /** Each row: dialect, text, the single token it must lex to (type and text). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            AUTO       | 'it''s'                 | STRING 'it''s'
            POSTGRESQL | E'it\\'s'               | STRING E'it\\'s'
            MYSQL      | 'it\\'s'                | STRING 'it\\'s'
            MYSQL      | `my col`                | QUOTED_NAME `my col`
            SQLSERVER  | [my]]col]               | QUOTED_NAME [my]]col]
            SQLSERVER  | N'unicode'              | STRING N'unicode'
            POSTGRESQL | $$it's; DELETE$$        | STRING $$it's; DELETE$$
            POSTGRESQL | $fn$ $$ inner $$ $fn$   | STRING $fn$ $$ inner $$ $fn$
            ORACLE     | q'[it's]'               | STRING q'[it's]'
            ORACLE     | Q'{a}b}'                | STRING Q'{a}b}'
            AUTO       | q'!x'y!'                | STRING q'!x'y!'
            POSTGRESQL | /* a /* b */ c */       | COMMENT /* a /* b */ c */
            MYSQL      | # hash comment          | COMMENT # hash comment
            AUTO       | # line start comment    | COMMENT # line start comment
            AUTO       | ${schema}               | PLACEHOLDER ${schema}
            POSTGRESQL | {{ index .Options "Namespace" }} | PLACEHOLDER {{ index .Options "Namespace" }}
            MYSQL      | {{ .Schema }}           | PLACEHOLDER {{ .Schema }}
            AUTO       | {{ "}}" }}              | PLACEHOLDER {{ "}}" }}
            AUTO       | {{ }}                   | SYMBOL { ## 1:2 SYMBOL { ## 1:4 SYMBOL } ## 1:5 SYMBOL }
            POSTGRESQL | "{{ .Ns }}"."users"     | PLACEHOLDER "{{ .Ns }}" ## 1:12 SYMBOL . ## 1:13 QUOTED_NAME "users"
            POSTGRESQL | "{{ .Ns }}x"            | QUOTED_NAME "{{ .Ns }}x"
            POSTGRESQL | {{ if .Purge }}         | COMMENT {{ if .Purge }}
            MYSQL      | {{- else if .X -}}      | COMMENT {{- else if .X -}}
            AUTO       | {{end}}                 | COMMENT {{end}}
            POSTGRESQL | {{ range $t := .Tables }} | COMMENT {{ range $t := .Tables }}
            POSTGRESQL | {{/* drop rows */}}     | COMMENT {{/* drop rows */}}
            POSTGRESQL | {{- /* drop rows */ -}} | COMMENT {{- /* drop rows */ -}}
            POSTGRESQL | {{ endpoint }}          | PLACEHOLDER {{ endpoint }}
            POSTGRESQL | {% if purge %}          | COMMENT {% if purge %}
            MYSQL      | {%- endfor -%}          | COMMENT {%- endfor -%}
            POSTGRESQL | {# keep '%}' rows #}    | COMMENT {# keep '%}' rows #}
            POSTGRESQL | {% set q = '%}' %}      | COMMENT {% set q = '%}' %}
            POSTGRESQL | {% include 'purge.sql' %} | PLACEHOLDER {% include 'purge.sql' %}
            POSTGRESQL | {{ x; }}                | SYMBOL { ## 1:2 SYMBOL { ## 1:4 WORD x ## 1:5 TERMINATOR ; ## 1:7 SYMBOL } ## 1:8 SYMBOL }
            POSTGRESQL | {{ template "purge" . }} | PLACEHOLDER {{ template "purge" . }}
            SQLSERVER  | @@ROWCOUNT              | WORD @@ROWCOUNT
            AUTO       | @@ROWCOUNT              | WORD @@ROWCOUNT
            AUTO       | t@t_idx                 | WORD t ## 1:2 WORD @t_idx
            POSTGRESQL | t@{FORCE_INDEX=i}       | WORD t ## 1:2 SYMBOL @ ## 1:3 SYMBOL { ## 1:4 WORD FORCE_INDEX ## 1:15 SYMBOL = ## 1:16 WORD i ## 1:17 SYMBOL }
            SQLSERVER  | t@x                     | WORD t@x
            ORACLE     | t@remote                | WORD t@remote
            SQLSERVER  | #temp                   | WORD #temp
            AUTO       | [test doesn't run]      | QUOTED_NAME [test doesn't run]
            AUTO       | [#work.rows]            | QUOTED_NAME [#work.rows]
            AUTO       | [$(DatabaseName)]       | QUOTED_NAME [$(DatabaseName)]
            AUTO       | [$(Db)_log]             | QUOTED_NAME [$(Db)_log]
            POSTGRESQL | a[$1]                   | WORD a ## 1:2 SYMBOL [ ## 1:3 WORD $1 ## 1:5 SYMBOL ]
            AUTO       | [test'1]                | QUOTED_NAME [test'1]
            AUTO       | s.[test a, b ( .')]]x]  | WORD s ## 1:2 SYMBOL . ## 1:3 QUOTED_NAME [test a, b ( .')]]x]
            AUTO       | SCHEMA [a ' b]          | WORD SCHEMA ## 1:8 QUOTED_NAME [a ' b]
            AUTO       | FROM [odd, name: x!]    | WORD FROM ## 1:6 QUOTED_NAME [odd, name: x!]
            AUTO       | TABLE [a [b]            | WORD TABLE ## 1:7 QUOTED_NAME [a [b]
            AUTO       | x [1]                   | WORD x ## 1:3 SYMBOL [ ## 1:4 NUMBER 1 ## 1:5 SYMBOL ]
            AUTO       | ARRAY[a, b]             | WORD ARRAY ## 1:6 SYMBOL [ ## 1:7 WORD a ## 1:8 SYMBOL , ## 1:10 WORD b ## 1:11 SYMBOL ]
            AUTO       | d['it''s']              | WORD d ## 1:2 SYMBOL [ ## 1:3 STRING 'it''s' ## 1:10 SYMBOL ]
            POSTGRESQL | 1.5e-3                  | NUMBER 1.5e-3
            POSTGRESQL | U&"d\\0061ta t\\0061ble"   | QUOTED_NAME U&"d\\0061ta t\\0061ble"
            POSTGRESQL | u&'it''s \\\\'          | STRING u&'it''s \\\\'
            AUTO       | U&"!0441" UESCAPE '!'   | QUOTED_NAME U&"!0441" ## 1:11 WORD UESCAPE ## 1:19 STRING '!'
            """)
    void lexesOneToken(Dialect dialect, String text, String expected) {
        List<String> tokens = lex(dialect, text);
        assertEquals(List.of(("1:1 " + expected.replace(" ", " ").strip()).split(" ## ")), tokens);
    }

    /** The app fills in {databaseOwner} and {objectQualifier} before SQL Server sees the script; ODBC escapes stay. */
    @Test
    void braceNamesArePlaceholders() {
        assertEquals(List.of("1:1 PLACEHOLDER {databaseOwner}", "1:16 PLACEHOLDER {objectQualifier}",
                "1:33 WORD Users"), lex(Dialect.SQLSERVER, "{databaseOwner}{objectQualifier}Users"));
        assertEquals(List.of("1:1 PLACEHOLDER {databaseOwner}", "1:16 QUOTED_NAME [{objectQualifier}Tasks]"),
                lex(Dialect.AUTO, "{databaseOwner}[{objectQualifier}Tasks]"));
        assertEquals(List.of("1:1 PLACEHOLDER {h-schema}", "1:11 WORD orders"),
                lex(Dialect.POSTGRESQL, "{h-schema}orders"));
        assertEquals(List.of("1:1 SYMBOL {", "1:2 WORD fn", "1:5 WORD NOW", "1:8 SYMBOL (", "1:9 SYMBOL )",
                "1:10 SYMBOL }"), lex(Dialect.SQLSERVER, "{fn NOW()}"));
        assertEquals(List.of("1:1 SYMBOL {", "1:2 NUMBER 1", "1:3 SYMBOL }"), lex(Dialect.SQLSERVER, "{1}"));
    }

    @Test
    void doubleQuotesAreNamesExceptInMysql() {
        assertEquals(List.of("1:1 QUOTED_NAME \"Col \"\"x\"\"\""), lex(Dialect.POSTGRESQL, "\"Col \"\"x\"\"\""));
        assertEquals(List.of("1:1 STRING \"say \\\"hi\\\"\""), lex(Dialect.MARIADB, "\"say \\\"hi\\\"\""));
    }

    @Test
    void positionsFollowLfCrLfLoneCrAndIgnoreTheBom() {
        assertEquals(List.of("1:1 WORD a", "2:1 WORD b", "3:3 WORD c", "4:1 WORD d", "4:3 WORD e"),
                lex(Dialect.AUTO, "\uFEFFa\r\nb\r  c\nd e"));
    }

    /** Scripts joined with cat keep each part's BOM: a zero-width space between statements, not a name. */
    @Test
    void aBomInsideTheTextSeparatesTokensAsASpaceDoes() {
        assertEquals(List.of("1:1 WORD a", "1:2 TERMINATOR ;", "2:2 WORD DROP", "2:7 WORD TABLE", "2:13 WORD x"),
                lex(Dialect.MYSQL, "a;\n\uFEFFDROP TABLE\uFEFFx"));
    }

    @Test
    void multiLineTokensMoveTheLine() {
        assertEquals(List.of("1:1 STRING 'a\r\nb'", "2:4 WORD x", "3:1 COMMENT /*\n*/", "4:4 WORD y"),
                lex(Dialect.POSTGRESQL, "'a\r\nb' x\n/*\n*/ y"));
    }

    @Test
    void mysqlBlockCommentsDoNotNest() {
        assertEquals(List.of("1:1 COMMENT /* a /* b */", "1:14 WORD c"), lex(Dialect.MYSQL, "/* a /* b */ c"));
    }

    @Test
    void hashIsOnlyACommentAtLineStartInAuto() {
        assertEquals(List.of("1:1 WORD a", "1:3 WORD #b", "2:1 COMMENT # c"), lex(Dialect.AUTO, "a #b\n# c"));
        assertEquals(List.of("1:1 WORD a", "1:3 SYMBOL #", "1:4 WORD b"), lex(Dialect.POSTGRESQL, "a #b"));
    }

    @Test
    void hashAtLineStartAfterATableKeywordIsATempTableInAuto() {
        // T-SQL style puts the name on a line of its own; read as a comment, the ; went with it
        assertEquals(List.of("1:1 WORD TRUNCATE", "1:10 WORD TABLE", "2:5 WORD #work", "2:10 TERMINATOR ;"),
                lex(Dialect.AUTO, "TRUNCATE TABLE\n    #work;"));
        assertEquals(List.of("1:1 WORD UPDATE", "2:5 WORD ##shared", "3:1 WORD SET"),
                lex(Dialect.AUTO, "UPDATE\n    ##shared\nSET"));
        assertEquals(List.of("1:1 WORD FROM", "1:6 COMMENT /* x */", "2:1 WORD #t"),
                lex(Dialect.AUTO, "FROM /* x */\n#t"));
        assertEquals(List.of("1:1 WORD EXISTS", "2:1 WORD #a", "2:3 SYMBOL ,", "3:1 WORD #b", "3:3 TERMINATOR ;"),
                lex(Dialect.AUTO, "EXISTS\n#a,\n#b;"));
        assertEquals(List.of("1:1 WORD INSERT", "2:1 WORD #t", "2:4 WORD WITH"), lex(Dialect.AUTO, "INSERT\n#t WITH"));
        assertEquals(List.of("1:1 WORD x", "1:2 SYMBOL ,", "2:1 WORD #t", "2:3 SYMBOL .", "2:4 WORD c", "2:6 SYMBOL =",
                "2:8 NUMBER 0", "2:9 TERMINATOR ;"), lex(Dialect.AUTO, "x,\n#t.c = 0;"));
        // a join's ON, and an alias before it or before the line's end, follow a table's name too
        assertEquals(List.of("1:1 WORD JOIN", "2:5 WORD #ids", "2:10 WORD ON", "2:13 WORD a"),
                lex(Dialect.AUTO, "JOIN\n    #ids ON a"));
        assertEquals(List.of("1:1 WORD JOIN", "2:1 WORD #locked", "2:9 WORD L", "2:11 WORD ON", "2:14 WORD a"),
                lex(Dialect.AUTO, "JOIN\n#locked L ON a"));
        assertEquals(List.of("1:1 WORD USING", "2:1 WORD #source", "2:9 WORD S"), lex(Dialect.AUTO, "USING\n#source S"));
        // elsewhere, or before a blank, a line's # is still MySQL's comment
        assertEquals(List.of("1:1 WORD FROM", "2:1 COMMENT # t", "3:1 WORD t"), lex(Dialect.AUTO, "FROM\n# t\nt"));
        assertEquals(List.of("1:1 WORD a", "1:2 SYMBOL ,", "2:1 COMMENT #b,"), lex(Dialect.AUTO, "a,\n#b,"));
        assertEquals(List.of("1:1 WORD a", "1:2 SYMBOL ,", "2:1 COMMENT #b. c"), lex(Dialect.AUTO, "a,\n#b. c"));
        assertEquals(List.of("1:1 WORD TABLE", "2:1 COMMENT #t"), lex(Dialect.MYSQL, "TABLE\n#t"));
        // a line that goes on with prose is a comment, also after FROM
        assertEquals(List.of("1:1 WORD FROM", "2:1 COMMENT #cleanup of old rows", "3:1 WORD t"),
                lex(Dialect.AUTO, "FROM\n#cleanup of old rows\nt"));
    }

    @Test
    void hashBeforeABlankEndsTheLineInAuto() {
        assertEquals(List.of("1:1 WORD a", "1:3 COMMENT # where id = 1", "2:1 WORD b", "2:3 COMMENT #"),
                lex(Dialect.AUTO, "a # where id = 1\nb #"));
        assertEquals(List.of("1:1 WORD a", "1:3 SYMBOL #", "1:5 WORD b"), lex(Dialect.POSTGRESQL, "a # b"));
    }

    @Test
    void doubleSlashStartsALineCommentInH2AndAtLineStartInAuto() {
        // HSQLDB's scripts, read in auto, comment lines with //: the DROP on the next line is a statement of its own
        assertEquals(List.of("1:1 COMMENT // drop the table", "2:1 WORD DROP", "2:6 WORD TABLE", "2:12 WORD t",
                "2:13 TERMINATOR ;"), lex(Dialect.AUTO, "// drop the table\nDROP TABLE t;"));
        assertEquals(List.of("1:1 WORD a", "1:3 COMMENT // where id = 1"), lex(Dialect.AUTO, "a // where id = 1"));
        assertEquals(List.of("1:1 WORD a", "1:2 COMMENT //b"), lex(Dialect.H2, "a//b"));
        assertEquals(List.of("1:1 SYMBOL /", "1:2 SYMBOL /", "1:4 WORD a"), lex(Dialect.POSTGRESQL, "// a"));
        // a DELIMITER // in force still ends the statement at a line that starts with //
        assertEquals(List.of("1:1 DELIMITER_CHANGE //", "2:1 WORD END", "3:1 TERMINATOR //", "4:1 DELIMITER_CHANGE ;"),
                lex(Dialect.AUTO, "DELIMITER //\nEND\n//\nDELIMITER ;"));
    }

    @Test
    void mysqlDashCommentNeedsABlank() {
        assertEquals(List.of("1:1 NUMBER 1", "1:2 SYMBOL -", "1:3 SYMBOL -", "1:4 NUMBER 1", "1:6 COMMENT -- c"),
                lex(Dialect.MYSQL, "1--1 -- c"));
        assertEquals(List.of("1:1 NUMBER 1", "1:2 COMMENT --1"), lex(Dialect.POSTGRESQL, "1--1"));
    }

    /** Each row: text lexed as MySQL, its tokens; a statement never starts with a minus, so there it is a comment. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            --FOREACH t.id size\\nDELETE     | 1:1 COMMENT --FOREACH t.id size, 2:1 WORD DELETE
            a; --(optional)\\nb              | 1:1 WORD a, 1:2 TERMINATOR ;, 1:4 COMMENT --(optional), 2:1 WORD b
            /* c */ --x\\nb                  | 1:1 COMMENT /* c */, 1:9 COMMENT --x, 2:1 WORD b
            a,\\n--b                         | 1:1 WORD a, 1:2 SYMBOL ,, 2:1 SYMBOL -, 2:2 SYMBOL -, 2:3 WORD b
            """)
    void mysqlDashWithoutBlankWhereAStatementStarts(String text, String tokens) {
        assertEquals(List.of(tokens.split(", ")), lex(Dialect.MYSQL, text.replace("\\n", "\n")));
    }

    @Test
    void terminatorsAndSeparators() {
        assertEquals(List.of("1:1 WORD a", "1:2 TERMINATOR ;", "2:1 BATCH_SEPARATOR GO", "3:1 WORD b",
                "4:1 BATCH_SEPARATOR go 3"), lex(Dialect.SQLSERVER, "a;\nGO\nb\ngo 3"));
        assertEquals(List.of("1:1 WORD a", "2:1 BATCH_SEPARATOR GO;", "3:1 WORD b", "4:1 BATCH_SEPARATOR GO 2 ;"),
                lex(Dialect.SQLSERVER, "a\nGO;\nb\nGO 2 ;"));
        assertEquals(List.of("1:1 WORD x", "1:3 WORD GO"), lex(Dialect.SQLSERVER, "x GO"));
        assertEquals(List.of("1:1 WORD GO"), lex(Dialect.POSTGRESQL, "GO"));
        assertEquals(List.of("1:1 WORD a", "2:1 BATCH_SEPARATOR /", "3:1 NUMBER 4", "3:3 SYMBOL /", "3:5 NUMBER 2"),
                lex(Dialect.ORACLE, "a\n/\n4 / 2"));
        assertEquals(List.of("1:1 SYMBOL /"), lex(Dialect.POSTGRESQL, "/"));
    }

    @Test
    void delimiterCommandChangesTheTerminator() {
        assertEquals(List.of("1:1 DELIMITER_CHANGE $$", "2:1 WORD END", "2:4 TERMINATOR $$", "2:6 SYMBOL ;",
                "3:1 DELIMITER_CHANGE ;", "4:1 WORD a", "4:2 TERMINATOR ;"),
                lex(Dialect.MYSQL, "DELIMITER $$\nEND$$;\nDELIMITER ;\na;"));
        assertEquals(List.of("1:1 DELIMITER_CHANGE //", "2:1 WORD x", "2:2 TERMINATOR //"),
                lex(Dialect.AUTO, "DELIMITER //\nx//"));
        // PostgreSQL: only where a statement starts; inside one (COPY's DELIMITER) the word is SQL.
        assertEquals(List.of("1:1 DELIMITER_CHANGE x"), lex(Dialect.POSTGRESQL, "DELIMITER x"));
        assertEquals(List.of("1:1 WORD COPY", "1:6 WORD t", "2:1 WORD DELIMITER", "2:11 STRING ','"),
                lex(Dialect.POSTGRESQL, "COPY t\nDELIMITER ','"));
    }

    @Test
    void db2AndFirebirdTerminatorCommandsChangeTheTerminatorInAuto() {
        assertEquals(List.of("1:1 DELIMITER_CHANGE @", "2:1 WORD END", "3:1 TERMINATOR @", "4:1 DELIMITER_CHANGE ;",
                "5:1 WORD a", "5:2 TERMINATOR ;"),
                lex(Dialect.AUTO, "--#SET TERMINATOR @\nEND\n@\n--#SET TERMINATOR ;\na;"));
        assertEquals(List.of("1:1 DELIMITER_CHANGE ^", "2:1 WORD END", "2:4 TERMINATOR ^", "3:1 DELIMITER_CHANGE ;",
                "4:1 WORD a", "4:2 TERMINATOR ;"),
                lex(Dialect.AUTO, "SET TERM ^ ;\nEND^\nSET TERM ; ^\na;"));
        assertEquals(List.of("1:1 DELIMITER_CHANGE !!", "2:1 WORD x", "2:2 TERMINATOR !!"),
                lex(Dialect.AUTO, "set terminator !!;\nx!!"));
        // an ordinary comment, an UPDATE's SET line and Firebird's command in other dialects keep their meaning
        assertEquals(List.of("1:1 COMMENT --#SET TERMINATORS @", "2:1 WORD a", "2:2 TERMINATOR ;"),
                lex(Dialect.AUTO, "--#SET TERMINATORS @\na;"));
        assertEquals(List.of("1:1 WORD SET", "1:5 WORD TERM", "1:10 SYMBOL ^", "1:12 TERMINATOR ;"),
                lex(Dialect.H2, "SET TERM ^ ;"));
        assertEquals(List.of("1:1 WORD UPDATE", "1:8 WORD t", "2:1 WORD SET", "2:5 WORD term", "2:10 SYMBOL =",
                "2:12 NUMBER 1", "2:13 TERMINATOR ;"), lex(Dialect.AUTO, "UPDATE t\nSET term = 1;"));
    }

    @Test
    void db2TerminatorCommentChangesTheTerminatorInEveryDialect() {
        // a Db2 script read in a configured dialect (db2/ under h2): only Db2's command line processor reads it
        for (Dialect dialect : List.of(Dialect.H2, Dialect.POSTGRESQL, Dialect.ORACLE, Dialect.MYSQL)) {
            assertEquals(List.of("1:1 DELIMITER_CHANGE @", "2:1 WORD a", "2:2 SYMBOL ;", "2:3 WORD b", "2:4 TERMINATOR @",
                    "3:1 DELIMITER_CHANGE ;", "4:1 WORD c", "4:2 TERMINATOR ;"),
                    lex(dialect, "--#SET TERMINATOR @\na;b@\n--#SET TERMINATOR ;\nc;"), dialect.name());
        }
    }

    @Test
    void wordsInsideStringsAndCommentsStayThere() {
        List<String> tokens = lex(Dialect.SQLSERVER, "SELECT 'GO\n;' -- DELETE FROM a;\n/* GO */");
        assertEquals(List.of("1:1 WORD SELECT", "1:8 STRING 'GO\n;'", "2:4 COMMENT -- DELETE FROM a;",
                "3:1 COMMENT /* GO */"), tokens);
    }

    @Test
    void placeholderNeedsItsSuffixOnTheSameLine() {
        assertEquals(List.of("1:1 SYMBOL $", "1:2 SYMBOL {", "1:3 WORD a", "2:1 SYMBOL }"),
                lex(Dialect.MYSQL, "${a\n}"));
        List<Token> custom = new Lexer(Dialect.AUTO, "#[", "]").tokenize("x #[name] y").tokens();
        assertEquals(TokenType.PLACEHOLDER, custom.get(1).type());
        assertEquals("#[name]", custom.get(1).text());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            POSTGRESQL | SELECT 1;\\n  SELECT 'open | string literal | 2 | 10
            POSTGRESQL | x /* a /* b */         | block comment | 1 | 3
            MYSQL      | SELECT `name           | quoted name | 1 | 8
            POSTGRESQL | DO $body$ BEGIN $$     | dollar-quoted string $body$ | 1 | 4
            ORACLE     | SELECT q'[x' FROM dual | quoted string q'[ | 1 | 8
            SQLSERVER  | SELECT [a              | bracketed name | 1 | 8
            POSTGRESQL | E'x\\'                 | string literal | 1 | 1
            """)
    void unterminatedConstructsAreReportedWhereTheyStart(Dialect dialect, String text, String what, int line,
            int column) {
        assertEquals(new LexError(what, line, column), error(dialect, text.replace("\\n", "\n")));
    }

    @Test
    void sqliteBlockCommentMayEndAtTheEndOfInput() {
        assertEquals(List.of("1:1 WORD a", "1:3 COMMENT /* open"), lex(Dialect.SQLITE, "a /* open"));
    }

    @Test
    void tokensBeforeAnErrorAreKept() {
        LexedText lexed = new Lexer(Dialect.POSTGRESQL).tokenize("a b 'c");
        assertEquals(2, lexed.tokens().size());
        assertTrue(lexed.error().isPresent());
    }

    @Test
    void regionLexingKeepsFilePositions() {
        String text = "xx\nSELECT 'a' FROM t";
        LexedText lexed = new Lexer(Dialect.AUTO).tokenize(text, 10, text.length(), 2, 8);
        assertEquals("'a'", lexed.tokens().get(0).text());
        assertEquals(10, lexed.tokens().get(0).offset());
        assertEquals(2, lexed.tokens().get(0).line());
        assertEquals(8, lexed.tokens().get(0).column());
        assertEquals(12, lexed.tokens().get(1).column());
    }
}
