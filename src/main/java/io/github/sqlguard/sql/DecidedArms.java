package io.github.sqlguard.sql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A routine's body as one call runs it: an IF whose conditions the call's literals decide runs one arm, and a CASE
 * they decide gives one arm's value. Helpers choose what they build by a flag or an empty argument ({@code
 * modifier := CASE WHEN v_unique THEN 'UNIQUE' ELSE '' END;}, {@code IF v_where = '' THEN v_sql := v_sql || ';';
 * ELSE ..}); read for one call without the arms it cannot run, the text it builds is known whole. A condition is
 * decided only from literals and from parameters the body never assigns; anything else leaves the whole IF or CASE
 * as written.
 */
final class DecidedArms {

    /** One arm of an IF or CASE: the condition that leads to it (null for ELSE) and its tokens. */
    private record Arm(List<Token> condition, List<Token> body) {
    }

    /** What a decided IF or CASE leaves: the tokens of the arm that runs, and where the construct ended. */
    private record Decision(List<Token> taken, int end) {
    }

    private final Map<String, Token> fixed;

    private DecidedArms(Map<String, Token> fixed) {
        this.fixed = fixed;
    }

    /**
     * {@code code} (a body's tokens, comments left out) without the arms that a call passing {@code arguments}
     * (literals by lower-case parameter name) cannot run; {@code code} itself when it has none.
     */
    static List<Token> taken(List<Token> code, Map<String, Token> arguments) {
        if (arguments.isEmpty()) {
            return code;
        }
        Map<String, Token> fixed = new HashMap<>(arguments);
        fixed.keySet().removeAll(assignedIn(code));
        return fixed.isEmpty() ? code : new DecidedArms(fixed).prune(code);
    }

    private List<Token> prune(List<Token> code) {
        List<Token> kept = null;
        for (int i = 0; i < code.size(); i++) {
            Token token = code.get(i);
            Decision decision = token.isWord("IF") && startsStatement(code, i) ? decideIf(code, i)
                    : token.isWord("CASE") ? decideCase(code, i) : null;
            if (decision == null) {
                if (kept != null) {
                    kept.add(token);
                }
                continue;
            }
            if (kept == null) {
                kept = new ArrayList<>(code.subList(0, i));
            }
            kept.addAll(prune(decision.taken()));
            i = decision.end() - 1;
        }
        return kept == null ? code : kept;
    }

    /** {@code IF c THEN .. [ELSIF c THEN ..] [ELSE ..] END IF;} at {@code at}, when its conditions are decided. */
    private Decision decideIf(List<Token> code, int at) {
        List<Arm> arms = new ArrayList<>();
        int conditionStart = at + 1;
        while (true) {
            int then = next(code, conditionStart, THEN, true);
            if (then < 0 || !code.get(then).isWord("THEN")) {
                return null;
            }
            int armEnd = next(code, then + 1, ARM_ENDS, false);
            if (armEnd < 0 || code.get(armEnd).isWord("WHEN")) {
                return null;
            }
            arms.add(new Arm(code.subList(conditionStart, then), code.subList(then + 1, armEnd)));
            Token ends = code.get(armEnd);
            if (ends.isAnyWord("ELSIF", "ELSEIF")) {
                conditionStart = armEnd + 1;
                continue;
            }
            int endIf = armEnd;
            if (ends.isWord("ELSE")) {
                endIf = next(code, armEnd + 1, ARM_ENDS, false);
                if (endIf < 0 || !code.get(endIf).isWord("END")) {
                    return null;
                }
                arms.add(new Arm(null, code.subList(armEnd + 1, endIf)));
            }
            if (endIf + 1 >= code.size() || !code.get(endIf + 1).isWord("IF")) {
                return null;
            }
            int end = endIf + 2;
            end += end < code.size() && StatementEnd.isSeparator(code.get(end)) ? 1 : 0;
            List<Token> taken = chosen(arms, true);
            return taken == null ? null : new Decision(taken, end);
        }
    }

