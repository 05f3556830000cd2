package io.github.sqlguard.rehearse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the user tables of the rehearsal database from {@code pg_catalog}: columns with their types, keys and
 * foreign keys. Partitions are left out (rows go in through their parent).
 */
final class DatabaseCatalog {

    private static final String USER_TABLES = "c.relkind IN ('r', 'p') AND NOT c.relispartition"
            + " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'";

    private static final Pattern STRING_LITERAL = Pattern.compile("'((?:[^']|'')*)'::");

    private DatabaseCatalog() {
    }

    static List<TableShape> tables(Connection connection) throws SQLException {
        Map<Long, String[]> names = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT c.oid, n.nspname, c.relname FROM pg_class c"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_TABLES
                        + " ORDER BY n.nspname, c.relname")) {
            while (rs.next()) {
                names.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
            }
        }
        Map<Long, List<TableColumn>> columns = columns(connection);
        Map<Long, Map<Integer, String>> attributeNames = attributeNames(connection);
        Map<Long, List<List<String>>> uniqueKeys = uniqueKeys(connection, attributeNames);
        Map<Long, List<TableShape.ForeignKey>> foreignKeys = foreignKeys(connection, attributeNames);
        List<TableShape> tables = new ArrayList<>();
        names.forEach((oid, name) -> tables.add(new TableShape(oid, quote(name[0]) + "." + quote(name[1]),
                displayName(name[0], name[1]), columns.getOrDefault(oid, List.of()),
                uniqueKeys.getOrDefault(oid, List.of()), foreignKeys.getOrDefault(oid, List.of()))));
        return tables;
    }

    static String displayName(String schema, String table) {
        return schema.equals("public") ? table : schema + "." + table;
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static Map<Long, List<TableColumn>> columns(Connection connection) throws SQLException {
        Map<Long, List<String>> enumLabels = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT enumtypid, enumlabel FROM pg_enum ORDER BY enumtypid, enumsortorder")) {
            while (rs.next()) {
                enumLabels.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        Map<String, List<String>> allowed = allowedValues(connection);
        String sql = "SELECT a.attrelid, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod),"
                + " format_type(coalesce(bt.oid, t.oid), CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END),"
                + " coalesce(bt.typcategory, t.typcategory), a.attnotnull OR coalesce(t.typnotnull, false),"
                + " a.attidentity <> '' OR a.attgenerated <> '' OR coalesce(pg_get_expr(d.adbin, d.adrelid), '') LIKE 'nextval(%',"
                + " a.atthasdef OR t.typdefault IS NOT NULL, coalesce(bt.oid, t.oid)"
                + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_type bt ON t.typtype = 'd' AND bt.oid = t.typbasetype"
                + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE a.attnum > 0 AND NOT a.attisdropped AND " + USER_TABLES + " ORDER BY a.attrelid, a.attnum";
        Map<Long, List<TableColumn>> columns = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                String category = rs.getString(6);
                List<String> labels = allowed.getOrDefault(rs.getLong(1) + ":" + rs.getInt(2),
                        enumLabels.getOrDefault(rs.getLong(10), List.of()));
                columns.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new TableColumn(rs.getString(3),
                        rs.getString(4), rs.getString(5), category == null || category.isEmpty() ? 'X' : category.charAt(0),
                        rs.getBoolean(7), rs.getBoolean(8), rs.getBoolean(9), labels));
            }
        }
        return columns;
    }

    /**
     * The values a one-column CHECK such as {@code kind IN ('a', 'b')} allows, keyed by "table oid:attnum";
     * PostgreSQL stores that list as {@code kind = ANY (ARRAY['a'::text, 'b'::text])}.
     */
    private static Map<String, List<String>> allowedValues(Connection connection) throws SQLException {
        Map<String, List<String>> allowed = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT conrelid, conkey[1], pg_get_constraintdef(oid)"
                        + " FROM pg_constraint WHERE contype = 'c' AND cardinality(conkey) = 1")) {
            while (rs.next()) {
                String definition = rs.getString(3);
                if (definition.contains("= ANY (ARRAY[") || definition.matches("(?s)CHECK \\(+[^ ]+ = '.*")) {
                    List<String> values = new ArrayList<>();
                    Matcher literal = STRING_LITERAL.matcher(definition);
                    while (literal.find()) {
                        values.add(literal.group(1).replace("''", "'"));
                    }
                    if (!values.isEmpty()) {
                        allowed.put(rs.getLong(1) + ":" + rs.getInt(2), values);
                    }
                }
            }
        }
        return allowed;
    }

    private static Map<Long, Map<Integer, String>> attributeNames(Connection connection) throws SQLException {
        Map<Long, Map<Integer, String>> names = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT a.attrelid, a.attnum, a.attname FROM pg_attribute a"
                        + " JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE a.attnum > 0 AND NOT a.attisdropped AND " + USER_TABLES)) {
            while (rs.next()) {
                names.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getInt(2), rs.getString(3));
            }
        }
        return names;
    }

    /** Unique column sets from every unique index (keys, constraints and plain indexes; expressions left out). */
    private static Map<Long, List<List<String>>> uniqueKeys(Connection connection,
            Map<Long, Map<Integer, String>> attributeNames) throws SQLException {
        Map<Long, List<List<String>>> keys = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT indrelid, indkey::text FROM pg_index"
                        + " WHERE indisunique AND indexprs IS NULL")) {
            while (rs.next()) {
                Map<Integer, String> names = attributeNames.get(rs.getLong(1));
                if (names != null) {
                    List<String> key = new ArrayList<>();
                    for (String number : rs.getString(2).trim().split("\\s+")) {
                        key.add(names.get(Integer.parseInt(number)));
                    }
                    keys.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(key);
                }
            }
        }
        return keys;
    }

    private static Map<Long, List<TableShape.ForeignKey>> foreignKeys(Connection connection,
            Map<Long, Map<Integer, String>> attributeNames) throws SQLException {
        Map<Long, List<TableShape.ForeignKey>> keys = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT conrelid, conkey::int[], confrelid, confkey::int[]"
                        + " FROM pg_constraint WHERE contype = 'f' ORDER BY conrelid, conname")) {
            while (rs.next()) {
                Map<Integer, String> own = attributeNames.get(rs.getLong(1));
                Map<Integer, String> parent = attributeNames.get(rs.getLong(3));
                if (own != null && parent != null) {
                    keys.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new TableShape.ForeignKey(
                            names((Integer[]) rs.getArray(2).getArray(), own), rs.getLong(3),
                            names((Integer[]) rs.getArray(4).getArray(), parent)));
                }
            }
        }
        return keys;
    }

    private static List<String> names(Integer[] numbers, Map<Integer, String> names) {
        List<String> result = new ArrayList<>();
        for (Integer number : numbers) {
            result.add(names.get(number));
        }
        return result;
    }
}
