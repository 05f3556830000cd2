package io.github.sqlguard.analysis;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Evaluates a comparison whose outcome does not depend on the row: two literals ({@code 1 = 1},
 * {@code 'a' <> 'b'}, {@code 2 > 1}) or a column compared with itself ({@code id = id}), also as rows
 * ({@code (a, b) = (a, b)}). The AST and the
 * token path both reduce their operands to {@link Operand}s, so they reach the same verdict.
 */
final class Comparison {

    /** Operand kinds that can make a comparison row-independent. */
    enum Kind { NUMBER, STRING, COLUMN, CALL }

    /**
     * A literal, a column, or a call of a function that returns the same for the same arguments.
     *
     * @param value the number's text, the string's content between its quotes, the column name as written, or the
     *     call's text in lower case without white space
     */
    record Operand(Kind kind, String value) {
    }

    /**
     * A Flyway placeholder or Liquibase property inside a string ({@code '${env}'}) that had no value: those with
     * one were replaced before the text was read, so what the string will hold is unknown.
     */
    static final Pattern UNRESOLVED_PLACEHOLDER = Pattern.compile("\\$\\{[^{}\\s]+}");

    /** The comparison operators {@link #evaluate} judges. */
    static final Set<String> OPERATORS = Set.of("=", "<>", "!=", "^=", "<", "<=", ">", ">=", "<=>");

    private static final Set<String> NOT_EQUAL = Set.of("<>", "!=", "^=");
    private static final Set<String> TRUE_TEXTS = Set.of("t", "true", "y", "yes", "on", "1");
    private static final Set<String> FALSE_TEXTS = Set.of("f", "false", "n", "no", "off", "0");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    /** Characters whose meaning inside a LIKE pattern or literal differs between dialects. */
    private static final Pattern LIKE_UNDECIDED = Pattern.compile("[\\\\\\[\\]'\"]");
    /**
     * Built-in functions that return the same for the same arguments in every dialect: a call of one of them compared
     * with itself is as row-independent as {@code id = id}. Any other function, the script's own included, may
     * return another value at each call.
     */
    private static final Set<String> DETERMINISTIC = Set.of("coalesce", "nvl", "nvl2", "ifnull", "isnull", "nullif",
            "lower", "upper", "lcase", "ucase", "trim", "ltrim", "rtrim", "btrim", "length", "char_length", "len",
            "substr", "substring", "concat", "replace", "abs", "round", "floor", "ceil", "ceiling", "to_char",
            "to_number", "date_trunc", "cast", "try_cast", "convert", "try_convert");
    /** Calls inside the arguments that return another value each time. */
    private static final Pattern VOLATILE_CALL = Pattern.compile("(?:^|[^a-z0-9_$])(?:random|rand|newid|uuid\\w*"
            + "|gen_random_\\w+|nextval|sys_guid|clock_timestamp|timeofday|value)\\(");

    private Comparison() {
    }

    /** The operator that says the same with its operands swapped: {@code 0 < n} is {@code n > 0}. */
    static String mirrored(String operator) {
        return switch (operator) {
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            case ">=" -> "<=";
            default -> operator;
        };
    }

    /** The truth of {@code left operator right}; UNKNOWN when it depends on the row or on collation. */
    static Truth evaluate(Operand left, String operator, Operand right) {
        if (left == null || right == null || unresolved(left) || unresolved(right)) {
            return Truth.UNKNOWN;
        }
        String op = NOT_EQUAL.contains(operator) ? "<>" : operator.equals("<=>") ? "=" : operator;
        if (left.kind() != right.kind()) {
            return numberAndNumericString(left, op, right);
        }
        return switch (left.kind()) {
            case NUMBER -> numbers(left.value(), op, right.value());
            case STRING -> strings(left.value(), op, right.value());
            case COLUMN -> sameColumn(left.value(), right.value()) ? selfComparison(op) : Truth.UNKNOWN;
            case CALL -> left.value().equals(right.value()) ? selfComparison(op) : Truth.UNKNOWN;
        };
    }

