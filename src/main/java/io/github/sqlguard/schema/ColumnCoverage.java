package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * Alternatives of an OR that test one column and between them leave out none of its values: {@code x > 0 OR x <= 0
 * OR x IS NULL}, {@code NOT (a = 1) OR a = 1 OR a IS NULL}, {@code flag = TRUE OR flag = FALSE OR flag IS NULL} on a
 * boolean column. Each alternative is evaluated, in three-valued logic, on one value of each stretch the constants
 * cut the column's values into (each constant, a value between two of them, one below and one above), and on NULL.
 * Where every one comes out TRUE the OR holds for every row; where all but NULL do, it holds when the column is
 * declared NOT NULL. Strings are only compared for equality, since a collation orders and equates them its own way.
 */
final class ColumnCoverage {

    private ColumnCoverage() {
    }

    /** A test of the column, evaluated on a value: TRUE, FALSE, or null for UNKNOWN. */
    private interface Test {
        Boolean on(Object value);
    }

    /** The tests of one column read so far, with the constants they compare it with. */
    private static final class Reading {
        final TreeSet<Double> numbers = new TreeSet<>();
        final List<String> strings = new ArrayList<>();
        boolean booleanLiteral;
        boolean ordered;
    }

    /** Why the condition holds for every row because each of its AND terms covers a column, or empty. */
    static Optional<String> reason(WhereTokens where, SchemaFacts facts, Dialect dialect) {
        return EveryAndTerm.reason(WhereJudgement.unwrapped(where.condition()),
                term -> termReason(WhereJudgement.unwrapped(term), where, facts, dialect));
    }

