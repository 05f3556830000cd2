package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.RowChange;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.schema.DeletedToFitNarrowing;
import io.github.sqlguard.schema.SchemaFacts;
import java.util.List;

/**
 * {@code delete-before-narrowing}: a DELETE that selects rows by the length of a column ({@code WHERE
 * LENGTH(request_id) > 40}) which a later statement of the same script narrows. The narrowing then keeps every value
 * left, and would not be worth a finding on its own, but the rows it could not have kept are gone: the loss has only
 * moved to the DELETE, and grown from a value to whole rows.
 */
public final class DeleteBeforeNarrowingRule implements Rule {

    public static final String ID = "delete-before-narrowing";

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.WARNING,
            "DELETE removes the rows whose value a later narrowing of the column would not keep",
            "DELETE FROM requests WHERE LENGTH(request_id) > 40 followed by ALTER TABLE requests MODIFY request_id"
                    + " VARCHAR(40) makes the narrowing succeed by deleting every row whose request_id is too long,"
                    + " with all its other columns, where the narrowing alone would have failed or cut one value. The"
                    + " narrowing is then reported no more, as it keeps every value left; this DELETE is where the"
                    + " data goes. Only a narrowing in the same script is seen: a DELETE is judged without the"
                    + " migrations that come after it.",
            "Shorten or move the long values instead (UPDATE requests SET request_id = LEFT(request_id, 40) WHERE"
                    + " LENGTH(request_id) > 40, or copy the rows to an archive table first), or acknowledge it:"
                    + " -- sqlguard:allow delete-before-narrowing reason: <why>",
            List.of("ALTER TABLE requests ADD request_id VARCHAR(100);\n"
                    + "DELETE FROM requests WHERE LENGTH(request_id) > 40;\n"
                    + "ALTER TABLE requests MODIFY request_id VARCHAR(40);"),
            List.of("DELETE FROM requests WHERE LENGTH(request_id) > 40;",
                    "UPDATE requests SET request_id = LEFT(request_id, 40) WHERE LENGTH(request_id) > 40;"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(StatementModel statement) {
        return List.of(); // the narrowing that follows is known only to the schema replay
    }

    @Override
    public List<Violation> check(StatementModel statement, SchemaFacts schema) {
        List<RowChange> changes = statement.rowChanges();
        if (changes.size() != 1 || changes.get(0).scratch() || !changes.get(0).verb().equals("DELETE")) {
            return List.of();
        }
        return DeletedToFitNarrowing.of(statement.statement(), schema.before())
                .map(found -> List.of(new Violation(message(found, statement.statement().start()),
                        changes.get(0).at(), List.of(found.table()))))
                .orElse(List.of());
    }

    private static String message(DeletedToFitNarrowing found, Location here) {
        Location narrowing = found.narrowedAt();
        String place = narrowing.path().equals(here.path()) ? "line " + narrowing.line()
                : narrowing.path() + ":" + narrowing.line();
        return "DELETE removes every row of " + found.table() + " whose " + found.column() + " is longer than "
                + found.longerThan() + ", before " + found.column() + " is narrowed to " + found.narrowedTo()
                + " at " + place + ": the rows whose value would not fit are deleted whole";
    }
}
