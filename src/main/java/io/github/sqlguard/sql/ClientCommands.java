package io.github.sqlguard.sql;

import java.util.List;

/**
 * The shapes of client commands that are not SQL but decide where statements end or what reaches the
 * database: the MySQL client's {@code DELIMITER}, Db2's {@code --#SET TERMINATOR}, Firebird isql's
 * {@code SET TERM}, SQL Server's {@code GO}, SQL*Plus's {@code /}, {@code PROMPT} and {@code REM}. Each looks at the text from {@code pos}, the start of the line's first token.
 */
final class ClientCommands {

    private ClientCommands() {
    }

    /** SQL*Plus prints PROMPT lines and ignores REM lines: neither reaches the database. */
    static boolean isSqlPlusCommentLine(String text, int pos, int end) {
        return startsWithWord(text, pos, end, "PROMPT") || startsWithWord(text, pos, end, "REM")
                || startsWithWord(text, pos, end, "REMARK");
    }

    /**
     * PROMPT and REMARK as SQL*Plus also takes them abbreviated ({@code PRO Dropping tables}, {@code REMA ..}). Only
     * where a statement starts: inside one, a line may start with a column named {@code pro}.
     */
    static boolean isAbbreviatedSqlPlusCommentLine(String text, int pos, int end) {
        return startsWithCommand(text, pos, end, "PRO[MPT]") || startsWithCommand(text, pos, end, "REM[ARK]");
    }

    /**
     * SQL*Plus settings and commands that end at their line without a semicolon ({@code SET DEFINE OFF},
     * {@code WHENEVER SQLERROR EXIT}, {@code SPOOL}, {@code DEFINE}, {@code CONNECT}, {@code COLUMN}, {@code DESC},
     * {@code EXIT}, .., also abbreviated, and the HOST shorthands {@code $} and {@code !}): read as SQL they would swallow the statement on the next line. The caller makes sure {@code pos} starts a statement, so an UPDATE's SET line is not one; SQL's
     * own SET TRANSACTION, SET ROLE and SET CONSTRAINTS are not settings.
     */
    static boolean isSqlPlusSettingLine(String text, int pos, int end) {
        if (startsWithWord(text, pos, end, "SET")) {
            int next = LexicalShapes.skipBlanks(text, pos + "SET".length(), end);
            return next < end && Character.isLetter(text.charAt(next))
                    && !startsWithWord(text, next, end, "TRANSACTION") && !startsWithWord(text, next, end, "ROLE")
                    && !startsWithWord(text, next, end, "CONSTRAINT")
                    && !startsWithWord(text, next, end, "CONSTRAINTS");
        }
        for (String command : SQL_PLUS_LINE_COMMANDS) {
            if (startsWithCommand(text, pos, end, command)) {
                return true;
            }
        }
        if (isSqlPlusHostShorthand(text, pos, end)) {
            return true;
        }
        // SQL*Plus's EXIT ends the script; PL/SQL's EXIT [WHEN ..] leaves a loop and ends at its semicolon.
        if (startsWithWord(text, pos, end, "EXIT") || startsWithWord(text, pos, end, "QUIT")) {
            int next = LexicalShapes.skipBlanks(text, pos + 4, end);
            return next >= end || text.charAt(next) != ';' && !startsWithWord(text, next, end, "WHEN");
        }
        return false;
    }

    /**
     * The SQL*Plus lines that end at their line's end in auto too, where a statement starts: PROMPT and REM, the
     * commands no statement of another dialect starts with ({@code DEFINE}, {@code WHENEVER}, {@code SPOOL}, the
     * HOST shorthands {@code $ del x} and {@code ! rm x}, ..)
     * and {@code SET} of a SQL*Plus setting ({@code SET FEEDBACK OFF}). Not PRINT and BREAK, which T-SQL has, nor
     * SHOW and DESC, which MySQL has, nor SET of a name that other databases also set ({@code SET TIME ZONE},
     * MySQL's {@code SET autocommit = 0}).
     */
    static boolean isSqlPlusLineInAuto(String text, int pos, int end) {
        if (isSqlPlusCommentLine(text, pos, end) || isAbbreviatedSqlPlusCommentLine(text, pos, end)
                || isSqlPlusHostShorthand(text, pos, end)) {
            return true;
        }
        for (String command : SQL_PLUS_ONLY_COMMANDS) {
            if (startsWithCommand(text, pos, end, command)) {
                return true;
            }
        }
        if (!startsWithWord(text, pos, end, "SET")) {
            return false;
        }
        int setting = LexicalShapes.skipBlanks(text, pos + "SET".length(), end);
        for (String name : SQL_PLUS_SETTINGS) {
            if (startsWithWord(text, setting, end, name)) {
                int value = LexicalShapes.skipBlanks(text, setting + name.length(), end);
                return value < end && text.charAt(value) != '=' && text.charAt(value) != ':'
                        && !LexicalShapes.isLineBreak(text.charAt(value));
            }
        }
        return false;
    }

