package io.github.sqlguard.sql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Variables joined with other parts into the SQL a statement runs: Oracle {@code v_stmt := 'DROP TABLE '; EXECUTE
 * IMMEDIATE v_stmt || v_name}, MySQL {@code SET @t = 'orders'; PREPARE st FROM CONCAT('DELETE FROM ', @t)}, T-SQL
 * {@code EXEC (@verb + @table)}, PostgreSQL {@code EXECUTE format('DELETE FROM t %s', v_where)}. An operand of
 * {@code ||}, {@code +}, {@code CONCAT(..)} or {@code format(..)} whose text the script
 * shows (see {@link VariableAssignments#straightLineValue}) is read as that text, so the statement is checked for
 * what it does and its findings name what it names; a variable that can only hold a number stands in as one
 * value ({@link NumericVariables}), and so does its conversion to text ({@link NumberAsText}) and a T-SQL variable
 * holding a name read from the catalogue ({@link CatalogueNames}); any other operand
 * stays a stand-in built at run time.
 */
final class VariableOperands {

    private VariableOperands() {
    }

    /**
     * {@code tokens} with each variable operand of a join whose text is known in {@code scope} replaced by that
     * text's parts joined with {@code ||}; {@code tokens} itself when there is none.
     *
     * @param use where the join is made: the statement that runs it, or the variable an assignment of it sets
     *     (only assignments strictly before it count, so a variable joined into its own text ends the search)
     * @param arguments the literals a call passes for the routine's parameters, by lower-case name (see
     *     {@link VariableAssignments})
     */
    static List<Token> substituted(List<Token> tokens, List<Token> scope, Map<String, Token> arguments, Token use) {
        return substituted(tokens, scope, arguments, Set.of(), use);
    }

    /**
     * {@link #substituted(List, List, Map, Token)}, where each of {@code nameParameters} (lower case), parameters of
     * the routine that hold one object's name ({@link NameParameters}), stands in as one name.
     */
    static List<Token> substituted(List<Token> tokens, List<Token> scope, Map<String, Token> arguments,
            Set<String> nameParameters, Token use) {
        List<Token> result = null;
        Deque<Boolean> concatArguments = new ArrayDeque<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            boolean inConcat = Boolean.TRUE.equals(concatArguments.peek());
            int conversionEnd = NumberAsText.callEnd(tokens, i, scope);
            if (conversionEnd > 0 && isOperand(tokens, i, conversionEnd, inConcat)) {
                if (result == null) {
                    result = new ArrayList<>(tokens.subList(0, i));
                }
                result.add(StandIns.quoted(0, token.offset(), token.line(), token.column()));
                i = conversionEnd;
                continue;
            }
            int textCallEnd = TextFunctions.callEnd(tokens, i);
            boolean wholeExpression = i == 0 && textCallEnd == tokens.size() - 1;
            if (textCallEnd > 0 && (wholeExpression || isOperand(tokens, i, textCallEnd, inConcat))) {
                // LOWER(p_schema) || '.' || LOWER(p_name): a known text written another way is known as well.
                String text = calledText(tokens, i, scope, arguments, use);
                if (text != null) {
                    if (result == null) {
                        result = new ArrayList<>(tokens.subList(0, i));
                    }
                    result.add(new Token(TokenType.STRING, "'" + text.replace("'", "''") + "'", token.offset(),
                            token.line(), token.column()));
                    i = textCallEnd;
                    continue;
                }
            }
            int replaceEnd = token.isWord("REPLACE") && i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(")
                    ? TopLevel.closingParenthesis(tokens, i + 1) : -1;
            if (replaceEnd > 0 && (isOperand(tokens, i, replaceEnd, inConcat) || isRunWhole(tokens, i, replaceEnd))) {
                // EXEC (REPLACE(@sql, N'{t}', N'orders')): the template with its slot filled
                VariableAssignments.Value filled = TemplateSlots.filled(tokens.subList(i, replaceEnd + 1), scope,
                        arguments, use);
                if (filled != null) {
                    if (result == null) {
                        result = new ArrayList<>(tokens.subList(0, i));
                    }
                    for (int p = 0; p < filled.parts().size(); p++) {
                        if (p > 0) {
                            result.add(new Token(TokenType.SYMBOL, "||", token.offset(), token.line(), token.column()));
                        }
                        result.add(filled.parts().get(p));
                    }
                    i = replaceEnd;
                    continue;
                }
            }
            boolean called = i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(");
            boolean operand = token.type() == TokenType.WORD && !called && isOperand(tokens, i, i, inConcat);
            List<Token> parts = operand
                    ? knownParts(VariableAssignments.straightLineValue(scope, arguments, token, use)) : List.of();
            // A T-SQL local variable lives for its batch: a namesake declared after another GO is another variable.
            List<Token> batch = operand && parts.isEmpty() && token.text().startsWith("@")
                    ? GoBatches.around(scope, token) : scope;
            if (operand && parts.isEmpty() && (NumericVariables.holdsOnlyNumbers(batch, token)
                    || CatalogueNames.holdsOneName(batch, token) || NameParameters.declaredInScope(batch, token)
                    || nameParameters.contains(token.text().toLowerCase(Locale.ROOT)))) {
                // Numbered where the text is read; marked here as one value, which no clause can hide in.
                parts = List.of(StandIns.quoted(0, token.offset(), token.line(), token.column()));
            }
            if (!parts.isEmpty() && result == null) {
                result = new ArrayList<>(tokens.subList(0, i));
            }
            if (!parts.isEmpty()) {
                for (int p = 0; p < parts.size(); p++) {
                    if (p > 0) {
                        result.add(new Token(TokenType.SYMBOL, "||", token.offset(), token.line(), token.column()));
                    }
                    result.add(parts.get(p));
                }
            } else if (result != null) {
                result.add(token);
            }
            if (token.isSymbol("(")) {
                // PostgreSQL's format(..) fills its slots from whole arguments, as CONCAT joins them.
                concatArguments.push(i > 0 && tokens.get(i - 1).isAnyWord("CONCAT", "FORMAT"));
            } else if (token.isSymbol(")") && !concatArguments.isEmpty()) {
                concatArguments.pop();
            }
        }
        return result == null ? tokens : result;
    }

    /**
     * True when the operand from {@code at} to {@code end} (a variable, or a call around one) is joined by {@code ||}
     * or {@code +}, or is a whole argument of the {@code CONCAT(..)} or {@code format(..)} around it; not a qualified
     * name or a part of one.
     */
    private static boolean isOperand(List<Token> tokens, int at, int end, boolean inConcat) {
        Token previous = at > 0 ? tokens.get(at - 1) : null;
        Token next = end + 1 < tokens.size() ? tokens.get(end + 1) : null;
        // The first operand of an assigned expression has nothing before it: @schema + '.' + @name.
        if (previous != null && previous.isSymbol(".")
                || next != null && (next.isSymbol(".") || next.isSymbol("%"))) {
            return false;
        }
        boolean joined = previous != null && isJoin(previous) || next != null && isJoin(next);
        boolean argument = inConcat && previous != null && (previous.isSymbol(",") || previous.isSymbol("("))
                && next != null && (next.isSymbol(",") || next.isSymbol(")"));
        return joined || argument;
    }

    /**
     * True when the call from {@code at} to {@code end} is the whole text a statement runs: {@code EXEC (call)},
     * {@code EXECUTE IMMEDIATE call [USING ..]}, PL/pgSQL's {@code EXECUTE call [INTO ..]}, {@code PREPARE st FROM
     * call}.
     */
    private static boolean isRunWhole(List<Token> tokens, int at, int end) {
        Token previous = at > 0 ? tokens.get(at - 1) : null;
        Token next = end + 1 < tokens.size() ? tokens.get(end + 1) : null;
        if (previous != null && previous.isSymbol("(")) {
            return at == 2 && tokens.get(0).isAnyWord("EXEC", "EXECUTE") && next != null && next.isSymbol(")")
                    && end + 2 == tokens.size();
        }
        boolean runs = at == 1 && previous.isWord("EXECUTE") || at == 2 && previous.isWord("IMMEDIATE")
                || at == 3 && previous.isWord("FROM") && tokens.get(0).isWord("PREPARE");
        return runs && (next == null || next.isAnyWord("INTO", "USING", "RETURNING", "BULK"));
    }

    /** What the call of {@link TextFunctions} at {@code at} makes when its argument is known; else null. */
    private static String calledText(List<Token> tokens, int at, List<Token> scope, Map<String, Token> arguments,
            Token use) {
        String text = TextFunctions.callEnd(tokens, at + 2) > 0 ? calledText(tokens, at + 2, scope, arguments, use)
                : oneText(tokens.get(at + 2), scope, arguments, use);
        return text == null ? null : TextFunctions.applied(tokens.get(at), text);
    }

    /** The text of a literal, or of a variable known to hold one literal where {@code use} stands; else null. */
    private static String oneText(Token value, List<Token> scope, Map<String, Token> arguments, Token use) {
        if (value.type() == TokenType.STRING) {
            return value.stringValue();
        }
        List<Token> parts = knownParts(VariableAssignments.straightLineValue(scope, arguments, value, use));
        return parts.size() == 1 && parts.get(0).type() == TokenType.STRING ? parts.get(0).stringValue() : null;
    }

    private static boolean isJoin(Token token) {
        return token.isSymbol("||") || token.isSymbol("+");
    }

    /**
     * The parts of {@code value} that can stand in a join: literals and stand-ins for what is built at run time;
     * empty when nothing is known or the value is more than one text (the branches of a condition) or holds a
     * format call's filled-in slots, which only read right in their own statement (unless every slot is filled in).
     */
    private static List<Token> knownParts(VariableAssignments.Value value) {
        if (value.asOneLiteral() != null) {
            return List.of(value.asOneLiteral());
        }
        for (Token part : value.parts()) {
            boolean literal = part.type() == TokenType.STRING;
            if (!literal && !StandIns.is(part)) {
                return List.of();
            }
        }
        return value.parts();
    }
}
