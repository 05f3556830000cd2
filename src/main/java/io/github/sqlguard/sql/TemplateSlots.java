package io.github.sqlguard.sql;

import io.github.sqlguard.model.LineIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Dynamic SQL written as a template whose slots {@code REPLACE(..)} fills: T-SQL's {@code SET @sql =
 * REPLACE(@sql, N'{t}', N'Orders')}, and the same call in PL/pgSQL, PL/SQL and MySQL. The call's text is known as
 * far as its template is: each occurrence of the searched literal in a literal of the template is cut out, and
 * the value put in its place, a literal as it is written or anything else as a stand-in built at run time (the
 * statement keeps its shape, as {@code N'DROP DATABASE [' + @db + N']'} does). A searched text that is not a
 * literal may cut anything anywhere, so such a call is not read at all.
 *
 * <p>What is left of a template literal stays located where it is written, so a finding points at the
 * {@code DELETE} of the template; a literal put into a slot is located at the call's argument.
 */
final class TemplateSlots {

    private TemplateSlots() {
    }

    /**
     * What {@code REPLACE(template, 'slot', value)}, the whole of {@code expression}, makes, or null when the
     * expression is no such call or its template or slot is not known.
     *
     * @param use where the call is made: variables count with the text they hold there
     */
    static VariableAssignments.Value filled(List<Token> expression, List<Token> scope, Map<String, Token> arguments,
            Token use) {
        List<List<Token>> operands = callArguments(expression);
        if (operands == null || operands.size() != 3 || operands.get(1).size() != 1) {
            return null;
        }
        Token slot = operands.get(1).get(0);
        if (slot.type() != TokenType.STRING || slot.text().startsWith("$") || slot.stringValue().isEmpty()) {
            return null;
        }
        VariableAssignments.Value template = template(operands.get(0), scope, arguments, use);
        if (template == null || template.parts().isEmpty()) {
            return null;
        }
        List<Token> value = value(operands.get(2), scope, arguments, use,
                (int) template.parts().stream().filter(StandIns::is).count());
        List<Token> parts = new ArrayList<>();
        for (Token part : template.parts()) {
            if (part.type() != TokenType.STRING) {
                parts.add(part); // a part built at run time may hold the slot or not: it stays as it is
                continue;
            }
            List<Token> pieces = pieces(part, slot.stringValue());
            for (int p = 0; p < pieces.size(); p++) {
                if (p > 0) {
                    parts.addAll(value);
                }
                if (pieces.get(p) != null) {
                    parts.add(pieces.get(p));
                }
            }
        }
        return new VariableAssignments.Value(parts, template.partlyBuilt() || StandIns.leaveShapeOpen(parts));
    }

    /** The text the template argument holds: a literal, a variable's text, or another such call. */
    private static VariableAssignments.Value template(List<Token> operand, List<Token> scope,
            Map<String, Token> arguments, Token use) {
        VariableAssignments.Value nested = filled(operand, scope, arguments, use);
        if (nested != null) {
            return nested;
        }
        if (operand.size() == 1 && operand.get(0).type() == TokenType.WORD) {
            VariableAssignments.Value held = VariableAssignments.straightLineValue(scope, arguments, operand.get(0),
                    use);
            return held.asOneLiteral() != null ? new VariableAssignments.Value(List.of(held.asOneLiteral()), false)
                    : onlyTextAndStandIns(held.parts()) ? held : null;
        }
        List<Token> parts = TextParts.partsWithStandIns(VariableOperands.substituted(operand, scope, arguments, use),
                0);
        return parts.isEmpty() ? null : new VariableAssignments.Value(parts, StandIns.leaveShapeOpen(parts));
    }

