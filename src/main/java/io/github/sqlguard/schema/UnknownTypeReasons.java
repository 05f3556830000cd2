package io.github.sqlguard.schema;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;

/**
 * Why the replay does not know the type a column has before a statement, in words a finding can give: the table is
 * not created by the migrations, was dropped, renamed or changed in a branch that may not have run, is created again
 * with other columns, or got the column from an {@code ADD COLUMN IF NOT EXISTS}. To say so it notes, as the replay
 * goes, how it first learnt of each table whose columns it does not all know. Kept apart from {@link SchemaHistory},
 * which stores the versions of the tables, because it only reads them to explain a gap; a fork reads what its
 * parent's reasons noted and keeps what it notes to itself.
 */
final class UnknownTypeReasons {

    /** How a reason notes where the replay first met a table the migrations do not create. */
    private static final String FIRST_SEEN = "first seen at ";
    /** That note as {@link #whyTypeUnknown} appends it; a place is a line or a path, never in parentheses. */
    private static final Pattern FIRST_SEEN_NOTE = Pattern.compile(" \\(" + FIRST_SEEN + "[^()]*\\)");

    /** The reasons of the history this one's was forked from, or null. */
    private final UnknownTypeReasons parent;
    /** Per table key: the table after each statement that changed it; empty once dropped or renamed away. */
    private final NamedVersions<Table> tableVersions;
    private final BranchForgettings forgottenInBranches;
    /** Tables created again with other columns, and which of their column types are certain all the same. */
    private final MixedDefinitions mixed;
    /** The position of the statement being replayed. */
    private final IntSupplier position;
    /** Where the statement at a position stands ({@code path:line}); null for a position the history never had. */
    private final IntFunction<String> placeAt;
    /** True at a position where a session ended and its temporary tables went, rather than a statement. */
    private final IntPredicate sessionEndedAt;
    /** Per table key: how the replay first learnt of a table whose columns it does not all know. */
    private final Map<String, String> partlyKnown = new HashMap<>();
    /** Per table and column key: where an ADD COLUMN IF NOT EXISTS named it in a table not every column is known of. */
    private final Map<String, Integer> addedIfMissing = new HashMap<>();

    UnknownTypeReasons(UnknownTypeReasons parent, NamedVersions<Table> tableVersions,
            BranchForgettings forgottenInBranches, MixedDefinitions mixed, IntSupplier position,
            IntFunction<String> placeAt, IntPredicate sessionEndedAt) {
        this.parent = parent;
        this.sessionEndedAt = sessionEndedAt;
        this.tableVersions = tableVersions;
        this.forgottenInBranches = forgottenInBranches;
        this.mixed = mixed;
        this.position = position;
        this.placeAt = placeAt;
    }

    /** Notes that the current statement adds {@code column} only if {@code table}, not all known, lacks it. */
    void addedIfMissing(String table, String column) {
        addedIfMissing.put(SchemaNames.key(table) + "." + SchemaNames.key(column), position.getAsInt());
    }

    private Integer addedIfMissingAt(String tableAndColumn) {
        Integer at = addedIfMissing.get(tableAndColumn);
        return at != null || parent == null ? at : parent.addedIfMissingAt(tableAndColumn);
    }

    private String partlyKnownOf(String key) {
        String how = partlyKnown.get(key);
        return how != null || parent == null ? how : parent.partlyKnownOf(key);
    }

    /** Notes that the current statement is where the replay first met table {@code key}, not all of it known. */
    void firstSeen(String key) {
        partlyKnown.put(key, FIRST_SEEN + currentPlace());
    }

    /** Where the current statement stands, or a stand-in for a statement read alone. */
    private String currentPlace() {
        return Optional.ofNullable(placeAt.apply(position.getAsInt())).orElse("an earlier statement");
    }

