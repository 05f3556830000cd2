package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Follows, through one history's replay, the copies that each run of the database tool made (a Flyway script, a
 * Liquibase changeset), and finds the statements of later runs that destroy what an earlier one copied:
 * {@code ALTER TABLE users DROP COLUMN password} in one migration after another copied every password to
 * {@code user_password}. Such a copy is no guard, since the rows written between the two runs are not in it, so
 * the finding keeps its severity; it says where the copy went, for the reader to judge whether the copy has been
 * kept up to date since. Within one run, {@link LossGuards} follows the copies itself.
 */
final class EarlierRunCopies {

    /** The copies of the runs before the current one; the current run's statements are observed when it ends. */
    private final LossGuards earlierRuns = LossGuards.acrossFiles("earlier migrations");
    private final List<Observed> currentRun = new ArrayList<>();
    private final Map<StatementKey, Optional<Guard>> notes = new HashMap<>();
    private String run;

    private record Observed(Statement statement, SchemaView before) {
    }

    /** Follows {@code statement}, which the history just replayed on {@code replays}. */
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
        earlierRuns.copyGuardOf(statement).ifPresent(copy -> notes.put(StatementKey.of(statement),
                Optional.of(noteOf(copy, statement))));
        // A copy dropped in this run keeps nothing for its later statements either.
        earlierRuns.forgetCopiesDroppedBy(statement);
        currentRun.add(new Observed(statement, replays.isEmpty() ? SchemaView.UNKNOWN
                : replays.values().iterator().next().before(statement)));
    }

    /** Ends the current run: what it copied is known to the statements of the runs after it. */
    void endRun() {
        for (Observed observed : currentRun) {
            earlierRuns.observe(observed.statement(), observed.before());
            earlierRuns.forgetCopiesDroppedBy(observed.statement());
        }
        currentRun.clear();
    }

    /** For each statement that destroys what an earlier run copied, the note that says so. */
    Map<StatementKey, Optional<Guard>> notes() {
        return notes;
    }

    private static Guard noteOf(Guard copy, Statement statement) {
        String since = ", " + (statement.context().runScope().startsWith("changeset ") ? "an earlier changeset"
                : "an earlier migration") + "; what was written after it ran is not in that copy";
        Map<String, String> columns = new LinkedHashMap<>();
        copy.columns().forEach((column, note) -> columns.put(column, note + since));
        return new Guard(Guard.Kind.EARLIER_RUN_COPY, copy.description() + since, columns);
    }
}
