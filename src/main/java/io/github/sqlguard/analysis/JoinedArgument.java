package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.StandIns;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text a routine's body passes on to another routine, when the literals of its own call make it known: MySQL
 * helpers wrap the one that prepares SQL ({@code CALL run_sql(CONCAT('alter table ', database(), '.', p_table,
 * ' add column ', p_column))} inside {@code add_column(p_table, p_column)}), and a call of the outer one with
 * literals tells what the inner one runs. An operand is a literal, a parameter of the calling body that its call
 * gave a literal, or MySQL's current database before a dot, which names the schema the migration runs in and is
 * kept as a stand-in for one name.
 */
final class JoinedArgument {

    private JoinedArgument() {
    }

    /**
     * {@code argument} as one string literal, at its place in the file, or null when a part of it is not known:
     * a parameter of the caller ({@code p_table}), or {@code CONCAT(..)} of known parts.
     *
     * @param callerArguments the literals the body that makes this call was called with, by lower-case name
     */
    static Token of(List<Token> argument, Map<String, Token> callerArguments) {
        if (argument.isEmpty() || callerArguments.isEmpty()) {
            return null;
        }
        if (argument.size() == 1) {
            return argument.get(0).type() == TokenType.WORD
                    ? callerArguments.get(argument.get(0).text().toLowerCase(Locale.ROOT)) : null;
        }
        boolean concat = argument.size() > 3 && argument.get(0).isWord("CONCAT") && argument.get(1).isSymbol("(")
                && argument.get(argument.size() - 1).isSymbol(")");
        if (!concat) {
            return null;
        }
        List<List<Token>> operands = operands(argument.subList(2, argument.size() - 1));
        StringBuilder joined = new StringBuilder();
        int standIns = 0;
        for (int i = 0; i < operands.size(); i++) {
            List<Token> operand = operands.get(i);
            String value = valueOf(operand, callerArguments);
            if (value == null && isCurrentDatabase(operand) && i + 1 < operands.size()) {
                String next = valueOf(operands.get(i + 1), callerArguments);
                value = next != null && next.startsWith(".") ? StandIns.quotedWord(++standIns) : null;
            }
            if (value == null) {
                return null;
            }
            joined.append(value);
        }
        return LiteralArgument.literalAt(joined.toString(), argument.get(0));
    }

    /** The text of one operand: a literal's value, or the literal the caller passed for a parameter; else null. */
    private static String valueOf(List<Token> operand, Map<String, Token> callerArguments) {
        if (operand.size() != 1) {
            return null;
        }
        Token token = operand.get(0);
        if (token.type() == TokenType.NUMBER) {
            return token.text();
        }
        Token passed = token.type() == TokenType.WORD
                ? callerArguments.get(token.text().toLowerCase(Locale.ROOT)) : token;
        return passed == null || passed.type() != TokenType.STRING ? null : textOf(passed);
    }

    /** A literal's text; MySQL's {@code "processor_task"} is a string too, without its quotes. */
    private static String textOf(Token literal) {
        String text = literal.text();
        return text.length() > 1 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1).replace("\"\"", "\"") : literal.stringValue();
    }

    /** MySQL's {@code DATABASE()} or {@code SCHEMA()}. */
    private static boolean isCurrentDatabase(List<Token> operand) {
        return operand.size() == 3 && operand.get(0).isAnyWord("DATABASE", "SCHEMA")
                && operand.get(1).isSymbol("(") && operand.get(2).isSymbol(")");
    }

    /** The comma-separated operands of a call's parentheses, or an empty list when a parenthesis does not close. */
    private static List<List<Token>> operands(List<Token> inside) {
        List<List<Token>> operands = new ArrayList<>();
        List<Token> operand = new ArrayList<>();
        int depth = 0;
        for (Token token : inside) {
            if (depth == 0 && token.isSymbol(",")) {
                operands.add(operand);
                operand = new ArrayList<>();
                continue;
            }
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            operand.add(token);
        }
        operands.add(operand);
        return depth == 0 ? operands : List.of();
    }
}
