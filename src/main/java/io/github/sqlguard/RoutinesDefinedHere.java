package io.github.sqlguard;

import io.github.sqlguard.analysis.JavaRoutine;
import io.github.sqlguard.analysis.RoutineNames;
import io.github.sqlguard.analysis.StatementKind;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.Token;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The routines a script defines as it goes, and whether the text a call hands a routine ({@code run_ddl('DROP
 * TABLE t')}) is read as what runs. A routine whose body runs SQL built at run time may run the text it is given;
 * one whose body does not says itself what it does with it (stores it, logs it), and so does a routine an earlier
 * migration created, whose body is followed with the call's own text: either way the text is not read again. The
 * text stays the call's for all its statements, those of a routine it creates among them.
 */
final class RoutinesDefinedHere {

    private final Set<String> names = new HashSet<>();
    private final Set<String> runningText = new HashSet<>();
    private List<String> lastDefined = List.of();
    /** The calls whose text the statements being read may lie in, innermost first. */
    private final Deque<CallSpan> calls = new ArrayDeque<>();

    /** A call's text, which ends at {@code end}, and whether a routine whose body is known receives it. */
    private record CallSpan(int end, boolean knownBody) {
    }

    /** The names of the routines defined so far. */
    Set<String> names() {
        return names;
    }

    /** True when {@code model} is text handed to a routine whose body says what it does with it. */
    boolean handedToKnownBody(StatementModel model) {
        Statement statement = model.statement();
        if (!statement.context().handedToRoutine()) {
            return false;
        }
        leaveCallsEndedBefore(statement);
        return !calls.isEmpty() && calls.peek().knownBody();
    }

    private void leaveCallsEndedBefore(Statement statement) {
        int offset = statement.firstToken().offset();
        while (!calls.isEmpty() && calls.peek().end() <= offset) {
            calls.pop();
        }
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
            if (JavaRoutine.of(statement).isPresent()) {
                runningText.addAll(lastDefined); // H2: Java that sends SQL sqlguard did not read may run the text
            }
        }
        leaveCallsEndedBefore(statement);
        if (!statement.container() && model.mayCallRoutines()) {
            List<Token> tokens = statement.tokens();
            calls.push(new CallSpan(tokens.get(tokens.size() - 1).endOffset(), !names.isEmpty()
                    && RoutineNames.calledNames(tokens).stream()
                            .anyMatch(name -> names.contains(name) && !runningText.contains(name))));
        }
    }

    /** Says that the statement just observed, a call, calls a routine an earlier migration created. */
    void callsEarlierRoutine() {
        calls.push(new CallSpan(calls.pop().end(), true));
    }
}
