package io.github.sqlguard.sql;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import java.util.Set;

/**
 * Which quoting, comment and client-command forms a dialect has, as the lexer asks for them.
 * {@link Dialect#AUTO} has every form that cannot be mistaken for another; where two dialects read the same
 * characters differently, the comment names them.
 */
record LexerDialect(Dialect dialect) {

    /**
     * Words a table's name (or, after SET, a temp table's column) follows: where T-SQL writes {@code #temp} at the
     * start of the next line.
     */
    private static final Set<String> TABLE_KEYWORDS = Set.of("TABLE", "EXISTS", "INSERT", "UPDATE", "DELETE",
            "FROM", "INTO", "JOIN", "MERGE", "USING", "SET");

    private boolean mySql() {
        return dialect.isMySqlFamily();
    }

    private boolean auto() {
        return dialect == Dialect.AUTO;
    }

    /** PostgreSQL and SQL Server nest {@code /* *\/}; MySQL and Oracle end at the first {@code *\/}. */
    boolean nestsBlockComments() {
        return dialect == Dialect.POSTGRESQL || dialect == Dialect.SQLSERVER || auto();
    }

    /** SQLite lets a block comment end at the end of the input. */
    boolean closesBlockCommentAtEnd() {
        return dialect == Dialect.SQLITE;
    }

    /**
     * The MySQL client's {@code DELIMITER} command at any line's start. The other dialects take it only where a
     * statement starts, which no statement of theirs does with that word: runners that split scripts themselves
     * (some projects' upgrade scripts for PostgreSQL) take it there in any database's script.
     */
    boolean knowsDelimiterCommand() {
        return mySql() || auto();
    }

    /**
     * Firebird isql's {@code SET TERM ^ ;}, which changes the terminator as MySQL's DELIMITER does; Firebird has no
     * dialect of its own, so its scripts are read in auto. Db2's {@code --#SET TERMINATOR @} is taken in every
     * dialect: it is a comment to any other database, and only a script for Db2's command line processor writes it,
     * which a configured dialect reads too ({@code db2/} under {@code h2}) and would otherwise run into one statement.
     */
    boolean knowsTerminatorCommands() {
        return auto();
    }

    /**
     * SQL*Plus commands that end at their line without a semicolon and are kept as statements, so that rules see
     * them: {@code EXEC proc} and the includes {@code @file}, {@code @@file} and {@code START file} in Oracle; in
     * auto {@code @file} and {@code @@file}, which no statement of another dialect starts with, but not START, which
     * starts MySQL's and PostgreSQL's START TRANSACTION. Read as SQL, the include swallowed the DROP TABLE on the
     * next line. In MySQL and MariaDB the client's includes {@code SOURCE file} and {@code \. file} end at their
     * line too: release scripts list them a line each, without semicolons, and so they do in auto, where no
     * statement starts with SOURCE or {@code \.} followed by a name (psql's {@code \.} that ends COPY rows
     * stands alone on its line). In PostgreSQL and auto so does the C
     * preprocessor's {@code #include "file"} of an extension's script template. In every dialect so does a schema
     * runner's {@code execute java com.acme.Step} line ({@link JavaStepLine}).
     */
    boolean endsWithItsLine(String text, int pos, int end) {
        if (JavaStepLine.startsAt(text, pos, end)) {
            return true;
        }
        if (mySql()) {
            return ClientCommands.isMySqlInclude(text, pos, end);
        }
        if (knowsSqlPlusCommentLines()) {
            return ClientCommands.isSqlPlusExec(text, pos, end) || ClientCommands.isSqlPlusInclude(text, pos, end)
                    || ClientCommands.isSqlPlusStart(text, pos, end);
        }
        return auto() && (ClientCommands.isSqlPlusInclude(text, pos, end)
                || ClientCommands.isMySqlInclude(text, pos, end))
                || knowsPsqlCommands() && PreprocessorInclude.startsAt(text, pos, end);
    }

    /** Oracle's conditional compilation directives ({@code $IF $$debug $THEN .. $END}), read as comments. */
    boolean knowsConditionalCompilation() {
        return dialect == Dialect.ORACLE || auto();
    }

    /** In auto, an Oracle inquiry directive ({@code $$PLSQL_UNIT}) where a PostgreSQL {@code $$} string could start. */
    boolean startsInquiryDirective(String text, int pos, int end, List<Token> before) {
        return auto() && ConditionalCompilation.inquiryAt(text, pos, end, before);
    }