    /** SQL*Plus commands that start no statement of PostgreSQL, MySQL, SQL Server, Db2, H2 or SQLite. */
    private static final String[] SQL_PLUS_ONLY_COMMANDS = {"WHENEVER", "SPO[OL]", "DEF[INE]", "UNDEF[INE]",
        "TTI[TLE]", "BTI[TLE]", "CONN[ECT]", "DISC[ONNECT]", "COL[UMN]", "VAR[IABLE]", "ACC[EPT]", "PAU[SE]",
        "HO[ST]", "COMP[UTE]", "CL[EAR]", "TIMI[NG]"};

    /** Settings of SQL*Plus's SET that no database's own SET statement sets. */
    private static final String[] SQL_PLUS_SETTINGS = {"ECHO", "FEEDBACK", "FEED", "VERIFY", "VER", "DEFINE", "DEF",
        "SERVEROUTPUT", "SERVEROUT", "PAGESIZE", "PAGES", "LINESIZE", "LINES", "HEADING", "HEA", "TERMOUT", "TERM",
        "TRIMSPOOL", "TRIMS", "TRIMOUT", "TRIMO", "SQLBLANKLINES", "SQLBL", "SCAN", "ESCAPE", "ESC", "LONG",
        "NEWPAGE", "NEWP", "TAB", "WRAP", "COLSEP", "ARRAYSIZE", "NUMWIDTH", "NUMFORMAT", "TIMING", "SQLPROMPT",
        "CONCAT", "HEADSEP", "UNDERLINE", "SHOWMODE", "EMBEDDED", "FLUSH", "AUTOTRACE", "AUTOT", "MARKUP",
        "APPINFO", "LOAD"};

    /** SQL*Plus's {@code EXEC[UTE] proc(..)}, not PL/SQL's {@code EXECUTE IMMEDIATE}. */
    static boolean isSqlPlusExec(String text, int pos, int end) {
        int after;
        if (startsWithWord(text, pos, end, "EXEC")) {
            after = pos + "EXEC".length();
        } else if (startsWithWord(text, pos, end, "EXECUTE")) {
            after = pos + "EXECUTE".length();
        } else {
            return false;
        }
        int next = LexicalShapes.skipBlanks(text, after, end);
        return next < end && !LexicalShapes.isLineBreak(text.charAt(next))
                && !startsWithWord(text, next, end, "IMMEDIATE");
    }

    /**
     * SQL*Plus's {@code @file} and {@code @@file}: an at sign, maybe doubled, right before a name, a path, a
     * substitution variable that names the file ({@code @&script}) or {@code ?/}, SQL*Plus's Oracle home
     * ({@code @?/rdbms/admin/utlrp.sql}).
     */
    static boolean isSqlPlusInclude(String text, int pos, int end) {
        int name = pos + 1 < end && text.charAt(pos) == '@' && text.charAt(pos + 1) == '@' ? pos + 2 : pos + 1;
        return text.charAt(pos) == '@' && name < end && (Character.isLetterOrDigit(text.charAt(name))
                || "_./\\\"&".indexOf(text.charAt(name)) >= 0
                || text.startsWith("?/", name) || text.startsWith("?\\", name));
    }

    /**
     * The MySQL client's {@code SOURCE file} or {@code \. file}: the file name is the rest of the line. No SQL
     * statement starts with the word SOURCE, and the caller makes sure {@code pos} starts a statement.
     */
    static boolean isMySqlInclude(String text, int pos, int end) {
        boolean source = startsWithWord(text, pos, end, "SOURCE");
        int after = source ? pos + "SOURCE".length() : text.startsWith("\\.", pos) ? pos + 2 : -1;
        int next = after < 0 ? end : LexicalShapes.skipBlanks(text, after, end);
        return next < end && (next > after || !source) && !LexicalShapes.isLineBreak(text.charAt(next))
                && "=(,;".indexOf(text.charAt(next)) < 0;
    }

    /** SQL*Plus's {@code START file} (or {@code STA file}), which runs a script as {@code @file} does. */
    static boolean isSqlPlusStart(String text, int pos, int end) {
        int after = startsWithWord(text, pos, end, "START") ? pos + 5 : startsWithWord(text, pos, end, "STA") ? pos + 3
                : -1;
        int next = after < 0 ? end : LexicalShapes.skipBlanks(text, after, end);
        return next < end && !LexicalShapes.isLineBreak(text.charAt(next)) && text.charAt(next) != ';';
    }

