package io.github.sqlguard.sql;

import java.util.regex.Pattern;

/**
 * The words that stand for the parts of dynamic SQL only the running database knows ({@code v_table} in
 * {@code 'DROP TABLE ' || v_table}), so that what the rest of the text shows is still read. Each is numbered
 * within its statement, so that no two are the same word: {@code ' WHERE id = ' || id} must not read as the
 * always-true {@code id = id}. They are plain words because joined literals are lexed again with them.
 */
public final class StandIns {

    private static final String PREFIX = "built_at_run_time_";
    private static final Pattern IN_TEXT = Pattern.compile(PREFIX + "\\d+");
    /** How a message shows a stand-in: what it stands for, not a word nobody wrote. */
    private static final String SHOWN = "<run-time value>";

    private StandIns() {
    }

    /** The {@code number}th stand-in of a statement (counting from 1), at that place in the file. */
    static Token numbered(int number, int offset, int line, int column) {
        return new Token(TokenType.WORD, PREFIX + number, offset, line, column);
    }

    /** {@code text} with each stand-in shown as what it is: {@code staging.<run-time value>}. */
    public static String shown(String text) {
        return text.contains(PREFIX) ? IN_TEXT.matcher(text).replaceAll(SHOWN) : text;
    }

    /** True for a word made by {@link #numbered}. */
    static boolean is(Token token) {
        return token.type() == TokenType.WORD && token.text().startsWith(PREFIX);
    }
}
