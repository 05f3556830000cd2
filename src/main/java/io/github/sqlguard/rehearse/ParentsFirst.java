package io.github.sqlguard.rehearse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders tables so that every table comes after the tables its foreign keys refer to. A cycle of foreign
 * keys has no such order; its tables follow in name order, and seeding fills their keys where it can.
 */
final class ParentsFirst {

    private ParentsFirst() {
    }

    static List<TableShape> order(List<TableShape> tables) {
        Map<Long, TableShape> byOid = new HashMap<>();
        tables.forEach(table -> byOid.put(table.oid(), table));
        Set<Long> placed = new LinkedHashSet<>();
        Set<Long> visiting = new LinkedHashSet<>();
        for (TableShape table : tables) {
            visit(table, byOid, placed, visiting);
        }
        List<TableShape> ordered = new ArrayList<>();
        placed.forEach(oid -> ordered.add(byOid.get(oid)));
        return ordered;
    }

    private static void visit(TableShape table, Map<Long, TableShape> byOid, Set<Long> placed, Set<Long> visiting) {
        if (placed.contains(table.oid()) || !visiting.add(table.oid())) {
            return;
        }
        for (TableShape.ForeignKey key : table.foreignKeys()) {
            TableShape parent = byOid.get(key.parentOid());
            if (parent != null && parent.oid() != table.oid()) {
                visit(parent, byOid, placed, visiting);
            }
        }
        visiting.remove(table.oid());
        placed.add(table.oid());
    }
}
