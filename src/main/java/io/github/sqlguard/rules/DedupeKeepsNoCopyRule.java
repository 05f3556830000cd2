package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.ClauseKind;
import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import java.util.List;
import java.util.Set;

/**
 * {@code dedupe-keeps-no-copy}: a DELETE that removes duplicates but keeps no copy of them. Pairing a table with a
 * second copy of itself, its tie-breaker {@code <>} holds for both rows of a pair, or {@code >=} for a row and itself;
 * numbering each group's rows, its filter holds for every number; or it deletes by the key every copy shares. The
 * WHERE looks restrictive, so no without-where rule sees it.
 */
public final class DedupeKeepsNoCopyRule extends ClauseRule {

    public static final String ID = "dedupe-keeps-no-copy";

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.ERROR,
            "Dedupe DELETE that keeps no copy of each duplicate",
            "A dedupe pairs each row with its duplicates in a second copy of the table and deletes one side of each"
                    + " pair. Its tie-breaker must pick one side: with a.id < b.id (or a strict order such as a.day <"
                    + " b.day OR (a.day = b.day AND a.id < b.id)) the last row of each group survives. With a.id <>"
                    + " b.id (or !=, IS DISTINCT FROM) both rows of a pair meet it, so every row that has a duplicate"
                    + " is deleted and none of them is kept; with a.id >= b.id each row also pairs with itself and"
                    + " goes. This holds in DELETE FROM events a USING events b WHERE a.k = b.k AND a.id <> b.id,"
                    + " DELETE a FROM events a JOIN events b ON .. (T-SQL's DELETE FROM a FROM ..), WHERE EXISTS"
                    + " (SELECT 1 FROM events b WHERE b.k = a.k AND b.id <> a.id) and WHERE id IN (SELECT a.id FROM"
                    + " events a JOIN events b ON ..), with columns or expressions (lower(a.email) = lower(b.email))."
                    + " A dedupe by ROW_NUMBER() OVER (PARTITION BY k ..) AS rn, RANK or DENSE_RANK, in a derived"
                    + " table or a WITH query, keeps no copy when its filter holds for every number (rn >= 1, rn > 0,"
                    + " rn <> 0, or none), where rn > 1 keeps the first row of each group. Deleting by the key"
                    + " (WHERE k IN (SELECT k .. WHERE rn > 1)) instead of the id takes every copy of each key it selects."
                    + " A dedupe that keeps each group's first row by an aggregate, WHERE id NOT IN (SELECT MIN(id) FROM"
                    + " events GROUP BY k), keeps one row of the whole table without its GROUP BY (also with <>, or <"
                    + " against MAX), and with IN instead of NOT IN deletes the row of every group it meant to keep,"
                    + " the only row of each group that has no duplicate among them.",
            "Make the tie-breaker pick one side, a.id < b.id (or >, to keep the newest), keep number 1 (rn > 1), delete"
                    + " by the id, or acknowledge it: -- sqlguard:allow dedupe-keeps-no-copy reason: <why>",
            List.of("DELETE FROM events a USING events b WHERE a.k = b.k AND a.id <> b.id;",
                    "DELETE a FROM events a JOIN events b ON a.k = b.k AND a.id != b.id;",
                    "DELETE FROM events a WHERE EXISTS (SELECT 1 FROM events b WHERE b.k = a.k AND b.id <> a.id);",
                    "DELETE FROM events WHERE id IN (SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY k"
                            + " ORDER BY id) AS rn FROM events) x WHERE x.rn >= 1);",
                    "DELETE FROM events WHERE id NOT IN (SELECT MIN(id) FROM events);"),
            List.of("DELETE FROM events a USING events b WHERE a.k = b.k AND a.id < b.id;",
                    "DELETE FROM events a WHERE EXISTS (SELECT 1 FROM events b WHERE b.k = a.k AND b.id > a.id);",
                    "DELETE FROM events a USING archived b WHERE a.k = b.k AND a.id <> b.id;",
                    "DELETE FROM events WHERE id IN (SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY k"
                            + " ORDER BY id) AS rn FROM events) x WHERE x.rn > 1);",
                    "DELETE FROM events WHERE id NOT IN (SELECT MIN(id) FROM events GROUP BY k);"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    Set<ClauseKind> kinds() {
        return Set.of(ClauseKind.DELETED_EVERY_DUPLICATE, ClauseKind.DELETED_ROWS_PAIRED_WITH_THEMSELVES,
                ClauseKind.DELETED_EVERY_NUMBERED_ROW, ClauseKind.DELETED_DUPLICATES_BY_KEY,
                ClauseKind.DELETED_ALL_BUT_ONE_ROW, ClauseKind.DELETED_ONE_ROW_OF_EVERY_GROUP);
    }

    @Override
    String message(List<DestructiveClause> group) {
        DestructiveClause dedupe = group.get(0);
        String table = dedupe.name();
        String keys = dedupe.detail();
        return switch (dedupe.kind()) {
            case DELETED_ROWS_PAIRED_WITH_THEMSELVES -> "DELETE removes every row of " + table + " that has a " + keys
                    + ", duplicated or not: each row also pairs with itself, and the tie-breaker " + dedupe.words()
                    + " holds for that pair, where < or > would keep one of each";
            case DELETED_EVERY_NUMBERED_ROW -> "DELETE removes every row of " + table + ", keeping no copy of any "
                    + keys + ": " + (dedupe.words().isEmpty() ? "nothing filters the row numbers"
                            : "the filter " + dedupe.words() + " holds for every row number")
                    + ", where deleting only the numbers above 1 would keep the first row of each";
            case DELETED_DUPLICATES_BY_KEY -> "DELETE removes every row of " + table + " whose " + keys
                    + " another row also has, keeping none of the duplicates: it deletes by " + dedupe.words()
                    + ", which every copy shares, where deleting by a column that tells the copies apart (the id)"
                    + " would keep one";
            case DELETED_ALL_BUT_ONE_ROW -> "DELETE removes every row of " + table + " but one: " + dedupe.words()
                    + " compares " + keys + " with one value of the whole table, where a GROUP BY of the duplicated"
                    + " columns would keep one row of each";
            case DELETED_ONE_ROW_OF_EVERY_GROUP -> "DELETE removes a row of every " + grouping(keys) + " of " + table
                    + ", also the only row of each " + grouping(keys) + " that has no duplicate: " + dedupe.words()
                    + " picks one row of every group, where NOT IN would keep one of each";
            default -> "DELETE removes every row of " + table + " whose " + keys + " another row also has,"
                    + " keeping none of the duplicates: the tie-breaker " + dedupe.words() + " holds for both rows of"
                    + " each pair, where < or > would keep one";
        };
    }

    /** {@code k}, or {@code (a, b)} for a group of several columns. */
    private static String grouping(String keys) {
        return keys.contains(",") ? "(" + keys + ")" : keys;
    }
}
