package io.github.sqlguard.schema;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An UPDATE that copies a table's values into another through a foreign key that is the source's primary key and
 * names the target's: {@code UPDATE t JOIN info i ON t.id = i.t_id SET t.a = i.a} where {@code info.t_id} is its
 * primary key and references {@code t(id)}. The foreign key gives every source row a target row, and the two primary
 * keys give it a row of its own, so each source row's values land, whole, in the row its key names.
 */
final class LinkedRowsCopy {

    private LinkedRowsCopy() {
    }

    /**
     * The source's key columns (as written) when {@code reads}, one UPDATE's reads of one source into
     * {@code target}, make such a copy by {@code before}'s tables and keys; empty when they do not.
     */
    static List<String> keyOf(List<UpdateFromTable.Read> reads, SchemaView before, String target) {
        UpdateFromTable.Read first = reads.get(0);
        boolean plainCopies = reads.stream().allMatch(read -> read.everyTargetRow() && read.asTheyAre()
                && !read.aggregate() && !read.matchedOn().isEmpty() && read.matchedOn().equals(first.matchedOn())
                && read.sourceKeys().equals(first.sourceKeys()));
        // Two values written into one column keep only the last
        boolean ownColumns = reads.stream().map(read -> SchemaNames.key(read.into())).distinct().count()
                == reads.size();
        if (!plainCopies || !ownColumns) {
            return List.of();
        }
        Optional<Table> source = before.table(first.source()).filter(Table::complete);
        Optional<Table> into = before.table(target);
        if (source.isEmpty() || into.isEmpty()
                || !keys(source.get().primaryKey()).equals(keys(first.sourceKeys()))
                || !keys(into.get().primaryKey()).equals(keys(first.matchedOn()))) {
            return List.of();
        }
        boolean linked = source.get().foreignKeys().stream().anyMatch(key -> SchemaNames.key(key.referencedTable())
                .equals(SchemaNames.key(into.get().name())) && names(key, into.get(), first));
        return linked ? first.sourceKeys() : List.of();
    }

    /** True when {@code key} ties each of the read's source key columns to the target column the UPDATE matched. */
    private static boolean names(ForeignKey key, Table target, UpdateFromTable.Read read) {
        List<String> referenced = key.referencedColumns().isEmpty() ? target.primaryKey() : key.referencedColumns();
        if (key.columns().size() != read.sourceKeys().size() || referenced.size() != key.columns().size()) {
            return false;
        }
        for (int i = 0; i < read.sourceKeys().size(); i++) {
            String column = SchemaNames.key(read.sourceKeys().get(i));
            int at = key.columns().stream().map(SchemaNames::key).toList().indexOf(column);
            if (at < 0 || !SchemaNames.key(referenced.get(at)).equals(SchemaNames.key(read.matchedOn().get(i)))) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> keys(List<String> columns) {
        return columns.stream().map(SchemaNames::key).collect(Collectors.toSet());
    }
}