    /**
     * {@code CASE [operand] WHEN .. THEN .. [ELSE ..] END [CASE]} at {@code at}, when its conditions are decided and
     * the arm it gives can stand in its place: one token, or texts joined with {@code ||} where the CASE is joined too.
     */
    private Decision decideCase(List<Token> code, int at) {
        if (at > 0 && code.get(at - 1).isWord("END")) {
            return null; // the END CASE of a CASE statement left as written
        }
        int firstWhen = next(code, at + 1, Set.of("WHEN"), true);
        if (firstWhen < 0 || !code.get(firstWhen).isWord("WHEN")) {
            return null;
        }
        List<Token> operand = code.subList(at + 1, firstWhen);
        List<Arm> arms = new ArrayList<>();
        int when = firstWhen;
        while (code.get(when).isWord("WHEN")) {
            int then = next(code, when + 1, THEN, true);
            if (then < 0) {
                return null;
            }
            int armEnd = next(code, then + 1, ARM_ENDS, false);
            if (armEnd < 0 || !code.get(armEnd).isAnyWord("WHEN", "ELSE", "END")) {
                return null;
            }
            List<Token> value = code.subList(when + 1, then);
            List<Token> condition = operand.isEmpty() ? value : compared(operand, value);
            if (condition == null) {
                return null;
            }
            arms.add(new Arm(condition, code.subList(then + 1, armEnd)));
            when = armEnd;
        }
        int end = when;
        if (code.get(when).isWord("ELSE")) {
            end = next(code, when + 1, ARM_ENDS, false);
            if (end < 0 || !code.get(end).isWord("END")) {
                return null;
            }
            arms.add(new Arm(null, code.subList(when + 1, end)));
        }
        boolean statement = end + 1 < code.size() && code.get(end + 1).isWord("CASE");
        end += statement ? 2 : 1;
        if (statement) {
            end += end < code.size() && StatementEnd.isSeparator(code.get(end)) ? 1 : 0;
        }
        List<Token> taken = chosen(arms, statement);
        if (taken == null || !statement && !standsInPlace(taken, code, at, end)) {
            return null;
        }
        return new Decision(taken, end);
    }

    /** The body of the first arm whose condition holds, given every one before it fails; null if one is undecided. */
    private List<Token> chosen(List<Arm> arms, boolean noArmRunsNothing) {
        for (Arm arm : arms) {
            LiteralCondition.Truth truth = arm.condition() == null ? LiteralCondition.Truth.TRUE
                    : LiteralCondition.truth(arm.condition(), fixed);
            if (truth == LiteralCondition.Truth.UNDECIDED) {
                return null;
            }
            if (truth == LiteralCondition.Truth.TRUE) {
                return arm.body();
            }
        }
        return noArmRunsNothing ? List.of() : null; // a CASE expression without a match gives NULL
    }

    /** An expression that can replace the CASE from {@code at} to {@code end} without regrouping what is around it. */
    private static boolean standsInPlace(List<Token> value, List<Token> code, int at, int end) {
        boolean operandNext = true;
        for (int i = 0; i < value.size(); i++) {
            Token token = value.get(i);
            if (!operandNext) {
                if (!token.isSymbol("||")) {
                    return false;
                }
            } else if (token.isSymbol("(") || token.type() == TokenType.WORD && i + 1 < value.size()
                    && value.get(i + 1).isSymbol("(")) {
                i = TopLevel.closingParenthesis(value, token.isSymbol("(") ? i : i + 1);
                if (i < 0) {
                    return false;
                }
            } else if (token.type() != TokenType.STRING && token.type() != TokenType.NUMBER
                    && token.type() != TokenType.WORD) {
                return false;
            }
            operandNext = !operandNext;
        }
        if (value.size() == 1) {
            return true;
        }
        Token before = at > 0 ? code.get(at - 1) : null;
        Token after = end < code.size() ? code.get(end) : null;
        return !operandNext && (before == null || before.isSymbol("||") || before.isSymbol(":=")
                || before.isSymbol("=") || before.isSymbol("(") || before.isSymbol(","))
                && (after == null || after.isSymbol("||") || after.isSymbol(")") || after.isSymbol(",")
                        || StatementEnd.isSeparator(after));
    }

    /** The words that mark where a condition or an arm of an IF or CASE ends. */
    private static final Set<String> STRUCTURE = Set.of("THEN", "WHEN", "ELSE", "ELSIF", "ELSEIF", "END");
    private static final Set<String> THEN = Set.of("THEN");
    private static final Set<String> ARM_ENDS = Set.of("WHEN", "ELSE", "ELSIF", "ELSEIF", "END");