    /** PostgreSQL (and H2) {@code $tag$ .. $tag$} strings. */
    boolean knowsDollarQuotes() {
        return dialect == Dialect.POSTGRESQL || dialect == Dialect.H2 || auto();
    }

    /** psql's backslash meta-commands and the COPY .. FROM STDIN rows that follow in the script. */
    boolean knowsPsqlCommands() {
        return dialect == Dialect.POSTGRESQL || auto();
    }

    /** SQL*Plus {@code PROMPT} and {@code REM} lines, which never reach the database (Oracle only). */
    boolean knowsSqlPlusCommentLines() {
        return dialect == Dialect.ORACLE;
    }

    /**
     * Whether the line starting at {@code pos}, its first token, is a SQL*Plus line that never reaches the
     * database: in Oracle PROMPT and REM lines, and settings where a statement starts; in auto, where a statement
     * starts, PROMPT and REM lines and the SQL*Plus commands and settings no other dialect's statement begins with;
     * read as SQL, a {@code REM drop the old table} or {@code DEFINE vrs = &1} line would swallow the DROP TABLE or
     * the {@code @file} on the next line.
     */
    boolean skipsSqlPlusLine(String text, int pos, int end, boolean statementStart) {
        if (knowsSqlPlusCommentLines()) {
            return ClientCommands.isSqlPlusCommentLine(text, pos, end)
                    || statementStart && (ClientCommands.isAbbreviatedSqlPlusCommentLine(text, pos, end)
                            || ClientCommands.isSqlPlusSettingLine(text, pos, end));
        }
        return auto() && statementStart && ClientCommands.isSqlPlusLineInAuto(text, pos, end);
    }

    /** A {@code /} alone on its line runs the buffered block (Oracle SQL*Plus). */
    boolean knowsSlashLines() {
        return dialect == Dialect.ORACLE || auto();
    }

    /**
     * Whether {@code c} alone on its line ends a statement (Oracle, and auto): {@code /} runs SQL*Plus's buffer;
     * a {@code .}, SQL*Plus's block terminator, ends the SQL or PL/SQL text typed so far. No other dialect writes a
     * dot alone on a line.
     * SQL*Plus keeps that text unrun in its buffer; sqlguard checks it as a statement all the same, and the statement
     * on the next line stays one of its own instead of starting with the dot. In auto, where Db2's scripts are read,
     * an {@code @} that ends its line is the terminator of a script its command line processor runs with
     * {@code -td@}, which sets it on the command line instead of with a {@code --#SET TERMINATOR} line; no other
     * dialect ends a line with an {@code @} outside strings and comments.
     */
    boolean endsBufferAt(char c) {
        return c == '/' && knowsSlashLines() || c == '.' && (dialect == Dialect.ORACLE || auto())
                || c == '@' && auto();
    }

    /** {@code GO} alone on its line ends a batch (SQL Server tools). */
    boolean knowsGoBatches() {
        return dialect == Dialect.SQLSERVER || auto();
    }

    /** The prefix {@code q} or {@code nq} of an Oracle {@code q'[..]'} string. */
    boolean isOracleQuotePrefix(String word) {
        return knowsOracleQuotes() && (word.equalsIgnoreCase("Q") || word.equalsIgnoreCase("NQ"));
    }

    /** Oracle {@code q'[..]'} strings. */
    boolean knowsOracleQuotes() {
        return dialect == Dialect.ORACLE || auto();
    }

