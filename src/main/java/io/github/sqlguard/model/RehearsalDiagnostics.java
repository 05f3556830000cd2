package io.github.sqlguard.model;

import java.util.List;
import java.util.Set;

/**
 * What the {@code rehearse} goal finds by running the migrations on an embedded PostgreSQL with rows in every
 * table: effects the text does not show. Their documentation lives here so the README, SARIF and the
 * configuration checks know them like every other rule.
 */
public final class RehearsalDiagnostics {

    public static final RuleInfo ROW_LOSS = new RuleInfo("rehearsal-row-loss", Severity.ERROR,
            "Rehearsed on seeded tables, a statement removed or overwrote most of a table's rows",
            "A WHERE clause can look selective and still match every row (a subquery that restricts nothing, "
                    + "a join that matches all), and foreign-key cascades and triggers remove rows in tables the "
                    + "statement never names. The rehearse goal runs the migration on rows and counts, per table, "
                    + "what each statement removed or overwrote; more than maxRowShare (default half) is reported.",
            "Restrict the statement to the rows it means (by key), or acknowledge it with "
                    + "-- sqlguard:allow rehearsal-row-loss reason: <why>.",
            List.of(), List.of());

    public static final RuleInfo FAILED = new RuleInfo("rehearsal-failed", Severity.ERROR,
            "A migration does not apply to a database whose tables hold rows",
            "Test databases are often empty, so ADD COLUMN .. NOT NULL without a default, a new unique or check "
                    + "constraint, or a type change that existing values do not fit passes there and fails in "
                    + "production, mid-deployment. The rehearse goal applies the migration on seeded tables and "
                    + "reports the database's own error at the statement; the rest of that migration is not run.",
            "Make the statement work on existing rows (a default, a backfill before the constraint), or "
                    + "acknowledge it with -- sqlguard:allow rehearsal-failed reason: <why>.",
            List.of(), List.of());

    private RehearsalDiagnostics() {
    }

    /**
     * The ids only the {@code rehearse} goal reports: {@code check} cannot tell whether an acknowledgement of one
     * of them is used, so it does not call such an acknowledgement unused.
     */
    public static final Set<String> IDS = Set.of(ROW_LOSS.id(), FAILED.id());

    public static List<RuleInfo> all() {
        return List.of(ROW_LOSS, FAILED);
    }
}
