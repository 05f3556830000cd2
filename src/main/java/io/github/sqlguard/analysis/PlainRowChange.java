package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;
import java.util.Set;

/**
 * Decides when the tokens alone settle what a DELETE or UPDATE touches, so JSqlParser need not be asked: the
 * plain shapes {@code DELETE FROM t [alias] [WHERE ..]} and {@code UPDATE t [alias] SET a = 1, .. [WHERE ..]}
 * whose WHERE, if any, is a conjunction of a column compared with literals ({@code id = 5},
 * {@code x IN (1, 2)}, {@code a = ? AND b > 3}, {@code c IS NULL}). Such a WHERE can never hold for every
 * row, and no join, CTE or subquery is involved. Everything else (CTEs, subqueries, joins, USING, FROM,
 * OR, NOT, comparisons of two columns, dialect forms) goes to the parser as before.
 */
final class PlainRowChange {

    private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", "<=", ">", ">=");
    /** Symbols an assignment of a plain UPDATE may use; a bracket, a semicolon or a dialect operator may not. */
    private static final Set<String> ASSIGNMENT_SYMBOLS = Set.of(",", "=", ".", "+", "-", "*", "/", "(", ")",
            "?", "||");
    private static final Set<String> NOT_IN_ASSIGNMENTS = Set.of("SELECT", "FROM", "JOIN", "WITH", "WHERE",
            "OUTPUT", "RETURNING", "ORDER", "LIMIT", "CASE", "ARRAY", "INTERVAL", "ROW");

    private PlainRowChange() {
    }

    /** True when {@code tokens} (one statement without its terminator) is a plain DELETE or UPDATE. */
    static boolean settles(List<Token> tokens) {
        if (tokens.isEmpty()) {
            return false;
        }
        for (Token token : tokens) {
            if (token.text().indexOf('\\') >= 0) {
                return false; // MySQL's backslash escapes: the parser decides how the text reads
            }
        }
        int i;
        if (tokens.get(0).isWord("DELETE")) {
            if (!isWord(tokens, 1, "FROM")) {
                return false;
            }
            i = afterTable(tokens, 2);
        } else if (tokens.get(0).isWord("UPDATE")) {
            i = afterTable(tokens, 1);
            if (i < 0 || !isWord(tokens, i, "SET")) {
                return false;
            }
            i = afterAssignments(tokens, i + 1);
        } else {
            return false;
        }
        if (i < 0 || i == tokens.size()) {
            return i == tokens.size();
        }
        return isWord(tokens, i, "WHERE") && plainCondition(tokens, i + 1);
    }

    /** The index after {@code name [[AS] alias]}, or -1 when no plain name stands at {@code i}. */
    private static int afterTable(List<Token> tokens, int i) {
        int at = i;
        if (!isPlainName(tokens, at) || tokens.get(at).isAnyWord("ONLY", "TOP", "LOW_PRIORITY", "QUICK", "IGNORE",
                "FROM", "WHERE", "SET")) {
            return -1;
        }
        at++;
        while (at + 1 < tokens.size() && tokens.get(at).isSymbol(".") && isPlainName(tokens, at + 1)) {
            at += 2;
        }
        if (isWord(tokens, at, "AS")) {
            at++;
            return isPlainName(tokens, at) ? at + 1 : -1;
        }
        if (at < tokens.size() && tokens.get(at).type() == TokenType.WORD
                && !tokens.get(at).isAnyWord("WHERE", "SET")) {
            at++; // an alias
        }
        return at;
    }