    private static Optional<String> termReason(List<Token> term, WhereTokens where, SchemaFacts facts,
            Dialect dialect) {
        List<List<Token>> alternatives = WhereJudgement.split(term, "OR");
        if (alternatives.size() < 2) {
            return Optional.empty();
        }
        // Alternatives on other columns, or unread, only add rows: the ones on a single column decide.
        Map<String, List<Test>> byColumn = new LinkedHashMap<>();
        Map<String, Reading> readings = new LinkedHashMap<>();
        Map<String, String> written = new LinkedHashMap<>();
        for (List<Token> alternative : alternatives) {
            Reading reading = new Reading();
            String[] column = new String[1];
            Test test = parse(WhereJudgement.unwrapped(alternative), reading, column);
            if (test == null || column[0] == null || !where.namesTarget(column[0])) {
                continue;
            }
            String key = SchemaNames.key(SchemaNames.lastPart(column[0]));
            byColumn.computeIfAbsent(key, k -> new ArrayList<>()).add(test);
            Reading all = readings.computeIfAbsent(key, k -> new Reading());
            all.numbers.addAll(reading.numbers);
            all.strings.addAll(reading.strings);
            all.booleanLiteral |= reading.booleanLiteral;
            all.ordered |= reading.ordered;
            written.putIfAbsent(key, SchemaNames.lastPart(column[0]));
        }
        for (Map.Entry<String, List<Test>> entry : byColumn.entrySet()) {
            Optional<String> reason = coverage(written.get(entry.getKey()), entry.getValue(),
                    readings.get(entry.getKey()), where, facts, dialect);
            if (reason.isPresent()) {
                return reason;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> coverage(String name, List<Test> tests, Reading reading, WhereTokens where,
            SchemaFacts facts, Dialect dialect) {
        Optional<Column> declared = facts.before().column(where.table(), name);
        // MySQL, MariaDB and SQLite store a BOOLEAN as a number, which may hold 2 as well; PostgreSQL compares TRUE
        // and FALSE with booleans alone, so there the column is one.
        boolean booleanColumn = declared.flatMap(Column::type).filter(t -> t.base().equals("BOOLEAN")).isPresent()
                && dialect != Dialect.MYSQL && dialect != Dialect.MARIADB && dialect != Dialect.SQLITE
                || reading.booleanLiteral && dialect == Dialect.POSTGRESQL;
        // Oracle reads '' as NULL, which no comparison matches; AUTO may be Oracle.
        boolean emptyIsText = dialect != Dialect.ORACLE && dialect != Dialect.AUTO;
        List<Object> values = samples(reading, booleanColumn, emptyIsText);
        if (values == null) {
            return Optional.empty();
        }
        for (Object value : values) {
            if (!Boolean.TRUE.equals(anyHolds(tests, value))) {
                return Optional.empty();
            }
        }
        if (Boolean.TRUE.equals(anyHolds(tests, null))) {
            return Optional.of("the tests of " + name + " joined by OR cover "
                    + (booleanColumn ? "TRUE, FALSE" : "every value") + " and NULL");
        }
        return declared.filter(Column::notNull).map(c -> c.name() + " is declared NOT NULL and the tests of it"
                + " joined by OR cover " + (booleanColumn ? "TRUE and FALSE" : "every value"));
    }

    private static Boolean anyHolds(List<Test> tests, Object value) {
        Boolean result = false;
        for (Test test : tests) {
            result = or(result, test.on(value));
        }
        return result;
    }

    /** One value of each stretch the constants cut the column's values into; null when they cannot be compared. */
    private static List<Object> samples(Reading reading, boolean booleanColumn, boolean emptyIsText) {
        if (!reading.strings.isEmpty()) {
            if (!reading.numbers.isEmpty() || reading.booleanLiteral || reading.ordered) {
                return null;
            }
            List<Object> values = new ArrayList<>();
            TreeSet<String> folded = new TreeSet<>();
            for (String text : reading.strings) {
                // A collation may equate 'A' with 'a' or 'a ', and MySQL '1' with '01': they may be one value.
                String key = text.toLowerCase(Locale.ROOT).stripTrailing();
                if (!folded.add(key) && !values.contains(text) || looksNumeric(text)
                        || text.isEmpty() && !emptyIsText) {
                    return null;
                }
                if (!values.contains(text)) {
                    values.add(text);
                }
            }
            values.add(new Object()); // a text no constant equals
            return values;
        }
        if (booleanColumn) {
            return List.of(0.0, 1.0);
        }
        if (reading.booleanLiteral) {
            return null; // outside PostgreSQL a boolean literal may stand for a number of a wider column
        }
        List<Object> values = new ArrayList<>();
        Double previous = null;
        for (Double number : reading.numbers) {
            values.add(previous == null ? number - 1 : (previous + number) / 2);
            values.add(number);
            previous = number;
        }
        values.add(previous == null ? 0.0 : previous + 1);
        return values;
    }

    private static boolean looksNumeric(String text) {
        try {
            Double.parseDouble(text.strip());
            return true;
        } catch (NumberFormatException notNumber) {
            return false;
        }
    }

    private static Boolean or(Boolean a, Boolean b) {
        if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
            return true;
        }
        return a == null || b == null ? null : false;
    }

    private static Boolean and(Boolean a, Boolean b) {
        if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
            return false;
        }
        return a == null || b == null ? null : true;
    }

    private static Boolean not(Boolean a) {
        return a == null ? null : !a;
    }

    /** The test in {@code term}, its column put in {@code column[0]}; null when it tests anything else. */
    private static Test parse(List<Token> term, Reading reading, String[] column) {
        if (term.isEmpty()) {
            return null;
        }
        List<List<Token>> ors = WhereJudgement.split(term, "OR");
        List<List<Token>> ands = ors.size() > 1 ? ors : WhereJudgement.split(term, "AND");
        if (ands.size() > 1) {
            List<Test> parts = new ArrayList<>();
            for (List<Token> part : ands) {
                Test test = parse(WhereJudgement.unwrapped(part), reading, column);
                if (test == null) {
                    return null;
                }
                parts.add(test);
            }
            boolean disjunction = ors.size() > 1;
            return value -> {
                Boolean result = !disjunction;
                for (Test part : parts) {
                    result = disjunction ? or(result, part.on(value)) : and(result, part.on(value));
                }
                return result;
            };
        }
        if (term.get(0).isWord("NOT")) {
            Test negated = parse(WhereJudgement.unwrapped(term.subList(1, term.size())), reading, column);
            return negated == null ? null : value -> not(negated.on(value));
        }
        if (term.get(0).isSymbol("(")) {
            return null;
        }
        SchemaNames.Read name = SchemaNames.name(term, 0);
        if (name == null || term.get(0).isAnyWord("TRUE", "FALSE", "NULL", "NOT", "EXISTS", "CASE")
                || column[0] != null && !SchemaNames.key(column[0]).equals(SchemaNames.key(name.text()))) {
            return null;
        }
        column[0] = name.text();
        int at = name.next();
        boolean nullTest = at + 2 <= term.size() && term.get(at).isWord("IS")
                && term.get(term.size() - 1).isAnyWord("NULL", "UNKNOWN");
        if (at == term.size() || term.get(at).isWord("IS") && !nullTest) {
            // The column as a condition, or tested IS TRUE, holds where it is not 0 (MySQL reads a text as the
            // number it starts with): 0 and the values around it decide, and texts cannot.
            reading.numbers.add(0.0);
            reading.ordered = true;
            return at == term.size() ? value -> value == null ? null : !Double.valueOf(0).equals(value)
                    : isTest(term, at + 1);
        }
        if (nullTest) {
            return isTest(term, at + 1);
        }
        boolean negated = term.get(at).isWord("NOT");
        if (negated && at + 1 == term.size()) {
            return null;
        }
        if (term.get(negated ? at + 1 : at).isWord("IN")) {
            Test in = inList(term, negated ? at + 2 : at + 1, reading);
            return in == null || !negated ? in : value -> not(in.on(value));
        }
        if (term.get(at).type() != TokenType.SYMBOL) {
            return null;
        }
        String operator = term.get(at).text();
        Object constant = constant(term.subList(at + 1, term.size()), reading);
        if (constant == null) {
            return null;
        }
        reading.ordered |= !operator.equals("=") && !operator.equals("<>") && !operator.equals("!=");
        return switch (operator) {
            case "=" -> value -> value == null ? null : equal(value, constant);
            case "<>", "!=" -> value -> value == null ? null : !equal(value, constant);
            case "<" -> ordered(constant, c -> c < 0);
            case "<=" -> ordered(constant, c -> c <= 0);
            case ">" -> ordered(constant, c -> c > 0);
            case ">=" -> ordered(constant, c -> c >= 0);
            default -> null;
        };
    }

    private static Test ordered(Object constant, IntPredicate holds) {
        if (!(constant instanceof Double bound)) {
            return null;
        }
        return value -> value == null ? null : value instanceof Double number && holds.test(number.compareTo(bound));
    }

    private static boolean equal(Object value, Object constant) {
        return value.equals(constant);
    }

    /** {@code IS [NOT] NULL}, {@code IS [NOT] TRUE|FALSE|UNKNOWN} after IS at {@code at}: never UNKNOWN. */
    private static Test isTest(List<Token> term, int at) {
        boolean not = at < term.size() && term.get(at).isWord("NOT");
        int i = not ? at + 1 : at;
        if (i + 1 != term.size()) {
            return null;
        }
        Test test;
        if (term.get(i).isAnyWord("NULL", "UNKNOWN")) {
            test = value -> value == null;
        } else if (term.get(i).isWord("TRUE")) {
            test = value -> value != null && !Double.valueOf(0).equals(value);
        } else if (term.get(i).isWord("FALSE")) {
            test = value -> Double.valueOf(0).equals(value);
        } else {
            return null;
        }
        return not ? value -> !test.on(value) : test;
    }

    /** {@code IN (c1, c2, ..)} of constants alone, {@code at} at the opening parenthesis. */
    private static Test inList(List<Token> term, int at, Reading reading) {
        if (at >= term.size() || !term.get(at).isSymbol("(") || !term.get(term.size() - 1).isSymbol(")")
                || ObjectNames.skipParentheses(term, at) != term.size()) {
            return null;
        }
        List<Object> constants = new ArrayList<>();
        for (List<Token> item : ObjectNames.splitAtCommas(term, at + 1,
                term.size() - 1)) {
            Object constant = constant(item, reading);
            if (constant == null) {
                return null;
            }
            constants.add(constant);
        }
        return constants.isEmpty() ? null : value -> value == null ? null : constants.contains(value);
    }

    /** A number (signed), TRUE or FALSE (as 1 and 0), or a single-quoted string; null for anything else. */
    private static Object constant(List<Token> tokens, Reading reading) {
        boolean negative = tokens.size() == 2 && tokens.get(0).isSymbol("-");
        if (tokens.size() != 1 && !negative) {
            return null;
        }
        Token token = tokens.get(tokens.size() - 1);
        if (!negative && token.isAnyWord("TRUE", "FALSE")) {
            reading.booleanLiteral = true;
            double value = token.isWord("TRUE") ? 1.0 : 0.0;
            reading.numbers.add(value);
            return value;
        }
        Optional<Double> number = SignedNumbers.value(tokens);
        if (number.isPresent()) {
            double value = number.get() + 0.0; // -0 is 0
            reading.numbers.add(value);
            return value;
        }
        String text = token.text();
        if (!negative && token.type() == TokenType.STRING && text.length() >= 2 && text.startsWith("'")
                && text.endsWith("'")) {
            String content = text.substring(1, text.length() - 1);
            reading.strings.add(content);
            return content;
        }
        return null;
    }
}
