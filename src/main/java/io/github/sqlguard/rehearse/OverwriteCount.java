package io.github.sqlguard.rehearse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Counts the rows whose earlier values a statement really overwrote: a value that was not NULL and is now
 * different, in a column the table had when the migration began. The update counter alone would also count
 * a backfill of a column this migration added, or an UPDATE that writes the same value back.
 *
 * <p>The rows are copied to a temporary table before the statement runs a second time, then joined by key.
 */
final class OverwriteCount {

    private final Connection connection;
    private final TableShape table;
    private final List<String> key;
    private final String copy;

    private OverwriteCount(Connection connection, TableShape table, List<String> key, String copy) {
        this.connection = connection;
        this.table = table;
        this.key = key;
        this.copy = copy;
    }

    /**
     * Copies the rows of {@code table} as they are now, or empty when the table has no key of NOT NULL
     * columns to match its rows by (the update counter stands then).
     */
    static Optional<OverwriteCount> copyOf(Connection connection, TableShape table, int number) throws SQLException {
        Optional<List<String>> key = table.uniqueKeys().stream()
                .filter(columns -> columns.stream().allMatch(name -> table.columns().stream()
                        .anyMatch(column -> column.name().equals(name) && column.notNull())))
                .findFirst();
        if (key.isEmpty()) {
            return Optional.empty();
        }
        String copy = "sqlguard_rows_before_" + number;
        execute(connection, "CREATE TEMPORARY TABLE " + copy + " ON COMMIT DROP AS SELECT * FROM " + table.qualifiedName());
        return Optional.of(new OverwriteCount(connection, table, key.get(), copy));
    }

    /** The overwritten rows since the copy, or empty when the table no longer matches its copy (a column gone). */
    Optional<Long> overwritten() throws SQLException {
        List<String> join = new ArrayList<>();
        for (String column : key) {
            join.add("a." + DatabaseCatalog.quote(column) + " = b." + DatabaseCatalog.quote(column));
        }
        List<String> changed = new ArrayList<>();
        for (TableColumn column : table.columns()) {
            String name = DatabaseCatalog.quote(column.name());
            // Compared as text: json and some extension types have no equality operator.
            changed.add("(b." + name + " IS NOT NULL AND b." + name + "::text IS DISTINCT FROM a." + name + "::text)");
        }
        String sql = "SELECT count(*) FROM " + copy + " b JOIN " + table.qualifiedName() + " a ON "
                + String.join(" AND ", join) + " WHERE " + String.join(" OR ", changed);
        Savepoint guard = connection.setSavepoint();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            long count = rs.getLong(1);
            connection.releaseSavepoint(guard);
            return Optional.of(count);
        } catch (SQLException changedShape) {
            connection.rollback(guard);
            return Optional.empty();
        } finally {
            execute(connection, "DROP TABLE IF EXISTS " + copy);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
