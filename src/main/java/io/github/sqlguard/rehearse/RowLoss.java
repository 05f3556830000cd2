package io.github.sqlguard.rehearse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compares the tables before and after one statement: rows removed (the delete counter, or a drop in the
 * count that counters miss, such as TRUNCATE) and rows overwritten (the update counter). Tables the statement
 * dropped are left to the static drop rules.
 */
final class RowLoss {

    private RowLoss() {
    }

    /** Every table whose rows the statement removed or updated, with the counts. */
    static List<TableLoss> between(Map<Long, TableRows> before, Map<Long, TableRows> after, Set<String> namedWords) {
        List<TableLoss> losses = new ArrayList<>();
        for (TableRows was : before.values()) {
            TableRows now = after.get(was.oid());
            if (now == null || was.rows() == 0) {
                continue;
            }
            long removed = Math.max(now.deleted() - was.deleted(), was.rows() - now.rows());
            long overwritten = now.updated() - was.updated();
            if (removed > 0 || overwritten > 0) {
                String bareName = was.displayName().substring(was.displayName().lastIndexOf('.') + 1);
                losses.add(new TableLoss(was, Math.min(removed, was.rows()), Math.min(overwritten, was.rows()),
                        namedWords.contains(bareName.toLowerCase(Locale.ROOT))));
            }
        }
        return losses;
    }

    static boolean tooMany(long count, TableRows table, double maxRowShare) {
        return table.rows() > 0 && count > maxRowShare * table.rows();
    }

    /** "removed 300 of 300 rows of orders, 900 of 900 rows of order_lines (through a cascade or trigger)". */
    static String describe(List<TableLoss> losses, double maxRowShare) {
        List<String> removed = new ArrayList<>();
        List<String> overwritten = new ArrayList<>();
        for (TableLoss loss : losses) {
            String reached = loss.named() ? "" : " (through a foreign-key cascade or trigger)";
            if (tooMany(loss.removed(), loss.table(), maxRowShare)) {
                removed.add(loss.removed() + " of " + loss.table().rows() + " rows of " + loss.table().displayName() + reached);
            }
            if (tooMany(loss.overwritten(), loss.table(), maxRowShare)) {
                overwritten.add(loss.overwritten() + " of " + loss.table().rows() + " rows of "
                        + loss.table().displayName() + reached);
            }
        }
        List<String> parts = new ArrayList<>();
        if (!removed.isEmpty()) {
            parts.add("removed " + String.join(", ", removed));
        }
        if (!overwritten.isEmpty()) {
            parts.add("overwrote " + String.join(", ", overwritten));
        }
        return String.join("; ", parts);
    }
}
