package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.DestructiveClause;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The values UPDATEs of one script run copied from a table into the rows of another ({@link UpdateFromTable}), by
 * the key of the table copied from. An UPDATE reaches only the target's rows that match a source row, and one that
 * aggregates or converts keeps only what it computes, so such a copy guards no drop of its source; a drop says where
 * the values went, and which columns no UPDATE took. One copy does guard it: a copy of every column, as it is, into
 * the one row of the target that each source row's foreign key names ({@link LinkedRowsCopy}).
 */
final class UpdateCopies {

    /**
     * One UPDATE's reads of one source table, at {@code at}, with the source's columns the replay knew then, and its
     * key columns when the copy reached every source row through their foreign key (empty otherwise).
     */
    private record Copy(String target, String at, List<UpdateFromTable.Read> reads, List<String> sourceColumns,
            List<String> linkedBy) {
    }

    /** The keys of the tables rows were written to after an UPDATE copied them: the copies lack the new values. */
    private final Set<String> writtenSince = new HashSet<>();

    private final Map<String, List<Copy>> bySource = new HashMap<>();

    /** Records the copies of {@code update}, the statement at {@code at}. */
    void observe(UpdateFromTable update, String at, SchemaView before) {
        Map<String, List<UpdateFromTable.Read>> bySourceKey = new LinkedHashMap<>();
        update.reads().forEach(read -> bySourceKey.computeIfAbsent(SchemaNames.key(read.source()),
                k -> new ArrayList<>()).add(read));
        bySourceKey.forEach((source, reads) -> {
            List<String> known = before.table(reads.get(0).source()).filter(Table::complete)
                    .map(table -> table.columns().values().stream().map(Column::name).toList()).orElse(List.of());
            List<String> linkedBy = LinkedRowsCopy.keyOf(reads, before, update.target());
            bySource.computeIfAbsent(source, k -> new ArrayList<>()).add(new Copy(update.target(), at,
                    List.copyOf(reads), known, linkedBy));
            writtenSince.remove(source);
        });
    }

    /**
     * The guard of a statement that destroys {@code table}'s {@code dropped} columns (every column when null): UPDATEs
     * copied each of them, as it is, from every row into the row of another table that the row's foreign key names
     * ({@link LinkedRowsCopy}; one column per UPDATE will do), and the source's rows were not written since; empty
     * otherwise.
     */
    Optional<Guard> everyRowGuard(String table, List<String> dropped) {
        String key = SchemaNames.key(table);
        List<Copy> linked = bySource.getOrDefault(key, List.of()).stream()
                .filter(copy -> !copy.linkedBy().isEmpty()).toList();
        if (writtenSince.contains(key) || linked.isEmpty()) {
            return Optional.empty();
        }
        Set<String> keys = linked.get(0).linkedBy().stream().map(SchemaNames::key).collect(Collectors.toSet());
        Set<String> copied = linked.stream().flatMap(copy -> copy.reads().stream())
                .flatMap(read -> read.columns().stream()).map(SchemaNames::key).collect(Collectors.toSet());
        List<String> needed = dropped == null ? linked.get(0).sourceColumns() : dropped;
        if (needed.isEmpty() || !needed.stream().map(SchemaNames::key)
                .allMatch(c -> copied.contains(c) || dropped == null && keys.contains(c))) {
            return Optional.empty();
        }
        String targets = linked.stream().map(copy -> SchemaNames.unquoted(copy.target())).distinct()
                .collect(Collectors.joining(", "));
        String at = linked.stream().map(Copy::at).distinct().collect(Collectors.joining(", "));
        return Optional.of(new Guard(Guard.Kind.ROWS_COPIED, "values of every row copied to " + targets + " at " + at
                + " by " + (linked.size() == 1 ? "an UPDATE" : "UPDATEs") + ", into the row its foreign key "
                + String.join(", ", linked.get(0).linkedBy()) + " names"));
    }

    /**
     * Rows of the table {@code table} were written, or of any table when null: a copy an UPDATE made of them lacks
     * what was written.
     */
    void sourceWritten(String table) {
        if (table == null) {
            writtenSince.addAll(bySource.keySet());
        } else {
            writtenSince.add(SchemaNames.key(table));
        }
    }

    /**
     * The keys of the columns of {@code table} that UPDATEs copied elsewhere, of {@code columns} (keys).
     */
    Set<String> copiedOf(String table, List<String> columns) {
        Set<String> read = bySource.getOrDefault(SchemaNames.key(table), List.of()).stream()
                .flatMap(copy -> copy.reads().stream()).flatMap(r -> r.columns().stream()).map(SchemaNames::key)
                .collect(Collectors.toSet());
        return columns.stream().map(SchemaNames::key).filter(read::contains).collect(Collectors.toSet());
    }

    /**
     * Where UPDATEs copied the values of {@code columns} of {@code table}, other than by aggregating them: by the key
     * of the column copied, the target tables and columns (as written).
     */
    Map<String, List<Map.Entry<String, String>>> destinations(String table, List<String> columns) {
        Set<String> wanted = columns.stream().map(SchemaNames::key).collect(Collectors.toSet());
        Map<String, List<Map.Entry<String, String>>> into = new HashMap<>();
        for (Copy copy : bySource.getOrDefault(SchemaNames.key(table), List.of())) {
            for (UpdateFromTable.Read read : copy.reads()) {
                read.columns().stream().map(SchemaNames::key).filter(c -> wanted.contains(c) && !read.aggregate())
                        .forEach(c -> into.computeIfAbsent(c, k -> new ArrayList<>())
                                .add(Map.entry(copy.target(), read.into())));
            }
        }
        return into;
    }

