package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.analysis.TemplateActionNames;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads names and lists from DDL tokens. The replay keys tables and columns by their last name part, lower
 * case, without quotes: schemas are not told apart (a limit the README states), and {@code "Orders"},
 * {@code [orders]} and {@code app.ORDERS} are one table.
 */
final class SchemaNames {

    // The replay asks for the keys of the same quoted or qualified names over and over (every foreign key of every
    // table, at every DROP): worked out once each, up to a bound.
    private static final BoundedMemo<String> KEYS = new BoundedMemo<>(1 << 16, SchemaNames::keyOf);

    private SchemaNames() {
    }

    /** The key of a written name: its last part, unquoted, lower case. */
    static String key(String written) {
        if (isKeyAlready(written)) {
            return written;
        }
        return KEYS.get(written);
    }

    private static String keyOf(String written) {
        return unquoted(TemplateActionNames.canonical(lastPart(written))).toLowerCase(Locale.ROOT);
    }

    /** The last part of a written name, as written: {@code SUSPENSION_STATE_} of {@code T.SUSPENSION_STATE_}. */
    static String lastPart(String written) {
        String name = written.strip();
        int cut = -1;
        char quote = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '{' && TemplateActionNames.actionEnd(name, i) > 0) {
                i = TemplateActionNames.actionEnd(name, i) - 1; // its dots (.Options) split no name
            } else if (c == '"' || c == '`') {
                quote = c;
            } else if (c == '[') {
                quote = ']';
            } else if (c == '.') {
                cut = i;
            }
        }
        return name.substring(cut + 1);
    }

    /** True for a bare lower-case name, the usual case, whose key is itself: nothing to copy. */
    private static boolean isKeyAlready(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '$')) {
                return false;
            }
        }
        return true;
    }

    /** The name of key {@code key} as {@code tokens} write it ("isAIEnabled", not the key "isaienabled"). */
    static String asWrittenIn(List<Token> tokens, String key) {
        return tokens.stream().filter(SchemaNames::isNamePart).map(token -> unquoted(lastPart(token.text())))
                .filter(name -> key(name).equals(key)).findFirst().orElse(key);
    }

    /** The name without its quotes or brackets. */
    static String unquoted(String name) {
        // Most names are bare: asked for nearly every statement the replay reads, they are returned as they are.
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"' || c == '`' || c == '[' || c == ']') {
                return name.replace("\"", "").replace("`", "").replace("[", "").replace("]", "");
            }
        }
        return name;
    }

    static boolean isNamePart(Token token) {
        return token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_NAME
                || token.type() == TokenType.PLACEHOLDER;
    }

    /** A name read from tokens: its text as written and the index after it. */
    record Read(String text, int next) {
    }

    /** The qualified name at {@code index} ({@code a.b.c}, T-SQL {@code db..t}), or null. */
    static Read name(List<Token> tokens, int index) {
        int end = ObjectNames.namePartEnd(tokens, index);
        if (end < 0) {
            return null;
        }
        // Most names are one token with no qualifier: their text is the token's, with nothing to build.
        if (end == index + 1 && (end >= tokens.size() || !tokens.get(end).isSymbol("."))) {
            return new Read(tokens.get(index).text(), end);
        }
        StringBuilder text = new StringBuilder();
        int i = appendPart(tokens, index, text);
        while (i + 1 < tokens.size() && tokens.get(i).isSymbol(".")) {
            text.append('.');
            i++;
            if (tokens.get(i).isSymbol(".")) {
                continue;
            }
            if (ObjectNames.namePartEnd(tokens, i) < 0) {
                break;
            }
            i = appendPart(tokens, i, text);
        }
        return new Read(text.toString(), i);
    }

    /**
     * Appends the name part at {@code index}, glued placeholders and psql variables ({@code :schema.jobs})
     * included, and returns the index after it.
     */
    private static int appendPart(List<Token> tokens, int index, StringBuilder text) {
        int end = ObjectNames.namePartEnd(tokens, index);
        for (Token token : tokens.subList(index, end)) {
            text.append(token.text());
        }
        return end;
    }

    /** The names listed in the parentheses at {@code index}: {@code (a, b)}. */
    static List<String> parenthesisedNames(List<Token> tokens, int index) {
        List<String> names = new ArrayList<>();
        int end = ObjectNames.skipParentheses(tokens, index);
        if (end == index) {
            return names;
        }
        for (List<Token> part : ObjectNames.splitAtCommas(tokens, index + 1, end - 1)) {
            Read read = name(part, 0);
            if (read != null) {
                names.add(read.text());
            }
        }
        return names;
    }

    /** A type as written, spaced as people write it: {@code VARCHAR(100)}, {@code NUMERIC(10, 2)}. */
    static String text(List<Token> tokens) {
        StringBuilder text = new StringBuilder();
        Token previous = null;
        for (Token token : tokens) {
            // A qualified type keeps its dots unspaced ("public"."Role"), and a PostgreSQL array type its brackets
            // (text[], int[3][3]), as written and as messages show them.
            boolean glued = previous == null || previous.isSymbol("(") || token.isSymbol("(")
                    || token.isSymbol(")") || token.isSymbol(",") || token.isSymbol(".") || previous.isSymbol(".")
                    || token.isSymbol("[") || token.isSymbol("]") || previous.isSymbol("[");
            if (!glued) {
                text.append(' ');
            }
            text.append(token.text());
            previous = token;
        }
        return text.toString();
    }

    /** The names a {@code DROP TABLE} or {@code DROP VIEW} lists after its kind ({@code [IF EXISTS] a, b [CASCADE]}). */
    static List<String> dropped(List<Token> tokens, int from) {
        int i = from;
        if (i + 1 < tokens.size() && tokens.get(i).isWord("IF") && tokens.get(i + 1).isWord("EXISTS")) {
            i += 2;
        }
        List<String> names = new ArrayList<>();
        for (List<Token> part : ObjectNames.splitAtCommas(tokens, i, tokens.size())) {
            Read name = name(part, 0);
            if (name != null) {
                names.add(name.text());
            }
        }
        return names;
    }
}
