package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The literal a call's argument passes, also where the call casts it to a type that keeps its text or joins
 * literals: PostgreSQL scripts write {@code SELECT drop_column('orders'::varchar, CAST('note' AS text))} to pick
 * an overload, or {@code 'order_' || 'lines'}, and the helper's body runs with the same text as for the bare
 * literal.
 */
final class LiteralArgument {

    private LiteralArgument() {
    }

    /**
     * The argument as one string literal at its place in the file: a quoted string, a number or a boolean, cast or
     * not, or such literals joined with {@code ||}; null for anything else (also when empty).
     */
    static Token of(List<Token> argument) {
        List<List<Token>> parts = joinedParts(argument);
        if (parts.size() == 1) {
            return plain(uncast(parts.get(0)));
        }
        StringBuilder joined = new StringBuilder();
        for (List<Token> part : parts) {
            Token literal = plain(uncast(part));
            String value = literal == null ? null : valueOf(literal);
            if (value == null) {
                return null;
            }
            joined.append(value);
        }
        return literalAt(joined.toString(), argument.get(0));
    }

    /** A string literal of {@code value}, quoted as SQL quotes it, at the place of {@code at}. */
    static Token literalAt(String value, Token at) {
        return new Token(TokenType.STRING, "'" + value.replace("'", "''") + "'", at.offset(), at.line(), at.column());
    }

    /**
     * A quoted string as it is, a number as a string of its digits, TRUE and FALSE as the text a boolean turns into;
     * null for anything else.
     */
    private static Token plain(List<Token> argument) {
        if (argument.size() != 1) {
            return null;
        }
        Token token = argument.get(0);
        return token.type() == TokenType.STRING ? token
                : token.type() == TokenType.NUMBER ? literalAt(token.text(), token)
                : token.isAnyWord("TRUE", "FALSE") ? literalAt(token.text().toLowerCase(Locale.ROOT), token)
                : null;
    }

    /** The parts of {@code argument} joined by {@code ||} outside parentheses; the argument itself when none is. */
    private static List<List<Token>> joinedParts(List<Token> argument) {
        List<List<Token>> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < argument.size(); i++) {
            Token token = argument.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && token.isSymbol("||")) {
                parts.add(argument.subList(start, i));
                start = i + 1;
            }
        }
        parts.add(argument.subList(start, argument.size()));
        return parts;
    }

    /**
     * The literal a cast holds when the cast keeps its text: {@code 'x'::varchar}, {@code 'x'::character varying},
     * {@code CAST('x' AS text)}; with a length ({@code varchar(10)}) only when the text fits in it, as a longer one
     * is cut. Anything else is returned as it is.
     */
    private static List<Token> uncast(List<Token> argument) {
        if (argument.size() >= 3 && argument.get(1).isSymbol("::")
                && keepsText(argument.get(0), argument.subList(2, argument.size()))) {
            return argument.subList(0, 1);
        }
        int last = argument.size() - 1;
        if (argument.size() >= 6 && argument.get(0).isWord("CAST") && argument.get(1).isSymbol("(")
                && argument.get(3).isWord("AS") && argument.get(last).isSymbol(")")
                && keepsText(argument.get(2), argument.subList(4, last))) {
            return argument.subList(2, 3);
        }
        return argument;
    }

    /**
     * True when casting {@code literal} to the type {@code type} names (words, then at most one length) leaves its
     * text as it was.
     */
    private static boolean keepsText(Token literal, List<Token> type) {
        int words = 0;
        while (words < type.size() && type.get(words).type() == TokenType.WORD) {
            words++;
        }
        if (words == 0 || plain(List.of(literal)) == null) {
            return false;
        }
        if (words == type.size()) {
            return true;
        }
        return words + 3 == type.size() && type.get(words).isSymbol("(")
                && type.get(words + 1).type() == TokenType.NUMBER && type.get(words + 2).isSymbol(")")
                && literal.type() == TokenType.STRING && valueOf(literal) != null
                && valueOf(literal).length() <= lengthOf(type.get(words + 1));
    }

    private static int lengthOf(Token number) {
        try {
            return Integer.parseInt(number.text());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The text a plain literal stands for: a quoted string without its quotes, a number's digits; null for another
     * kind of string ({@code E'..'}, {@code $$..$$}), whose text is not read here.
     */
    private static String valueOf(Token literal) {
        String text = literal.text();
        if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
            return text.substring(1, text.length() - 1).replace("''", "'");
        }
        return literal.type() == TokenType.NUMBER || text.chars().allMatch(Character::isDigit) ? text : null;
    }
}
