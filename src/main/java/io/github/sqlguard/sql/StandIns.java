package io.github.sqlguard.sql;

/**
 * The words that stand for the parts of dynamic SQL only the running database knows ({@code v_table} in
 * {@code 'DROP TABLE ' || v_table}), so that what the rest of the text shows is still read. Each is numbered
 * within its statement, so that no two are the same word: {@code ' WHERE id = ' || id} must not read as the
 * always-true {@code id = id}. They are plain words because joined literals are lexed again with them.
 */
final class StandIns {

    private static final String PREFIX = "built_at_run_time_";

    private StandIns() {
    }

    /** The {@code number}th stand-in of a statement (counting from 1), at that place in the file. */
    static Token numbered(int number, int offset, int line, int column) {
        return new Token(TokenType.WORD, PREFIX + number, offset, line, column);
    }

    /** True for a word made by {@link #numbered}. */
    static boolean is(Token token) {
        return token.type() == TokenType.WORD && token.text().startsWith(PREFIX);
    }
}