    /**
     * MySQL {@code #} comments; in auto at the start of a line, and after code when a blank or the line's end
     * follows ({@code SET a = 1 # where id = 1}): a name never starts so, and PostgreSQL's {@code #} operator
     * between blanks (bitwise XOR) is far rarer in migrations than such comments. At a line's start T-SQL's
     * {@code #temp} stands too where its style puts each name on a line of its own ({@code TRUNCATE TABLE}, then
     * {@code #t;}): after a word that a table's name must follow, a {@code #} with a name character next is that
     * name, or the comment would swallow the statement's end and run it into the next one; so it is after a comma
     * that follows such a name, and after a comma where a column of a temp table follows ({@code #t.c = 0}). A
     * {@code #{name}} placeholder starts none after code, nor at a line's start outside MySQL. In Oracle a
     * {@code #} that starts a line is SQL*Plus's SQLPREFIX: the rest of the line is a SQL*Plus command, run at once
     * even in the middle of a statement, and never part of the SQL ({@code # ####} banners copied from a MySQL
     * script would otherwise swallow the statement on the next lines). In auto a C preprocessor
     * {@code #include "file"} line is no comment: it runs another file, which the include rule reports.
     */
    boolean hashStartsComment(boolean lineHasToken, String text, int pos, int end, List<Token> before) {
        char next = pos + 1 < end ? text.charAt(pos + 1) : '\0';
        if (next == '{' && LexicalShapes.hashBraceNameEnd(text, pos, end) > 0 && (lineHasToken || !mySql())) {
            return false;
        }
        if (mySql()) {
            return true;
        }
        if (dialect == Dialect.ORACLE) {
            return !lineHasToken;
        }
        if (!auto() || !lineHasToken && PreprocessorInclude.startsAt(text, pos, end)) {
            return false;
        }
        if (lineHasToken || blankOrEnd(next)) {
            return blankOrEnd(next);
        }
        return !(isNameStart(next) && endsLikeTempName(text, pos + 1, end) && (followsTableKeyword(before)
                || followsComma(before) && (endsTempName(before) || qualifiesColumn(text, pos + 1, end))));
    }

    /**
     * What follows a name on its line is what follows a table's name ({@code ;}, {@code ,}, {@code (}, a column
     * after {@code .}, {@code =}, {@code WITH (TABLOCK)}, {@code AS x}, a join's {@code ON}) or nothing, maybe after
     * an alias ({@code #Source S}, {@code #Locked L ON ..}); a comment goes on with prose
     * ({@code #cleanup of old rows}).
     */
    private static boolean endsLikeTempName(String text, int from, int end) {
        int i = LexicalShapes.skipBlanks(text, tempNameEnd(text, from, end), end);
        if (endsTableReference(text, i, end)) {
            return true;
        }
        int alias = tempNameEnd(text, i, end);
        return alias > i && Character.isLetter(text.charAt(i)) && !ClientCommands.startsWithWord(text, i, end, "AS")
                && endsTableReference(text, LexicalShapes.skipBlanks(text, alias, end), end);
    }

    private static boolean endsTableReference(String text, int i, int end) {
        if (i >= end || ";,(.=)-/\r\n".indexOf(text.charAt(i)) >= 0) {
            return true;
        }
        return text.regionMatches(true, i, "WITH", 0, 4) || text.regionMatches(true, i, "AS ", 0, 3)
                || ClientCommands.startsWithWord(text, i, end, "ON");
    }

    /** {@code #t.col}: a column of a temp table, as T-SQL names it in a SET list or a select list. */
    private static boolean qualifiesColumn(String text, int from, int end) {
        int i = tempNameEnd(text, from, end);
        return i + 1 < end && i > from && text.charAt(i) == '.' && isNameStart(text.charAt(i + 1))
                && text.charAt(i + 1) != '#';
    }

