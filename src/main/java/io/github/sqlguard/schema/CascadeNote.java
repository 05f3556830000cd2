package io.github.sqlguard.schema;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The words a data-loss message adds about other tables that lose rows through the replayed foreign keys:
 * {@code " and, through ON DELETE CASCADE, every row of invoices and invoice_lines"}. Empty when the replay
 * knows of no such table; a key the replay did not see is not named, so an empty note proves nothing.
 */
public final class CascadeNote {

    private CascadeNote() {
    }

    /** For a statement that deletes every row of {@code tables} ({@code verb} DELETE; others get no note). */
    public static String forDelete(String verb, List<String> tables, SchemaFacts facts) {
        if (!verb.equalsIgnoreCase("DELETE")) {
            return "";
        }
        List<String> cascaded = collect(tables, facts.before().cascades()::deletedWith);
        return cascaded.isEmpty() ? "" : " and, through ON DELETE CASCADE, every row of " + listed(cascaded)
               ;
    }

    /**
     * What an implicit DELETE of every row of {@code tables} (SQLite's DROP TABLE with foreign keys on) removes
     * elsewhere: {@code "every row of orders that refers to one, through ON DELETE CASCADE, and the values of
     * payments.order_id, through ON DELETE SET NULL or SET DEFAULT"}; empty when the replay knows no key with such
     * an action.
     */
    public static String ofImplicitDelete(List<String> tables, SchemaFacts facts) {
        CascadeGraph graph = facts.before().cascades();
        List<String> deleted = collect(tables, graph::deletedWith);
        Set<String> cleared = new LinkedHashSet<>();
        tables.forEach(table -> cleared.addAll(graph.clearedWith(table)));
        String rows = deleted.isEmpty() ? "" : "every row of " + listed(deleted)
                + " that refers to one, through ON DELETE CASCADE";
        String values = cleared.isEmpty() ? "" : "the values of " + listed(List.copyOf(cleared))
                + ", through ON DELETE SET NULL or SET DEFAULT";
        return rows.isEmpty() || values.isEmpty() ? rows + values : rows + ", and " + values;
    }

    /** For {@code TRUNCATE tables CASCADE} (PostgreSQL empties every referencing table, whatever its action). */
    public static String forTruncateCascade(List<String> tables, SchemaFacts facts) {
        List<String> cascaded = collect(tables, facts.before().cascades()::truncatedWith);
        return cascaded.isEmpty() ? "" : ", and with it every row of " + listed(cascaded);
    }

    /** For {@code DROP TABLE tables CASCADE}: the foreign keys of other tables that go with it. */
    public static String forDropCascade(List<String> tables, SchemaFacts facts) {
        List<String> referencing = collect(tables, facts.before().cascades()::referencing);
        return referencing.isEmpty() ? "" : " (the foreign keys of " + listed(referencing) + " that reference it)";
    }

    /**
     * For {@code ALTER TABLE table DROP CONSTRAINT c CASCADE} of a key of its own (not one of its foreign keys): the
     * tables whose foreign keys reference it, of which those that rely on that key go with it.
     */
    public static String forConstraintCascade(String table, SchemaFacts facts) {
        List<String> referencing = collect(List.of(table), facts.before().cascades()::referencing);
        return referencing.isEmpty() ? "" : " (the foreign keys of " + listed(referencing) + " reference " + table
                + ": those that rely on this key go with it)";
    }

    /** {@code reach} of each table, once each, without the tables themselves; the graph is built once per note. */
    private static List<String> collect(List<String> tables, java.util.function.Function<String, List<String>> reach) {
        Set<String> targets = new LinkedHashSet<>();
        tables.forEach(table -> targets.add(SchemaNames.key(table)));
        Set<String> seen = new LinkedHashSet<>(targets);
        List<String> result = new ArrayList<>();
        for (String table : tables) {
            for (String other : reach.apply(table)) {
                if (seen.add(SchemaNames.key(other))) {
                    result.add(other);
                }
            }
        }
        return result;
    }

    /** {@code a}, {@code a and b}, {@code a, b and c}. */
    static String listed(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
