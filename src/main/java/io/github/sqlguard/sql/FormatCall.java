package io.github.sqlguard.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * PostgreSQL's {@code format('DROP TABLE IF EXISTS %I CASCADE', r.tablename)}, the usual way PL/pgSQL builds the
 * SQL it runs with {@code EXECUTE}: its format string is known, only what fills its {@code %I}, {@code %L} and
 * {@code %s} slots is built at run time. The format string is cut at each slot into literals, each slot standing
 * in as a word of its own, so that what the text shows (a table is dropped, a DELETE has no WHERE) is checked
 * the way {@code 'DROP TABLE ' || name} is. A slot whose argument is a literal ({@code format('DELETE FROM %I',
 * 'events')}) is filled with it as PostgreSQL would, so the statement is read whole.
 */
final class FormatCall {

    /** An E'..' escape that spells a character by its code (\x25 is %) or escapes a % of the format itself. */
    private static final Pattern ESCAPE_HIDING_SLOTS = Pattern.compile("\\\\[xXuU0-7%]");

    /**
     * The parts of a format call.
     *
     * @param parts literals and words, in order: a slot's filled-in value, or a stand-in for what is built at run time
     */
    record Formatted(List<Token> parts) {

        /**
         * True when some {@code %s} slot's argument is not a literal. A {@code %I} or {@code %L} slot quotes what
         * fills it as one name or one value, so it leaves the statement what the format string shows: its findings
         * name {@code <run-time value>}, and nothing else of it is unknown.
         */
        boolean builtAtRunTime() {
            return StandIns.leaveShapeOpen(parts);
        }

        /**
         * The text the call makes as one literal, placed where its format string starts, when every slot is filled
         * in; null when some slot is only known when the migration runs. A variable assigned {@code format('%s_%s_seq',
         * 'orders', 'id')} and joined into other text is joined as that text.
         */
        Token asOneLiteral() {
            StringBuilder text = new StringBuilder();
            for (Token part : parts) {
                if (StandIns.is(part)) {
                    return null;
                }
                text.append(part.type() == TokenType.STRING ? part.stringValue() : part.text());
            }
            Token first = parts.get(0);
            return new Token(TokenType.STRING, "'" + text.toString().replace("'", "''") + "'", first.offset(),
                    first.line(), first.column());
        }
    }

    private FormatCall() {
    }

    /**
     * The parts of {@code format('..', ..)} (also {@code pg_catalog.format}) in {@code expression}: literals and
     * stand-in words, in order; null when the expression is not such a call with a plain or dollar-quoted format
     * string.
     *
     * @param standIns how many stand-ins the statement already has, so each gets a name of its own
     */
    static Formatted parts(List<Token> expression, int standIns) {
        int at = expression.size() > 2 && expression.get(1).isSymbol(".") && expression.get(0).isWord("pg_catalog")
                ? 2 : 0;
        if (expression.size() < at + 4 || !expression.get(at).isWord("format") || !expression.get(at + 1).isSymbol("(")
                || !expression.get(expression.size() - 1).isSymbol(")")) {
            return null;
        }
        if (TopLevel.closingParenthesis(expression, at + 1) != expression.size() - 1) {
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
        } else if ((text.startsWith("E'") || text.startsWith("e'")) && !ESCAPE_HIDING_SLOTS.matcher(text).find()) {
            // PostgreSQL's E'..\n': a backslash escape never makes or hides a % unless it spells a character by
            // its code or escapes the % itself, so the slots stand where they are written.
            open = 2;
        } else {
            return null; // other prefixes, and escapes that may hide a %: the slots are only in the unescaped text
        }
        int close = text.length() - (text.startsWith("$") ? open : 1);
        if (open <= 0 || close < open) {
            return null;
        }
        List<List<Token>> arguments = after.isSymbol(",")
                ? DynamicSql.arguments(expression.subList(at + 4, expression.size() - 1)) : List.of();
        return cutAtSlots(format, open, close, standIns, arguments);
    }

    /**
     * The format string's text between {@code from} and {@code to}, cut at each slot into literals and words: the
     * slot's argument filled in where it is a literal, else a stand-in.
     */
    private static Formatted cutAtSlots(Token format, int from, int to, int standIns, List<List<Token>> arguments) {
        String text = format.text();
        String quote = text.substring(0, from);
        List<Token> parts = new ArrayList<>();
        int pieceStart = from;
        int slots = standIns;
        int nextArgument = 0;
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
            String spec = text.substring(i + 1, type);
            int dollar = spec.indexOf('$');
            // %2$I takes the second argument and the next plain slot the third; a * width takes one of its own.
            int argument = dollar > 0 ? Integer.parseInt(spec.substring(0, dollar)) - 1 : nextArgument;
            nextArgument = spec.contains("*") ? Integer.MAX_VALUE / 2 : argument + 1;
            String filled = argument < arguments.size() && !spec.contains("*")
                    ? filled(arguments.get(argument), text.charAt(type)) : null;
            int at = format.offset() + i;
            // %I and %L quote what fills them as one name or one value; only %s may hold SQL of any shape, unless
            // what fills it can only be one value (a number, a regclass's name).
            boolean oneValue = argument < arguments.size() && StandIns.holdsOneValue(arguments.get(argument));
            parts.add(filled != null ? new Token(TokenType.WORD, filled, at, format.line(), format.column())
                    : text.charAt(type) == 's' && !oneValue
                    ? StandIns.numbered(++slots, at, format.line(), format.column())
                    : StandIns.quoted(++slots, at, format.line(), format.column()));
            pieceStart = type + 1;
            i = type + 1;
        }
        parts.add(piece(format, quote, pieceStart, to));
        return new Formatted(parts);
    }

    /**
     * What a slot of {@code type} shows for an argument written as a plain literal or a number, as PostgreSQL
     * fills it in ({@code %I} quotes a name only where it must, {@code %L} quotes a literal); null for any other
     * argument, which only the running database knows.
     */
    private static String filled(List<Token> argument, char type) {
        if (argument.size() != 1) {
            return null;
        }
        Token value = argument.get(0);
        String text;
        if (value.type() == TokenType.NUMBER) {
            text = value.text();
        } else if (value.type() == TokenType.STRING && value.text().startsWith("'") && value.text().length() >= 2) {
            text = value.text().substring(1, value.text().length() - 1).replace("''", "'");
        } else {
            return null;
        }
        return switch (type) {
            case 'I' -> text.matches("[a-z_][a-z0-9_$]*") ? text : '"' + text.replace("\"", "\"\"") + '"';
            case 'L' -> "'" + text.replace("'", "''") + "'";
            default -> text;
        };
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
        String closing = quote.endsWith("'") ? "'" : quote;
        return new Token(TokenType.STRING, quote + format.text().substring(from, to) + closing,
                format.offset() + from - quote.length(), format.line(), format.column());
    }
}
