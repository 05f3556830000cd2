package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TopLevel;
import java.util.List;

/**
 * The tokens of a statement from its main keyword on. T-SQL guards a drop with a condition
 * ({@code IF OBJECT_ID('t') IS NOT NULL DROP TABLE t}, {@code IF EXISTS (SELECT ..) BEGIN DROP TABLE t END}),
 * and the guard does not make the drop any less destructive, so the condition and a {@code BEGIN} are
 * skipped. The destructive clauses are read from these tokens whether JSqlParser understood the statement
 * or not, so their facts never depend on the parser.
 */
final class StatementCore {

    /** Keywords that start a statement a data-loss rule looks at. */
    private static final String[] MAIN_KEYWORDS = {
        "DROP", "TRUNCATE", "ALTER", "RENAME", "EXEC", "EXECUTE", "SP_RENAME", "CREATE"
    };

    private StatementCore() {
    }

    /**
     * The statement's tokens from its main keyword on; empty for a container statement (a DO block, a
     * T-SQL batch, ..), whose inner statements are checked on their own.
     */
    static List<Token> tokensOf(Statement statement) {
        if (statement.container()) {
            return List.of();
        }
        List<Token> tokens = statement.tokens();
        int start = 0;
        while (start < tokens.size() && tokens.get(start).isWord("IF")) {
            start = afterCondition(tokens, start + 1);
        }
        if (start + 1 < tokens.size() && tokens.get(start).isWord("BEGIN")
                && tokens.get(start + 1).isAnyWord(MAIN_KEYWORDS)) {
            start++;
        }
        return start >= tokens.size() ? List.of() : tokens.subList(start, tokens.size());
    }

    /** The index of the first main keyword outside parentheses after a T-SQL {@code IF} condition. */
    private static int afterCondition(List<Token> tokens, int from) {
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && (token.isAnyWord(MAIN_KEYWORDS) || token.isWord("BEGIN"))) {
                return i;
            }
        }
        return tokens.size();
    }

    /** True when a word {@code keyword} stands outside parentheses at or after {@code from}. */
    static boolean hasTopLevelWord(List<Token> tokens, int from, String keyword) {
        return topLevelWord(tokens, from, keyword) != null;
    }

    /** The first word {@code keyword} outside parentheses at or after {@code from}, or null. */
    static Token topLevelWord(List<Token> tokens, int from, String keyword) {
        int at = TopLevel.wordIndex(tokens, from, keyword);
        return at < 0 ? null : tokens.get(at);
    }
}
