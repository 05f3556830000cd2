package io.github.sqlguard.analysis;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * A step of the pipeline over one script: T-SQL's {@code SET ROWCOUNT n} makes every later DELETE and UPDATE of
 * the session stop after n rows, until {@code SET ROWCOUNT 0}. A DELETE without WHERE after it takes arbitrary
 * rows, as {@code DELETE TOP (n)} does, and the loop around it that batch deletes are written with takes them all.
 */
final class SessionRowCount {

    private boolean capped;

    /** The model with its uncapped changes marked as capped while a cap holds, then remembers what it sets. */
    StatementModel step(StatementModel model) {
        Dialect dialect = model.statement().dialect();
        if (dialect != Dialect.SQLSERVER && dialect != Dialect.AUTO) {
            return model;
        }
        List<Token> tokens = model.statement().tokens();
        if (tokens.size() == 3 && tokens.get(0).isWord("SET") && tokens.get(1).isWord("ROWCOUNT")) {
            // SET ROWCOUNT @n caps too, unless @n is 0 when it runs: the rows taken are still arbitrary.
            capped = !tokens.get(2).text().equals("0");
            return model;
        }
        // A routine's body runs when it is called, under whatever cap the caller set by then.
        if (!capped || !model.placement().runsWithMigration()) {
            return model;
        }
        List<RowChange> changes = new ArrayList<>();
        for (RowChange change : model.rowChanges()) {
            changes.add(change.where() == WhereFact.ABSENT && !change.restrictedByJoin()
                    ? change.withWhere(WhereFact.ABSENT_BUT_SESSION_CAPPED) : change);
        }
        return model.with(model.clauses(), changes, model.scratchTable());
    }
}
