package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.RoutineNames;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One script's statements in the order the database runs them. A routine the script defines and calls once, later,
 * at its top level, runs its body at the call, after the statements between: a migration defines a helper, copies
 * what the helper will drop and then calls it ({@code CREATE FUNCTION drop_password() ..; CREATE TABLE
 * user_password AS SELECT id, password FROM users; SELECT drop_password();}). Its definition, body included, is
 * taken to just before the call, where {@link BodiesRunWhereDefined} runs the body on the state the script reached
 * there. A routine defined or called more than once, called from a body, in a branch or by another run (a later
 * Liquibase changeset) keeps its place and a run of its own. Findings keep the places where the statements are
 * written.
 */
public final class RoutinesRunAtCall {

    private RoutinesRunAtCall() {
    }

    /** {@code models}, one script's statements in written order, in the order they run; the same list when equal. */
    public static List<StatementModel> inRunOrder(List<StatementModel> models) {
        // By the index of the call: the definitions (first and end index of each) that move to just before it.
        Map<Integer, List<int[]>> movedTo = null;
        for (int index = 0; index < models.size(); index++) {
            String name = nameDefinedAt(models, index);
            if (name == null) {
                continue;
            }
            int end = index + 1;
            while (end < models.size() && encloses(models.get(index).statement(), models.get(end).statement())) {
                end++;
            }
            int call = onlyLaterCall(models, index, end, name);
            if (call > end) {
                movedTo = movedTo == null ? new HashMap<>() : movedTo;
                movedTo.computeIfAbsent(call, key -> new ArrayList<>()).add(new int[] {index, end});
            }
        }
        if (movedTo == null) {
            return models;
        }
        boolean[] moved = new boolean[models.size()];
        movedTo.values().forEach(spans -> spans.forEach(span -> Arrays.fill(moved, span[0], span[1], true)));
        List<StatementModel> ordered = new ArrayList<>(models.size());
        for (int index = 0; index < models.size(); index++) {
            for (int[] span : movedTo.getOrDefault(index, List.of())) {
                ordered.addAll(models.subList(span[0], span[1]));
            }
            if (!moved[index]) {
                ordered.add(models.get(index));
            }
        }
        return ordered;
    }

    /** The name of the routine the statement at {@code index} defines at the top of the script, once; else null. */
    private static String nameDefinedAt(List<StatementModel> models, int index) {
        RoutineNames.Definition definition = BodiesRunWhereDefined.topLevelDefinition(models.get(index));
        if (definition == null) {
            return null;
        }
        String name = definition.name();
        for (int other = 0; other < models.size(); other++) {
            RoutineNames.Definition another = other == index ? null : BodiesRunWhereDefined.topLevelDefinition(models.get(other));
            if (another != null && another.name().equals(name)) {
                return null;
            }
        }
        return name;
    }

    /**
     * The index of the one statement of the script that calls {@code name}, when it stands at the top level of the
     * same file and run as the definition at {@code definition} (ending before {@code end}), after it, and runs with
     * the migration; -1 otherwise.
     */
    private static int onlyLaterCall(List<StatementModel> models, int definition, int end, String name) {
        int found = -1;
        for (int index = 0; index < models.size(); index++) {
            if (BodiesRunWhereDefined.calls(models.get(index), name)) {
                if (found >= 0) {
                    return -1;
                }
                found = index;
            }
        }
        if (found < end) {
            return -1;
        }
        StatementModel call = models.get(found);
        Statement defined = models.get(definition).statement();
        return BodiesRunWhereDefined.isTopLevel(call.statement()) && call.placement().runsWithMigration()
                && call.statement().start().path().equals(defined.start().path())
                && call.statement().context().runScope().equals(defined.context().runScope()) ? found : -1;
    }

    private static boolean encloses(Statement definition, Statement inner) {
        List<Token> tokens = definition.tokens();
        int start = inner.firstToken().offset();
        return inner.start().path().equals(definition.start().path()) && start > tokens.get(0).offset()
                && start < tokens.get(tokens.size() - 1).endOffset();
    }
}
