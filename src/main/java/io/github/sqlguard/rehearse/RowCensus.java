package io.github.sqlguard.rehearse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the rows of every user table (partitions each on their own, since rows live there) and reads the
 * transaction's change counters, in two queries whatever the number of tables.
 */
final class RowCensus {

    private RowCensus() {
    }

    static Map<Long, TableRows> take(Connection connection) throws SQLException {
        List<Object[]> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT c.oid, n.nspname, c.relname,"
                        + " coalesce(s.n_tup_ins, 0), coalesce(s.n_tup_upd, 0), coalesce(s.n_tup_del, 0)"
                        + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " LEFT JOIN pg_stat_xact_user_tables s ON s.relid = c.oid WHERE c.relkind = 'r'"
                        + " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'")) {
            while (rs.next()) {
                tables.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6)});
            }
        }
        Map<Long, TableRows> census = new LinkedHashMap<>();
        if (tables.isEmpty()) {
            return census;
        }
        StringBuilder sql = new StringBuilder();
        for (Object[] table : tables) {
            sql.append(sql.length() == 0 ? "" : " UNION ALL ").append("SELECT ").append(table[0])
                    .append("::bigint, count(*) FROM ").append(qualified(table));
        }
        Map<Long, Long> counts = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql.toString())) {
            while (rs.next()) {
                counts.put(rs.getLong(1), rs.getLong(2));
            }
        }
        for (Object[] table : tables) {
            long oid = (Long) table[0];
            census.put(oid, new TableRows(oid, qualified(table),
                    DatabaseCatalog.displayName((String) table[1], (String) table[2]), counts.getOrDefault(oid, 0L),
                    (Long) table[3], (Long) table[4], (Long) table[5]));
        }
        return census;
    }

    private static String qualified(Object[] table) {
        return DatabaseCatalog.quote((String) table[1]) + "." + DatabaseCatalog.quote((String) table[2]);
    }
}
