package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.ClauseKind;
import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import java.util.List;
import java.util.Set;

/**
 * {@code dedupe-keeps-no-copy}: a DELETE that removes duplicates by pairing a table with a second copy of itself,
 * whose tie-breaker between the two copies is {@code <>}. Each of two duplicates then finds the other, so both go:
 * every row whose key is duplicated is deleted, and no copy of it is kept. The WHERE looks restrictive, so no
 * without-where rule sees it.
 */
public final class DedupeKeepsNoCopyRule extends ClauseRule {

    public static final String ID = "dedupe-keeps-no-copy";

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.ERROR,
            "Dedupe DELETE whose tie-breaker holds both ways removes every copy of each duplicate",
            "A dedupe pairs each row with its duplicates in a second copy of the table and deletes one side of each"
                    + " pair. Its tie-breaker must pick one side: with a.id < b.id the row with the highest id"
                    + " survives. With a.id <> b.id (or !=) both rows of a pair meet it, so every row that has a"
                    + " duplicate is deleted and none of them is kept, as in DELETE FROM events a USING events b"
                    + " WHERE a.k = b.k AND a.id <> b.id, DELETE a FROM events a JOIN events b ON .., WHERE"
                    + " EXISTS (SELECT 1 FROM events b WHERE b.k = a.k AND b.id <> a.id) or WHERE id IN (SELECT a.id"
                    + " FROM events a JOIN events b ON ..).",
            "Make the tie-breaker pick one side, a.id < b.id (or >, to keep the newest), or acknowledge it:"
                    + " -- sqlguard:allow dedupe-keeps-no-copy reason: <why>",
            List.of("DELETE FROM events a USING events b WHERE a.k = b.k AND a.id <> b.id;",
                    "DELETE a FROM events a JOIN events b ON a.k = b.k AND a.id != b.id;",
                    "DELETE FROM events a WHERE EXISTS (SELECT 1 FROM events b WHERE b.k = a.k AND b.id <> a.id);"),
            List.of("DELETE FROM events a USING events b WHERE a.k = b.k AND a.id < b.id;",
                    "DELETE FROM events a WHERE EXISTS (SELECT 1 FROM events b WHERE b.k = a.k AND b.id > a.id);",
                    "DELETE FROM events a USING archived b WHERE a.k = b.k AND a.id <> b.id;"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    Set<ClauseKind> kinds() {
        return Set.of(ClauseKind.DELETED_EVERY_DUPLICATE);
    }

    @Override
    String message(List<DestructiveClause> group) {
        DestructiveClause dedupe = group.get(0);
        return "DELETE removes every row of " + dedupe.name() + " whose " + dedupe.detail() + " another row also has,"
                + " keeping none of the duplicates: the tie-breaker " + dedupe.words() + " holds for both rows of each"
                + " pair, where < or > would keep one";
    }
}
