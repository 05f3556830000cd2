package io.github.sqlguard.schema;

import io.github.sqlguard.model.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values a MySQL {@code ENUM('a', 'b')} or {@code SET('a', 'b')} column allows. MySQL converts such a
 * column by value, so a new list that keeps every old value (added at the end or anywhere) keeps every row's
 * value, and one that leaves a value out turns it into {@code ''} or, in strict mode, fails on the first row.
 */
final class EnumValues {

    /**
     * A value between single quotes, or between double quotes, which MySQL reads as a string too (outside
     * ANSI_QUOTES mode): {@code ENUM("STARTED", "FAILED")}.
     */
    private static final Pattern QUOTED = Pattern.compile(
            "'((?:[^'\\\\]|''|\\\\.)*)'|\"((?:[^\"\\\\]|\"\"|\\\\.)*)\"");

    private EnumValues() {
    }

    /** True for the two MySQL types whose arguments are a list of values. */
    static boolean isValueList(SqlType type) {
        return type.base().equals("ENUM") || type.base().equals("SET");
    }

    /**
     * Judges {@code from} to {@code to}, each ENUM or SET, by the values they allow; a value left out that no row
     * of an ENUM holds any more ({@code moved}) loses nothing. A SET row holds several members at once
     * ({@code 'ssl,user'}), which an {@code UPDATE .. WHERE c = 'ssl'} does not select, so for a SET nothing was
     * moved; and an ENUM takes one member only, so SET to ENUM cuts every row that holds several. H2, which has
     * ENUM too, refuses a value the new list lacks where MySQL outside strict mode stores {@code ''}.
     */
    static TypeChange change(SqlType from, SqlType to, Set<String> moved, Dialect dialect) {
        boolean fromSet = from.base().equals("SET");
        LeftOut left = LeftOut.of(values(from), values(to), fromSet ? Set.of() : moved);
        String severalMembers = "a SET value of several members is no ENUM value: rows holding one become '' or, in"
                + " strict mode, make the statement fail";
        boolean toEnum = fromSet && to.base().equals("ENUM");
        if (left.dropped().isEmpty()) {
            return toEnum ? TypeChange.lossy(from, to, severalMembers) : left.lossless(from, to);
        }
        return TypeChange.lossy(from, to, left.leavesOut(dialect == Dialect.H2 ? "make the statement fail"
                : "become '' or, in strict mode, make the statement fail")
                + (toEnum ? "; " + severalMembers : ""));
    }

    /**
     * Judges casting a column from one PostgreSQL enum type to another by their values, as MySQL's ENUM narrowing
     * is judged: PostgreSQL converts by value too, and a value the new type lacks fails the whole statement
     * ({@code invalid input value for enum}).
     */
    static TypeChange postgresChange(SqlType from, SqlType to, EnumValueLists values, Set<String> moved) {
        // A value the USING maps to one of the new type's values is not left out, wherever it goes.
        List<String> reached = new ArrayList<>(values.to());
        values.mapped().forEach((old, next) -> {
            if (values.to().contains(next)) {
                reached.add(old);
            }
        });
        LeftOut left = LeftOut.of(values.from(), reached, moved);
        String merged = MergedEnumValues.of(values, moved);
        if (left.dropped().isEmpty()) {
            return merged.isEmpty() ? left.lossless(from, to) : TypeChange.lossy(from, to, merged);
        }
        return TypeChange.lossy(from, to, left.leavesOut("make the statement fail")
                + (merged.isEmpty() ? "" : "; " + merged));
    }

    /**
     * The old values a new list leaves out, quoted, and whether one it leaves out was moved away by the script.
     */
    private record LeftOut(List<String> dropped, boolean movedAway) {

        static LeftOut of(List<String> old, List<String> kept, Set<String> moved) {
            List<String> dropped = new ArrayList<>();
            boolean movedAway = false;
            for (String value : old) {
                movedAway |= !kept.contains(value) && moved.contains(value);
                if (!kept.contains(value) && !moved.contains(value)) {
                    dropped.add("'" + value + "'");
                }
            }
            return new LeftOut(dropped, movedAway);
        }

        TypeChange lossless(SqlType from, SqlType to) {
            return TypeChange.lossless(from, to, movedAway ? "every value kept but those the script moved away"
                    : "every value kept");
        }

        /** {@code "leaves out value 'c': rows holding it <consequence>"}. */
        String leavesOut(String consequence) {
            String which = dropped.size() == 1 ? "value " + dropped.get(0) : "values " + String.join(", ", dropped);
            return "leaves out " + which + ": rows holding " + (dropped.size() == 1 ? "it " : "them ") + consequence;
        }
    }

    /**
     * The most characters a value of an ENUM or SET type takes as text, which MySQL converts it to by value: its
     * longest value, or for a SET every member joined by commas, as a row holding all of them reads; -1 when the
     * type lists no value sqlguard could read.
     */
    static long textWidth(SqlType type) {
        List<String> values = values(type);
        if (values.isEmpty()) {
            return -1;
        }
        long longest = 0;
        long joined = values.size() - 1L;
        for (String value : values) {
            String held = unescaped(value);
            long length = held.codePointCount(0, held.length());
            longest = Math.max(longest, length);
            joined += length;
        }
        return type.base().equals("SET") ? joined : longest;
    }

    /** A value as the database holds it: a doubled quote or a backslash escape is one character. */
    private static String unescaped(String written) {
        return written.replace("''", "'").replaceAll("\\\\(.)", "$1");
    }

    /**
     * The values of an ENUM or SET type, as written between single quotes: a double-quoted value is rewritten so,
     * for the lists and literals it is compared with.
     */
    static List<String> values(SqlType type) {
        String written = type.written();
        int open = written.indexOf('(');
        int close = written.lastIndexOf(')');
        List<String> values = new ArrayList<>();
        if (open < 0 || close < open) {
            return values;
        }
        Matcher matcher = QUOTED.matcher(written.substring(open + 1, close));
        while (matcher.find()) {
            values.add(matcher.group(1) != null ? matcher.group(1)
                    : matcher.group(2).replace("\"\"", "\"").replace("'", "''"));
        }
        return values;
    }
}
