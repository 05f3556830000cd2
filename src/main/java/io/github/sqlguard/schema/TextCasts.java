package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Casts to text of unlimited length ({@code id::text}, {@code CAST(id AS TEXT)}, {@code CAST(n AS NVARCHAR(MAX))},
 * {@code CAST(note AS CLOB)}, Oracle's {@code TO_CLOB(note)}): every value's text form keeps all of it (PostgreSQL
 * prints floating point values exactly since version 12), so the cast copies its operand as it is. A length may cut
 * the text, and so may T-SQL's {@code CAST(x AS VARCHAR)}, which keeps 30 characters; those are not read as copies.
 */
final class TextCasts {

    private TextCasts() {
    }

    /** The operand of {@code expression} when it is a cast to text of unlimited length, else {@code expression}. */
    static List<Token> operandOf(List<Token> expression) {
        int n = expression.size();
        if (isLargeObjectConversion(expression)) {
            return expression.subList(2, n - 1);
        }
        OptionalInt as = castFunctionAs(expression);
        if (as.isPresent()) {
            return as.getAsInt() > 2 && isUnlimitedText(expression.subList(as.getAsInt() + 1, n - 1), false)
                    ? expression.subList(2, as.getAsInt()) : expression;
        }
        List<Integer> casts = topLevelCasts(expression);
        int cast = casts.isEmpty() ? -1 : casts.get(casts.size() - 1);
        return cast > 0 && isUnlimitedText(expression.subList(cast + 1, n), true)
                ? expression.subList(0, cast) : expression;
    }

    /**
     * The operand of {@code expression} when it is a cast to any type ({@code CAST(x AS DECIMAL)}, {@code x::int}),
     * else empty.
     */
    static List<Token> anyCastOperand(List<Token> expression) {
        OptionalInt as = castFunctionAs(expression);
        if (as.isPresent()) {
            return as.getAsInt() > 2 ? expression.subList(2, as.getAsInt()) : List.of();
        }
        List<Integer> casts = topLevelCasts(expression);
        int first = casts.isEmpty() ? -1 : casts.get(0);
        return first > 0 && first + 1 < expression.size() ? expression.subList(0, first) : List.of();
    }

    /**
     * The type {@code expression} casts to, as written, when it is a cast to a plain type name ({@code CAST(x AS
     * "Status")}, {@code x::"Status"}, also through text of unlimited length, {@code x::text::"Status"}); else empty.
     */
    static Optional<String> namedCastType(List<Token> expression) {
        int n = expression.size();
        OptionalInt as = castFunctionAs(expression);
        if (as.isPresent()) {
            return as.getAsInt() > 2 ? plainName(expression.subList(as.getAsInt() + 1, n - 1)) : Optional.empty();
        }
        int cast = -1;
        for (int next : topLevelCasts(expression)) {
            if (cast > 0 && !isUnlimitedText(expression.subList(cast + 1, next), true)) {
                return Optional.empty(); // x::int::"Status" keeps only what the integer kept
            }
            cast = next;
        }
        return cast > 0 ? plainName(expression.subList(cast + 1, n)) : Optional.empty();
    }

    /**
     * The type {@code expression} casts its operand to, as written, when it is one cast ({@code CAST(x AS
     * VARCHAR(4000))}, {@code x::bigint}); empty for another expression, and for a chain of casts, whose earlier casts
     * may have cut the value already.
     */
    static Optional<String> castType(List<Token> expression) {
        int n = expression.size();
        OptionalInt as = castFunctionAs(expression);
        if (as.isPresent()) {
            return as.getAsInt() > 2 && as.getAsInt() + 1 < n - 1
                    ? Optional.of(SchemaNames.text(expression.subList(as.getAsInt() + 1, n - 1))) : Optional.empty();
        }
        List<Integer> casts = topLevelCasts(expression);
        return casts.size() == 1 && casts.get(0) > 0 && casts.get(0) + 1 < n
                ? Optional.of(SchemaNames.text(expression.subList(casts.get(0) + 1, n))) : Optional.empty();
    }

    /**
     * Where the AS of {@code expression} stands when the whole expression is {@code CAST( .. )} (-1 when it has no
     * AS at its top level); empty for any other expression.
     */
    private static OptionalInt castFunctionAs(List<Token> expression) {
        int n = expression.size();
        return n >= 6 && expression.get(0).isWord("CAST") && expression.get(1).isSymbol("(")
                && ObjectNames.skipParentheses(expression, 1) == n
                ? OptionalInt.of(topLevelAs(expression, 2, n - 1)) : OptionalInt.empty();
    }

    /**
     * True for Oracle's {@code TO_CLOB(x)} and {@code TO_NCLOB(x)} of one argument, the function form of {@code CAST(x
     * AS CLOB)}, as scripts that turn a VARCHAR2 column into a CLOB write the copy; the three-argument form reads a
     * BLOB or BFILE's bytes in a character set, which is no copy of text.
     */
    private static boolean isLargeObjectConversion(List<Token> expression) {
        int n = expression.size();
        return n >= 4 && expression.get(0).isAnyWord("TO_CLOB", "TO_NCLOB") && expression.get(1).isSymbol("(")
                && ObjectNames.skipParentheses(expression, 1) == n
                && ObjectNames.splitAtCommas(expression, 2, n - 1).size() == 1;
    }

    /** Where each PostgreSQL {@code ::} outside parentheses stands in {@code expression}, in order. */
    private static List<Integer> topLevelCasts(List<Token> expression) {
        List<Integer> casts = new ArrayList<>();
        int depth = 0;
        for (int i = 0; i < expression.size(); i++) {
            Token token = expression.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && token.isSymbol("::")) {
                casts.add(i);
            }
        }
        return casts;
    }

    private static Optional<String> plainName(List<Token> type) {
        SchemaNames.Read name = type.isEmpty() ? null : SchemaNames.name(type, 0);
        return name != null && name.next() == type.size() ? Optional.of(name.text()) : Optional.empty();
    }

    private static int topLevelAs(List<Token> tokens, int from, int to) {
        int depth = 0;
        int found = -1;
        for (int i = from; i < to; i++) {
            Token token = tokens.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && token.isWord("AS")) {
                found = i;
            }
        }
        return found;
    }

    /**
     * True for {@code TEXT}, {@code [N]CLOB} and {@code [N]VARCHAR(MAX)}, and, after PostgreSQL's {@code ::}, for
     * {@code VARCHAR} and {@code CHARACTER VARYING} without a length, which PostgreSQL leaves unlimited.
     */
    private static boolean isUnlimitedText(List<Token> type, boolean postgresCast) {
        if (type.size() == 1) {
            // CLOB without a length holds 2 GB in Derby and DB2 and more in Oracle: no text value is cut
            return type.get(0).isAnyWord("TEXT", "CLOB", "NCLOB") || postgresCast && type.get(0).isWord("VARCHAR");
        }
        if (type.size() == 2) {
            return postgresCast && type.get(0).isWord("CHARACTER") && type.get(1).isWord("VARYING");
        }
        return type.size() == 4 && type.get(0).isAnyWord("VARCHAR", "NVARCHAR") && type.get(1).isSymbol("(")
                && type.get(2).isWord("MAX") && type.get(3).isSymbol(")");
    }
}
