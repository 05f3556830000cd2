package io.github.sqlguard.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words that stand for the parts of dynamic SQL only the running database knows ({@code v_table} in
 * {@code 'DROP TABLE ' || v_table}), so that what the rest of the text shows is still read. Each is numbered
 * within its statement, so that no two operands are the same word: {@code ' WHERE id = ' || id} must not read as the
 * always-true {@code id = id}; one variable joined twice into a text is one word, as it holds one value. They are plain words because joined literals are lexed again with them.
 * A stand-in for a call that quotes its argument as one name or one value ({@code quote_ident(v)},
 * {@code QUOTENAME(@t)}, Oracle's {@code DBMS_ASSERT.ENQUOTE_NAME(v)}) is marked so: it cannot change what the
 * statement is, only which table it names; so is one that MySQL's name quotes enclose ({@code '`', SCHEMA(), '`'})
 * and one for a variable that can only hold a number, and it stays so
 * when its text is read again.
 */
public final class StandIns {

    private static final String PREFIX = "built_at_run_time_";
    private static final String QUOTED = PREFIX + "quoted_";
    /** A message may name a stand-in upper-cased, as the kind of object in {@code DROP <kind>}. */
    private static final Pattern IN_TEXT = Pattern.compile(PREFIX + "(?:quoted_)?\\d+", Pattern.CASE_INSENSITIVE);
    /** Functions that return their argument quoted as one name or one literal (PostgreSQL's, T-SQL's). */
    private static final String[] QUOTING = {"quote_ident", "quote_literal", "quote_nullable", "QUOTENAME"};
    /**
     * Oracle's DBMS_ASSERT functions that return their argument as one quoted or checked name or literal, and raise
     * an error for anything else (NOOP, which checks nothing, is not one of them).
     */
    private static final String[] ORACLE_ASSERTING = {"ENQUOTE_NAME", "ENQUOTE_LITERAL", "SIMPLE_SQL_NAME",
        "QUALIFIED_SQL_NAME", "SQL_OBJECT_NAME", "SCHEMA_NAME"};
    /** What {@code ?} stands for in a command sp_MSforeachtable runs: each table the database holds then. */
    public static final String EVERY_TABLE = "[every table]";
    /** How a message shows a stand-in: what it stands for, not a word nobody wrote. */
    private static final String SHOWN = "<run-time value>";

    private StandIns() {
    }

    /** The {@code number}th stand-in of a statement (counting from 1), at that place in the file. */
    static Token numbered(int number, int offset, int line, int column) {
        return new Token(TokenType.WORD, PREFIX + number, offset, line, column);
    }

    /**
     * The stand-in for {@code operand}, the {@code number}th of its statement: a quoted one when the operand is a
     * call of a quoting function, at the operand's place in the file.
     */
    static Token forOperand(List<Token> operand, int number) {
        Token first = operand.get(0);
        char blank = operand.size() == 4 ? BlankCharacterCalls.blankAt(operand, 0) : 0;
        if (blank != 0) {
            // T-SQL's CHAR(10) between the steps of a catalogue loop is a line break, not a name: taken as a
            // word, it would glue the next step's DROP TABLE into one unknown word.
            return new Token(TokenType.WORD, String.valueOf(blank), first.offset(), first.line(), first.column());
        }
        int call = assertingCallStart(operand);
        boolean quoting = operand.size() > call + 2 && (call > 0 || first.isAnyWord(QUOTING))
                && operand.get(call + 1).isSymbol("(")
                && TopLevel.closingParenthesis(operand, call + 1) == operand.size() - 1
                || operand.size() == 1 && first.text().startsWith(QUOTED) && is(first)
                || isArithmeticOfValues(operand);
        return quoting ? quoted(number, first.offset(), first.line(), first.column())
                : numbered(number, first.offset(), first.line(), first.column());
    }

    /**
     * Where the function name of {@code [SYS.]DBMS_ASSERT.ENQUOTE_NAME(..)} and its kin stands in {@code operand}, or
     * 0 when the operand does not call one of them.
     */
    private static int assertingCallStart(List<Token> operand) {
        int at = operand.size() > 2 && operand.get(0).isWord("SYS") && operand.get(1).isSymbol(".") ? 2 : 0;
        return operand.size() > at + 3 && operand.get(at).isWord("DBMS_ASSERT") && operand.get(at + 1).isSymbol(".")
                && operand.get(at + 2).isAnyWord(ORACLE_ASSERTING) ? at + 2 : 0;
    }

    /**
     * True for sums and products of numbers and single values ({@code n + 1}, {@code (max_id + 1) * 2}, each
     * variable a number or one quoted value already): MySQL's {@code CONCAT('ALTER TABLE t AUTO_INCREMENT = ',
     * max_id + 1)} joins one number, which no clause can hide in. A word, a literal text or a call keeps it open.
     */
    private static boolean isArithmeticOfValues(List<Token> operand) {
        boolean operator = false;
        for (Token token : operand) {
            boolean value = token.type() == TokenType.NUMBER || is(token) && token.text().startsWith(QUOTED);
            boolean arithmetic = token.isSymbol("+") || token.isSymbol("-") || token.isSymbol("*")
                    || token.isSymbol("/");
            if (!value && !arithmetic && !token.isSymbol("(") && !token.isSymbol(")")) {
                return false;
            }
            operator |= arithmetic;
        }
        return operator;
    }

    /**
     * The word of the {@code number}th stand-in for one name within a text joined from known parts, which is
     * lexed again when the text runs: MySQL's current database qualifying a table (the analysis's joined call arguments).
     */
    public static String quotedWord(int number) {
        return QUOTED + number;
    }

    /** The {@code number}th stand-in of a statement for one quoted name or value ({@code %I}, {@code quote_ident}). */
    static Token quoted(int number, int offset, int line, int column) {
        return new Token(TokenType.WORD, QUOTED + number, offset, line, column);
    }

    /**
     * {@code parts} with each stand-in that the literals on both sides enclose in MySQL's name quotes ({@code 'ALTER
     * TABLE `', SCHEMA(), '`.t'}) marked as quoted: there it is read as one name, as the schema, table and column
     * names such helpers take are, so it cannot change what the statement is. Brackets and double quotes are not
     * taken so: a T-SQL batch or a PL/pgSQL EXECUTE runs every statement of its text, and the part may close them.
     */
    static List<Token> quotedWhereEnclosed(List<Token> parts) {
        List<Token> marked = new ArrayList<>(parts);
        for (int i = 1; i + 1 < parts.size(); i++) {
            Token part = parts.get(i);
            if (is(part) && !part.text().startsWith(QUOTED)
                    && enclosedAsName(parts.get(i - 1), parts.get(i + 1))) {
                marked.set(i, quoted(Integer.parseInt(part.text().substring(PREFIX.length())), part.offset(),
                        part.line(), part.column()));
            }
        }
        return marked;
    }

    /**
     * {@code parts} with each stand-in at an index of {@code currentDatabase} marked as quoted where the literal
     * after it starts with a dot ({@code CONCAT('ALTER TABLE ', DATABASE(), '.', tb, ..)}): there it is the
     * qualifier of the name that follows, the schema the migration itself runs in, whose name the operator chose
     * for the connection rather than any row or argument: it names the schema and does not change what the
     * statement is. Anywhere else the same call is left open, as the text around it does not make it a name.
     */
    static List<Token> quotedWhereQualifier(List<Token> parts, Set<Integer> currentDatabase) {
        List<Token> marked = new ArrayList<>(parts);
        for (int i : currentDatabase) {
            Token part = parts.get(i);
            Token after = i + 1 < parts.size() ? parts.get(i + 1) : null;
            if (is(part) && !part.text().startsWith(QUOTED) && after != null && after.type() == TokenType.STRING
                    && after.stringValue().startsWith(".")) {
                marked.set(i, quoted(Integer.parseInt(part.text().substring(PREFIX.length())), part.offset(),
                        part.line(), part.column()));
            }
        }
        return marked;
    }

    /** True for MySQL's {@code DATABASE()} or its synonym {@code SCHEMA()}: the current database's name. */
    static boolean isCurrentDatabase(List<Token> operand) {
        return operand.size() == 3 && operand.get(0).isAnyWord("DATABASE", "SCHEMA")
                && operand.get(1).isSymbol("(") && operand.get(2).isSymbol(")");
    }

    private static boolean enclosedAsName(Token before, Token after) {
        if (before.type() != TokenType.STRING || after.type() != TokenType.STRING) {
            return false;
        }
        String opening = before.stringValue();
        String closing = after.stringValue();
        return opening.endsWith("`") && closing.startsWith("`");
    }

    /** True when {@code argument} is one stand-in for a single name or value, which no clause can hide in. */
    static boolean holdsOneValue(List<Token> argument) {
        return argument.size() == 1 && is(argument.get(0)) && argument.get(0).text().startsWith(QUOTED);
    }

    /**
     * True when {@code parts} do not show the whole statement: nothing is known, or a stand-in takes the place of
     * something other than one quoted name or value.
     */
    static boolean leaveShapeOpen(List<Token> parts) {
        return parts.isEmpty() || parts.stream().anyMatch(part -> is(part) && !part.text().startsWith(QUOTED));
    }

    /** {@code text} with each stand-in shown as what it is: {@code staging.<run-time value>}. */
    public static String shown(String text) {
        return IN_TEXT.matcher(text).replaceAll(SHOWN);
    }

    /**
     * True when {@code name} is built at run time in part or whole: {@code staging.<run-time value>}, or each table
     * sp_MSforeachtable finds.
     */
    public static boolean inName(String name) {
        return IN_TEXT.matcher(name).find() || name.contains(SHOWN) || name.equals(EVERY_TABLE);
    }

    /** True for a word, in any case, that stands for a part of dynamic SQL: {@code DROP <run-time value> ..}. */
    public static boolean standsIn(String word) {
        return word.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /** True for a word made by {@link #numbered}. */
    static boolean is(Token token) {
        return token.type() == TokenType.WORD && token.text().startsWith(PREFIX);
    }
}
