package io.github.sqlguard.rehearse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fills every user table with synthetic rows, parents before children, so that foreign keys find their
 * parents; unique keys hold because every value is made from a row number that keeps counting across calls.
 * Rows a CHECK constraint or trigger rejects are skipped one by one; a table that takes no row at all is
 * reported, never silently left empty.
 */
final class TableSeeder {

    /** Rows tried one by one, all rejected, before a table is given up. */
    private static final int ATTEMPTS_BEFORE_GIVING_UP = 10;

    private final Connection connection;
    private final int rowsPerTable;
    private final Map<Long, Long> rowsMade = new HashMap<>();

    TableSeeder(Connection connection, int rowsPerTable) {
        this.connection = connection;
        this.rowsPerTable = rowsPerTable;
    }

    /**
     * Tops every table up to the configured number of rows (tables filled by the migrations themselves or by
     * triggers of tables seeded before them get only what is missing) and commits.
     *
     * @return the tables that hold no row afterwards, with the reason; empty when every table holds rows
     */
    Map<String, String> seedAll() throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        Map<String, String> unseeded = new LinkedHashMap<>();
        try {
            List<TableShape> tables = DatabaseCatalog.tables(connection);
            Map<Long, TableShape> byOid = new HashMap<>();
            tables.forEach(table -> byOid.put(table.oid(), table));
            for (TableShape table : ParentsFirst.order(tables)) {
                long present = count(table);
                if (present >= rowsPerTable) {
                    continue;
                }
                Optional<String> problem = seed(table, rowsPerTable - present, byOid);
                if (problem.isPresent() && count(table) == 0) {
                    unseeded.put(table.displayName(), problem.get());
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return unseeded;
    }

    /** Inserts {@code missing} rows; the first reason a row was rejected when some were. */
    private Optional<String> seed(TableShape table, long missing, Map<Long, TableShape> byOid) throws SQLException {
        List<TableColumn> columns = table.columns().stream().filter(column -> !column.generatedByDatabase()).toList();
        Map<String, List<String>> parentValues = new HashMap<>();
        for (TableShape.ForeignKey key : table.foreignKeys()) {
            TableShape parent = byOid.get(key.parentOid());
            List<String> tuples = parent == null || key.parentOid() == table.oid() ? List.of()
                    : parentKeys(parent, key.parentColumns(), missing);
            if (tuples.isEmpty() && key.columns().stream().anyMatch(name -> notNull(columns, name))) {
                return Optional.of(key.parentOid() == table.oid() ? "it refers to itself through NOT NULL "
                        + key.columns() : "its parent " + (parent == null ? "table" : parent.displayName())
                        + " has no rows");
            }
            parentValues.put(String.join(",", key.columns()), tuples);
        }
        List<String> rows = new ArrayList<>();
        long first = rowsMade.getOrDefault(table.oid(), 0L) + 1;
        for (long n = first; n < first + missing; n++) {
            rows.add(row(table, columns, n, parentValues, false, Set.of()));
        }
        rowsMade.put(table.oid(), first + missing - 1);
        if (columns.isEmpty()) {
            // Nothing to choose: every column takes its default.
            rows = List.of("SELECT FROM generate_series(1, " + missing + ")");
        }
        String insert = "INSERT INTO " + table.qualifiedName() + columnList(columns) + (columns.isEmpty() ? " " : " VALUES ");
        Savepoint all = connection.setSavepoint();
        try (Statement statement = connection.createStatement()) {
            statement.execute(insert + String.join(", ", rows));
            connection.releaseSavepoint(all);
            return Optional.empty();
        } catch (SQLException rejected) {
            connection.rollback(all);
        }
        Optional<String> problem = oneByOne(insert, rows);
        if (problem.isPresent() && count(table) == 0 && columns.stream().anyMatch(TableColumn::hasDefault)) {
            // Made-up values broke a rule the defaults keep (a CHECK on a status column, say): let them speak.
            List<String> withDefaults = new ArrayList<>();
            for (long n = first; n < first + Math.min(missing, rows.size()); n++) {
                withDefaults.add(row(table, columns, n, parentValues, true, Set.of()));
            }
            oneByOne(insert, withDefaults);
        }
        if (problem.isPresent() && count(table) == 0) {
            withNullPatterns(table, columns, first, missing, parentValues, insert);
        }
        return problem;
    }

    /**
     * For tables whose CHECK wants only some of several optional references filled (a log row points at a post
     * or a comment, never both): each row tries every way of filling none, one or two of the nullable foreign
     * key columns, the ways that worked for earlier rows first.
     */
    private void withNullPatterns(TableShape table, List<TableColumn> columns, long first, long missing,
            Map<String, List<String>> parentValues, String insert) throws SQLException {
        List<String> optional = table.foreignKeys().stream().filter(key -> key.columns().size() == 1)
                .map(key -> key.columns().get(0)).filter(name -> columns.stream()
                        .anyMatch(column -> column.name().equals(name) && !column.notNull()))
                .distinct().limit(8).toList();
        if (optional.isEmpty()) {
            return;
        }
        List<Set<String>> ways = new ArrayList<>();
        ways.add(Set.of());
        for (int i = 0; i < optional.size(); i++) {
            ways.add(Set.of(optional.get(i)));
            for (int j = i + 1; j < optional.size(); j++) {
                ways.add(Set.of(optional.get(i), optional.get(j)));
            }
        }
        // Which references a CHECK wants usually depends on a kind column (an enum or a listed value), so the
        // way that worked is remembered per kind, and a kind no way fits is not tried again.
        Map<String, Set<String>> workedFor = new HashMap<>();
        Set<String> hopeless = new HashSet<>();
        for (long n = first; n < first + missing; n++) {
            if (workedFor.isEmpty() && n - first >= ATTEMPTS_BEFORE_GIVING_UP) {
                return;
            }
            String kind = kindOf(columns, n);
            if (hopeless.contains(kind)) {
                continue;
            }
            List<Set<String>> order = new ArrayList<>();
            if (workedFor.containsKey(kind)) {
                order.add(workedFor.get(kind));
            } else {
                order.addAll(ways);
            }
            boolean inserted = false;
            for (Set<String> filled : order) {
                Set<String> nulled = new HashSet<>(optional);
                nulled.removeAll(filled);
                if (tryInsert(insert + row(table, columns, n, parentValues, false, nulled))) {
                    workedFor.put(kind, filled);
                    inserted = true;
                    break;
                }
            }
            if (!inserted && !workedFor.containsKey(kind)) {
                hopeless.add(kind);
            }
        }
    }

    /** The labels row {@code n} takes in the table's enum and listed-value columns. */
    private static String kindOf(List<TableColumn> columns, long n) {
        StringBuilder kind = new StringBuilder();
        for (TableColumn column : columns) {
            if (!column.enumLabels().isEmpty()) {
                kind.append((n - 1) % column.enumLabels().size()).append(',');
            }
        }
        return kind.toString();
    }

    private boolean tryInsert(String sql) throws SQLException {
        Savepoint one = connection.setSavepoint();
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
            connection.releaseSavepoint(one);
            return true;
        } catch (SQLException rejected) {
            connection.rollback(one);
            return false;
        }
    }

    private Optional<String> oneByOne(String insert, List<String> rows) throws SQLException {
        String firstProblem = null;
        int inserted = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (inserted == 0 && i >= ATTEMPTS_BEFORE_GIVING_UP) {
                break;
            }
            Savepoint one = connection.setSavepoint();
            try (Statement statement = connection.createStatement()) {
                statement.execute(insert + rows.get(i));
                connection.releaseSavepoint(one);
                inserted++;
            } catch (SQLException rejected) {
                connection.rollback(one);
                firstProblem = firstProblem != null ? firstProblem : DatabaseMessages.of(rejected);
            }
        }
        return Optional.ofNullable(firstProblem);
    }

