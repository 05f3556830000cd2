package io.github.sqlguard.sql;

import java.util.List;
import java.util.Locale;

/**
 * Functions that only change how a known text is written: {@code LOWER}, {@code UPPER}, {@code TRIM} (also
 * {@code LTRIM}, {@code RTRIM}), T-SQL's {@code QUOTENAME} and PostgreSQL's {@code quote_ident}. A routine called with
 * literals often builds a name so ({@code LOWER(objschema) || '.' || LOWER(objname)}, {@code QUOTENAME(@t)}); with
 * the literal known, what the call makes is known too, and the statement it runs names the real object.
 */
final class TextFunctions {

    private static final String[] NAMES = {"LOWER", "UPPER", "TRIM", "LTRIM", "RTRIM", "QUOTENAME", "quote_ident"};

    private TextFunctions() {
    }

    /**
     * The index of the closing parenthesis of such a call at {@code at} whose one argument is a single word or
     * literal ({@code LOWER(p_name)}) or another such call ({@code QUOTENAME(LOWER(@t))}), or -1 for anything else
     * (two arguments, {@code TRIM(BOTH 'x' FROM v)}).
     */
    static int callEnd(List<Token> tokens, int at) {
        if (at + 3 >= tokens.size() || !tokens.get(at).isAnyWord(NAMES) || !tokens.get(at + 1).isSymbol("(")) {
            return -1;
        }
        int argumentEnd = callEnd(tokens, at + 2);
        if (argumentEnd < 0) {
            TokenType argument = tokens.get(at + 2).type();
            argumentEnd = argument == TokenType.WORD || argument == TokenType.STRING ? at + 2 : -1;
        }
        return argumentEnd > 0 && argumentEnd + 1 < tokens.size() && tokens.get(argumentEnd + 1).isSymbol(")")
                ? argumentEnd + 1 : -1;
    }

    /** The text {@code function} makes of {@code text}. */
    static String applied(Token function, String text) {
        return switch (function.text().toUpperCase(Locale.ROOT)) {
            case "LOWER" -> text.toLowerCase(Locale.ROOT);
            case "UPPER" -> text.toUpperCase(Locale.ROOT);
            case "TRIM" -> text.strip();
            case "LTRIM" -> text.stripLeading();
            case "RTRIM" -> text.stripTrailing();
            case "QUOTENAME" -> "[" + text.replace("]", "]]") + "]";
            // As PostgreSQL does, only where the name needs it: a plain lower-case name is left as it is.
            default -> text.matches("[a-z_][a-z0-9_$]*") ? text : '"' + text.replace("\"", "\"\"") + '"';
        };
    }
}
