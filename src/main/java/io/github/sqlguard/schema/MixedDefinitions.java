package io.github.sqlguard.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntSupplier;

/**
 * Tables created twice with other columns and no drop between: two histories (a changelog's changesets for different
 * databases or contexts, two product lines' steps in one folder) are mixed, so from then on which type each column has
 * is not certain, except where both definitions agree or a later statement states the type again. A fork sees what
 * its parent knew, and hides what it changes itself.
 */
final class MixedDefinitions {

    /** In {@link #typeStatedAt}: the name's stated type was dropped or renamed away since. */
    private static final int UNSTATED = Integer.MIN_VALUE;

    private final MixedDefinitions parent;
    private final IntSupplier position;
    /** In {@link #mixedFrom}: the table was dropped or renamed away, so the next CREATE defines it alone. */
    private static final int ENDED = Integer.MIN_VALUE;

    /**
     * Per table key, by the statement from which it holds: the first statement that created the table again with
     * other columns, or {@link #ENDED} from a drop on.
     */
    private final Map<String, TreeMap<Integer, Integer>> mixedFrom = new HashMap<>();
    /**
     * Per table key, by the statement from which it holds: the columns, as written, that an earlier definition of the
     * table gave it and a later one created again lacks. Which of them it has depends on which definition ran.
     */
    private final Map<String, TreeMap<Integer, Set<String>>> namesOfOtherDefinitions = new HashMap<>();
    /**
     * Per table key, by the statement from which it holds: the columns (keys) that an earlier definition of the table
     * gave as plain columns, holding values of their own, where a later one generates them.
     */
    private final Map<String, TreeMap<Integer, Set<String>>> plainInOtherDefinitions = new HashMap<>();
    /** Per table key: the last statement that created it again with other columns. */
    private final Map<String, Integer> lastMixedAt = new HashMap<>();
    /** Per table and column key: the last statement that stated the column's whole type. */
    private final Map<String, Integer> typeStatedAt = new HashMap<>();
    /**
     * Per table and column key: the column as each earlier definition of its mixed table gave it (none where one
     * lacked it), or empty when one of them is not known since (the column was dropped or renamed).
     */
    private final Map<String, Optional<List<Column>>> earlierDefinitions = new HashMap<>();

    MixedDefinitions(MixedDefinitions parent, IntSupplier position) {
        this.parent = parent;
        this.position = position;
    }

    /**
     * The current statement creates {@code table} again with other columns than {@code before}: a column both give
     * the same type, when its type was certain before, has it whichever of them ran.
     */
    void createdAgain(String table, Table before, Table created) {
        List<String> agreeing = created.columns().values().stream()
                .filter(column -> column.type().isPresent() && before.column(column.name()).flatMap(Column::type)
                        .filter(type -> type.sameTypeAs(column.type().get())
                                && type.characterSet().equals(column.type().get().characterSet())).isPresent()
                        && typeCertain(table, column.name()))
                .map(Column::name).toList();
        Map<String, Optional<List<Column>>> earlier = new HashMap<>();
        created.columns().values().forEach(column -> earlier.put(columnKey(table, column.name()),
                earlierDefinitionsWith(table, column.name(), before.column(column.name()))));
        Set<String> plain = new TreeSet<>(plainInOtherDefinitions(SchemaNames.key(table), position.getAsInt() + 1));
        before.columns().values().stream().filter(column -> !column.computed())
                .map(column -> SchemaNames.key(column.name())).forEach(plain::add);
        plainInOtherDefinitions.computeIfAbsent(SchemaNames.key(table), k -> new TreeMap<>())
                .put(position.getAsInt(), Set.copyOf(plain));
        Set<String> otherNames = new TreeSet<>(namesOfOtherDefinitions(SchemaNames.key(table),
                position.getAsInt() + 1));
        before.columns().values().stream().map(Column::name).forEach(otherNames::add);
        otherNames.removeIf(name -> created.column(name).isPresent());
        namesOfOtherDefinitions.computeIfAbsent(SchemaNames.key(table), k -> new TreeMap<>())
                .put(position.getAsInt(), Set.copyOf(otherNames));
        if (mixedFrom(SchemaNames.key(table)) == null) {
            mixedFrom.computeIfAbsent(SchemaNames.key(table), k -> new TreeMap<>()).put(position.getAsInt(),
                    position.getAsInt());
        }
        lastMixedAt.put(SchemaNames.key(table), position.getAsInt());
        earlierDefinitions.putAll(earlier);
        agreeing.forEach(column -> typeStated(table, column));
    }

    /**
     * The column as every definition before the current statement gave it, once {@code earlier} (the one the
     * table had until now, empty where it lacked the column) is one of them.
     */
    private Optional<List<Column>> earlierDefinitionsWith(String table, String column, Optional<Column> earlier) {
        Optional<List<Column>> others = typeCertain(table, column) ? Optional.of(List.of())
                : earlierDefinitionsOf(columnKey(table, column));
        return others.map(columns -> {
            List<Column> all = new ArrayList<>(columns);
            earlier.ifPresent(all::add);
            return List.copyOf(all);
        });
    }

    /**
     * The column {@code column} of {@code table} as each definition other than the table's last one gave it, when
     * the table is mixed before the current statement and the column's type is not certain: whichever of them ran,
     * the column is one of these or the last definition's. Empty when one of them is not known; an empty list when
     * the table is not mixed or the type is certain.
     */
    Optional<List<Column>> asOtherDefinitionsGaveIt(String table, String column) {
        if (typeCertain(table, column)) {
            return Optional.of(List.of());
        }
        return earlierDefinitionsOf(columnKey(table, column));
    }

