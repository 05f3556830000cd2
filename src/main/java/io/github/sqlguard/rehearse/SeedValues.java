package io.github.sqlguard.rehearse;

import java.util.Locale;
import java.util.Optional;

/**
 * The SQL expression a seeded row puts into a column: distinct per row number, so unique keys hold, and of
 * the column's type, so it converts without error. Empty means "leave the column to its default".
 */
final class SeedValues {

    private SeedValues() {
    }

    /**
     * The value of {@code column} in seeded row {@code n} (counting from 1) of {@code table}.
     *
     * @return the SQL expression, cast to the column's type; empty to use the default
     */
    static Optional<String> of(TableColumn column, String table, long n) {
        String base = column.baseType().toLowerCase(Locale.ROOT);
        String value = !column.enumLabels().isEmpty()
                ? literal(column.enumLabels().get((int) ((n - 1) % column.enumLabels().size())))
                : switch (column.category()) {
            case 'N' -> numeric(base, n);
            case 'S' -> literal(text(column, n));
            case 'B' -> n % 2 == 0 ? "true" : "false";
            case 'D' -> dateTime(base, n);
            case 'T' -> literal(n + " minutes");
            case 'A' -> "'{}'";
            case 'I' -> literal("10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255));
            case 'G' -> base.startsWith("point") ? literal("(" + n + "," + n + ")") : null;
            case 'U' -> userDefined(base, table, column.name(), n);
            default -> null;
        };
        if (value == null) {
            // A type we cannot make up a value for: the default, or NULL where allowed, else try the row number.
            if (column.hasDefault()) {
                return Optional.empty();
            }
            value = column.notNull() ? literal(Long.toString(n)) : "NULL";
        }
        return Optional.of(value + "::" + column.type());
    }

    private static String numeric(String base, long n) {
        if (base.startsWith("smallint")) {
            return Long.toString(n % 32_000);
        }
        if (base.startsWith("numeric") && base.contains(",")) {
            // numeric(p, s) holds at most p - s integer digits; stay inside them.
            String[] parts = base.substring(base.indexOf('(') + 1, base.indexOf(')')).split(",");
            int integerDigits = Integer.parseInt(parts[0].trim()) - Integer.parseInt(parts[1].trim());
            return integerDigits <= 0 ? "0" : Long.toString(n % (long) Math.pow(10, Math.min(integerDigits, 18)));
        }
        return Long.toString(n);
    }

    private static String text(TableColumn column, long n) {
        String value = column.name() + " " + n;
        int max = column.maxLength();
        if (max > 0 && value.length() > max) {
            value = Long.toString(n, 36);
            value = value.length() > max ? value.substring(value.length() - max) : value;
        }
        return value;
    }

    private static String dateTime(String base, long n) {
        if (base.startsWith("date")) {
            return "(DATE '2020-01-01' + " + n + ")";
        }
        if (base.startsWith("time ") || base.equals("time") || base.startsWith("time(")
                || base.startsWith("time with")) {
            return "(TIME '00:00:00' + " + n + " * INTERVAL '1 second')";
        }
        return "(TIMESTAMP '2020-01-01 00:00:00' + " + n + " * INTERVAL '1 minute')";
    }

    private static String userDefined(String base, String table, String column, long n) {
        String seed = literal(table + "." + column + "." + n);
        if (base.equals("uuid")) {
            return "md5(" + seed + ")::uuid";
        }
        if (base.equals("json") || base.equals("jsonb")) {
            return literal("{\"n\": " + n + "}");
        }
        if (base.equals("bytea")) {
            return "decode(md5(" + seed + "), 'hex')";
        }
        if (base.equals("xml")) {
            return literal("<n>" + n + "</n>");
        }
        if (base.equals("tsvector")) {
            return "to_tsvector('simple', " + seed + ")";
        }
        // Extension types such as citext or ltree read a plain word.
        return literal(column.replaceAll("[^A-Za-z0-9_]", "_") + "_" + n);
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
