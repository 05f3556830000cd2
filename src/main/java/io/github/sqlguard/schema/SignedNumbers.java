package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;
import java.util.Optional;

/**
 * A number written alone or after a minus sign, as the replay reads literal bounds, identity seeds and keys: the
 * lexer keeps the sign a token of its own.
 */
final class SignedNumbers {

    private SignedNumbers() {
    }

    /** How many tokens the number at {@code at} takes: 2 after a minus sign, 1 alone, 0 when none stands there. */
    static int length(List<Token> tokens, int at) {
        boolean negative = at < tokens.size() && tokens.get(at).isSymbol("-");
        int digits = negative ? at + 1 : at;
        return digits < tokens.size() && tokens.get(digits).type() == TokenType.NUMBER ? digits - at + 1 : 0;
    }

    /** The value of {@code tokens} when they are exactly such a number. */
    static Optional<Double> value(List<Token> tokens) {
        if (tokens.isEmpty() || length(tokens, 0) != tokens.size()) {
            return Optional.empty();
        }
        try {
            double value = Double.parseDouble(tokens.get(tokens.size() - 1).text());
            return Optional.of(tokens.size() == 2 ? -value : value);
        } catch (NumberFormatException notDecimal) {
            return Optional.empty();
        }
    }

    /** The value of {@code tokens} when they are exactly such a number and it has no fraction or exponent. */
    static Optional<Long> whole(List<Token> tokens) {
        if (tokens.isEmpty() || length(tokens, 0) != tokens.size()) {
            return Optional.empty();
        }
        try {
            long value = Long.parseLong(tokens.get(tokens.size() - 1).text());
            return Optional.of(tokens.size() == 2 ? -value : value);
        } catch (NumberFormatException notWhole) {
            return Optional.empty();
        }
    }
}
