package io.github.sqlguard;

import io.github.sqlguard.analysis.Placement;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.ScriptMode;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

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

    /**
     * Why the placeholders of the statement that are defined for other runs only are left as written, for a
     * message that does not say so already: a table name or a clause ({@code DELETE FROM t ${filter}}) then reads
     * as what the database receives.
     */
    static String unvaluedPlaceholderNote(Statement statement, String message) {
        List<String> notes = new ArrayList<>();
        new TreeMap<>(statement.unvaluedPlaceholders()).forEach((text, why) -> {
            if (!message.contains(text + " " + why)) {
                notes.add(text + " " + why);
            }
        });
        return notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")";
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
