package io.github.sqlguard.rehearse;

import io.github.sqlguard.sql.Statement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one statement of a new migration inside the migration's transaction and measures what it did to
 * every table. When the counters say it updated too many rows of a table, the statement is undone and run
 * again with the table's rows copied aside, so that only values really overwritten are counted.
 */
final class StatementRehearsal {

    private static final Pattern NAME = Pattern.compile("\"(?:[^\"]|\"\")+\"|[\\p{L}_][\\p{L}\\p{N}_$]*");

    private final Connection connection;
    private final double maxRowShare;
    private final Map<Long, TableShape> shapesAtStart;

    /** @param shapesAtStart the tables as the migration found them, by oid */
    StatementRehearsal(Connection connection, double maxRowShare, Map<Long, TableShape> shapesAtStart) {
        this.connection = connection;
        this.maxRowShare = maxRowShare;
        this.shapesAtStart = shapesAtStart;
    }

    /**
     * Runs {@code sql} and returns the tables it removed or overwrote too many rows of (empty when none).
     *
     * @throws SQLException when the database rejects the statement
     */
    List<TableLoss> run(Statement statement, String sql) throws SQLException {
        Map<Long, TableRows> before = RowCensus.take(connection);
        Savepoint start = connection.setSavepoint();
        execute(sql);
        List<TableLoss> losses = RowLoss.between(before, RowCensus.take(connection), namedWords(statement));
        List<TableShape> suspects = new ArrayList<>();
        for (TableLoss loss : losses) {
            TableShape shape = shapesAtStart.get(loss.table().oid());
            if (shape != null && RowLoss.tooMany(loss.overwritten(), loss.table(), maxRowShare)) {
                suspects.add(shape);
            }
        }
        if (!suspects.isEmpty()) {
            losses = againWithCopies(statement, sql, start, suspects);
        }
        connection.releaseSavepoint(start);
        return losses.stream().filter(loss -> RowLoss.tooMany(loss.removed(), loss.table(), maxRowShare)
                || RowLoss.tooMany(loss.overwritten(), loss.table(), maxRowShare)).toList();
    }

    private List<TableLoss> againWithCopies(Statement statement, String sql, Savepoint start, List<TableShape> suspects)
            throws SQLException {
        connection.rollback(start);
        Map<Long, OverwriteCount> copies = new HashMap<>();
        int number = 0;
        for (TableShape table : suspects) {
            Optional<OverwriteCount> copy = OverwriteCount.copyOf(connection, table, number++);
            copy.ifPresent(c -> copies.put(table.oid(), c));
        }
        // Counters of the undone run stay in the transaction's statistics, so measure from here.
        Map<Long, TableRows> before = RowCensus.take(connection);
        execute(sql);
        List<TableLoss> losses = new ArrayList<>(RowLoss.between(before, RowCensus.take(connection), namedWords(statement)));
        for (int i = 0; i < losses.size(); i++) {
            OverwriteCount copy = copies.get(losses.get(i).table().oid());
            if (copy != null) {
                Optional<Long> overwritten = copy.overwritten();
                if (overwritten.isPresent()) {
                    losses.set(i, losses.get(i).withOverwritten(overwritten.get()));
                }
            }
        }
        return losses;
    }

    private void execute(String sql) throws SQLException {
        try (java.sql.Statement jdbc = connection.createStatement()) {
            jdbc.setEscapeProcessing(false);
            jdbc.execute(sql);
        }
    }

    /**
     * The names the statement's text mentions, lower case, to tell the tables it names from those a cascade
     * or trigger reached; read from the text so that names inside a DO block's body count too.
     */
    private static Set<String> namedWords(Statement statement) {
        Set<String> words = new HashSet<>();
        Matcher name = NAME.matcher(statement.sql());
        while (name.find()) {
            words.add(name.group().replace("\"", "").toLowerCase(Locale.ROOT));
        }
        return words;
    }
}
