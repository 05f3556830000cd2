package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which scratch tables took rows or values from which other tables ({@code CREATE TABLE s AS SELECT .. FROM t},
 * {@code INSERT INTO s .. SELECT .. FROM t}, {@code UPDATE s SET c = (SELECT .. FROM t)}), and which of them now
 * hold the only copy: once the script drops, empties or cuts a column from such a source, the data that predates
 * the migration lives on only in the scratch table, so destroying that table loses it (the drop of the source was
 * judged safe because of the copy). Also which of them took every row of a table (a fill whose query does not
 * filter): the others hold only rows the script chose.
 */
final class ScratchCopies {

    private static final Set<String> CLAUSE_WORDS = Set.of("SELECT", "WHERE", "GROUP", "ORDER", "HAVING", "ON",
            "SET", "VALUES", "UNION", "INTERSECT", "EXCEPT", "MINUS", "LIMIT", "FETCH", "CONNECT", "START", "WINDOW",
            "RETURNING", "WHEN", "THEN");

    /** The tables each scratch table took rows or values from, by key. */
    private final Map<String, Set<String>> sources = new HashMap<>();
    /** Scratch tables that hold the only copy of rows the script destroyed elsewhere, with what they hold. */
    private final Map<String, String> onlyCopies = new HashMap<>();
    /** Scratch tables filled from a query that reads every row of a table, or by a MERGE, by key. */
    private final Set<String> tookEveryRow = new HashSet<>();
    /**
     * Of those, the ones whose every-row fill is still all that decides which rows they hold, with that fill: a
     * DELETE or UPDATE of one, or a MERGE into it, ends that.
     */
    private final Map<String, ScratchFill> everyRowFills = new HashMap<>();

    /** Records that {@code target} (a key) took rows or values from the tables {@code core} reads. */
    void copied(String target, List<Token> core, int line, Function<String, String> key) {
        // A table that only chose which rows to take (joined, or in a WHERE) left none of its data in the target
        List<String> read = SelectedColumnSources.of(core).orElseGet(() -> readTables(core)).stream().map(key)
                .filter(table -> !table.equals(target)).toList();
        if (!read.isEmpty()) {
            sources.computeIfAbsent(target, t -> new HashSet<>()).addAll(read);
        }
        if (!core.get(0).isWord("UPDATE") && FillQuery.readsEveryRow(core, table -> key.apply(table).equals(target)
                && holdsOnlyChosenRows(target))) {
            tookEveryRow.add(target);
            if (!everyRowFills.containsKey(target)) {
                ScratchFill.of(core, line).ifPresent(fill -> everyRowFills.put(target, fill));
            }
        }
        if (core.get(0).isAnyWord("UPDATE", "MERGE")) {
            everyRowFills.remove(target);
        }
    }

    /** Rows of the scratch table {@code table} (a key) were deleted or changed: its fill no longer says which. */
    void rowsChanged(String table) {
        everyRowFills.remove(table);
    }

    /** The scratch table {@code table} (a key) was emptied: what fills it from now on is all it holds. */
    void emptied(String table) {
        everyRowFills.remove(table);
        tookEveryRow.remove(table);
    }

    /** The query that filled the scratch table {@code table} (a key) with every row it reads, while it still holds. */
    Optional<ScratchFill> everyRowFill(String table) {
        return Optional.ofNullable(everyRowFills.get(table));
    }

    /**
     * True when the scratch table {@code table} (a key) holds only rows the script chose: nothing filled it from a
     * query that reads every row of a table.
     */
    boolean holdsOnlyChosenRows(String table) {
        return !tookEveryRow.contains(table);
    }

    /**
     * {@code table} (a key) lost {@code what} ({@code column note of orders, which line 4 drops}): every scratch
     * table that took from it now holds the only copy.
     */
    void destroyed(String table, String what) {
        sources.forEach((scratch, from) -> {
            if (from.contains(table)) {
                onlyCopies.putIfAbsent(scratch, what);
            }
        });
    }

    /**
     * The scratch table {@code table} (a key) was dropped: the rows it took went with it, so a table the script later
     * creates under the name holds none of them.
     */
    void dropped(String table) {
        sources.remove(table);
        onlyCopies.remove(table);
        tookEveryRow.remove(table);
        everyRowFills.remove(table);
    }

