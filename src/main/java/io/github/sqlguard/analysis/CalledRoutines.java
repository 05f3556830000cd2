package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A step of the pipeline over one script: a routine that the same script creates and then calls
 * ({@code CALL f()}, {@code EXEC f}, {@code SELECT f()}, {@code PERFORM f()}) runs now, with the migration, so
 * the statements of its body are marked with where it is called and keep their normal severity.
 */
final class CalledRoutines {

    private static final String[] ROUTINE_WORDS = {"FUNCTION", "PROCEDURE", "PROC"};
    private static final String[] CALL_WORDS = {"CALL", "EXEC", "EXECUTE", "PERFORM", "SELECT"};

    private CalledRoutines() {
    }

    static List<StatementModel> apply(List<StatementModel> models) {
        Map<String, StatementModel> routines = new HashMap<>();
        Map<StatementModel, String> calls = new HashMap<>();
        for (StatementModel model : models) {
            Statement statement = model.statement();
            if (model.kind() == StatementKind.ROUTINE && statement.container()) {
                String name = routineName(statement.tokens());
                if (name != null) {
                    routines.put(name, model);
                }
            } else if (!routines.isEmpty() && model.placement().runsWithMigration() && !statement.container()
                    && model.kind() != StatementKind.DDL && model.kind() != StatementKind.ROUTINE) {
                for (String called : calledNames(statement.tokens())) {
                    StatementModel routine = routines.get(called);
                    if (routine != null) {
                        calls.putIfAbsent(routine, "line " + statement.start().line());
                    }
                }
            }
        }
        if (calls.isEmpty()) {
            return models;
        }
        List<StatementModel> result = new ArrayList<>(models.size());
        for (StatementModel model : models) {
            result.add(model.placement() == Placement.ROUTINE_BODY ? markIfCalled(model, calls) : model);
        }
        return result;
    }

    private static StatementModel markIfCalled(StatementModel model, Map<StatementModel, String> calls) {
        for (Map.Entry<StatementModel, String> call : calls.entrySet()) {
            if (encloses(call.getKey().statement(), model.statement())) {
                return model.calledAt(call.getValue());
            }
        }
        return model;
    }

    private static boolean encloses(Statement routine, Statement inner) {
        List<Token> tokens = routine.tokens();
        Token first = tokens.get(0);
        Token last = tokens.get(tokens.size() - 1);
        Token start = inner.firstToken();
        return routine.start().path().equals(inner.start().path())
                && start.offset() > first.offset() && start.offset() < last.endOffset();
    }

    /** The normalized last part of the name in {@code CREATE [OR REPLACE] [DEFINER = x] PROCEDURE name}. */
    private static String routineName(List<Token> tokens) {
        for (int i = 1; i < Math.min(tokens.size() - 1, 12); i++) {
            if (tokens.get(i).isAnyWord(ROUTINE_WORDS)) {
                int at = i + 1;
                if (at + 2 < tokens.size() && tokens.get(at).isWord("IF") && tokens.get(at + 1).isWord("NOT")) {
                    at += 3;
                }
                ObjectNames.NameAt name = ObjectNames.readName(tokens, at);
                return name == null ? null : ObjectNames.normalize(ObjectNames.lastPart(name.text()));
            }
        }
        return null;
    }

    /** Names called in a statement: after CALL, EXEC or PERFORM, or followed by {@code (} in a query. */
    private static List<String> calledNames(List<Token> tokens) {
        List<String> names = new ArrayList<>();
        if (tokens.isEmpty() || !tokens.get(0).isAnyWord(CALL_WORDS)
                || tokens.size() > 1 && tokens.get(1).isWord("IMMEDIATE")) {
            return names;
        }
        for (int i = 1; i < tokens.size(); i++) {
            ObjectNames.NameAt name = ObjectNames.readName(tokens, i);
            if (name == null) {
                continue;
            }
            boolean call = i == 1 && !tokens.get(0).isWord("SELECT")
                    || name.next() < tokens.size() && tokens.get(name.next()).isSymbol("(");
            if (call) {
                names.add(ObjectNames.normalize(ObjectNames.lastPart(name.text())));
            }
            i = name.next() - 1;
        }
        return names;
    }
}
