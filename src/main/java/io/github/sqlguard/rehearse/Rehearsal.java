package io.github.sqlguard.rehearse;

import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.RehearsalDiagnostics;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies migrations in order to the rehearsal database: those already applied as they are, and before each
 * new one, every table is topped up with seeded rows; the new one then runs statement by statement with its
 * row changes counted. Each migration runs in one transaction, as Flyway runs it on PostgreSQL, so a failed
 * one leaves nothing behind and the next runs on the schema without it.
 */
public final class Rehearsal {

    /** PostgreSQL's SQLSTATE for a statement that cannot run inside a transaction block. */
    private static final String NOT_IN_TRANSACTION = "25001";

    private final RehearsalSettings settings;

    public Rehearsal(RehearsalSettings settings) {
        this.settings = settings;
    }

    /** Runs every migration on {@code connection}, which must belong to a database of the rehearsal's own. */
    public RehearsalOutcome run(Connection connection, List<RehearsalMigration> migrations) throws SQLException {
        Run run = new Run(connection);
        try (java.sql.Statement statement = connection.createStatement()) {
            // A statement that loops forever would hold the build; nothing on a few hundred rows takes this long.
            statement.execute("SET statement_timeout = '5min'");
        }
        TableSeeder seeder = new TableSeeder(connection, settings.rowsPerTable());
        for (RehearsalMigration migration : migrations) {
            Map<Long, TableShape> shapes = new HashMap<>();
            if (!migration.alreadyApplied()) {
                seeder.seedAll().forEach((table, reason) -> run.unseeded(table, migration.path(), reason));
                DatabaseCatalog.tables(connection).forEach(table -> shapes.put(table.oid(), table));
            }
            run.apply(migration, shapes);
        }
        return new RehearsalOutcome(run.findings, new ArrayList<>(run.notes), run.applied, run.failed, run.statements,
                run.statementSql);
    }

    /** The state of one rehearsal run. */
    private final class Run {
        private final Connection connection;
        private final List<Finding> findings = new ArrayList<>();
        private final Set<String> notes = new LinkedHashSet<>();
        private final Set<String> unseededTables = new LinkedHashSet<>();
        private final Map<Location, String> statementSql = new HashMap<>();
        private int applied;
        private int failed;
        private int statements;

        Run(Connection connection) {
            this.connection = connection;
        }

        void unseeded(String table, String beforeMigration, String reason) {
            if (unseededTables.add(table)) {
                notes.add("table " + table + " could not be seeded before " + beforeMigration + " and stays empty: "
                        + reason);
            }
        }

        void apply(RehearsalMigration migration, Map<Long, TableShape> shapes) throws SQLException {
            List<Statement> executable = migration.script().statements().stream()
                    .filter(statement -> statement.context().kind() == StatementContext.Kind.SCRIPT).toList();
            connection.setAutoCommit(false);
            List<Finding> losses = new ArrayList<>();
            boolean transactional = true;
            int ran = 0;
            for (int i = 0; i < executable.size(); i++) {
                Statement statement = executable.get(i);
                try {
                    runOne(migration, statement, shapes, losses, transactional);
                    ran++;
                } catch (SQLException e) {
                    connection.rollback();
                    if (NOT_IN_TRANSACTION.equals(e.getSQLState()) && transactional) {
                        // Like Flyway, a migration with CREATE INDEX CONCURRENTLY and the like runs without
                        // a transaction around it: start again, each statement committed on its own.
                        transactional = false;
                        losses.clear();
                        ran = 0;
                        i = -1;
                        continue;
                    }
                    if (NOT_IN_TRANSACTION.equals(e.getSQLState())) {
                        runOutsideTransaction(statement.sql());
                        ran++;
                        continue;
                    }
                    statements += ran + 1;
                    failed(migration, statement, e);
                    return;
                }
            }
            connection.commit();
            statements += ran;
            applied++;
            findings.addAll(losses);
        }

        private void runOne(RehearsalMigration migration, Statement statement, Map<Long, TableShape> shapes,
                List<Finding> losses, boolean transactional) throws SQLException {
            if (migration.alreadyApplied()) {
                try (java.sql.Statement jdbc = connection.createStatement()) {
                    jdbc.setEscapeProcessing(false);
                    jdbc.execute(statement.sql());
                }
            } else {
                List<TableLoss> lost = new StatementRehearsal(connection, settings.maxRowShare(), shapes)
                        .run(statement, statement.sql());
                if (!lost.isEmpty()) {
                    losses.add(finding(RehearsalDiagnostics.ROW_LOSS, statement, "Rehearsed on "
                            + settings.rowsPerTable() + " seeded rows per table, this statement "
                            + RowLoss.describe(lost, settings.maxRowShare()) + " (more than "
                            + Math.round(settings.maxRowShare() * 100) + "% of a table's rows)"));
                }
            }
            if (!transactional) {
                connection.commit();
            }
        }

        private void runOutsideTransaction(String sql) throws SQLException {
            connection.setAutoCommit(true);
            try (java.sql.Statement jdbc = connection.createStatement()) {
                jdbc.setEscapeProcessing(false);
                jdbc.execute(sql);
            } finally {
                connection.setAutoCommit(false);
            }
        }

        private void failed(RehearsalMigration migration, Statement statement, SQLException e) {
            failed++;
            String message = DatabaseMessages.of(e);
            String where = DatabaseMessages.position(e, statement).map(at -> " at " + at).orElse("");
            if (migration.alreadyApplied()) {
                notes.add(migration.path() + " (applied before sinceVersion) did not apply on the rehearsal database"
                        + where + ": " + message + "; the migrations after it ran without its changes");
            } else {
                findings.add(finding(RehearsalDiagnostics.FAILED, statement, "The migration does not apply to tables"
                        + " with rows: PostgreSQL says " + message + where
                        + "; the statements after it in this migration were not run"));
            }
        }

        private Finding finding(RuleInfo rule, Statement statement, String message) {
            statementSql.put(statement.start(), statement.asWritten());
            return Finding.of(rule.id(), rule.defaultSeverity(), statement.start(), message, rule.hint(),
                    statement.firstLine());
        }
    }
}
