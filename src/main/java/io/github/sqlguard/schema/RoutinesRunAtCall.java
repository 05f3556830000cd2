package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.RoutineNames;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        // The routines defined once at the top level, by name, with where each definition stands.
        Map<String, Integer> definedOnce = new HashMap<>();
        Set<String> definedAgain = new HashSet<>();
        for (int index = 0; index < models.size(); index++) {
            RoutineNames.Definition definition = BodiesRunWhereDefined.topLevelDefinition(models.get(index));
            if (definition != null && definedOnce.putIfAbsent(definition.name(), index) != null) {
                definedAgain.add(definition.name());
            }
        }
        definedOnce.keySet().removeAll(definedAgain);
        if (definedOnce.isEmpty()) {
            return models;
        }
        Map<String, List<Integer>> callsOf = callsOf(models, definedOnce.keySet());
        // By the index of the call: the definitions (first and end index of each) that move to just before it.
        Map<Integer, List<int[]>> movedTo = new HashMap<>();
        definedOnce.forEach((name, index) -> {
            int end = index + 1;
            while (end < models.size() && encloses(models.get(index).statement(), models.get(end).statement())) {
                end++;
            }
            List<Integer> calls = callsOf.getOrDefault(name, List.of());
            if (calls.size() == 1 && calls.get(0) > end && runsInPlaceOf(models.get(calls.get(0)),
                    models.get(index).statement())) {
                movedTo.computeIfAbsent(calls.get(0), key -> new ArrayList<>()).add(new int[] {index, end});
            }
        });
        if (movedTo.isEmpty()) {
            return models;
        }
        movedTo.values().forEach(spans -> spans.sort(Comparator.comparingInt(span -> span[0])));
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

    /** For each of {@code names}, the indexes of the statements that call it, each statement's names read once. */
    private static Map<String, List<Integer>> callsOf(List<StatementModel> models, Set<String> names) {
        Map<String, List<Integer>> calls = new HashMap<>();
        for (int index = 0; index < models.size(); index++) {
            StatementModel model = models.get(index);
            if (model.statement().container() || !model.mayCallRoutines()) {
                continue;
            }
            Set<String> called = new HashSet<>();
            for (String written : RoutineNames.calledNames(model.statement().tokens())) {
                for (String key : RoutineNames.callKeys(written, "")) {
                    if (names.contains(key)) {
                        called.add(key);
                    }
                }
            }
            int at = index;
            called.forEach(name -> calls.computeIfAbsent(name, key -> new ArrayList<>()).add(at));
        }
        return calls;
    }

    /**
     * True when {@code call} stands at the top level of the same file and run as {@code definition} and runs with
     * the migration, so that the body runs there.
     */
    private static boolean runsInPlaceOf(StatementModel call, Statement definition) {
        return BodiesRunWhereDefined.isTopLevel(call.statement()) && call.placement().runsWithMigration()
                && call.statement().start().path().equals(definition.start().path())
                && call.statement().context().runScope().equals(definition.context().runScope());
    }

    private static boolean encloses(Statement definition, Statement inner) {
        List<Token> tokens = definition.tokens();
        int start = inner.firstToken().offset();
        return inner.start().path().equals(definition.start().path()) && start > tokens.get(0).offset()
                && start < tokens.get(tokens.size() - 1).endOffset();
    }
}