    /** Where the name of letters, digits, {@code _} and {@code #} starting at {@code from} ends. */
    private static int tempNameEnd(String text, int from, int end) {
        int i = from;
        while (i < end && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                || text.charAt(i) == '#')) {
            i++;
        }
        return i;
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '#';
    }

    private static boolean followsTableKeyword(List<Token> before) {
        int last = lastCode(before, before.size());
        return last >= 0 && before.get(last).type() == TokenType.WORD
                && TABLE_KEYWORDS.contains(before.get(last).upper());
    }

    private static boolean followsComma(List<Token> before) {
        int last = lastCode(before, before.size());
        return last >= 0 && before.get(last).type() == TokenType.SYMBOL && before.get(last).text().equals(",");
    }

    /** The comma ends a temp table's name: the next of a list ({@code DROP TABLE IF EXISTS #a,} then {@code #b}). */
    private static boolean endsTempName(List<Token> before) {
        int name = lastCode(before, lastCode(before, before.size()));
        return name >= 0 && before.get(name).type() == TokenType.WORD && before.get(name).text().startsWith("#");
    }

    private static int lastCode(List<Token> before, int below) {
        for (int i = below - 1; i >= 0; i--) {
            if (before.get(i).type() != TokenType.COMMENT) {
                return i;
            }
        }
        return -1;
    }

    /**
     * H2 and HSQLDB {@code //} comments: anywhere in H2; in auto (where HSQLDB's scripts are read) at the start of
     * a line, or after code when a blank or the line's end follows, as no dialect's statement has {@code //} there.
     * A {@code DELIMITER //} in force is matched before this is asked.
     */
    boolean slashesStartComment(boolean lineHasToken, char next) {
        return dialect == Dialect.H2 || auto() && (!lineHasToken || blankOrEnd(next));
    }

    private static boolean blankOrEnd(char next) {
        return next == ' ' || next == '\t' || next == '\n' || next == '\r' || next == '\0';
    }

    /**
     * The offset just past an Informix comment in braces ({@code { note }}) at {@code pos}, where a statement starts,
     * or -1. Informix has no dialect of its own, so its scripts are read in auto; no other dialect starts a statement
     * with a brace but for a JDBC escape ({@code {call p(?)}}), which stays code.
     */
    int braceCommentEnd(String text, int pos, int end, boolean statementStart) {
        return auto() && statementStart ? LexicalShapes.braceCommentEnd(text, pos, end) : -1;
    }

    /** T-SQL {@code #temp} and {@code ##global} names. */
    boolean hashStartsWord() {
        return dialect == Dialect.SQLSERVER || auto();
    }

    /**
     * Whether {@code c} goes on with a word that began with {@code first}. In PostgreSQL and auto (where
     * CockroachDB's scripts are read) an {@code @} after the first character ends the word: {@code t@idx} and
     * {@code t@{FORCE_INDEX=idx}} are table {@code t} with an index hint, while T-SQL's {@code @@ROWCOUNT} and
     * {@code @var} keep theirs. SQL Server allows {@code @} inside names and Oracle names a database link with it
     * ({@code t@remote}, another table than {@code t}), so there it stays part of the word.
     */
    boolean continuesWord(char first, char c) {
        if (c == '@' && first != '@' && (dialect == Dialect.POSTGRESQL || auto())) {
            return false;
        }
        return ClientCommands.isWordPart(c);
    }

    /** MySQL needs a blank after {@code --} for a comment ({@code 1--1} is arithmetic there). */
    boolean dashCommentNeedsBlank() {
        return mySql();
    }

    /** MySQL {@code /*!50001 .. *\/} and MariaDB {@code /*M!100100 .. *\/}, which run as code. */
    boolean knowsExecutableComments() {
        return mySql() || auto();
    }

    /**
     * The gated lines ({@link GatedCommentLines}) for {@code database}, {@code MYSQL} or {@code PGSQL}: the
     * ones for the dialect's database; in auto both, as the script serves both and each line runs on one of them.
     */
    boolean runsGatedLinesOf(String database) {
        return auto() || (database.equals("MYSQL") ? mySql() : dialect == Dialect.POSTGRESQL);
    }

    /** MySQL escapes quotes with a backslash in every string, and {@code "..."} is a string there. */
    boolean backslashEscapes() {
        return mySql();
    }

    /** {@code [name]} quotes a name: always in SQL Server, in auto where it cannot be array syntax. */
    boolean alwaysBracketNames() {
        return dialect == Dialect.SQLSERVER;
    }

    /**
     * Words that only a name follows: in auto a {@code [} right after one opens a T-SQL bracketed name, as no
     * dialect writes an array or a subscript there, so its text up to the {@code ]} on its line is the name
     * whatever it holds ({@code CREATE SCHEMA [a class with a ' in it]}, {@code FROM [odd, name: x!]}).
     */
    private static final Set<String> NAME_KEYWORDS = Set.of("TABLE", "SCHEMA", "PROCEDURE", "PROC", "FUNCTION",
            "VIEW", "TRIGGER", "INDEX", "DATABASE", "FROM", "JOIN", "INTO", "UPDATE", "DELETE", "TRUNCATE", "EXEC",
            "EXECUTE", "USE");

    /** In auto, whether the code before a {@code [} ends with a word that only a name follows. */
    boolean bracketNameFollows(List<Token> before) {
        int last = lastCode(before, before.size());
        return auto() && last >= 0 && before.get(last).type() == TokenType.WORD
                && NAME_KEYWORDS.contains(before.get(last).upper());
    }

    /** Whether bracket names are possible at all. */
    boolean mayBracketNames() {
        return dialect == Dialect.SQLSERVER || auto();
    }

    /** In auto, {@code \'} followed by a letter may be MySQL's escaped quote (see the lexer). */
    boolean guessesEscapedQuotes() {
        return auto();
    }
}
