package io.github.sqlguard;

import io.github.sqlguard.analysis.Placement;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.ScriptMode;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.sql.StatementContext;

/**
 * What the place of a statement does to its findings: the severity it may have where it sits (a routine body
 * nobody calls, rollback code, a changeset no database runs) and the note that says where that is.
 */
final class StatementPlacement {

    private StatementPlacement() {
    }

    /** Statements that do not run with the migration cannot destroy data by themselves running it. */
    static Severity lowered(Severity severity, StatementModel model, Severity ceiling,
            ScriptMode rollbacks) {
        Severity result = severity;
        if (model.statement().context().databases().runsNowhere()) {
            return Severity.INFO;
        }
        if (model.placement() == Placement.ROUTINE_BODY && model.calledAt().isEmpty()) {
            result = Severity.INFO;
        } else if ((model.placement() == Placement.ROLLBACK || model.calledOnlyOnRollback())
                && rollbacks == ScriptMode.WARN) {
            result = atMost(result, Severity.WARNING);
        }
        return ceiling == null ? result : atMost(result, ceiling);
    }

    static Severity atMost(Severity severity, Severity ceiling) {
        return severity.isAtLeast(ceiling) ? ceiling : severity;
    }

    static String contextNote(StatementModel model) {
        StatementContext context = model.statement().context();
        if (context.databases().runsNowhere()) {
            return " (" + (context.label().isEmpty() ? "" : context.label() + ": ")
                    + "its dbms matches no database, so Liquibase never runs it)";
        }
        String label = context.label();
        if (context.kind() == StatementContext.Kind.ROUTINE_BODY && !model.calledAt().isEmpty()) {
            return " (inside " + (label.isEmpty() ? "a routine body" : label) + ", which this script calls at "
                    + model.calledAt() + ")";
        }
        return switch (context.kind()) {
            case SCRIPT -> label.isEmpty() ? "" : " (" + label + ")";
            case EXECUTED_BLOCK -> label.isEmpty() ? " (inside a block the migration runs)" : " (inside " + label + ")";
            case ROUTINE_BODY -> " (inside " + (label.isEmpty() ? "a routine body" : label)
                    + (context.firesWhenTriggered() ? ", which runs when it fires)"
                            : ", which runs only when called)");
            case ROLLBACK -> " (" + (label.isEmpty() ? "rollback" : label) + ": runs only on rollback)";
        };
    }
}
