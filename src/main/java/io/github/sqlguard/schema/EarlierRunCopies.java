package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Follows, through one history's replay, the copies that each run of the database tool made (a Flyway script, a
 * Liquibase changeset), and finds the statements of later runs that destroy what an earlier one copied:
 * {@code ALTER TABLE users DROP COLUMN password} in one migration after another copied every password to
 * {@code user_password}. Such a copy is no guard, since the rows written between the two runs are not in it, so
 * the finding keeps its severity; it says where the copy went, for the reader to judge whether the copy has been
 * kept up to date since. Within one run, {@link LossGuards} follows the copies itself.
 */
final class EarlierRunCopies {

    /**
     * The copies of the runs before the current one, by database: a copy made by a run for some databases only (a
     * Liquibase changeset with {@code dbms}, or a dbms precondition) is no copy on the others. The current run's
     * statements are observed when it ends.
     */
    private final Map<String, LossGuards> earlierRuns = new HashMap<>();
    private final List<Observed> currentRun = new ArrayList<>();
    private final Map<StatementKey, Optional<Guard>> notes = new HashMap<>();
    private String run;

    private record Observed(Statement statement, Map<String, SchemaReplay> replays) {
    }

    /** Follows {@code statement}, which the history just replayed on {@code replays}, by database. */
    void follow(Statement statement, Map<String, SchemaReplay> replays) {
        String scope = statement.context().runScope().isEmpty() ? statement.start().path()
                : statement.context().runScope();
        if (!scope.equals(run)) {
            endRun();
            run = scope;
        }
        if (!statement.context().runsWithMigration()) {
            return; // a routine's body copies nothing until it is called, and then not where it is defined
        }
        // The copy must be there on every database the statement runs on. Loops, not streams: this runs for every
        // statement of every history.
        Optional<Guard> first = Optional.empty();
        boolean everywhere = !replays.isEmpty();
        Optional<Guard> incomplete = Optional.empty();
        Map<String, Guard> wholeOn = new LinkedHashMap<>();
        try {
            for (String database : replays.keySet()) {
                Optional<Guard> copy = earlierRunsOn(database).copyGuardOf(statement);
                everywhere &= copy.isPresent();
                first = first.isPresent() ? first : copy;
                copy.ifPresent(guard -> wholeOn.put(database, guard));
            }
            if (!everywhere && !replays.isEmpty()) {
                incomplete = incompleteEverywhere(statement, replays.keySet(), wholeOn.keySet());
            }
            // A copy dropped in this run keeps nothing for its later statements either.
            for (String database : replays.keySet()) {
                earlierRunsOn(database).forgetCopiesDroppedBy(statement);
            }
        } catch (RuntimeException e) {
            // A statement the readers could not follow (a script cut short): what earlier runs copied is no longer
            // known, and the statement gets no note. The check of its own script reports what it can.
            earlierRuns.clear();
            everywhere = false;
        }
        if (everywhere) {
            notes.put(StatementKey.of(statement), Optional.of(noteOf(first.get(), statement)));
        } else if (incomplete.isPresent()) {
            notes.put(StatementKey.of(statement), Optional.of(incompleteNoteOf(incomplete.get(), statement)));
        } else if (!wholeOn.isEmpty()) {
            notes.put(StatementKey.of(statement), Optional.of(someDatabasesNoteOf(wholeOn, replays.keySet(),
                    statement)));
        } else if (!replays.isEmpty()) {
            addedEarlier(statement, replays.keySet()).ifPresent(note -> notes.put(StatementKey.of(statement),
                    Optional.of(note)));
        }
        currentRun.add(new Observed(statement, replays));
    }

    /** Ends the current run: what it copied is known to the statements of the runs after it. */
    void endRun() {
        for (Observed observed : currentRun) {
            observed.replays().forEach((database, replay) -> {
                LossGuards copies = earlierRunsOn(database);
                try {
                    copies.observe(observed.statement(), replay.before(observed.statement()));
                    copies.forgetCopiesDroppedBy(observed.statement());
                } catch (RuntimeException e) {
                    earlierRuns.remove(database); // half-observed facts are no facts
                }
            });
        }
        currentRun.clear();
    }

    private LossGuards earlierRunsOn(String database) {
        return earlierRuns.computeIfAbsent(database, key -> LossGuards.acrossRuns("earlier migrations",
                DatabaseVariants.named(database)));
    }

    /** For each statement that destroys what an earlier run copied, the note that says so. */
    Map<StatementKey, Optional<Guard>> notes() {
        return notes;
    }

    /**
     * For an UPDATE that fills columns earlier runs added and none of their statements wrote since, on every database
     * it runs on, the note that says so: within one run such a fill overwrites nothing, but between two runs the
     * application may have written them.
     */
    private Optional<Guard> addedEarlier(Statement statement, Set<String> databases) {
        Optional<ColumnWrites.Update> update = statement.container() ? Optional.empty()
                : ColumnWrites.update(statement.tokens());
        if (update.isEmpty()
                || !databases.stream().allMatch(db -> earlierRunsOn(db).fillsOnlyColumnsAddedUnwritten(update.get()))) {
            return Optional.empty();
        }
        List<String> filled = update.get().assigned();
        boolean changeset = statement.context().runScope().startsWith("changeset ");
        String column = filled.size() == 1 ? "column " + filled.get(0) + " was" : "columns "
                + String.join(", ", filled) + " were";
        return Optional.of(new Guard(Guard.Kind.EARLIER_RUN_COLUMNS, column + " added by "
                + (changeset ? "an earlier changeset" : "an earlier migration") + ": run in one deploy with it, this"
                + " overwrites nothing; run later, it overwrites what the application wrote there since"));
    }

