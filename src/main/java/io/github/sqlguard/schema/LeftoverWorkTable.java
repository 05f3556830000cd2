package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ClauseKind;
import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.sql.Token;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code DROP TABLE} that clears what an earlier, failed run of the script left behind: the script creates the
 * table again later and drops it before it ends ({@code DROP TABLE tmp_dups; CREATE TABLE tmp_dups AS SELECT ..;
 * DELETE .. WHERE id IN (SELECT id FROM tmp_dups); DROP TABLE tmp_dups;}, as Dolibarr's upgrade scripts do). The
 * table is the script's own work table, and no earlier migration created it, so no application row is lost.
 */
public final class LeftoverWorkTable {

    private LeftoverWorkTable() {
    }

    /**
     * The guard of the statement {@code models[index]} when every table it drops is unknown to the migrations
     * before it ({@code before}), and a later statement of the same script run creates it as a permanent table and
     * a statement after that drops it again, both run whenever the drop runs (no branch, or the drop's own).
     */
    public static Optional<Guard> guardOf(List<StatementModel> models, int index, SchemaView before) {
        StatementModel drop = models.get(index);
        List<DestructiveClause> drops = drop.clauses().stream()
                .filter(clause -> clause.kind() == ClauseKind.DROPPED_TABLE).toList();
        if (drops.isEmpty() || drops.size() != drop.clauses().size() || !drop.placement().runsWithMigration()
                || !drop.statement().tokens().get(0).isWord("DROP")) {
            return Optional.empty();
        }
        String scope = drop.statement().context().runScope();
        StringBuilder notes = new StringBuilder();
        for (DestructiveClause clause : drops) {
            if (clause.table() == null || before.table(clause.table()).isPresent()) {
                return Optional.empty();
            }
            Optional<String> life = laterLife(models, index, SchemaNames.key(clause.table()), scope);
            if (life.isEmpty()) {
                return Optional.empty();
            }
            notes.append(notes.isEmpty() ? "" : "; ").append("table ").append(clause.table()).append(life.get());
        }
        return Optional.of(new Guard(Guard.Kind.LEFTOVER_WORK_TABLE, notes
                + ": the script's own work table, left over from an earlier run of it"));
    }

    /** {@code " is created again at line 4 and dropped at line 9"}, or empty when the script keeps the table. */
    private static Optional<String> laterLife(List<StatementModel> models, int index, String name, String scope) {
        String branch = models.get(index).statement().context().branch();
        StatementModel created = null;
        for (int i = index + 1; i < models.size(); i++) {
            StatementModel later = models.get(i);
            if (!later.runsWithMigrationIn(scope)) {
                continue;
            }
            if (created == null && later.createdTables().stream().anyMatch(t -> SchemaNames.key(t).equals(name))) {
                if (!runsWith(later, branch, "CREATE") || temporary(later.statement().tokens())) {
                    return Optional.empty();
                }
                created = later;
                continue;
            }
            for (DestructiveClause clause : later.clauses()) {
                boolean named = clause.table() != null && SchemaNames.key(clause.table()).equals(name);
                if (named && clause.kind() == ClauseKind.RENAMED_TABLE) {
                    return Optional.empty();
                }
                if (named && clause.kind() == ClauseKind.DROPPED_TABLE) {
                    return created != null && runsWith(later, branch, "DROP") ? Optional.of(" is created again at line "
                            + created.start().line() + " and dropped at line " + later.start().line())
                            : Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static boolean runsWith(StatementModel model, String branch, String verb) {
        return Objects.equals(model.statement().context().branch(), branch)
                && model.statement().tokens().get(0).isWord(verb);
    }

    /** A temporary table of the name hides a permanent one only for the session: the first drop may hit that one. */
    private static boolean temporary(List<Token> tokens) {
        return tokens.stream().limit(4).anyMatch(token -> token.isAnyWord("TEMPORARY", "TEMP"));
    }
}