    /** Line commands of SQL*Plus and SQLcl ({@code LOAD t t.csv}) that no SQL or PL/SQL statement starts with. */
    private static final String[] SQL_PLUS_LINE_COMMANDS = {"WHENEVER", "SPO[OL]", "DEF[INE]", "UNDEF[INE]",
        "SHO[W]", "TTI[TLE]", "BTI[TLE]", "CONN[ECT]", "DISC[ONNECT]", "COL[UMN]", "DESC[RIBE]", "VAR[IABLE]",
        "PRI[NT]", "ACC[EPT]", "PAU[SE]", "HO[ST]", "BRE[AK]", "COMP[UTE]", "CL[EAR]", "TIMI[NG]", "LOAD", "UNLOAD"};

    /**
     * True when the word at {@code pos} names {@code command}, written as SQL*Plus documents it with its optional
     * tail in brackets ({@code DEF[INE]}): SQL*Plus takes every abbreviation down to the part before the bracket,
     * so {@code DEF x = 1} and {@code DEFIN x = 1} are DEFINE too.
     */
    private static boolean startsWithCommand(String text, int pos, int end, String command) {
        int bracket = command.indexOf('[');
        String full = bracket < 0 ? command
                : command.substring(0, bracket) + command.substring(bracket + 1, command.length() - 1);
        int shortest = bracket < 0 ? command.length() : bracket;
        int wordEnd = pos;
        while (wordEnd < end && isWordPart(text.charAt(wordEnd))) {
            wordEnd++;
        }
        int length = wordEnd - pos;
        return length >= shortest && length <= full.length() && full.regionMatches(true, 0, text, pos, length)
                && !continuesAsPlsql(text, wordEnd, end);
    }

    /**
     * After a PL/SQL block's semicolon a line may start with a variable or a call named like a command
     * ({@code var := 0;}, {@code acc.add(x);}): an assignment, a call or a member is PL/SQL, not SQL*Plus.
     */
    private static boolean continuesAsPlsql(String text, int wordEnd, int end) {
        int next = LexicalShapes.skipBlanks(text, wordEnd, end);
        return next < end && (text.startsWith(":=", next) || "(.%".indexOf(text.charAt(next)) >= 0);
    }

    /**
     * SQL*Plus's {@code HOST program ..} (also {@code HO}, {@code HOS}) or a shorthand, {@code $ program} or
     * {@code ! program}: a line that runs an operating system command. {@code HOST} alone opens a shell and runs
     * nothing of the script.
     */
    static boolean isSqlPlusHost(String text, int pos, int end) {
        int after = startsWithCommand(text, pos, end, "HO[ST]") ? pos + wordLength(text, pos, end)
                : isSqlPlusHostShorthand(text, pos, end) ? pos + 1 : -1;
        int program = after < 0 ? end : LexicalShapes.skipBlanks(text, after, end);
        return program < end && !LexicalShapes.isLineBreak(text.charAt(program));
    }

    private static int wordLength(String text, int pos, int end) {
        int wordEnd = pos;
        while (wordEnd < end && isWordPart(text.charAt(wordEnd))) {
            wordEnd++;
        }
        return wordEnd - pos;
    }

    /**
     * SQL*Plus's shorthands for HOST: {@code $ del x.tmp} (Windows) and {@code ! rm x.tmp} (Unix) run an operating
     * system command and end at their line. A {@code $} right before a word is PL/SQL's conditional compilation
     * ({@code $IF}), not a command.
     */
    private static boolean isSqlPlusHostShorthand(String text, int pos, int end) {
        char c = text.charAt(pos);
        return c == '!' && (pos + 1 >= end || text.charAt(pos + 1) != '=')
                || c == '$' && (pos + 1 >= end || Character.isWhitespace(text.charAt(pos + 1)));
    }

    /** sqlcmd's {@code :r file} (SQL Server tools): a colon, {@code r} and a blank at {@code pos}. */
    static boolean isSqlcmdInclude(String text, int pos, int end) {
        return pos + 2 < end && text.charAt(pos) == ':' && (text.charAt(pos + 1) == 'r' || text.charAt(pos + 1) == 'R')
                && (text.charAt(pos + 2) == ' ' || text.charAt(pos + 2) == '\t');
    }