    /** {@code from} is now called {@code to} (keys), whether it is a scratch table or a source. */
    void renamed(String from, String to) {
        Set<String> taken = sources.remove(from);
        if (taken != null) {
            sources.put(to, taken);
        }
        String held = onlyCopies.remove(from);
        if (held != null) {
            onlyCopies.put(to, held);
        }
        if (tookEveryRow.remove(from)) {
            tookEveryRow.add(to);
        }
        ScratchFill fill = everyRowFills.remove(from);
        if (fill != null) {
            everyRowFills.put(to, fill);
        }
        for (Set<String> read : sources.values()) {
            if (read.remove(from)) {
                read.add(to);
            }
        }
    }

    /** True when the scratch table {@code table} (a key) holds the only copy of rows the script destroyed. */
    boolean holdsOnlyCopy(String table) {
        return onlyCopies.containsKey(table);
    }

    /** True when some scratch table holds the only copy of rows the script destroyed. */
    boolean holdsAnyOnlyCopy() {
        return !onlyCopies.isEmpty();
    }

    /** What the scratch table {@code table} (a key) holds the only copy of, or null. */
    String onlyCopyOf(String table) {
        return onlyCopies.get(table);
    }

    /**
     * Makes {@code other} know the scratch tables that hold the only copy of rows, and those that took every row of
     * a table, as this one does now.
     */
    void copyHoldingsTo(ScratchCopies other) {
        onlyCopies.forEach(other.onlyCopies::putIfAbsent);
        other.tookEveryRow.addAll(tookEveryRow);
        everyRowFills.forEach(other.everyRowFills::putIfAbsent);
    }

    /** What a clause destroys, for the finding about the scratch table that keeps its only copy. */
    static String destroyedBy(DestructiveClause clause) {
        int line = clause.at().line();
        return switch (clause.kind()) {
            case DROPPED_COLUMN -> "column " + clause.name() + " of " + clause.table() + ", which line " + line
                    + " drops";
            case DROPPED_TABLE -> "the rows of " + clause.table() + ", which line " + line + " drops";
            case TRUNCATED_TABLE -> "the rows of " + clause.table() + ", which line " + line + " truncates";
            default -> "what line " + line + " (" + clause.words() + ") destroys in " + clause.table();
        };
    }

    /**
     * The table a statement writes rows or values into from other tables: {@code INSERT [IGNORE] [INTO] t},
     * {@code MERGE INTO t}, {@code UPDATE t}, {@code REPLACE INTO t}; null for other statements (a CREATE TABLE ..
     * AS SELECT names its table through the created tables).
     */
    static String writtenTable(List<Token> core) {
        if (core.isEmpty() || !core.get(0).isAnyWord("INSERT", "MERGE", "UPDATE", "REPLACE", "UPSERT")) {
            return null;
        }
        int i = 1;
        while (i < core.size() && core.get(i).isAnyWord("IGNORE", "INTO", "LOW_PRIORITY", "DELAYED",
                "HIGH_PRIORITY", "ONLY", "OR", "REPLACE", "ABORT", "FAIL", "ROLLBACK")) {
            i++;
        }
        ObjectNames.NameAt name = ObjectNames.readName(core, i);
        return name == null ? null : name.text();
    }

    /**
     * The tables a statement reads from: the names after FROM, JOIN and USING, and those after a comma of a FROM
     * list, at any depth.
     */
    static List<String> readTables(List<Token> core) {
        List<String> tables = new ArrayList<>();
        Map<Integer, Boolean> inFrom = new HashMap<>();
        int depth = 0;
        for (int i = 0; i < core.size(); i++) {
            Token token = core.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                inFrom.remove(depth);
                depth--;
            } else if (token.isAnyWord("FROM", "JOIN", "USING")
                    || token.isSymbol(",") && inFrom.getOrDefault(depth, false)) {
                inFrom.put(depth, true);
                ObjectNames.NameAt name = ObjectNames.readName(core, i + 1);
                if (name != null && !core.get(i + 1).isAnyWord("SELECT", "LATERAL")) {
                    tables.add(name.text());
                }
            } else if (token.type() == TokenType.WORD
                    && CLAUSE_WORDS.contains(token.upper())) {
                inFrom.put(depth, false);
            }
        }
        return tables;
    }
}