    /**
     * What takes the slot's place: the value's literal, the literals of a variable known to hold only them, or a
     * stand-in numbered after the template's own.
     */
    private static List<Token> value(List<Token> operand, List<Token> scope, Map<String, Token> arguments,
            Token use, int standInsBefore) {
        if (operand.size() == 1 && operand.get(0).type() == TokenType.STRING) {
            return operand;
        }
        if (operand.size() == 1 && operand.get(0).type() == TokenType.WORD) {
            List<Token> held = VariableAssignments.straightLineValue(scope, arguments, operand.get(0), use).parts();
            if (!held.isEmpty() && held.stream().allMatch(part -> part.type() == TokenType.STRING)) {
                return held;
            }
        }
        return List.of(StandIns.forOperand(operand, standInsBefore + 1));
    }

    private static boolean onlyTextAndStandIns(List<Token> parts) {
        return !parts.isEmpty() && parts.stream().allMatch(part -> part.type() == TokenType.STRING || StandIns.is(part));
    }

    /** The arguments of {@code REPLACE(..)} when it is the whole of {@code expression}; else null. */
    private static List<List<Token>> callArguments(List<Token> expression) {
        List<Token> call = TopLevel.withoutEnclosingParentheses(expression);
        if (call.size() < 4 || !call.get(0).isWord("REPLACE") || !call.get(1).isSymbol("(")
                || TopLevel.closingParenthesis(call, 1) != call.size() - 1) {
            return null;
        }
        List<List<Token>> operands = new ArrayList<>();
        int depth = 0;
        int start = 2;
        for (int i = 2; i < call.size() - 1; i++) {
            Token token = call.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && token.isSymbol(",")) {
                operands.add(call.subList(start, i));
                start = i + 1;
            }
        }
        operands.add(call.subList(start, call.size() - 1));
        return operands.stream().anyMatch(List::isEmpty) ? null : operands;
    }

    /**
     * {@code literal} cut at each occurrence of {@code slot}: one more piece than occurrences, each a literal
     * written as the original is and located where its text stands in the file, or null where a piece is empty.
     */
    private static List<Token> pieces(Token literal, String slot) {
        String text = literal.text();
        int innerStart;
        int innerEnd;
        String written = slot;
        if (text.startsWith("$")) {
            int tag = text.indexOf('$', 1) + 1;
            innerStart = tag;
            innerEnd = text.length() - tag;
        } else {
            char quote = text.startsWith("\"") ? '"' : '\'';
            int open = text.indexOf(quote);
            String prefix = text.substring(0, open);
            boolean delimited = prefix.equalsIgnoreCase("q") || prefix.equalsIgnoreCase("nq");
            innerStart = open + (delimited ? 2 : 1);
            innerEnd = text.length() - (delimited ? 2 : 1);
            if (!delimited) {
                // Written inside the literal, a quote of the slot is doubled.
                written = slot.replace(String.valueOf(quote), String.valueOf(quote) + quote);
            }
        }
        List<Token> pieces = new ArrayList<>();
        int from = innerStart;
        int found = innerEnd > innerStart ? text.indexOf(written, innerStart) : -1;
        while (found >= 0 && found + written.length() <= innerEnd) {
            pieces.add(piece(literal, innerStart, innerEnd, from, found));
            from = found + written.length();
            found = text.indexOf(written, from);
        }
        if (pieces.isEmpty()) {
            return List.of(literal);
        }
        pieces.add(piece(literal, innerStart, innerEnd, from, innerEnd));
        return pieces;
    }

    /** The literal holding the text from {@code from} to {@code to} of {@code literal}, or null when empty. */
    private static Token piece(Token literal, int innerStart, int innerEnd, int from, int to) {
        if (to <= from) {
            return null;
        }
        String text = literal.text();
        // Located so that its own text, quotes included, lines up with the file where the piece stands.
        int shift = from - innerStart;
        LineIndex.Position at = LineIndex.advance(literal.line(), literal.column(), text, 0, shift);
        return new Token(TokenType.STRING, text.substring(0, innerStart) + text.substring(from, to)
                + text.substring(innerEnd), literal.offset() + shift, at.line(), at.column());
    }
}
