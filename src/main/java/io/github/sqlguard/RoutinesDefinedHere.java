package io.github.sqlguard;

import io.github.sqlguard.analysis.RoutineNames;
import io.github.sqlguard.analysis.StatementKind;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The routines a script defines as it goes, and whether the text a call hands a routine ({@code run_ddl('DROP
 * TABLE t')}) is read as what runs. A routine whose body runs SQL built at run time may run the text it is given;
 * one whose body does not says itself what it does with it (stores it, logs it), and so does a routine an earlier
 * migration created, whose body is followed with the call's own text: either way the text is not read again.
 */
final class RoutinesDefinedHere {

    private final Set<String> names = new HashSet<>();
    private final Set<String> runningText = new HashSet<>();
    private List<String> lastDefined = List.of();
    private boolean callsKnownBody;

    /** The names of the routines defined so far. */
    Set<String> names() {
        return names;
    }

    /** True when {@code model} is text handed to a routine whose body says what it does with it. */
    boolean handedToKnownBody(StatementModel model) {
        return callsKnownBody && model.statement().context().handedToRoutine();
    }

    /** Reads the next statement of the script (one not skipped). */
    void observe(StatementModel model) {
        Statement statement = model.statement();
        if (statement.runtimeSql() && statement.context().kind() == StatementContext.Kind.ROUTINE_BODY) {
            runningText.addAll(lastDefined);
        }
        if (model.kind() == StatementKind.ROUTINE && statement.container()) {
            RoutineNames.Definition definition = RoutineNames.definition(statement.tokens());
            lastDefined = definition == null ? List.of() : definition.isPackage()
                    ? definition.members().stream().map(RoutineNames.Member::name).toList()
                    : List.of(definition.name());
            names.addAll(lastDefined);
        }
        callsKnownBody = !names.isEmpty() && !statement.container() && model.kind().mayCallRoutines()
                && RoutineNames.calledNames(statement.tokens()).stream()
                        .anyMatch(name -> names.contains(name) && !runningText.contains(name));
    }

    /** Says that the statement just observed calls a routine an earlier migration created. */
    void callsEarlierRoutine() {
        callsKnownBody = true;
    }
}
