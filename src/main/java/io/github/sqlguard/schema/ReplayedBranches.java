package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.Token;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The branch of a block ({@code IF .. THEN}, a CASE arm, a loop) that the statements a history replays stand in,
 * and the tables its statements changed. Which shape those tables have once the statements that follow may run
 * without the branch is decided when the migration runs, so the history forgets them then (fail closed), unless
 * the replay decided the IF itself ({@link ColumnTestedIf}); the next arm of the same IF finds the tables as the IF
 * found them ({@link IfArmChanges}).
 */
final class ReplayedBranches {

    private final SchemaHistory history;
    /** The stretch of a branching block the last statement sat in. */
    private String branch;
    private StatementContext.Body branchBody;
    private final IfArmChanges ifArmChanges = new IfArmChanges();
    /** Per table the branch changed: the table as the branch found it, empty when it was not known. */
    private final Map<String, Optional<Table>> branchTables = new LinkedHashMap<>();
    private final Set<String> createdInBranch = new HashSet<>();
    /** The last T-SQL IF whose branch the replay decided, while its statements follow. */
    private ColumnTestedIf decidedIf;

    ReplayedBranches(SchemaHistory history) {
        this.history = history;
    }

    /**
     * Moves on to a statement standing in {@code next}: when that is another stretch, the branch the statements
     * before it stood in ends, and the tables it changed are settled.
     */
    void moveTo(StatementContext next) {
        String nextBranch = next.branch();
        if (!Objects.equals(nextBranch, branch)) {
            if (decidedIf != null && branchBody != null && branchBody.id().equals(decidedIf.id())) {
                settleDecidedBranch(decidedIf.runs());
            } else if (branchBody != null && branchBody.inOtherArmOfSameIf(next.body())) {
                ifArmChanges.armEnded(history, branchTables);
            } else {
                ifArmChanges.ifEnded(history, branchTables);
            }
            branchTables.clear();
            createdInBranch.clear();
            branch = nextBranch;
            branchBody = next.body();
        }
    }

    /**
     * Notes, for a statement of the migration itself outside any branch, the T-SQL IF it is when the replay decides
     * it.
     */
    void readIf(Statement statement) {
        if (statement.context().branch() == null) {
            decidedIf = statement.context().runsWithMigration()
                    ? ColumnTestedIf.of(statement, history::current).orElse(null) : null;
        }
    }

    /**
     * Notes the tables {@code statement}, replayed at {@code position}, changed when it stands in a branch. A table
     * the branch creates ({@code IF NOT EXISTS .. THEN CREATE TABLE t}) is there after it either way, and is taken as
     * created, as a conditional create at the top level is; one the branch only alters is not known after it.
     */
    void replayed(Statement statement, int position) {
        if (branch == null) {
            return;
        }
        List<Token> tokens = statement.tokens();
        int main = DdlReplay.mainKeyword(tokens);
        boolean creates = main < tokens.size() && tokens.get(main).isWord("CREATE");
        for (String changed : history.changedAt(position)) {
            if (creates) {
                createdInBranch.add(changed);
            } else if (!createdInBranch.contains(changed)) {
                branchTables.computeIfAbsent(changed, key -> history.tableBefore(key, position));
            }
        }
    }

    /**
     * Ends a branch whose IF the replay decided: a branch that ran leaves the tables as its statements changed them,
     * one that did not run leaves them as it found them (a table it found unknown stays unknown).
     */
    private void settleDecidedBranch(boolean ran) {
        if (!ran) {
            branchTables.forEach((name, found) -> found.ifPresentOrElse(history::put,
                    () -> history.forgetBranchChange(name, found)));
        }
    }
}
