package io.github.sqlguard.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * MySQL's double-quoted names, as the server reads them under the {@code ANSI_QUOTES} SQL mode. Without that mode
 * {@code "..."} is a string, and {@code ALTER TABLE "t" RENAME COLUMN "a" TO "b"} is a syntax error that never
 * runs; so a schema statement that writes a double-quoted string where only a name can stand runs only in that mode,
 * where it renames, retypes or drops what it names. Those strings are turned into quoted names here, so the rules
 * judge the statement instead of finding no name in it. Strings elsewhere (a {@code DEFAULT "x"}, a
 * {@code COMMENT "x"}, an {@code ENUM("a", "b")}) stay strings. A DELETE, UPDATE or INSERT that double-quotes the
 * table it writes runs only in that mode too, where every double-quoted word in it is a name:
 * {@code DELETE FROM "t" WHERE "id" IN ('1')} deletes by a column, not by comparing two strings.
 */
final class AnsiQuotedNames {

    /** The verbs of the schema statements whose names are read here. */
    private static final Set<String> VERBS = Set.of("ALTER", "RENAME", "DROP", "TRUNCATE");

    /** Words after which a schema statement names a table, a column or an index. */
    private static final Set<String> BEFORE_NAME = Set.of("TABLE", "COLUMN", "MODIFY", "CHANGE", "TO", "AFTER",
            "DROP", "EXISTS", "INDEX", "KEY", "RENAME", "ADD", "TABLES");

    /** The verbs of the row statements whose target, when double-quoted, makes every double-quoted word a name. */
    private static final Set<String> ROW_VERBS = Set.of("DELETE", "UPDATE", "INSERT", "REPLACE");

    /** Words between a row statement's verb and its target table. */
    private static final Set<String> ROW_MODIFIERS = Set.of("LOW_PRIORITY", "QUICK", "IGNORE", "DELAYED",
            "HIGH_PRIORITY", "INTO", "FROM");

    private AnsiQuotedNames() {
    }

    /** {@code tokens} with the double-quoted strings in name positions of a schema statement read as names. */
    static List<Token> of(List<Token> tokens) {
        if (tokens.isEmpty() || tokens.get(0).type() != TokenType.WORD) {
            return tokens;
        }
        if (ROW_VERBS.contains(tokens.get(0).upper())) {
            return writesQuotedTarget(tokens) ? allDoubleQuotedAsNames(tokens) : tokens;
        }
        if (!VERBS.contains(tokens.get(0).upper())) {
            return tokens;
        }
        List<Token> read = null;
        for (int i = 1; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (isDoubleQuotedString(token) && standsForName(read == null ? tokens : read, i)) {
                read = read == null ? new ArrayList<>(tokens) : read;
                read.set(i, new Token(TokenType.QUOTED_NAME, token.text(), token.offset(), token.line(),
                        token.column()));
            }
        }
        return read == null ? tokens : read;
    }

    private static boolean writesQuotedTarget(List<Token> tokens) {
        int i = 1;
        while (i < tokens.size() && tokens.get(i).type() == TokenType.WORD
                && ROW_MODIFIERS.contains(tokens.get(i).upper())) {
            i++;
        }
        return i < tokens.size() && isDoubleQuotedString(tokens.get(i));
    }

    private static List<Token> allDoubleQuotedAsNames(List<Token> tokens) {
        List<Token> read = new ArrayList<>(tokens);
        for (int i = 0; i < read.size(); i++) {
            Token token = read.get(i);
            if (isDoubleQuotedString(token)) {
                read.set(i, new Token(TokenType.QUOTED_NAME, token.text(), token.offset(), token.line(),
                        token.column()));
            }
        }
        return read;
    }

    private static boolean isDoubleQuotedString(Token token) {
        String text = token.text();
        return token.type() == TokenType.STRING && text.length() > 2 && text.charAt(0) == '"'
                && text.endsWith("\"") && text.indexOf('\\') < 0;
    }

    /**
     * Whether the token at {@code i} stands where a name must: after a word that introduces one, after the dot of a
     * qualified name, after a comma in a list of tables, or as the new name of {@code CHANGE [COLUMN] old new}.
     */
    private static boolean standsForName(List<Token> tokens, int i) {
        Token before = tokens.get(i - 1);
        if (before.type() == TokenType.WORD && BEFORE_NAME.contains(before.upper())) {
            return true;
        }
        if (before.isSymbol(".")) {
            return i >= 2 && isName(tokens.get(i - 2));
        }
        if (isName(before) && i >= 2) {
            Token changed = tokens.get(i - 2).isWord("COLUMN") && i >= 3 ? tokens.get(i - 3) : tokens.get(i - 2);
            return changed.isWord("CHANGE");
        }
        return false;
    }

    private static boolean isName(Token token) {
        return token.type() == TokenType.QUOTED_NAME || token.type() == TokenType.WORD;
    }
}
