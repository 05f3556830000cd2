package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The table a statement changes written in a form no SQL dialect reads as a name, such as a placeholder of a
 * templating tool that fills it in before the database sees the script ({@code UPDATE %(schema)s.jobs},
 * {@code DELETE FROM <<schema>>.jobs}, {@code UPDATE ?.jobs}). The parser then fails at the statement's first word,
 * which tells the user nothing; naming the unread target tells them what to fill in.
 */
final class UnreadTargetName {

    private UnreadTargetName() {
    }

    /** A description of the unread target for a parse message, or empty when the target reads as a name. */
    static Optional<String> of(Statement statement) {
        List<Token> tokens = new ArrayList<>();
        for (Token token : statement.tokens()) {
            if (token.type() != TokenType.COMMENT) {
                tokens.add(token);
            }
        }
        int target = targetIndex(tokens);
        if (target < 0 || target >= tokens.size() || ObjectNames.namePartEnd(tokens, target) >= 0
                || !looksTemplated(tokens.get(target))) {
            return Optional.empty();
        }
        int end = target + 1;
        while (end < tokens.size() && tokens.get(end).offset() == tokens.get(end - 1).endOffset()
                && tokens.get(end).type() != TokenType.TERMINATOR && !tokens.get(end).isSymbol(";")) {
            end++;
        }
        Token first = tokens.get(target);
        return Optional.of("the table name " + Token.written(tokens.subList(target, end)) + " at line " + first.line()
                + ", column " + first.column() + " is not SQL (a placeholder of another tool? Set its form as"
                + " Flyway's placeholderPrefix and placeholderSuffix)");
    }

    /** The index where the changed table is named, after the words that may come before it, or -1. */
    private static int targetIndex(List<Token> tokens) {
        if (tokens.isEmpty()) {
            return -1;
        }
        int i;
        if (tokens.get(0).isWord("UPDATE")) {
            i = 1;
        } else if (tokens.get(0).isWord("DELETE")) {
            i = tokens.size() > 1 && tokens.get(1).isWord("FROM") ? 2 : 1;
        } else if (tokens.get(0).isAnyWord("INSERT", "MERGE")) {
            i = tokens.size() > 1 && tokens.get(1).isWord("INTO") ? 2 : 1;
        } else {
            return -1;
        }
        return i < tokens.size() && tokens.get(i).isWord("ONLY") ? i + 1 : i;
    }

    /**
     * True for a symbol that starts no name or subquery in any dialect: not an opening parenthesis, and not T-SQL's
     * {@code @table} variable or {@code #temp} table, which other dialects' lexers may leave as symbols.
     */
    private static boolean looksTemplated(Token token) {
        return token.type() == TokenType.SYMBOL && !token.isSymbol("(") && !token.text().startsWith("@")
                && !token.text().startsWith("#");
    }
}
