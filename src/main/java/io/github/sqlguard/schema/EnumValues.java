package io.github.sqlguard.schema;

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

    private static final Pattern QUOTED = Pattern.compile("'((?:[^'\\\\]|''|\\\\.)*)'");

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
     * moved; and an ENUM takes one member only, so SET to ENUM cuts every row that holds several.
     */
    static TypeChange change(SqlType from, SqlType to, Set<String> moved) {
        boolean fromSet = from.base().equals("SET");
        Set<String> movedOut = fromSet ? Set.of() : moved;
        List<String> kept = values(to);
        List<String> dropped = new ArrayList<>();
        boolean movedAway = false;
        for (String value : values(from)) {
            movedAway |= !kept.contains(value) && movedOut.contains(value);
            if (!kept.contains(value) && !movedOut.contains(value)) {
                dropped.add("'" + value + "'");
            }
        }
        String severalMembers = "a SET value of several members is no ENUM value: rows holding one become '' or, in"
                + " strict mode, make the statement fail";
        boolean toEnum = fromSet && to.base().equals("ENUM");
        if (dropped.isEmpty()) {
            return toEnum ? TypeChange.lossy(from, to, severalMembers)
                    : TypeChange.lossless(from, to, movedAway ? "every value kept but those the script moved away"
                    : "every value kept");
        }
        String which = dropped.size() == 1 ? "value " + dropped.get(0) : "values " + String.join(", ", dropped);
        return TypeChange.lossy(from, to, "leaves out " + which + ": rows holding "
                + (dropped.size() == 1 ? "it" : "them") + " become '' or, in strict mode, make the statement fail"
                + (toEnum ? "; " + severalMembers : ""));
    }

    private static List<String> values(SqlType type) {
        String written = type.written();
        int open = written.indexOf('(');
        int close = written.lastIndexOf(')');
        List<String> values = new ArrayList<>();
        if (open < 0 || close < open) {
            return values;
        }
        Matcher matcher = QUOTED.matcher(written.substring(open + 1, close));
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }
}