    /** A {@code /} at {@code pos} with only blanks after it on its line. */
    static boolean isSlashLine(String text, int pos, int end) {
        int i = LexicalShapes.skipBlanks(text, pos + 1, end);
        return i >= end || LexicalShapes.isLineBreak(text.charAt(i));
    }

    /**
     * True when the last of {@code tokens} is a {@code ;} on {@code line} with only blanks between it and {@code pos}.
     * Runners that end a PL/SQL unit at a line ending in {@code /} (as some installers run their
     * Oracle scripts) take {@code END;/} as {@code END;} and a slash line: after the line's last semicolon a slash
     * has no other meaning.
     */
    static boolean followsTerminatorOnLine(List<Token> tokens, int line, String text, int pos) {
        Token last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
        return last != null && last.type() == TokenType.TERMINATOR && last.line() == line
                && last.text().equals(";") && LexicalShapes.skipBlanks(text, last.endOffset(), pos) == pos;
    }

    /**
     * The offset after the optional repeat count of {@code GO 5} and the {@code ;} of {@code GO;}, where
     * {@code afterGo} follows the word.
     */
    static int goRepeatCountEnd(String text, int afterGo, int end) {
        int start = LexicalShapes.skipBlanks(text, afterGo, end);
        int count = start;
        while (count < end && Character.isDigit(text.charAt(count))) {
            count++;
        }
        int separatorEnd = count > start ? count : afterGo;
        int semicolon = LexicalShapes.skipBlanks(text, separatorEnd, end);
        return semicolon < end && text.charAt(semicolon) == ';' ? semicolon + 1 : separatorEnd;
    }

    /** True for {@code DELIMITER} as a whole word at {@code pos}. */
    static boolean isDelimiterCommand(String text, int pos, int end) {
        return startsWithWord(text, pos, end, "DELIMITER");
    }

    /**
     * The {start, end} of the new delimiter after {@code DELIMITER} at {@code pos}, or null when nothing
     * follows on the line ("DELIMITER" alone is an ordinary word).
     */
    static int[] delimiterAfter(String text, int pos, int end) {
        return runAfter(text, pos + "DELIMITER".length(), end);
    }

    /**
     * The {start, end} of the new terminator of Db2's command line processor comment {@code --#SET TERMINATOR @}
     * at {@code pos}, or null when the comment is an ordinary one.
     */
    static int[] db2TerminatorAfter(String text, int pos, int end) {
        if (!text.startsWith("--#", pos) || !startsWithWord(text, pos + 3, end, "SET")) {
            return null;
        }
        int word = LexicalShapes.skipBlanks(text, pos + 3 + "SET".length(), end);
        if (!startsWithWord(text, word, end, "TERMINATOR")) {
            return null;
        }
        return runAfter(text, word + "TERMINATOR".length(), end);
    }

    /**
     * The {start, end} of the new terminator of Firebird isql's {@code SET TERM ^ ;} (or {@code SET TERMINATOR})
     * at {@code pos}, or null. The old terminator that ends the command is not part of the new one, also when
     * written without a blank ({@code SET TERM ^;} while {@code ;} ends statements).
     */
    static int[] isqlTerminatorAfter(String text, int pos, int end, String current) {
        if (!startsWithWord(text, pos, end, "SET")) {
            return null;
        }
        int word = LexicalShapes.skipBlanks(text, pos + "SET".length(), end);
        String keyword = startsWithWord(text, word, end, "TERM") ? "TERM"
                : startsWithWord(text, word, end, "TERMINATOR") ? "TERMINATOR" : null;
        if (keyword == null) {
            return null;
        }
        int[] run = runAfter(text, word + keyword.length(), end);
        if (run == null || text.charAt(run[0]) == '=' || Character.isLetterOrDigit(text.charAt(run[0]))) {
            return null;
        }
        int length = run[1] - run[0];
        if (length > current.length() && text.startsWith(current, run[1] - current.length())) {
            run[1] -= current.length();
        }
        return run;
    }

    /** The {start, end} of the run of non-blank characters after the blanks at {@code from}, on the same line. */
    private static int[] runAfter(String text, int from, int end) {
        int start = LexicalShapes.skipBlanks(text, from, end);
        int stop = start;
        while (stop < end && !Character.isWhitespace(text.charAt(stop))) {
            stop++;
        }
        return stop == start ? null : new int[] {start, stop};
    }

    static boolean startsWithWord(String text, int pos, int end, String word) {
        int after = pos + word.length();
        return after <= end && text.regionMatches(true, pos, word, 0, word.length())
                && (after >= end || !isWordPart(text.charAt(after)));
    }

    static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '#' || c == '@';
    }
}