    private static int afterAssignments(List<Token> tokens, int from) {
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            // Two operands side by side (Oracle's a MULTISET UNION b) are a form the parser may not know.
            if (i > from && isOperand(token) && isOperand(tokens.get(i - 1)) && !token.isWord("WHERE")) {
                return -1;
            }
            switch (token.type()) {
                case WORD -> {
                    if (depth == 0 && token.isWord("WHERE")) {
                        return i;
                    }
                    if (token.isAnyWord(NOT_IN_ASSIGNMENTS.toArray(String[]::new))) {
                        return -1;
                    }
                }
                case SYMBOL -> {
                    if (!ASSIGNMENT_SYMBOLS.contains(token.text())) {
                        return -1;
                    }
                    depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
                }
                case QUOTED_NAME, NUMBER -> {
                }
                case STRING -> {
                    if (!plainString(token)) {
                        return -1;
                    }
                }
                default -> {
                    return -1;
                }
            }
        }
        // A statement that ends in an operator (a stray end delimiter, "a = b /") is for the parser to judge.
        Token last = tokens.get(tokens.size() - 1);
        return depth == 0 && (last.type() != TokenType.SYMBOL || last.isSymbol(")")) ? tokens.size() : -1;
    }

    private static boolean isOperand(Token token) {
        return switch (token.type()) {
            case WORD, QUOTED_NAME, NUMBER, STRING -> true;
            default -> false;
        };
    }

    /** A single-quoted string without backslashes, which every dialect and the parser read alike. */
    private static boolean plainString(Token token) {
        return token.text().startsWith("'") && token.text().indexOf('\\') < 0;
    }

    /** {@code term AND term ..} to the end, each term a column compared with literals. */
    private static boolean plainCondition(List<Token> tokens, int from) {
        int i = from;
        while (true) {
            i = afterTerm(tokens, i);
            if (i < 0) {
                return false;
            }
            if (i == tokens.size()) {
                return true;
            }
            if (!isWord(tokens, i, "AND")) {
                return false;
            }
            i++;
        }
    }

    private static int afterTerm(List<Token> tokens, int i) {
        if (!isPlainName(tokens, i) || tokens.get(i).isAnyWord("NOT", "TRUE", "FALSE", "NULL", "EXISTS")) {
            return -1;
        }
        int at = i + 1;
        while (at + 1 < tokens.size() && tokens.get(at).isSymbol(".") && isPlainName(tokens, at + 1)) {
            at += 2;
        }
        if (at >= tokens.size()) {
            return -1;
        }
        Token operator = tokens.get(at);
        if (operator.type() == TokenType.SYMBOL && COMPARISONS.contains(operator.text())) {
            return afterLiteral(tokens, at + 1);
        }
        if (operator.isWord("IS")) {
            int next = isWord(tokens, at + 1, "NOT") ? at + 2 : at + 1;
            return isWord(tokens, next, "NULL") ? next + 1 : -1;
        }
        int afterNot = operator.isWord("NOT") ? at + 1 : at;
        if (isWord(tokens, afterNot, "LIKE")) {
            return afterLiteral(tokens, afterNot + 1);
        }
        if (isWord(tokens, afterNot, "IN") && afterNot + 1 < tokens.size() && tokens.get(afterNot + 1).isSymbol("(")) {
            int j = afterNot + 2;
            while (true) {
                j = afterLiteral(tokens, j);
                if (j < 0 || j >= tokens.size()) {
                    return -1;
                }
                if (tokens.get(j).isSymbol(")")) {
                    return j + 1;
                }
                if (!tokens.get(j).isSymbol(",")) {
                    return -1;
                }
                j++;
            }
        }
        if (operator.isWord("BETWEEN")) {
            int low = afterLiteral(tokens, at + 1);
            return low > 0 && isWord(tokens, low, "AND") ? afterLiteral(tokens, low + 1) : -1;
        }
        return -1;
    }

    /** The index after a literal: a number (with a sign), a string, TRUE/FALSE, a {@code ?} or {@code :name}. */
    private static int afterLiteral(List<Token> tokens, int i) {
        if (i >= tokens.size()) {
            return -1;
        }
        Token token = tokens.get(i);
        if (token.isSymbol("-") && i + 1 < tokens.size() && tokens.get(i + 1).type() == TokenType.NUMBER) {
            return i + 2;
        }
        if (token.type() == TokenType.NUMBER || token.isSymbol("?") || token.isAnyWord("TRUE", "FALSE")) {
            return i + 1;
        }
        if (token.type() == TokenType.STRING && plainString(token)) {
            return i + 1;
        }
        if (token.isSymbol(":") && i + 1 < tokens.size() && tokens.get(i + 1).type() == TokenType.WORD) {
            return i + 2;
        }
        return -1;
    }

    private static boolean isPlainName(List<Token> tokens, int i) {
        return i < tokens.size() && (tokens.get(i).type() == TokenType.WORD
                || tokens.get(i).type() == TokenType.QUOTED_NAME && !tokens.get(i).text().startsWith("["));
    }

    private static boolean isWord(List<Token> tokens, int i, String word) {
        return i >= 0 && i < tokens.size() && tokens.get(i).isWord(word);
    }
}