    /**
     * The call written {@code text} ({@code coalesce(id, 0)}) as an operand, or null when it may return another
     * value each time it is called (a function not known to be deterministic, or arguments that call
     * {@code random()}), so that it need not equal itself.
     */
    static Operand call(String text) {
        String value = WHITE_SPACE.matcher(text.toLowerCase(java.util.Locale.ROOT)).replaceAll("");
        int open = value.indexOf('(');
        String name = open < 0 ? "" : value.substring(value.lastIndexOf('.', open) + 1, open);
        return !DETERMINISTIC.contains(name) || VOLATILE_CALL.matcher(value.substring(open)).find() ? null
                : new Operand(Kind.CALL, value);
    }

    /**
     * PostgreSQL's cast {@code value::type} of an operand that equals itself ({@code id::text}), which does too: the
     * same value cast to the same type gives the same result each time. Null when {@code value} may not equal itself.
     *
     * @param type the type as written, compared without case or white space ({@code varchar(10)}, {@code text[]})
     */
    static Operand cast(Operand value, String type) {
        if (value == null) {
            return null;
        }
        String typeKey = WHITE_SPACE.matcher(type.toLowerCase(java.util.Locale.ROOT)).replaceAll("");
        return new Operand(Kind.CALL, value.kind() + ":" + value.value() + "::" + typeKey);
    }

    /**
     * The truth of a row comparison, {@code (a, b) = (a, b)}: equal rows when every pair of values is equal, unequal
     * rows when some pair is unequal. Ordering ({@code <}, {@code <=}) compares the rows value by value and is left
     * undecided, as are rows of different lengths (which the database rejects).
     */
    static Truth evaluateRows(List<Operand> left, String operator, List<Operand> right) {
        if (left.size() != right.size() || left.isEmpty()) {
            return Truth.UNKNOWN;
        }
        String op = NOT_EQUAL.contains(operator) ? "<>" : operator;
        if (!op.equals("=") && !op.equals("<>")) {
            return Truth.UNKNOWN;
        }
        List<Truth> pairs = new ArrayList<>();
        for (int i = 0; i < left.size(); i++) {
            pairs.add(evaluate(left.get(i), op, right.get(i)));
        }
        return op.equals("=") ? Truth.and(pairs) : Truth.or(pairs);
    }

    /**
     * {@code 1 = '1'}: every dialect converts the string to a number here; a string that is not a plain number
     * ({@code 'abc'}, {@code ' 1'}) converts differently per dialect, or fails, and is left undecided.
     */
    private static Truth numberAndNumericString(Operand left, String op, Operand right) {
        boolean numberFirst = left.kind() == Kind.NUMBER && right.kind() == Kind.STRING;
        boolean stringFirst = left.kind() == Kind.STRING && right.kind() == Kind.NUMBER;
        if (!numberFirst && !stringFirst) {
            return Truth.UNKNOWN;
        }
        return numbers(left.value(), op, right.value());
    }

    /**
     * {@code value LIKE pattern} of two literals: true when the pattern is {@code %} or, free of wildcards and
     * escapes, is the value itself ({@code 1 LIKE 1}); other patterns are left undecided (case rules differ).
     */
    static Truth like(Operand value, Operand pattern) {
        if (value == null || pattern == null || value.kind() == Kind.COLUMN || pattern.kind() == Kind.COLUMN
                || value.kind() == Kind.CALL || pattern.kind() == Kind.CALL
                || unresolved(value) || unresolved(pattern)) {
            return Truth.UNKNOWN;
        }
        String text = pattern.value();
        if (text.equals("%")) {
            return Truth.ALWAYS_TRUE;
        }
        boolean plain = text.indexOf('%') < 0 && text.indexOf('_') < 0 && text.indexOf('\\') < 0;
        if (plain) {
            return text.equals(value.value()) ? Truth.ALWAYS_TRUE : Truth.UNKNOWN;
        }
        return value.kind() == Kind.STRING && matchesInEveryDialect(value.value(), text) ? Truth.ALWAYS_TRUE
                : Truth.UNKNOWN;
    }

