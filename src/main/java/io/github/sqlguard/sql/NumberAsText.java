package io.github.sqlguard.sql;

import java.util.List;

/**
 * A variable that can hold only a number ({@link NumericVariables}), turned into text by a conversion call so that
 * it can be joined into dynamic SQL: T-SQL refuses {@code N'..' + @n} for a number and must write
 * {@code N'ALTER SEQUENCE s RESTART WITH ' + CAST(@n AS NVARCHAR(20))} (or {@code CONVERT(NVARCHAR(20), @n)},
 * {@code STR(@n)}), and PL/SQL writes {@code TO_CHAR(n)}. The text is a number's digits whatever the variable holds,
 * so the call joins the statement as one value, as the variable itself does where the dialect converts on its own.
 */
final class NumberAsText {

    private static final String[] CONVERSIONS = {"CAST", "TRY_CAST", "CONVERT", "TRY_CONVERT", "STR", "TO_CHAR",
        "TO_NCHAR"};

    private NumberAsText() {
    }

    /**
     * The index of the {@code )} that closes the conversion call starting at {@code at} in {@code tokens} when its
     * converted value is a variable that holds only numbers in {@code scope}; -1 when there is no such call.
     */
    static int callEnd(List<Token> tokens, int at, List<Token> scope) {
        Token name = tokens.get(at);
        if (!name.isAnyWord(CONVERSIONS) || at + 1 >= tokens.size() || !tokens.get(at + 1).isSymbol("(")) {
            return -1;
        }
        int close = TopLevel.closingParenthesis(tokens, at + 1);
        if (close < 0) {
            return -1;
        }
        List<List<Token>> arguments = DynamicSql.arguments(tokens.subList(at + 2, close));
        List<Token> value = convertedValue(name, arguments);
        boolean numeric = value != null && value.size() == 1 && value.get(0).type() == TokenType.WORD
                && NumericVariables.holdsOnlyNumbers(scope, value.get(0));
        return numeric ? close : -1;
    }

    /** The argument a conversion call converts ({@code CAST(v AS t)}, {@code CONVERT(t, v)}), or null. */
    private static List<Token> convertedValue(Token name, List<List<Token>> arguments) {
        if (arguments.isEmpty()) {
            return null;
        }
        if (name.isAnyWord("CAST", "TRY_CAST") && arguments.size() == 1) {
            List<Token> argument = arguments.get(0);
            return argument.size() > 2 && argument.get(1).isWord("AS") ? argument.subList(0, 1) : null;
        }
        if (name.isAnyWord("CONVERT", "TRY_CONVERT") && arguments.size() >= 2) {
            return arguments.get(1); // T-SQL: CONVERT(type, value [, style])
        }
        if (name.isWord("STR")) {
            return arguments.get(0); // STR(n, length, decimals) only pads or rounds the digits
        }
        // TO_CHAR's format model may add the session's currency text (L, C, U), so only the plain call counts.
        return name.isAnyWord("TO_CHAR", "TO_NCHAR") && arguments.size() == 1 ? arguments.get(0) : null;
    }
}
