package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Columns a script run added with {@code ADD COLUMN IF NOT EXISTS} to a table the replay does not know in full. Such
 * a column may be an older one that holds values, so neither an UPDATE that fills it nor its drop is guarded
 * ({@link DestroyedTables#addedColumns}). The same holds for a plain {@code ADD COLUMN} of a column the table already
 * had, which fails and leaves the older column as it was when an exception handler goes on after it (PostgreSQL's
 * {@code EXCEPTION WHEN duplicate_column}). The author of the finding sees the ADD a few lines above, though, and
 * would read a bare "changes every row" as a false alarm: the finding says why the column is not taken as new, and
 * what makes the statement safe.
 */
final class ColumnsAddedIfMissing {

    /** By table key: by column key, the column as written and where it was added ({@code "line 4"}). */
    private final Map<String, Map<String, Added>> byTable = new HashMap<>();

    /**
     * {@code defaulted}: the ADD gives a default, which fills the rows that existed (PostgreSQL, MySQL);
     * {@code existed}: a plain ADD of a column the table already had, which failed on it.
     */
    private record Added(String column, String at, boolean defaulted, boolean existed) {
    }

    /**
     * Records the columns {@code tokens} add if missing, and forgets those it drops or renames; {@code failureGoesOn}
     * when a handler may go on after the statement failed, so that a plain ADD of a column the table has keeps it.
     */
    void observe(List<Token> tokens, int main, SchemaView before, String at, boolean failureGoesOn) {
        if (main >= tokens.size() || !tokens.get(main).isAnyWord("ALTER", "DROP")) {
            return;
        }
        List<String> targets = DestroyedTables.of(tokens, main);
        if (targets.isEmpty()) {
            return;
        }
        if (tokens.get(main).isWord("DROP") || AlterTableRenames.renamesTable(tokens, main)) {
            targets.forEach(table -> byTable.remove(SchemaNames.key(table)));
            return;
        }
        Map<String, Added> columns = byTable.computeIfAbsent(SchemaNames.key(targets.get(0)), k -> new HashMap<>());
        DestroyedTables.droppedColumns(tokens, main).forEach(column -> columns.remove(SchemaNames.key(column)));
        AlterTableRenames.renamedColumns(tokens, main).keySet().forEach(c -> columns.remove(SchemaNames.key(c)));
        boolean defaulted = tokens.stream().anyMatch(token -> token.isWord("DEFAULT"));
        DestroyedTables.columnsAddedIfMissing(tokens, main, before)
                .forEach(column -> columns.put(SchemaNames.key(column), new Added(column, at, defaulted, false)));
        if (failureGoesOn) {
            DestroyedTables.columnsAlreadyThere(tokens, main, before)
                    .forEach(column -> columns.put(SchemaNames.key(column), new Added(column, at, false, true)));
        }
    }

    /**
     * What a finding about {@code statement} should add when it fills only such columns with an UPDATE, or drops such
     * columns (then only on the findings about those), as a guard that lowers nothing.
     */
    Optional<Guard> shortfallOf(Statement statement) {
        List<Token> tokens = statement.tokens();
        if (statement.container() || tokens.isEmpty()) {
            return Optional.empty();
        }
        Optional<ColumnWrites.Update> update = ColumnWrites.update(tokens);
        if (update.isPresent()) {
            Map<String, Added> columns = byTable.getOrDefault(SchemaNames.key(update.get().table()), Map.of());
            List<Added> filled = update.get().assigned().stream().map(c -> columns.get(SchemaNames.key(c))).toList();
            if (filled.isEmpty() || filled.contains(null)) {
                return Optional.empty();
            }
            // Where a default filled the rows that were there, IS NULL would select none of them.
            return Optional.of(new Guard(Guard.Kind.ADDED_IF_MISSING, kept(filled)
                    + (filled.stream().anyMatch(Added::defaulted) ? "" : ": WHERE " + filled.stream()
                            .map(added -> added.column() + " IS NULL").collect(Collectors.joining(" AND "))
                            + " changes only the rows without a value")));
        }
        return DestroyedTables.droppedFromOneTable(statement).flatMap(dropped -> {
            Map<String, Added> columns = byTable.getOrDefault(SchemaNames.key(dropped.table()), Map.of());
            Map<String, String> notes = new LinkedHashMap<>();
            for (String column : dropped.columns()) {
                Added added = columns.get(SchemaNames.key(column));
                if (added != null) {
                    notes.put(SchemaNames.key(column), kept(List.of(added))
                            + (added.existed() ? "" : "; a plain ADD COLUMN would make it surely new"));
                }
            }
            return Guard.noting(Guard.Kind.ADDED_IF_MISSING, notes);
        });
    }

    private static String kept(List<Added> columns) {
        List<Added> older = columns.stream().filter(Added::existed).toList();
        List<Added> ifMissing = columns.stream().filter(added -> !added.existed()).toList();
        return Stream.of(ifMissing.isEmpty() ? "" : keptIfMissing(ifMissing), older.isEmpty() ? "" : failed(older))
                .filter(text -> !text.isEmpty()).collect(Collectors.joining("; "));
    }

    private static String failed(List<Added> columns) {
        String names = columns.stream().map(Added::column).collect(Collectors.joining(", "));
        String lines = columns.stream().map(Added::at).distinct().collect(Collectors.joining(", "));
        boolean one = columns.size() == 1;
        return (one ? "column " : "columns ") + names + (one ? " was" : " were") + " there before the ADD COLUMN at "
                + lines + ", which fails on " + (one ? "it" : "them") + " and leaves "
                + (one ? "the older " + names + " with its values" : "the older columns with their values")
                + " where an exception handler goes on";
    }

    private static String keptIfMissing(List<Added> columns) {
        String names = columns.stream().map(Added::column).collect(Collectors.joining(", "));
        String lines = columns.stream().map(Added::at).distinct().collect(Collectors.joining(", "));
        boolean one = columns.size() == 1;
        return (one ? "column " : "columns ") + names + (one ? " was" : " were") + " added at " + lines
                + " by ADD COLUMN IF NOT EXISTS, which keeps " + (one ? "an older " + names + " and its values"
                        : "older columns of those names and their values");
    }

    /** Forgets the columns added to the table {@code key} names, as the name now means another table. */
    void forget(String key) {
        byTable.remove(key);
    }
}
