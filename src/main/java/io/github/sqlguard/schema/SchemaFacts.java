package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ScratchRows;
import io.github.sqlguard.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * What the replay knows for one statement: the schema just before it, the column types it changes, and what
 * its WHERE restricts given that schema.
 *
 * @param before the schema before the statement ({@link SchemaView#UNKNOWN} when not replayed)
 * @param retypes the columns the statement gives a type, in statement order (one per database history when
 *     the migrations tell databases apart)
 * @param rowFilter the judged WHERE of a plain DELETE or UPDATE, or empty
 * @param notReplayedBecause why the replay did not follow the statement, for messages; empty when it did
 * @param earlierFilesGuard what the files before this statement's own, in a migration split into files
 *     ({@link SplitMigration}), did to keep it from losing data; empty otherwise
 * @param earlierRunCopy where an earlier run (a migration, a changeset) copied what the statement destroys, a note
 *     that lowers nothing ({@link EarlierRunCopies}); empty otherwise
 * @param notRun why the statement does not run at all, its changeset's preconditions failing where it stands
 *     ({@link ChangeSetPreconditions}); empty otherwise
 */
public record SchemaFacts(SchemaView before, List<ColumnRetype> retypes, Optional<RowFilter> rowFilter,
        String notReplayedBecause, Optional<Guard> earlierFilesGuard, Optional<Guard> earlierRunCopy,
        Optional<Guard> notRun) {

    /** Nothing known: rules judge as they do without a schema. */
    public static final SchemaFacts UNKNOWN = notReplayed("the schema replay did not see this statement");

    /** Nothing known about a statement of a routine's body followed at a call, which the replay did not place. */
    public static final SchemaFacts CALLED_BODY =
            notReplayed("a routine's body is judged at its calls without the schema");

    /**
     * A statement of a routine's body followed at a call, whose type changes {@code retypesAtCall} judged against
     * the schema at the call ({@link SchemaReplay#retypesAtCall}); {@code before} is the schema it runs on, the
     * call's while nothing the body ran before it may have changed that, else {@link SchemaView#UNKNOWN}.
     */
    public static SchemaFacts calledBody(SchemaView before, List<ColumnRetype> retypesAtCall) {
        return new SchemaFacts(before, retypesAtCall, Optional.empty(), before == SchemaView.UNKNOWN
                ? CALLED_BODY.notReplayedBecause() : "the migrations before the call do not tell it",
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    public SchemaFacts {
        retypes = List.copyOf(retypes);
    }

    public SchemaFacts(SchemaView before, List<ColumnRetype> retypes) {
        this(before, retypes, Optional.empty(), "", Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Nothing known about a statement, for the reason given ({@code "down scripts are not replayed"}). */
    public static SchemaFacts notReplayed(String reason) {
        return new SchemaFacts(SchemaView.UNKNOWN, List.of(), Optional.empty(), reason, Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** The same facts with {@code statement}'s WHERE judged against them. */
    public SchemaFacts judging(Statement statement) {
        return judging(statement, NullOnlyColumns.NONE, ScratchRows.NONE);
    }

    /**
     * As {@link #judging(Statement)}, knowing also which columns the script run left holding only NULL, and what the
     * tables the script created hold.
     */
    public SchemaFacts judging(Statement statement, NullOnlyColumns onlyNull, ScratchRows scratch) {
        return new SchemaFacts(before, retypes, RowFilter.of(statement, this, onlyNull, scratch), notReplayedBecause,
                earlierFilesGuard, earlierRunCopy, notRun);
    }

    /**
     * The same facts with the guard the earlier files of a split migration give the statement, and the note on
     * what an earlier run copied of what it destroys.
     */
    SchemaFacts guardedBy(Optional<Guard> guard, Optional<Guard> copy) {
        return new SchemaFacts(before, retypes, rowFilter, notReplayedBecause, guard, copy, notRun);
    }

    /** The same facts for a statement that does not run, for the reason {@code guard} gives, if any. */
    SchemaFacts notRunBecause(Optional<Guard> guard) {
        String why = guard.isPresent() && notReplayedBecause.isEmpty()
                ? "its changeset does not run, so the schema replay left it out" : notReplayedBecause;
        return new SchemaFacts(before, retypes, rowFilter, why, earlierFilesGuard, earlierRunCopy, guard);
    }
}