    /**
     * True when {@code value} matches the LIKE {@code pattern} in every dialect: {@code 'x' LIKE 'x%'}. Only
     * {@code %} and {@code _} count as wildcards, and they are matched with case: a match that needs the case
     * ignored holds only under some collations. A backslash (an escape in MySQL and PostgreSQL), a bracket (a
     * character class in SQL Server) or a quote (written doubled inside the literal) leaves the question open.
     */
    private static boolean matchesInEveryDialect(String value, String pattern) {
        if (LIKE_UNDECIDED.matcher(pattern).find() || LIKE_UNDECIDED.matcher(value).find()) {
            return false;
        }
        StringBuilder regex = new StringBuilder();
        int literalFrom = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '%' || c == '_') {
                regex.append(Pattern.quote(pattern.substring(literalFrom, i))).append(c == '%' ? ".*" : ".");
                literalFrom = i + 1;
            }
        }
        regex.append(Pattern.quote(pattern.substring(literalFrom)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(value).matches();
    }

    /** True for a string holding a placeholder nothing gave a value: '${env}' = 'dev' may go either way. */
    private static boolean unresolved(Operand operand) {
        return operand.kind() == Kind.STRING && UNRESOLVED_PLACEHOLDER.matcher(operand.value()).find();
    }

    /**
     * A literal cast to boolean: a text as {@link #ofBooleanText} reads it, or an integer, which PostgreSQL and H2
     * read as false for 0 and true for any other ({@code 1::boolean}).
     */
    static Truth ofBooleanCast(Operand value) {
        if (value == null || value.kind() != Kind.NUMBER) {
            return ofBooleanText(value);
        }
        try {
            BigInteger number = new BigDecimal(value.value()).toBigIntegerExact();
            return Truth.of(number.signum() != 0);
        } catch (NumberFormatException | ArithmeticException notAnInteger) {
            return Truth.UNKNOWN; // 1.5::boolean is an error, not a truth
        }
    }

    /** PostgreSQL's reading of a string as a boolean ({@code 't'::boolean}); UNKNOWN for anything else. */
    static Truth ofBooleanText(Operand text) {
        if (text == null || text.kind() != Kind.STRING) {
            return Truth.UNKNOWN;
        }
        String value = text.value().trim().toLowerCase(java.util.Locale.ROOT);
        if (TRUE_TEXTS.contains(value)) {
            return Truth.ALWAYS_TRUE;
        }
        return FALSE_TEXTS.contains(value) ? Truth.ALWAYS_FALSE : Truth.UNKNOWN;
    }

    private static Truth numbers(String left, String op, String right) {
        int order;
        try {
            order = new BigDecimal(left).compareTo(new BigDecimal(right));
        } catch (NumberFormatException notDecimal) {
            return Truth.UNKNOWN; // hex and other forms: not worth guessing
        }
        return switch (op) {
            case "=" -> Truth.of(order == 0);
            case "<>" -> Truth.of(order != 0);
            case "<" -> Truth.of(order < 0);
            case "<=" -> Truth.of(order <= 0);
            case ">" -> Truth.of(order > 0);
            case ">=" -> Truth.of(order >= 0);
            default -> Truth.UNKNOWN;
        };
    }

    /** Only equality: whether 'a' equals 'A', or sorts before 'b', depends on the collation. */
    private static Truth strings(String left, String op, String right) {
        if (!left.equalsIgnoreCase(right)) {
            return op.equals("=") ? Truth.ALWAYS_FALSE : op.equals("<>") ? Truth.ALWAYS_TRUE : Truth.UNKNOWN;
        }
        if (left.equals(right)) {
            return op.equals("=") ? Truth.ALWAYS_TRUE : op.equals("<>") ? Truth.ALWAYS_FALSE : Truth.UNKNOWN;
        }
        return Truth.UNKNOWN;
    }

    /** {@code id = id} holds for every row with a value, which is how such a WHERE is meant to be read. */
    private static Truth selfComparison(String op) {
        return switch (op) {
            case "=", "<=", ">=" -> Truth.ALWAYS_TRUE;
            case "<>", "<", ">" -> Truth.ALWAYS_FALSE;
            default -> Truth.UNKNOWN;
        };
    }

    private static boolean sameColumn(String left, String right) {
        return ObjectNames.normalize(left).equals(ObjectNames.normalize(right));
    }

    /** The truth of a bare number used as a condition (MySQL {@code WHERE 1}): non-zero is true. */
    static Truth ofNumber(String number) {
        try {
            return Truth.of(new BigDecimal(number).signum() != 0);
        } catch (NumberFormatException notDecimal) {
            return Truth.UNKNOWN;
        }
    }
}
