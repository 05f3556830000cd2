package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ClauseKind;
import io.github.sqlguard.analysis.CreatedTableNames;
import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.StatementContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A {@code DROP TABLE IF EXISTS t} that clears what an earlier run left in the session before the script makes
 * {@code t} a temporary table again ({@code DROP TABLE IF EXISTS id_map; CREATE TEMP TABLE id_map AS SELECT ..}),
 * as scripts and routines that run more than once in one connection do. When the replayed migrations never created
 * a table of that name, the only table the drop can find is such a leftover, whose rows last for the session anyway.
 * A table the replay knows keeps the drop reported: it would be that table's rows that go.
 *
 * <p>A permanent table made again counts alike when the same run drops it once more after using it ({@code DROP
 * TABLE IF EXISTS ids; CREATE TABLE ids ..; INSERT INTO ids ..; DROP TABLE ids}, as MySQL scripts do where a
 * temporary table cannot be read twice in one query): the script's own scratch table, which only a run that failed
 * part way can have left behind.
 *
 * <p>T-SQL writes the drop as {@code IF OBJECT_ID('t') IS NOT NULL DROP TABLE t} as well ({@link
 * ExistenceTestedDrop}), before the table is made again and after its use.
 */
public final class TemporaryTableCleanup {

    private TemporaryTableCleanup() {
    }

    /**
     * The guard of {@code models[index]} when it is a {@code DROP TABLE IF EXISTS} of tables the replay
     * ({@code before}, which saw the statement) knows none of, each of which the next statement of the same run
     * and body that creates a table of its name creates as a temporary one (PostgreSQL and MySQL), or as a
     * permanent one that the same run drops again after use, with no rename to the name before it.
     */
    public static Optional<Guard> guardOf(List<StatementModel> models, int index, SchemaView before) {
        return guardOf(models, index, before, false);
    }

    /**
     * As {@link #guardOf(List, int, SchemaView)}, when every table the drop names is one the replay knows as a
     * local temporary table the session made before (an earlier call of the routine that runs the drop and makes
     * the table again, say). What such a drop clears, the session itself put there, so this guard speaks before
     * what the copies of the run say about those rows: a copy out of the table ({@code INSERT INTO orders (id)
     * SELECT id FROM t_map}) took rows the session had read from somewhere else.
     */
    public static Optional<Guard> sessionTableGuardOf(List<StatementModel> models, int index, SchemaView before) {
        return guardOf(models, index, before, true);
    }

    private static Optional<Guard> guardOf(List<StatementModel> models, int index, SchemaView before,
            boolean sessionTablesOnly) {
        StatementModel drop = models.get(index);
        Dialect dialect = drop.statement().dialect();
        boolean sessionFirst = dialect == Dialect.POSTGRESQL || dialect == Dialect.AUTO || dialect.isMySqlFamily();
        // T-SQL's IF OBJECT_ID('t') IS NOT NULL DROP TABLE t: the IF statement around the drop runs in the
        // script's order, and what runs alongside it is what runs alongside the drop.
        OptionalInt tested = ExistenceTestedDrop.testedAt(models, index);
        if (!before.replayed() || tested.isEmpty() || drop.clauses().isEmpty()
                || drop.clauses().stream().anyMatch(clause -> clause.kind() != ClauseKind.DROPPED_TABLE)) {
            return Optional.empty();
        }
        int anchor = tested.getAsInt();
        StringBuilder notes = new StringBuilder();
        for (DestructiveClause clause : drop.clauses()) {
            boolean sessionTable = clause.table() != null && before.table(clause.table()).isPresent()
                    && before.isLocalTemporary(clause.table());
            if (clause.table() == null || before.table(clause.table()).isPresent() && !sessionTable
                    || sessionTablesOnly && !sessionTable) {
                return Optional.empty();
            }
            String name = SchemaNames.key(clause.table());
            Optional<Integer> create = nextCreate(models, anchor, name);
            if (create.isEmpty()) {
                return Optional.empty();
            }
            StatementModel created = models.get(create.get());
            String shown = SchemaNames.unquoted(clause.table());
            notes.append(notes.isEmpty() ? "" : "; ").append(sessionTable
                    ? shown + " is a temporary table the session made before"
                    : "no scanned migration created a table " + shown).append(", and line ")
                    .append(created.statement().start().line());
            if (CreatedTableNames.createsTemporaryTable(created.statement().tokens())) {
                if (!sessionFirst) {
                    return Optional.empty();
                }
                notes.append(" creates it as a temporary table: the drop clears what an earlier run left in the"
                        + " session");
                continue;
            }
            Optional<StatementModel> dropAgain = dropAfterUse(models, anchor, create.get(), name);
            if (dropAgain.isEmpty()) {
                return Optional.empty();
            }
            notes.append(" creates it again and line ").append(dropAgain.get().statement().start().line())
                    .append(" drops it after use, as the script's own scratch table: the drop clears what a run"
                            + " that failed part way left behind");
        }
        return Optional.of(new Guard(Guard.Kind.TABLE_GONE, notes.toString()));
    }

