package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.List;

/**
 * The operands of a condition as {@link TokenConditionTruth} reads them from tokens: a number, a quoted text, a
 * column, a call of a function that returns the same for the same arguments, each maybe cast with PostgreSQL's
 * {@code ::type}; and rows of them ({@code (a, b)}). Anything else is no operand, and leaves its term undecided.
 */
final class TokenOperands {

    /** An operand and the index of the token just after it. */
    record OperandAt(Comparison.Operand operand, int next) {
    }

    private final StatementTokens tokens;
    /** The one table the condition reads, whose columns a bare name and a qualified one both name. */
    private final SoleTableColumns scope;

    TokenOperands(StatementTokens tokens, SoleTableColumns scope) {
        this.tokens = tokens;
        this.scope = scope;
    }

    /** The literals and columns of a row, separated by commas in {@code [from, to)}; null for anything else. */
    List<Comparison.Operand> row(int from, int to) {
        List<Comparison.Operand> values = new ArrayList<>();
        int start = from;
        while (start < to) {
            OperandAt value = at(start);
            if (value == null || value.next() > to || value.next() < to && !tokens.isSymbol(value.next(), ",")) {
                return null;
            }
            values.add(value.operand());
            start = value.next() + 1;
        }
        return values.isEmpty() || tokens.isSymbol(to - 1, ",") ? null : values;
    }

    /** The operand that starts at token {@code index}, with where it ends; null where none does. */
    OperandAt at(int index) {
        OperandAt operand = uncastAt(index);
        while (operand != null && tokens.isSymbol(operand.next(), "::")) {
            int typeEnd = PostgresCastTypes.end(tokens, operand.next() + 1);
            if (typeEnd < 0) {
                return null;
            }
            StringBuilder type = new StringBuilder();
            tokens.tokens().subList(operand.next() + 1, typeEnd).forEach(part -> type.append(part.text()).append(' '));
            Comparison.Operand cast = Comparison.cast(operand.operand(), type.toString());
            operand = new OperandAt(cast, typeEnd);
        }
        return operand;
    }

    /**
     * The operand that starts at token {@code index} as it stands before a {@code ::} cast: {@code 't'} of
     * {@code 't'::boolean}.
     */
    OperandAt uncastAt(int index) {
        if (index >= tokens.size()) {
            return null;
        }
        Token token = tokens.tokens().get(index);
        if (token.type() == TokenType.NUMBER) {
            return new OperandAt(new Comparison.Operand(Comparison.Kind.NUMBER, token.text()), index + 1);
        }
        if (token.type() == TokenType.STRING && (token.text().startsWith("'") || token.text().startsWith("\""))) {
            String content = token.text().substring(1, token.text().length() - 1);
            return new OperandAt(new Comparison.Operand(Comparison.Kind.STRING, content), index + 1);
        }
        if (token.isAnyWord("TRUE", "FALSE", "NULL")) {
            return null;
        }
        ObjectNames.NameAt name = tokens.nameAt(index);
        if (name != null && tokens.isSymbol(name.next(), "(")) {
            int close = tokens.closingParen(name.next());
            // A call the statement ends inside (a damaged file, a cut script) is no operand.
            if (close >= tokens.size() || name.text().equalsIgnoreCase("EXISTS")) {
                return null;
            }
            StringBuilder text = new StringBuilder();
            tokens.tokens().subList(index, close + 1).forEach(part -> text.append(part.text()));
            Comparison.Operand call = Comparison.call(text.toString());
            return call == null ? null : new OperandAt(call, close + 1);
        }
        if (name == null) {
            return null;
        }
        return new OperandAt(new Comparison.Operand(Comparison.Kind.COLUMN, scope.key(name.text())), name.next());
    }
}
