package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ClauseKind;
import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.Location;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@code DROP TABLE} of a table that an earlier migration already dropped or renamed away: a SQLite rebuild drops
 * its {@code _bkp_t} copy at once, and a clean-up migration years later drops {@code _bkp_t} again with
 * {@code IF EXISTS}. No table of that name is left, so the later drop removes no row; the earlier one is where the
 * rows went, and is judged there. Within one script run, {@link DroppedEarlierInRun} says the same. A column
 * dropped again is alike ({@link #columnGuardOf}).
 */
public final class DroppedInEarlierMigration {

    /** A file name as Flyway's default settings name a versioned migration: {@code V2__add_index.sql}. */
    private static final Pattern VERSIONED = Pattern.compile("(?i)V\\d[\\w.]*__.*");

    private DroppedInEarlierMigration() {
    }

    /**
     * The guard of {@code drop} when every table it drops was surely dropped or renamed away by a statement the
     * replay saw before ({@link SurelyDroppedTables}), written with the same qualifier, and no table took its name
     * since.
     */
    public static Optional<Guard> guardOf(StatementModel drop, SchemaView before) {
        Optional<List<DestructiveClause>> dropped = TableDrops.of(drop);
        if (dropped.isEmpty()) {
            return Optional.empty();
        }
        List<DestructiveClause> drops = dropped.get();
        StringBuilder notes = new StringBuilder();
        for (DestructiveClause clause : drops) {
            Optional<SurelyDroppedTables.Drop> earlier = clause.table() == null ? Optional.empty()
                    : before.surelyDropped(clause.table())
                            .filter(gone -> comparable(gone.written()).equals(comparable(clause.table())))
                            .filter(gone -> surelyRunsBefore(gone.place(), drop.statement().start()));
            if (earlier.isEmpty()) {
                return Optional.empty();
            }
            notes.append(notes.isEmpty() ? "" : "; ").append("table ").append(SchemaNames.unquoted(clause.table()))
                    .append(" was dropped or renamed away at ").append(placeOf(earlier.get(), drop));
        }
        return Optional.of(new Guard(Guard.Kind.TABLE_GONE, notes + " and nothing has taken "
                + (drops.size() == 1 ? "its name" : "their names") + " since"));
    }

    /**
     * The guard of the columns {@code drop} drops that a statement the replay saw before surely dropped or renamed
     * away from the same table, which the replay knows without a column of that name since: a migration that drops
     * {@code id} again, after an earlier one dropped it, finds nothing to drop.
     */
    public static Optional<Guard> columnGuardOf(StatementModel drop, SchemaView before) {
        if (!drop.placement().runsWithMigration()) {
            return Optional.empty();
        }
        Map<String, String> notes = new LinkedHashMap<>();
        for (DestructiveClause clause : drop.clauses()) {
            if (clause.kind() != ClauseKind.DROPPED_COLUMN || clause.table() == null || clause.name() == null) {
                continue;
            }
            before.columnSurelyDropped(clause.table(), clause.name())
                    .filter(gone -> surelyRunsBefore(gone.place(), drop.statement().start()))
                    .ifPresent(gone -> notes.put(SchemaNames.key(clause.name()), "column "
                            + SchemaNames.unquoted(clause.name()) + " was dropped or renamed away at "
                            + placeOf(gone, drop) + " and nothing has taken its name since"));
        }
        return notes.isEmpty() ? Optional.empty()
                : Optional.of(new Guard(Guard.Kind.COLUMN_GONE, String.join("; ", notes.values()), notes));
    }

    /**
     * True when the earlier drop surely ran before the statement at {@code here}: in the same file or folder, in
     * a Flyway versioned migration before a versioned one, or in an earlier migration folder of the same migrations
     * folder ({@link MigrationFolderScripts}). Scripts of different folders that are not versioned are
     * replayed in path order, but nothing says the tool runs them so (a folder of drop scripts beside one of create
     * scripts); a drop there does not make a later one harmless.
     */
    private static boolean surelyRunsBefore(Location earlier, Location here) {
        if (earlier == null || earlier.path() == null || here.path() == null) {
            return false;
        }
        return folderOf(earlier.path()).equals(folderOf(here.path()))
                || VERSIONED.matcher(fileName(earlier.path())).matches()
                && VERSIONED.matcher(fileName(here.path())).matches()
                || MigrationFolderScripts.ofOneMigrationsFolder(earlier.path(), here.path());
    }

    private static String folderOf(String path) {
        return path.substring(0, Math.max(0, Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'))));
    }

    private static String fileName(String path) {
        return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    }

    /** A name as written, for telling whether two statements name the same table: case and quotes aside. */
    private static String comparable(String written) {
        return SchemaNames.unquoted(written).replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    /** {@code "line 24"} in the same file, else {@code "line 24 of V2__rebuild.sql"}. */
    private static String placeOf(SurelyDroppedTables.Drop earlier, StatementModel drop) {
        String path = earlier.place().path();
        if (path == null || path.equals(drop.statement().start().path())) {
            return "line " + earlier.place().line();
        }
        return "line " + earlier.place().line() + " of " + ScriptLabel.of(path);
    }
}
