package io.github.sqlguard.liquibase;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emptiness a counting query requires when a {@code sqlCheck} expects it to return {@code 0}, written as
 * the condition the guard check reads: {@code IF NOT EXISTS (SELECT 1 FROM t)} for a count of every row
 * ({@code COUNT(*)}, {@code COUNT(1)}), {@code IF NOT EXISTS (SELECT 1 FROM t WHERE c IS NOT NULL)} for a count
 * of the rows holding a value in {@code c}. SQL counts those rows in several spellings, all read here: {@code
 * COUNT(*) .. WHERE c IS NOT NULL}, {@code COUNT(c)} and {@code COUNT(DISTINCT c)} (COUNT skips NULLs), with a
 * name for the count ({@code AS n}), a table alias ({@code FROM obs o}) and columns qualified by either. A query
 * with any other condition, a join or a qualifier naming another table requires nothing.
 */
final class CountQueryCondition {

    private static final String NAME = "[\\w$#\"`\\[\\]]+";
    private static final String QUALIFIED = "(?:" + NAME + "\\.)?" + NAME;
    private static final Pattern COUNT = Pattern.compile("(?is)\\s*SELECT\\s+COUNT\\s*\\(\\s*(?<counted>\\*|"
            + "(?:DISTINCT\\s+)?" + QUALIFIED + ")\\s*\\)(?:\\s+(?:AS\\s+)?(?!FROM\\b)\\w+)?"
            + "\\s+FROM\\s+(?<table>[\\w$#.\"`\\[\\]]+)(?:\\s+(?:AS\\s+)?(?!WHERE\\b)(?<alias>\\w+))?"
            + "(?:\\s+WHERE\\s+(?<column>" + QUALIFIED + ")\\s+IS\\s+NOT\\s+NULL)?\\s*;?\\s*");
    private static final Pattern ROWS = Pattern.compile("\\*|\\d+");
    private static final Pattern DISTINCT = Pattern.compile("(?is)DISTINCT\\s+");

    private CountQueryCondition() {
    }

    /** The condition {@code query} returning {@code 0} requires; empty when it is not such a count. */
    static Optional<String> of(String query) {
        Matcher matcher = COUNT.matcher(query);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String table = matcher.group("table");
        String alias = matcher.group("alias");
        String counted = DISTINCT.matcher(matcher.group("counted")).replaceFirst("");
        String where = matcher.group("column");
        if (ROWS.matcher(counted).matches()) {
            return where == null ? Optional.of("IF NOT EXISTS (SELECT 1 FROM " + table + ")")
                    : column(where, table, alias).map(c -> valuesCondition(table, c));
        }
        Optional<String> column = column(counted, table, alias);
        if (column.isEmpty() || where != null && !column.equals(column(where, table, alias))) {
            return Optional.empty();
        }
        return column.map(c -> valuesCondition(table, c));
    }

    private static String valuesCondition(String table, String column) {
        return "IF NOT EXISTS (SELECT 1 FROM " + table + " WHERE " + column + " IS NOT NULL)";
    }

    /** The column {@code written} names, when its qualifier (if any) is the table's name or its alias. */
    private static Optional<String> column(String written, String table, String alias) {
        int dot = written.lastIndexOf('.');
        if (dot < 0) {
            return Optional.of(written);
        }
        String qualifier = unquoted(written.substring(0, dot));
        String tableName = unquoted(table.substring(table.lastIndexOf('.') + 1));
        boolean ownTable = qualifier.equals(tableName) || alias != null && qualifier.equals(unquoted(alias));
        return ownTable ? Optional.of(written.substring(dot + 1)) : Optional.empty();
    }

    private static String unquoted(String name) {
        return name.replaceAll("[\"`\\[\\]]", "").toLowerCase(Locale.ROOT);
    }
}