    /**
     * The copy an earlier run made of what {@code statement} destroys that left some of it out, that took it to
     * another table only from some rows, or that sqlguard cannot verify, when on every database the statement runs on there is that copy or a whole one: the same one,
     * as its note names it. A database whose schema is known (a baseline replayed for it) sees a whole copy where
     * one whose schema is not sees only the statement's column list; the note then says what the latter lacks.
     *
     * @param wholeOn the databases on which an earlier run's copy guards the statement whole
     */
    private Optional<Guard> incompleteEverywhere(Statement statement, Set<String> databases, Set<String> wholeOn) {
        Optional<Guard> first = Optional.empty();
        List<String> shortOn = new ArrayList<>();
        boolean wholeSomewhere = false;
        for (String database : databases) {
            LossGuards copies = earlierRunsOn(database);
            Optional<Guard> copy = copies.incompleteCopyOf(statement).or(() -> copies.unverifiedCopyOf(statement))
                    .or(() -> copies.carriedCopyOf(statement));
            if (copy.isEmpty() && wholeOn.contains(database)) {
                wholeSomewhere = true;
                continue;
            }
            if (copy.isEmpty() || first.isPresent() && !first.get().description().equals(copy.get().description())) {
                return Optional.empty();
            }
            first = copy;
            shortOn.add(DatabaseVariants.describe(database));
        }
        if (first.isPresent() && wholeSomewhere) {
            // A table created per database (a changeset with dbms for each) is known, key and all, only on those:
            // say where the copy falls short, as it is whole on the others.
            Guard copy = first.get();
            return Optional.of(new Guard(copy.kind(), "on " + String.join(", ", shortOn) + ": "
                    + copy.description(), copy.columns()));
        }
        return first;
    }

    /**
     * The note of a copy an earlier run made that left columns out: within one run it says where the values went and
     * which were lost, and between runs the rows written since are not in it either.
     */
    private static Guard incompleteNoteOf(Guard copy, Statement statement) {
        String since = "; that copy was made by " + (statement.context().runScope().startsWith("changeset ")
                ? "an earlier changeset" : "an earlier migration") + ", and what was written after it ran is not in it"
                + " either";
        return new Guard(Guard.Kind.EARLIER_RUN_COPY, copy.description() + since, Map.of());
    }

    /**
     * The note of copies earlier runs made on some of the databases the statement runs on only ({@code wholeOn},
     * each with its copy), as projects write a changeset per database that copies the values, and a later one for
     * every database that drops them: where the values went on each, and that on the others nothing kept them.
     */
    private static Guard someDatabasesNoteOf(Map<String, Guard> wholeOn, Set<String> databases,
            Statement statement) {
        String run = ", " + (statement.context().runScope().startsWith("changeset ") ? "an earlier changeset"
                : "an earlier migration");
        List<String> without = databases.stream().filter(database -> !wholeOn.containsKey(database))
                .map(DatabaseVariants::describe).toList();
        Map<String, Map<String, List<String>>> byColumn = new LinkedHashMap<>();
        Map<String, List<String>> byDescription = new LinkedHashMap<>();
        wholeOn.forEach((database, copy) -> {
            String on = DatabaseVariants.describe(database);
            byDescription.computeIfAbsent(copy.description() + run, k -> new ArrayList<>()).add(on);
            copy.columns().forEach((column, note) -> byColumn.computeIfAbsent(column, k -> new LinkedHashMap<>())
                    .computeIfAbsent(note + run, k -> new ArrayList<>()).add(on));
        });
        String rest = "; on " + String.join(", ", without) + " nothing copied them; what was written after "
                + (byDescription.size() == 1 ? "it ran is not in that copy" : "they ran is not in those copies");
        Map<String, String> columns = new LinkedHashMap<>();
        byColumn.forEach((column, notesOn) -> columns.put(column, onEach(notesOn) + rest));
        return new Guard(Guard.Kind.EARLIER_RUN_COPY, onEach(byDescription) + rest, columns);
    }

    /** {@code "on mysql: note a; on postgresql: note b"}, the databases that share a note named together. */
    private static String onEach(Map<String, List<String>> databasesByNote) {
        List<String> parts = new ArrayList<>();
        databasesByNote.forEach((note, on) -> parts.add("on " + String.join(", ", on) + ": " + note));
        return String.join("; ", parts);
    }

    private static Guard noteOf(Guard copy, Statement statement) {
        String since = ", " + (statement.context().runScope().startsWith("changeset ") ? "an earlier changeset"
                : "an earlier migration") + "; what was written after it ran is not in that copy";
        Map<String, String> columns = new LinkedHashMap<>();
        copy.columns().forEach((column, note) -> columns.put(column, note + since));
        return new Guard(Guard.Kind.EARLIER_RUN_COPY, copy.description() + since, columns);
    }
}
