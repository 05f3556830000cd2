package io.github.sqlguard.schema;

import io.github.sqlguard.model.Severity;
import io.github.sqlguard.sql.StandIns;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What in the script itself keeps a destructive statement from losing data: it runs only when the table is
 * empty, the rows were copied in full just before, the column it drops was added by the same script or had its
 * values copied to another column, or the columns an UPDATE fills were added by the same script and hold nothing
 * yet.
 *
 * @param kind which of those
 * @param description for the finding: {@code "runs only when audit_2019 is empty"}; for a scratch-column
 *     guard, what all its columns' notes say
 * @param columns for a scratch-column guard, the keys of the columns it protects (from a drop, or from a rename
 *     when the script added them), each with what protects it ({@code "column tmp was added earlier in this
 *     script"}); for a copy under a DROP COLUMN, the keys of the dropped columns it kept, each with where its
 *     values went; for an incomplete copy under a DROP COLUMN, the keys of the dropped columns it left out;
 *     empty otherwise
 * @param keeper for a guard by a copy of every row, the table that holds the copy (as written); null otherwise
 */
public record Guard(Kind kind, String description, Map<String, String> columns, String keeper) {

    /** Marks a finding lowered to INFO by a guard: {@code "(guarded: rows copied to b at line 4)"}. */
    public static final String MARK = "guarded: ";

    /** The kinds of guard. */
    public enum Kind {
        EMPTY_TABLE, ROWS_COPIED, SCRATCH_COLUMN, NEW_COLUMNS_FILLED,
        /**
         * Not a guard: the rows were copied just before, but without some columns (a table rebuild that forgot
         * them). It lowers nothing; its description says, on the finding, why the copy does not keep the data.
         */
        INCOMPLETE_COPY,
        /**
         * Not a guard: a dropped column's values were converted into another column by a cast, which keeps only
         * what the cast keeps. It lowers nothing; its description says, on the finding, where the values went.
         */
        CONVERTED_COPY,
        /**
         * Not a guard: a dropped column's values were copied to another table without their rows' primary key, or
         * only from the rows a WHERE or a join selects (of a dropped table, some of its columns were: with no
         * {@link #columns}). It lowers nothing; its description says, on the finding, where the values went.
         */
        CARRIED_COPY,
        /**
         * Every row was copied just before by a column list, from a table whose columns the replay does not all
         * know: the loss may be none, or the columns the list leaves out. It lowers a finding to WARNING, not INFO.
         */
        UNVERIFIED_COPY,
        /** A renamed table's old name is given to a new table later in the same script run. */
        NAME_RECREATED,
        /** A renamed column's old name is given to a column added, or to its copy, later in the same script run. */
        COLUMN_NAME_RECREATED,
        /** A renamed table was created earlier in the same run: no code that runs yet uses its name. */
        TABLE_CREATED,
        /**
         * A renamed column got its name from a rename earlier in the same run: no code that runs yet uses it; or a
         * rename later in the same run gives it back a name code reads as its old one.
         */
        COLUMN_NAME_GIVEN,
        /**
         * The table was dropped earlier in the same run and nothing took its name since: no table is left; or no
         * replayed migration created one, and the script makes it a temporary table right after the drop.
         */
        TABLE_GONE,
        /** The columns were dropped by an earlier statement and nothing took their names since: none is left. */
        COLUMN_GONE,
        /** The columns an UPDATE overwrites had their values copied, with their rows' key, to another table. */
        VALUES_MOVED,
        /** A script that runs again fills the table from a query after it, as its earlier runs did. */
        REBUILT_FROM_QUERY,
        /** The columns an ALTER TABLE retypes hold only NULL: an UPDATE of every row emptied them before. */
        EMPTIED_COLUMN,
        /** The columns an ALTER TABLE retypes had every value copied to another column before. */
        RETYPED_COLUMN_COPIED,
        /** The statement runs in a transaction that a later ROLLBACK of the script undoes. */
        ROLLED_BACK,
        /**
         * The statement belongs to a Liquibase changeset whose preConditions the replay knows to fail: Liquibase
         * marks it ran, skips it or halts before it, and it runs nothing.
         */
        NOT_RUN,
        /**
         * A down script drops or empties tables its up script created, or drops columns it added ({@link #columns} by
         * the key of each; none when it empties tables, every one of which the up script created): they hold only what
         * was written since the up script ran.
         */
        CREATED_BY_UP_SCRIPT,
        /**
         * A down script renames a table back to the name its up script renamed it from: the release that rolling back
         * returns to uses that name.
         */
        TABLE_NAME_RESTORED,
        /**
         * A down script renames columns back to the names its up script renamed them from ({@link #columns} by the
         * key of each as the down script finds it): the release that rolling back returns to uses those names.
         */
        COLUMN_NAME_RESTORED,
        /**
         * Not a guard: a down script drops tables ({@link #columns} by the key of each) that its up script created only
         * {@code IF NOT EXISTS}, which keeps a table of that name that was there before, rows and all. It lowers
         * nothing; it says so on the finding.
         */
        CREATED_IF_MISSING,
        /** SQLite: the script turned foreign keys off before, so a DROP TABLE fires no ON DELETE action. */
        FOREIGN_KEYS_OFF,
        /**
         * SQLite: the run drops later every table a DROP TABLE's ON DELETE keys reach, and names none of them before:
         * the rows the cascade takes go with those drops anyway.
         */
        CHILD_TABLES_DROPPED_LATER,
        /**
         * The script deleted, emptied or re-pointed the rows of every table whose ON DELETE CASCADE key references
         * a DELETE's table before it: what still cascades is what the script chose to leave.
         */
        CHILD_ROWS_HANDLED,
        /**
         * Not a guard: the columns an UPDATE fills or an ALTER TABLE drops were added just before by ADD COLUMN IF
         * NOT EXISTS, which keeps an older column of the name. It lowers nothing; it says so on the finding.
         */
        ADDED_IF_MISSING,
        /**
         * Not a guard: the columns an ALTER TABLE drops, though the script may have added them, hold the only copy of
         * the values of a column an UPDATE copied into them and the script then dropped. It lowers nothing; it says
         * so on the finding.
         */
        ONLY_COPY,
        /**
         * Not a guard: an earlier run of the tool (a migration, a changeset) copied what the statement destroys,
         * but not what was written after it ran. It lowers nothing; its description says where the copy went.
         */
        EARLIER_RUN_COPY,
        /**
         * Not a guard: the columns an UPDATE fills were added by an earlier run of the tool, which the rows written
         * since may have given values. It lowers nothing; its description says so on the finding.
         */
        EARLIER_RUN_COLUMNS,
        /**
         * Not a guard: what the script did earlier to a table named without a schema would guard the statement, which
         * names the table with one (or the other way round); with no default schema configured those are two tables.
         * It lowers nothing; it says so on the finding, and how to make them one.
         */
        NAMED_WITH_OTHER_SCHEMA,
        /**
         * Not a guard: the drop stands in the first migration of its history, which would find no table on an empty
         * schema, but its version lies above the one Flyway baselines a schema that holds tables at, so Flyway runs
         * it there. It lowers nothing; it says so on the finding, and which setting says otherwise.
         */
        FIRST_MIGRATION_ABOVE_BASELINE,
        /**
         * Not a guard: a {@code DROP TABLE IF EXISTS} of a table none of the migrations that run before it created,
         * changed or dropped. Written to make a script re-runnable, it looks harmless; where the table exists,
         * something else made it, and its rows go. It lowers nothing; it says so on the finding.
         */
        NO_EARLIER_CREATE,
        /**
         * The UPDATE sets only columns that hold the version a script records as it goes (MySQL upgrade scripts'
         * {@code UPDATE info SET DB_SCHEMA_VERSION = '2.1.0'}): the one row there is the tool's, meant to change.
         */
        VERSION_RECORDED
    }

    /**
     * What an UPDATE of every row loses, which nothing is when it only fills columns added just before; so is one
     * whose WHERE rests on a value only the deploy gives, whichever rows it selects.
     */
    private static final Set<String> FILL_RULES = Set.of("update-without-where", "always-true-where",
            "unfiltered-subquery", "unresolved-where");

    private static final Set<String> TABLE_RULES = Set.of("drop-table", "truncate-table", "delete-without-where",
            "always-true-where", "drop-column", "unfiltered-subquery");

    /** What changes or removes the values of a table's rows in place, which nothing is when it holds no row. */
    private static final Set<String> ROW_VALUE_RULES = Set.of("alter-column-type", "alter-ignore-unique",
            "drop-partition", "not-null-fills-nulls");

    public Guard {
        columns = Map.copyOf(columns);
    }

    /** A guard over the whole table the statement targets. */
    public Guard(Kind kind, String description) {
        this(kind, description, Map.of());
    }

    /** A guard whose protection lies in no one table that holds a copy. */
    public Guard(Kind kind, String description, Map<String, String> columns) {
        this(kind, description, columns, null);
    }

    /**
     * True when this guard protects every object of a finding about {@code subjects} (as written): a table
     * guard protects all the statement's clauses, a scratch-column guard only the clauses that drop the
     * columns added earlier ({@code DROP COLUMN scratch, DROP COLUMN old_data} keeps the second finding).
     */
    public boolean protects(List<String> subjects) {
        return kind != Kind.SCRATCH_COLUMN && kind != Kind.EMPTIED_COLUMN && kind != Kind.RETYPED_COLUMN_COPIED
                && kind != Kind.COLUMN_NAME_RECREATED && kind != Kind.COLUMN_NAME_GIVEN && kind != Kind.COLUMN_GONE
                && kind != Kind.CREATED_BY_UP_SCRIPT && kind != Kind.COLUMN_NAME_RESTORED
                || kind == Kind.CREATED_BY_UP_SCRIPT && columns.isEmpty()
                || !subjects.isEmpty() && subjects.stream().allMatch(s -> columns.containsKey(SchemaNames.key(s)));
    }

    /** True for a kind that is no guard but a note on the finding: it lowers nothing. */
    public boolean noteOnly() {
        return switch (kind) {
            case INCOMPLETE_COPY, CONVERTED_COPY, CARRIED_COPY, ADDED_IF_MISSING, ONLY_COPY, EARLIER_RUN_COPY,
                    EARLIER_RUN_COLUMNS, NAMED_WITH_OTHER_SCHEMA, FIRST_MIGRATION_ABOVE_BASELINE,
                    CREATED_IF_MISSING, NO_EARLIER_CREATE -> true;
            default -> false;
        };
    }

    /** True when this guard makes the loss the rule {@code ruleId} reports impossible. */
    public boolean covers(String ruleId) {
        if (noteOnly()) {
            return false;
        }
        return switch (kind) {
            case ROLLED_BACK, NOT_RUN -> true;
            case FOREIGN_KEYS_OFF -> ruleId.equals("cascade") || ruleId.equals("delete-cascades");
            case CHILD_ROWS_HANDLED -> ruleId.equals("delete-cascades");
            case CHILD_TABLES_DROPPED_LATER -> ruleId.equals("cascade");
            case NAME_RECREATED, TABLE_CREATED, TABLE_NAME_RESTORED -> ruleId.equals("rename-table");
            case COLUMN_NAME_RECREATED, COLUMN_NAME_GIVEN, COLUMN_NAME_RESTORED -> ruleId.equals("rename-column");
            case SCRATCH_COLUMN -> ruleId.equals("drop-column") || ruleId.equals("rename-column");
            case COLUMN_GONE -> ruleId.equals("drop-column");
            // A table that is not there has no view or foreign key for a CASCADE to take with it.
            case TABLE_GONE -> TABLE_RULES.contains(ruleId) || ruleId.equals("cascade");
            // A down script that empties a table its up script created before dropping it loses no more either.
            case CREATED_BY_UP_SCRIPT -> ruleId.equals("drop-column") || ruleId.equals("drop-table")
                    || ruleId.equals("truncate-table") || ruleId.equals("delete-without-where")
                    || ruleId.equals("always-true-where");
            case EMPTIED_COLUMN, RETYPED_COLUMN_COPIED -> ruleId.equals("alter-column-type");
            case NEW_COLUMNS_FILLED, VALUES_MOVED -> FILL_RULES.contains(ruleId);
            case VERSION_RECORDED -> ruleId.equals("update-without-where");
            // An empty table has no row an UPDATE, a narrower type, a NOT NULL or a dropped partition could change.
            case EMPTY_TABLE -> TABLE_RULES.contains(ruleId) || FILL_RULES.contains(ruleId)
                    || ROW_VALUE_RULES.contains(ruleId) || ruleId.equals("delete-cascades");
            default -> TABLE_RULES.contains(ruleId);
        };
    }

    /**
     * The note a guarded finding's message about {@code subjects} ends with: for a guard of columns (a scratch
     * column, a dropped column whose values were copied), what protects those columns ({@code "(guarded: values of
     * total copied to total_new at line 2)"}).
     */
    public String note(List<String> subjects) {
        if (columns.isEmpty() || subjects.isEmpty()) {
            return note();
        }
        return StandIns.shown(" (" + MARK + String.join("; ", subjects.stream()
                .map(s -> columns.getOrDefault(SchemaNames.key(s), description)).distinct().toList()) + ")");
    }

    /**
     * For a finding of {@code ruleId} about {@code subjects} that this guard does not cover, what the script did
     * that falls short of a guard ({@code " (the copy to notes_new at line 6 leaves out column archived)"}), or
     * empty. An incomplete copy that names the columns a DROP COLUMN loses ({@link #columns}) says so only on the
     * findings about those columns: the others were copied.
     */
    public String shortfall(String ruleId, List<String> subjects) {
        return StandIns.shown(shortfallText(ruleId, subjects));
    }

    private String shortfallText(String ruleId, List<String> subjects) {
        boolean about = columns.isEmpty() || subjects.stream().anyMatch(s -> columns.containsKey(SchemaNames.key(s)));
        if (kind == Kind.CARRIED_COPY && columns.isEmpty()) {
            return ruleId.equals("drop-table") ? " (" + description + ")" : ""; // of a DROP TABLE: where values went
        }
        if (kind == Kind.CONVERTED_COPY && columns.isEmpty()) {
            return FILL_RULES.contains(ruleId) ? " (" + description + ")" : ""; // of an UPDATE: where values went
        }
        if (kind == Kind.CONVERTED_COPY || kind == Kind.CARRIED_COPY || kind == Kind.ONLY_COPY) {
            return ruleId.equals("drop-column") && about ? notesOn(subjects) : "";
        }
        if (kind == Kind.EARLIER_RUN_COPY) {
            return !about || !TABLE_RULES.contains(ruleId) && !FILL_RULES.contains(ruleId) ? ""
                    : columns.isEmpty() ? " (" + description + ")" : notesOn(subjects);
        }
        if (kind == Kind.EARLIER_RUN_COLUMNS) {
            return FILL_RULES.contains(ruleId) ? " (" + description + ")" : "";
        }
        if (kind == Kind.FIRST_MIGRATION_ABOVE_BASELINE || kind == Kind.NO_EARLIER_CREATE) {
            return ruleId.equals("drop-table") ? " (" + description + ")" : "";
        }
        if (kind == Kind.NAMED_WITH_OTHER_SCHEMA) {
            return about ? " (" + description + ")" : "";
        }
        if (kind == Kind.CREATED_IF_MISSING) {
            return ruleId.equals("drop-table") && about ? notesOn(subjects) : "";
        }
        if (kind == Kind.ADDED_IF_MISSING) {
            return !about ? "" : columns.isEmpty() ? " (" + description + ")" : notesOn(subjects);
        }
        return kind == Kind.INCOMPLETE_COPY && TABLE_RULES.contains(ruleId) && about ? " (" + description + ")" : "";
    }

    /** The notes of {@code subjects}' columns, each once: {@code " (note a; note b)"}. */
    private String notesOn(List<String> subjects) {
        return " (" + String.join("; ", subjects.stream().map(s -> columns.get(SchemaNames.key(s)))
                .filter(Objects::nonNull).distinct().toList()) + ")";
    }

    /**
     * A note-only guard of {@code kind} ({@link Kind#CONVERTED_COPY}, {@link Kind#CARRIED_COPY},
     * {@link Kind#ADDED_IF_MISSING}) that says
     * {@code notes} by column key on the findings about those columns; none without a note.
     */
    static Optional<Guard> noting(Kind kind, Map<String, String> notes) {
        return notes.isEmpty() ? Optional.empty()
                : Optional.of(new Guard(kind, String.join("; ", notes.values()), notes));
    }

    /** The severity of a finding at {@code severity} that this guard covers. */
    public Severity lowered(Severity severity) {
        return kind != Kind.UNVERIFIED_COPY ? Severity.INFO : severity == Severity.ERROR ? Severity.WARNING : severity;
    }

    /** The note a guarded finding's message ends with. */
    public String note() {
        return StandIns.shown(" (" + (kind == Kind.UNVERIFIED_COPY ? "" : MARK) + description + ")");
    }
}
