package io.github.sqlguard.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's {@code format('DROP TABLE IF EXISTS %I CASCADE', r.tablename)}, the usual way PL/pgSQL builds the
 * SQL it runs with {@code EXECUTE}: its format string is known, only what fills its {@code %I}, {@code %L} and
 * {@code %s} slots is built at run time. The format string is cut at each slot into literals, each slot standing
 * in as a word of its own, so that what the text shows (a table is dropped, a DELETE has no WHERE) is checked
 * the way {@code 'DROP TABLE ' || name} is.
 */
final class FormatCall {

    private FormatCall() {
    }

    /**
     * The parts of {@code format('..', ..)} (also {@code pg_catalog.format}) in {@code expression}: literals and
     * stand-in words, in order; null when the expression is not such a call with a plain or dollar-quoted format
     * string.
     *
     * @param standIns how many stand-ins the statement already has, so each gets a name of its own
     */
    static List<Token> parts(List<Token> expression, int standIns) {
        int at = expression.size() > 2 && expression.get(1).isSymbol(".") && expression.get(0).isWord("pg_catalog")
                ? 2 : 0;
        if (expression.size() < at + 4 || !expression.get(at).isWord("format") || !expression.get(at + 1).isSymbol("(")
                || !expression.get(expression.size() - 1).isSymbol(")")) {
            return null;
        }
        if (DynamicSql.closingParenthesis(expression, at + 1) != expression.size() - 1) {
            return null; // format(..) || ' WHERE ..': more text follows the call, built at run time
        }
        Token format = expression.get(at + 2);
        Token after = expression.get(at + 3);
        if (format.type() != TokenType.STRING || !(after.isSymbol(",") || after.isSymbol(")"))) {
            return null;
        }
        String text = format.text();
        int open;
        if (text.startsWith("'")) {
            open = 1;
        } else if (text.startsWith("$")) {
            open = text.indexOf('$', 1) + 1;
        } else {
            return null; // E'..' and other prefixes: the slots would have to be found in the unescaped text
        }
        int close = text.length() - open;
        if (open <= 0 || close < open) {
            return null;
        }
        return cutAtSlots(format, open, close, standIns);
    }

    /** The format string's text between {@code from} and {@code to}, cut at each slot into literals and stand-ins. */
    private static List<Token> cutAtSlots(Token format, int from, int to, int standIns) {
        String text = format.text();
        String quote = text.substring(0, from);
        List<Token> parts = new ArrayList<>();
        int pieceStart = from;
        int slots = standIns;
        int i = from;
        while (i < to) {
            if (text.charAt(i) != '%') {
                i++;
                continue;
            }
            if (i + 1 < to && text.charAt(i + 1) == '%') {
                // %% is one %: keep the first as text, drop the second.
                parts.add(piece(format, quote, pieceStart, i + 1));
                pieceStart = i + 2;
                i += 2;
                continue;
            }
            int type = slotEnd(text, i + 1, to);
            if (type < 0) {
                i++;
                continue;
            }
            parts.add(piece(format, quote, pieceStart, i));
            parts.add(new Token(TokenType.WORD, "built_at_run_time_" + ++slots, format.offset() + i, format.line(),
                    format.column()));
            pieceStart = type + 1;
            i = type + 1;
        }
        parts.add(piece(format, quote, pieceStart, to));
        return parts;
    }

    /** The index of the type letter ({@code s}, {@code I}, {@code L}) of the slot after {@code %}, or -1. */
    private static int slotEnd(String text, int from, int to) {
        int i = from;
        while (i < to && (Character.isDigit(text.charAt(i)) || "$-*".indexOf(text.charAt(i)) >= 0)) {
            i++;
        }
        return i < to && "sIL".indexOf(text.charAt(i)) >= 0 ? i : -1;
    }

    /**
     * The literal holding the format string's {@code [from, to)}, quoted as the format string is, placed so that
     * each of its characters keeps its offset in the file.
     */
    private static Token piece(Token format, String quote, int from, int to) {
        String closing = quote.equals("'") ? "'" : quote;
        return new Token(TokenType.STRING, quote + format.text().substring(from, to) + closing,
                format.offset() + from - quote.length(), format.line(), format.column());
    }
}