    /** Why the replay does not know the type {@code column} of {@code table} has before this statement. */
    String whyTypeUnknown(String table, String column) {
        int position = this.position.getAsInt();
        String key = SchemaNames.key(table);
        String name = SchemaNames.unquoted(table);
        Optional<String> mixedAt = createdAgainNote(table, position + 1);
        if (mixedAt.isPresent()) {
            return mixedAt.get() + ", so which columns it has is not certain";
        }
        TreeMap<Integer, Optional<Table>> history = tableVersions.history(key);
        var last = history == null ? null : history.lowerEntry(position);
        if (last == null) {
            return "table " + name + " is not created by the migrations that run before this one";
        }
        if (last.getValue().isEmpty()) {
            return goneAt(key, name, last.getKey());
        }
        Table known = last.getValue().get();
        Optional<Column> columnKnown = known.column(column);
        Integer branchEnd = forgottenInBranches.columnEnd(key + "." + SchemaNames.key(column));
        if (branchEnd != null && branchEnd < position) {
            return "column " + SchemaNames.unquoted(column) + " of table " + name
                    + " is changed in a branch ending at " + placeAt.apply(branchEnd) + ", which may not have run";
        }
        // Of a table no migration created, a column an earlier ALTER named without a type (Oracle's MODIFY c NOT
        // NULL) never had a known type: that the table was not created is the reason, not that statement.
        if (columnKnown.isPresent() && (known.complete() || typeKnownBefore(history, column, position))) {
            return "an earlier statement changed column " + SchemaNames.unquoted(column)
                    + " in a way sqlguard does not read";
        }
        if (!known.complete()) {
            var dropped = history.headMap(last.getKey(), false).descendingMap().entrySet().stream()
                    .filter(entry -> entry.getValue().isEmpty()).findFirst();
            if (dropped.isPresent()) {
                return goneAt(key, name, dropped.get().getKey()) + ", and only altered after that";
            }
            String seen = Optional.ofNullable(partlyKnownOf(key)).orElse("");
            Integer addedAt = addedIfMissingAt(key + "." + SchemaNames.key(column));
            if (addedAt != null && addedAt < position && !seen.startsWith("created")) {
                return "column " + SchemaNames.unquoted(column) + " is added at " + placeAt.apply(addedAt)
                        + " by ADD COLUMN IF NOT EXISTS, which keeps a column of that name the table already had, and"
                        + " table " + name + " is not created by the migrations that run before this one";
            }
            return seen.startsWith("created") ? "the columns of table " + name + " are not known: it is " + seen
                    : "table " + name + " is not created by the migrations that run before this one"
                            + (seen.isEmpty() ? "" : " (" + seen + ")");
        }
        return "table " + name + " has no column " + SchemaNames.unquoted(column)
                + " in the statements replayed before this one";
    }

    /** True when a version of the table before {@code position} gave {@code column} a type. */
    private static boolean typeKnownBefore(TreeMap<Integer, Optional<Table>> history, String column, int position) {
        return history.headMap(position, false).values().stream()
                .anyMatch(version -> version.flatMap(table -> table.column(column)).flatMap(Column::type).isPresent());
    }

    /**
     * What left table {@code name} without a version at {@code statementPosition}: a drop or rename, or a branch. A
     * table no earlier statement created, which a branch only altered, is said to be created elsewhere first: had the
     * branch not been there, its types would still not be known.
     */
    private String goneAt(String key, String name, int statementPosition) {
        if (sessionEndedAt.test(statementPosition)) {
            return "table " + name + " is a temporary table, which went with the session of the script that made it";
        }
        if (!forgottenInBranches.tableAt(key, statementPosition)) {
            return "table " + name + " is dropped or renamed at " + placeAt.apply(statementPosition);
        }
        String branch = " changed in a branch ending at " + placeAt.apply(statementPosition)
                + ", which may not have run";
        return createdBefore(key, statementPosition) ? "table " + name + " is" + branch
                : "table " + name + " is not created by the migrations that run before this one; it is" + branch;
    }

    /** True when a statement before {@code statementPosition} created the table, so that all its columns were known. */
    private boolean createdBefore(String key, int statementPosition) {
        TreeMap<Integer, Optional<Table>> history = tableVersions.history(key);
        return history != null && history.headMap(statementPosition, false).values().stream()
                .anyMatch(version -> version.filter(Table::complete).isPresent());
    }

    /** As {@link SchemaHistory#renamedPartlyKnown}. */
    void renamedPartlyKnown(String old, String renamed) {
        String oldName = SchemaNames.unquoted(old);
        String how = partlyKnownOf(SchemaNames.key(old));
        partlyKnown.put(SchemaNames.key(renamed), "renamed from " + oldName + " at " + currentPlace()
                + (how == null ? "" : "; " + oldName + " " + how));
    }

    /** As {@link SchemaHistory#withoutFirstSighting}. */
    static String withoutFirstSighting(String text) {
        return FIRST_SEEN_NOTE.matcher(text).replaceAll("");
    }

    /** As {@link SchemaHistory#createdWithoutColumns}. */
    void createdWithoutColumns(String table, String how) {
        partlyKnown.put(SchemaNames.key(table), how + " at " + currentPlace());
    }

    /** As {@link SchemaHistory#createdAgainNote}. */
    Optional<String> createdAgainNote(String table, int statementPosition) {
        Integer ambiguousAt = mixed.mixedBefore(SchemaNames.key(table), statementPosition);
        return ambiguousAt == null ? Optional.empty() : Optional.of("table " + SchemaNames.unquoted(table)
                + " is created again, with other columns, at " + placeAt.apply(ambiguousAt)
                + " without a drop between");
    }
}
