package io.github.sqlguard.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A tab, line break or space written as a call: T-SQL's {@code CHAR(10)} and {@code NCHAR(13)}, Oracle's and
 * PostgreSQL's {@code CHR(10)}. Dynamic SQL joins its statements with them ({@code 'IF 1 = 1' + CHAR(10) +
 * 'TRUNCATE TABLE t'}), so the text on either side is read with the blank between, as the database reads it.
 */
final class BlankCharacterCalls {

    private static final String[] NAMES = {"CHAR", "NCHAR", "CHR"};

    private BlankCharacterCalls() {
    }

    /** The blank that {@code tokens} from {@code at} calls for in its four tokens, or 0 when it is no such call. */
    static char blankAt(List<Token> tokens, int at) {
        if (at + 3 >= tokens.size() || !tokens.get(at).isAnyWord(NAMES) || !tokens.get(at + 1).isSymbol("(")
                || !tokens.get(at + 3).isSymbol(")")) {
            return 0;
        }
        String code = tokens.get(at + 2).text();
        return code.matches("9|10|13|32") ? (char) Integer.parseInt(code) : 0;
    }

    /**
     * {@code expression} with each such call that stands as an operand of {@code +} or {@code ||} at its top level
     * replaced by a string literal of its blank, located at the call; {@code expression} itself when there is none.
     * A call in parentheses, an argument of another call or a type ({@code CAST(n AS CHAR(10))}) stays as it is.
     */
    static List<Token> asLiterals(List<Token> expression) {
        List<Token> result = null;
        int depth = 0;
        for (int i = 0; i < expression.size(); i++) {
            Token token = expression.get(i);
            char blank = depth == 0 ? blankAt(expression, i) : 0;
            if (blank != 0 && isJoinedAt(expression, i - 1) && isJoinedAt(expression, i + 4)) {
                if (result == null) {
                    result = new ArrayList<>(expression.subList(0, i));
                }
                result.add(new Token(TokenType.STRING, "'" + blank + "'", token.offset(), token.line(),
                        token.column()));
                i += 3;
                continue;
            }
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (result != null) {
                result.add(token);
            }
        }
        return result == null ? expression : result;
    }

    /** True when {@code at} lies outside {@code tokens} or holds a join of texts. */
    private static boolean isJoinedAt(List<Token> tokens, int at) {
        return at < 0 || at >= tokens.size() || tokens.get(at).isSymbol("+") || tokens.get(at).isSymbol("||");
    }
}