    /**
     * The index of the first token from {@code from} that, outside parentheses and nested IF, CASE, BEGIN and LOOP
     * blocks, is one of {@code targets}; -1 when the text ends first, another word of an IF's or CASE's structure
     * comes first, or a condition ({@code condition}) runs into a statement's end or a BEGIN.
     */
    private static int next(List<Token> code, int from, Set<String> targets, boolean condition) {
        Deque<String> open = new ArrayDeque<>();
        for (int i = from; i < code.size(); i++) {
            Token token = code.get(i);
            if (condition && (StatementEnd.isSeparator(token) || token.isWord("BEGIN"))) {
                return -1;
            }
            Token following = i + 1 < code.size() ? code.get(i + 1) : null;
            if (token.isSymbol("(")) {
                open.push("(");
            } else if (token.isSymbol(")")) {
                if (open.isEmpty() || !"(".equals(open.pop())) {
                    return -1;
                }
            } else if (token.isWord("END") && !open.isEmpty()) {
                boolean named = following != null && following.isAnyWord("IF", "CASE", "LOOP");
                String closes = named ? following.upper() : open.peek();
                if (following != null && following.isAnyWord("WHILE", "REPEAT", "FOR")) {
                    i++; // MySQL's WHILE .. DO and REPEAT open nothing counted here
                    continue;
                }
                if (!open.pop().equals(closes) || "(".equals(closes)) {
                    return -1;
                }
                i += named ? 1 : 0;
            } else if (open.isEmpty() && token.type() == TokenType.WORD && STRUCTURE.contains(token.upper())) {
                return targets.contains(token.upper()) ? i : -1;
            } else if (token.isWord("IF") && startsStatement(code, i)) {
                open.push("IF");
            } else if (token.isAnyWord("CASE", "BEGIN", "LOOP")) {
                open.push(token.upper());
            }
        }
        return -1;
    }

    private static boolean startsStatement(List<Token> code, int at) {
        if (at == 0) {
            return true;
        }
        Token before = code.get(at - 1);
        return StatementEnd.isSeparator(before) || before.isAnyWord("THEN", "ELSE", "BEGIN", "LOOP", "DO");
    }

    /** {@code operand = value} as a condition, for a simple CASE; null when either side is more than one token. */
    private static List<Token> compared(List<Token> operand, List<Token> value) {
        if (operand.size() != 1 || value.size() != 1) {
            return null;
        }
        Token equals = new Token(TokenType.SYMBOL, "=", value.get(0).offset(), value.get(0).line(),
                value.get(0).column());
        return List.of(operand.get(0), equals, value.get(0));
    }

    /**
     * The lower-case names {@code code} assigns: before {@code :=}, or {@code =} at a statement's start, after
     * {@code INTO}, {@code SET} or {@code FOR}, or as a cursor's {@code FETCH} target.
     */
    private static Set<String> assignedIn(List<Token> code) {
        Set<String> assigned = new HashSet<>();
        for (int i = 0; i < code.size(); i++) {
            Token token = code.get(i);
            if (token.type() != TokenType.WORD) {
                continue;
            }
            Token after = i + 1 < code.size() ? code.get(i + 1) : null;
            Token before = i > 0 ? code.get(i - 1) : null;
            boolean assigns = after != null && (after.isSymbol(":=") || after.isSymbol("=") && startsStatement(code, i))
                    || before != null && (before.isAnyWord("INTO", "SET", "FOR") || inIntoList(code, i));
            if (assigns) {
                assigned.add(token.text().toLowerCase(Locale.ROOT));
            }
        }
        return assigned;
    }

    /** True when the name at {@code at} follows others in the target list of an INTO ({@code INTO a, b}). */
    private static boolean inIntoList(List<Token> code, int at) {
        int i = at - 1;
        while (i >= 1 && code.get(i).isSymbol(",") && code.get(i - 1).type() == TokenType.WORD) {
            i -= 2;
            if (i >= 0 && code.get(i).isWord("INTO")) {
                return true;
            }
        }
        return false;
    }
}