    /**
     * Where UPDATEs copied the values of {@code table}'s columns, for a drop of those of {@code dropped} (all of them
     * when null): {@code "values of a, b copied to t at line 4 by an UPDATE, only into its rows that match on id"},
     * then the columns none took; empty when no UPDATE read the table.
     */
    Optional<String> note(String table, List<String> dropped) {
        List<Copy> copies = bySource.getOrDefault(SchemaNames.key(table), List.of());
        Set<String> wanted = dropped == null ? null
                : dropped.stream().map(SchemaNames::key).collect(Collectors.toSet());
        List<String> notes = new ArrayList<>();
        Set<String> taken = new LinkedHashSet<>();
        Set<String> matched = new LinkedHashSet<>();
        Set<String> known = new LinkedHashSet<>();
        for (Copy copy : copies) {
            copy.sourceColumns().forEach(known::add);
            // A note names tables as other notes do, unquoted ("Workspace", not "\"Workspace\"")
            String target = SchemaNames.unquoted(copy.target());
            String rows = copy.reads().get(0).matchedOn().isEmpty() ? "only into the rows its condition matches"
                    : "only into the rows of " + target + " that match on "
                            + String.join(", ", copy.reads().get(0).matchedOn());
            // Columns copied as they are are named together; each expression says what it made of its columns
            Map<String, List<String>> columnsByHow = new LinkedHashMap<>();
            for (UpdateFromTable.Read read : copy.reads()) {
                read.sourceKeys().forEach(key -> matched.add(SchemaNames.key(key)));
                List<String> columns = read.columns().stream()
                        .filter(c -> wanted == null || wanted.contains(SchemaNames.key(c))).toList();
                if (columns.isEmpty()) {
                    continue;
                }
                columns.forEach(c -> taken.add(SchemaNames.key(c)));
                String into = target + "." + SchemaNames.unquoted(read.into()) + " at " + copy.at() + " by an UPDATE";
                String how = read.asTheyAre() ? " copied to " + target + " at " + copy.at() + " by an UPDATE"
                        : read.aggregate() ? " aggregated into " + into + ", which keeps only what it computes"
                        : " converted into " + into + " by an expression, which may change them";
                columnsByHow.computeIfAbsent(how, k -> new ArrayList<>()).addAll(columns);
            }
            columnsByHow.forEach((how, columns) -> notes.add("values of " + String.join(", ", columns.stream()
                    .distinct().toList()) + how + ", " + rows));
        }
        if (notes.isEmpty()) {
            return Optional.empty();
        }
        List<String> notCopied = (wanted == null ? new ArrayList<>(known) : dropped).stream()
                .filter(c -> !taken.contains(SchemaNames.key(c))
                        && (wanted != null || !matched.contains(SchemaNames.key(c))))
                .toList();
        if (!notCopied.isEmpty()) {
            notes.add((notCopied.size() == 1 ? "column " : "columns ") + String.join(", ", notCopied)
                    + " copied by no UPDATE");
        }
        return Optional.of(String.join("; ", notes));
    }

    /**
     * Rows of the table {@code key} were removed or replaced: the values UPDATEs copied there are gone, but for those
     * of the statement at {@code at} that did it (an UPDATE of a join replaces the rows it copies into).
     */
    void forgetCopiesInto(String key, String at) {
        bySource.values().forEach(copies -> copies.removeIf(copy -> SchemaNames.key(copy.target()).equals(key)
                && !copy.at().equals(at)));
    }

    /** Follows the renames and drops of {@code clauses}: a renamed target's copies are no longer followed. */
    void follow(List<DestructiveClause> clauses) {
        clauses.stream().filter(CopiedTableChanges::renamesTable)
                .forEach(clause -> forgetCopiesInto(SchemaNames.key(clause.table()), ""));
        CopiedTableChanges.followNames(bySource, clauses);
    }

    /**
     * The statement at {@code at} overwrote or dropped {@code columns} (as written) of {@code table}: the values
     * UPDATEs before it copied into them are gone.
     */
    void columnsChanged(String table, List<String> columns, String at) {
        String key = SchemaNames.key(table);
        Set<String> changed = columns.stream().map(SchemaNames::key).collect(Collectors.toSet());
        bySource.replaceAll((source, copies) -> copies.stream().map(copy -> !SchemaNames.key(copy.target())
                .equals(key) || copy.at().equals(at) ? copy : new Copy(copy.target(), copy.at(), copy.reads().stream()
                        .filter(read -> !changed.contains(SchemaNames.key(read.into()))).toList(),
                        copy.sourceColumns(), copy.linkedBy())).filter(copy -> !copy.reads().isEmpty())
                .collect(Collectors.toCollection(ArrayList::new)));
    }

    /** Forgets what was copied from the table {@code key}, whose name may from now on mean another. */
    void forget(String key) {
        bySource.remove(key);
        writtenSince.remove(key);
    }
}