    private Optional<List<Column>> earlierDefinitionsOf(String key) {
        Optional<List<Column>> known = earlierDefinitions.get(key);
        if (known != null) {
            return known;
        }
        return parent == null ? Optional.empty() : parent.earlierDefinitionsOf(key);
    }

    /** The statement from which on {@code table} (a key) is mixed at the current statement, or null when it is not. */
    Integer mixedFrom(String table) {
        return mixedBefore(table, position.getAsInt() + 1);
    }

    /** The statement from which on {@code table} (a key) is mixed just before {@code statementPosition}, or null. */
    Integer mixedBefore(String table, int statementPosition) {
        TreeMap<Integer, Integer> changes = mixedFrom.get(table);
        var last = changes == null ? null : changes.lowerEntry(statementPosition);
        if (last == null) {
            return parent == null ? null : parent.mixedBefore(table, statementPosition);
        }
        return last.getValue() == ENDED ? null : last.getValue();
    }

    /**
     * The columns, as written, that another definition of {@code table} (a key) gave it and its last one lacks, just
     * before {@code statementPosition}: empty when it is not mixed there.
     */
    Set<String> namesOfOtherDefinitions(String table, int statementPosition) {
        if (mixedBefore(table, statementPosition) == null) {
            return Set.of();
        }
        TreeMap<Integer, Set<String>> changes = namesOfOtherDefinitions.get(table);
        var last = changes == null ? null : changes.lowerEntry(statementPosition);
        return last != null ? last.getValue()
                : parent == null ? Set.of() : parent.namesOfOtherDefinitions(table, statementPosition);
    }

    /**
     * The columns (keys) of {@code table} (a key) that another definition than its last one gave as plain columns,
     * just before {@code statementPosition}: empty when it is not mixed there.
     */
    Set<String> plainInOtherDefinitions(String table, int statementPosition) {
        if (mixedBefore(table, statementPosition) == null) {
            return Set.of();
        }
        TreeMap<Integer, Set<String>> changes = plainInOtherDefinitions.get(table);
        var last = changes == null ? null : changes.lowerEntry(statementPosition);
        return last != null ? last.getValue()
                : parent == null ? Set.of() : parent.plainInOtherDefinitions(table, statementPosition);
    }

    /**
     * The current statement drops {@code table}, or renames it away: whichever definition it had is gone, so the
     * next CREATE TABLE of its name defines it alone, and its columns' types are certain again.
     */
    void ended(String table) {
        String key = SchemaNames.key(table);
        if (mixedFrom(key) != null) {
            mixedFrom.computeIfAbsent(key, k -> new TreeMap<>()).put(position.getAsInt(), ENDED);
        }
    }

    /**
     * True when the type of {@code column} of {@code table} is certain before the current statement: the table is not
     * mixed, or a statement after it was last created again stated the column's type.
     */
    boolean typeCertain(String table, String column) {
        if (mixedFrom(SchemaNames.key(table)) == null) {
            return true;
        }
        Integer stated = typeStatedAtOf(columnKey(table, column));
        Integer mixedAt = lastMixedAtOf(SchemaNames.key(table));
        return stated != null && stated != UNSTATED && stated < position.getAsInt()
                && (mixedAt == null || stated >= mixedAt);
    }

    /**
     * The current statement gives {@code column} of {@code table} the type it writes (an ADD COLUMN, a MODIFY or ALTER
     * COLUMN .. TYPE): whichever definition ran, the column has that type once the statement ran.
     */
    void typeStated(String table, String column) {
        typeStatedAt.put(columnKey(table, column), position.getAsInt());
    }

    /** The current statement drops {@code column}: a type stated for the name no longer says what it holds. */
    void typeUnstated(String table, String column) {
        typeStatedAt.put(columnKey(table, column), UNSTATED);
        earlierDefinitions.put(columnKey(table, column), Optional.empty());
    }

    /** The current statement renames {@code old} of {@code table}: a type stated for it goes along. */
    void typeRenamed(String table, String old, String renamed) {
        Integer stated = typeStatedAtOf(columnKey(table, old));
        typeStatedAt.put(columnKey(table, renamed), stated == null ? UNSTATED : stated);
        typeStatedAt.put(columnKey(table, old), UNSTATED);
        earlierDefinitions.put(columnKey(table, renamed), earlierDefinitionsOf(columnKey(table, old))
                .map(columns -> columns.stream().map(column -> column.renamed(renamed)).toList()));
        earlierDefinitions.put(columnKey(table, old), Optional.empty());
        Set<String> plain = plainInOtherDefinitions(SchemaNames.key(table), position.getAsInt() + 1);
        if (plain.contains(SchemaNames.key(old))) {
            Set<String> moved = new TreeSet<>(plain);
            moved.add(SchemaNames.key(renamed));
            plainInOtherDefinitions.computeIfAbsent(SchemaNames.key(table), k -> new TreeMap<>())
                    .put(position.getAsInt(), Set.copyOf(moved));
        }
    }

    private static String columnKey(String table, String column) {
        return SchemaNames.key(table) + "." + SchemaNames.key(column);
    }

    private Integer typeStatedAtOf(String key) {
        Integer at = typeStatedAt.get(key);
        return at != null || parent == null ? at : parent.typeStatedAtOf(key);
    }

    private Integer lastMixedAtOf(String key) {
        Integer at = lastMixedAt.get(key);
        return at != null || parent == null ? at : parent.lastMixedAtOf(key);
    }
}