    private static String row(TableShape table, List<TableColumn> columns, long n,
            Map<String, List<String>> parentValues, boolean preferDefaults, Set<String> nulled) {
        Map<String, String> values = new LinkedHashMap<>();
        int keyNumber = 0;
        for (TableShape.ForeignKey key : table.foreignKeys()) {
            List<String> tuples = parentValues.get(String.join(",", key.columns()));
            // Each key of the table walks its parent's rows from another offset, so two keys to one parent
            // (a follower and the followed) do not point at the same row.
            String[] tuple = tuples == null || tuples.isEmpty() ? null
                    : tuples.get((int) ((n - 1 + 7L * keyNumber++) % tuples.size())).split("\u0001", -1);
            for (int i = 0; i < key.columns().size(); i++) {
                values.putIfAbsent(key.columns().get(i), tuple == null ? "NULL" : tuple[i]);
            }
        }
        List<String> row = new ArrayList<>();
        for (TableColumn column : columns) {
            String parentValue = values.get(column.name());
            if (nulled.contains(column.name())) {
                row.add("NULL");
            } else if (parentValue != null) {
                row.add(parentValue.equals("NULL") ? "NULL" : SeedValues.literal(parentValue) + "::" + column.type());
            } else if (preferDefaults && column.hasDefault()) {
                row.add("DEFAULT");
            } else {
                row.add(SeedValues.of(column, table.displayName(), n).orElse("DEFAULT"));
            }
        }
        return "(" + String.join(", ", row) + ")";
    }

    /** Up to {@code wanted} distinct key tuples of the parent, each as its column texts joined by U+0001. */
    private List<String> parentKeys(TableShape parent, List<String> columns, long wanted) throws SQLException {
        List<String> quoted = columns.stream().map(DatabaseCatalog::quote).toList();
        String sql = "SELECT DISTINCT " + String.join(", ", quoted.stream().map(c -> c + "::text").toList())
                + " FROM " + parent.qualifiedName() + " WHERE "
                + String.join(" AND ", quoted.stream().map(c -> c + " IS NOT NULL").toList()) + " LIMIT " + wanted;
        List<String> tuples = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                List<String> parts = new ArrayList<>();
                for (int i = 1; i <= columns.size(); i++) {
                    parts.add(rs.getString(i));
                }
                tuples.add(String.join("\u0001", parts));
            }
        }
        return tuples;
    }

    private long count(TableShape table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table.qualifiedName())) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean notNull(List<TableColumn> columns, String name) {
        return columns.stream().anyMatch(column -> column.name().equals(name) && column.notNull());
    }

    private static String columnList(List<TableColumn> columns) {
        if (columns.isEmpty()) {
            return "";
        }
        return " (" + String.join(", ", columns.stream().map(c -> DatabaseCatalog.quote(c.name())).toList()) + ")";
    }
}
