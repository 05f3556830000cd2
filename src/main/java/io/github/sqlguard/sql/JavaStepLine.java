package io.github.sqlguard.sql;

import java.util.List;
import java.util.Optional;

/**
 * A schema runner's {@code execute java com.acme.upgrade.Step} line: some process engines keep their upgrade
 * scripts as SQL with such lines among the statements, and their runner, which splits the script itself, loads the
 * named class and runs it with its own connection instead of sending the line to the database. The line ends there,
 * without a semicolon, so read as SQL it swallowed the statement on the next line; and the class may change any row,
 * which sqlguard cannot see. No database's statement goes on with {@code EXECUTE JAVA} followed by a qualified name
 * alone on its line, so the shape is decidable from the line in every dialect.
 */
public final class JavaStepLine {

    private JavaStepLine() {
    }

    /** True when the line from {@code pos}, its first token, is a Java step naming a qualified class on that line. */
    static boolean startsAt(String text, int pos, int end) {
        if (!ClientCommands.startsWithWord(text, pos, end, "EXECUTE")) {
            return false;
        }
        int java = LexicalShapes.skipBlanks(text, pos + "EXECUTE".length(), end);
        if (java == pos + "EXECUTE".length() || !ClientCommands.startsWithWord(text, java, end, "JAVA")) {
            return false;
        }
        int name = LexicalShapes.skipBlanks(text, java + "JAVA".length(), end);
        if (name == java + "JAVA".length()) {
            return false;
        }
        int i = name;
        boolean qualified = false;
        while (i < end && (ClientCommands.isWordPart(text.charAt(i)) || text.charAt(i) == '.')) {
            qualified |= text.charAt(i) == '.' && i > name;
            i++;
        }
        boolean endsWithPart = text.charAt(i - 1) != '.';
        i = LexicalShapes.skipBlanks(text, i, end);
        i += i < end && text.charAt(i) == ';' ? 1 : 0;
        i = LexicalShapes.skipBlanks(text, i, end);
        return qualified && endsWithPart && (i >= end || LexicalShapes.isLineBreak(text.charAt(i)));
    }

    /**
     * The token that starts the class name of {@code statement} when it is a Java step ({@code EXECUTE JAVA} and a
     * qualified name, nothing else but comments and its terminator).
     */
    public static Optional<Token> className(Statement statement) {
        // Asked of every statement: most start with another word, and are let go before their tokens are copied.
        Token first = null;
        for (Token token : statement.tokens()) {
            if (token.type() != TokenType.COMMENT) {
                first = token;
                break;
            }
        }
        if (first == null || !first.isWord("EXECUTE")) {
            return Optional.empty();
        }
        List<Token> tokens = statement.tokens().stream()
                .filter(t -> t.type() != TokenType.COMMENT && t.type() != TokenType.TERMINATOR).toList();
        if (tokens.size() < 5 || !tokens.get(0).isWord("EXECUTE") || !tokens.get(1).isWord("JAVA")) {
            return Optional.empty();
        }
        for (int i = 2; i < tokens.size(); i++) {
            boolean namePart = (i - 2) % 2 == 0 ? tokens.get(i).type() == TokenType.WORD : tokens.get(i).isSymbol(".");
            if (!namePart) {
                return Optional.empty();
            }
        }
        return tokens.size() % 2 == 1 ? Optional.of(tokens.get(2)) : Optional.empty();
    }

    /** The qualified class name the step at {@code statement} runs, as written. */
    public static String classNameOf(Statement statement) {
        StringBuilder name = new StringBuilder();
        statement.tokens().stream().filter(t -> t.type() != TokenType.COMMENT && t.type() != TokenType.TERMINATOR)
                .skip(2).forEach(t -> name.append(t.text()));
        return name.toString();
    }
}