    /** True when {@code later} runs in the same run and body as {@code model}, on one of its databases. */
    private static boolean runsAlongside(StatementModel model, StatementModel later) {
        StatementContext context = model.statement().context();
        StatementContext there = later.statement().context();
        // A change of the same changeset for other databases (<sql dbms="postgresql"> beside the drop's
        // <sql dbms="mysql">) never runs after the drop.
        return there.runScope().equals(context.runScope()) && there.databases().overlaps(context.databases())
                && Objects.equals(context.body() == null ? null : context.body().id(),
                        there.body() == null ? null : there.body().id());
    }

    /**
     * The index of the next statement after {@code index}, in the same run and body and on one of its databases,
     * that creates table {@code name} ({@code IF NOT EXISTS} too: the drop freed the name), with no rename to the
     * name before it.
     */
    private static Optional<Integer> nextCreate(List<StatementModel> models, int index, String name) {
        for (int i = index + 1; i < models.size(); i++) {
            StatementModel later = models.get(i);
            if (!runsAlongside(models.get(index), later)) {
                continue;
            }
            if (renames(later, name)) {
                return Optional.empty();
            }
            boolean creates = later.createdTables().stream().anyMatch(created -> SchemaNames.key(created)
                    .equals(name)) || CreatedTableNames.namedByCreate(later.statement().tokens())
                            .map(SchemaNames::key).filter(name::equals).isPresent();
            if (creates) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /**
     * The statement after {@code create}, in the same run and body as the drop at {@code index}, that drops the
     * table {@code name} again, surely (no branch), with no rename to or from the name and no other create of it
     * before: the end of the scratch table's use. A T-SQL drop that an IF runs when the table exists counts as
     * sure ({@code IF OBJECT_ID('t') IS NOT NULL DROP TABLE t}): the script created the table.
     */
    private static Optional<StatementModel> dropAfterUse(List<StatementModel> models, int index, int create,
            String name) {
        for (int i = create + 1; i < models.size(); i++) {
            StatementModel later = models.get(i);
            // Most statements of a long script (seed rows, comments) neither drop nor rename: skip them cheaply, as
            // this scan runs for every drop of a table the script creates again.
            if (later.clauses().isEmpty()) {
                continue;
            }
            if (!runsAlongside(models.get(index), later)) {
                OptionalInt tested = ExistenceTestedDrop.containerOf(models, i);
                if (tested.isPresent() && SchemaNames.key(later.clauses().get(0).table()).equals(name)) {
                    StatementModel container = models.get(tested.getAsInt());
                    if (runsAlongside(models.get(index), container) && container.statement().context().branch() == null
                            && container.placement().runsWithMigration()) {
                        return Optional.of(later);
                    }
                }
                continue;
            }
            boolean renamedAway = later.clauses().stream().anyMatch(clause -> clause.kind() == ClauseKind.RENAMED_TABLE
                    && clause.table() != null && SchemaNames.key(clause.table()).equals(name));
            if (renamedAway || renames(later, name)) {
                return Optional.empty();
            }
            boolean drops = later.clauses().stream().anyMatch(clause -> clause.kind() == ClauseKind.DROPPED_TABLE
                    && clause.table() != null && SchemaNames.key(clause.table()).equals(name));
            if (drops) {
                return later.statement().context().branch() == null && later.placement().runsWithMigration()
                        ? Optional.of(later) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean renames(StatementModel model, String name) {
        return model.clauses().stream().anyMatch(clause -> clause.kind() == ClauseKind.RENAMED_TABLE
                && clause.detail() != null && SchemaNames.key(clause.detail()).equals(name));
    }
}
