package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The literals a call passes for the parameters of the routine it calls, by position: {@code CALL
 * drop_column('orders', 'note')} gives {@code tb} and {@code col} of {@code drop_column(IN tb VARCHAR(64), IN col
 * VARCHAR(64))} those texts, so that the SQL the body builds from them is known where the call runs it. Only
 * input parameters with a name and a single string or number as argument count; T-SQL's {@code @}-parameters,
 * named arguments, and a statement that calls the routine more than once give nothing.
 */
public final class CallArguments {

    private CallArguments() {
    }

    /**
     * The literal passed for each parameter, by its name in lower case; empty when none is known.
     *
     * @param definition the tokens of the statement that creates the routine
     * @param fromOffset where the routine's definition starts within them (a package member's own)
     * @param call the tokens of the calling statement
     * @param word the routine's normalized name without its package or schema
     */
    public static Map<String, Token> of(List<Token> definition, int fromOffset, List<Token> call, String word) {
        List<List<Token>> arguments = argumentsOf(call, word);
        List<List<Token>> parameters = parametersOf(definition, fromOffset);
        if (arguments == null || parameters == null || arguments.size() > parameters.size()) {
            return Map.of();
        }
        Map<String, Token> bound = new HashMap<>();
        for (int i = 0; i < arguments.size(); i++) {
            String name = inputName(parameters.get(i));
            if (name != null && name.startsWith("@")) {
                return Map.of();
            }
            Token literal = literal(arguments.get(i));
            if (name != null && literal != null) {
                bound.put(name.toLowerCase(Locale.ROOT), literal);
            }
        }
        return bound;
    }

    /** The argument list of the one call of {@code word} in {@code call}, or null. */
    private static List<List<Token>> argumentsOf(List<Token> call, String word) {
        List<List<Token>> found = null;
        for (int i = 0; i < call.size(); i++) {
            ObjectNames.NameAt name = ObjectNames.readName(call, i);
            if (name == null) {
                continue;
            }
            if (name.next() < call.size() && call.get(name.next()).isSymbol("(")
                    && RoutineNames.lastPart(name.text()).equals(word)) {
                if (found != null) {
                    return null; // two calls may pass different values
                }
                found = listAt(call, name.next());
            }
            i = name.next() - 1;
        }
        return found;
    }

    /** The parameter list after the routine's name, or null when it has none in parentheses. */
    private static List<List<Token>> parametersOf(List<Token> definition, int fromOffset) {
        for (int i = 0; i < definition.size(); i++) {
            Token token = definition.get(i);
            if (token.offset() < fromOffset || !token.isAnyWord("PROCEDURE", "FUNCTION")) {
                continue;
            }
            int at = i + 1;
            while (at < definition.size() && definition.get(at).isAnyWord("IF", "NOT", "EXISTS")) {
                at++;
            }
            ObjectNames.NameAt name = ObjectNames.readName(definition, at);
            return name == null || name.next() >= definition.size() || !definition.get(name.next()).isSymbol("(")
                    ? null : listAt(definition, name.next());
        }
        return null;
    }

    /** The comma-separated items of the parentheses opening at {@code open}, or null when they do not close. */
    private static List<List<Token>> listAt(List<Token> tokens, int open) {
        List<List<Token>> items = new ArrayList<>();
        List<Token> item = new ArrayList<>();
        int depth = 0;
        for (int i = open + 1; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (depth == 0 && (token.isSymbol(",") || token.isSymbol(")"))) {
                items.add(item);
                item = new ArrayList<>();
                if (token.isSymbol(")")) {
                    return items.size() == 1 && items.get(0).isEmpty() ? List.of() : items;
                }
                continue;
            }
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            item.add(token);
        }
        return null;
    }

    /**
     * The name of an input parameter ({@code IN tb VARCHAR(64)}, {@code p_table IN VARCHAR2}, {@code tab text}),
     * or null for an output one or one without a name ({@code text} alone).
     */
    private static String inputName(List<Token> parameter) {
        int at = 0;
        while (at < parameter.size() && parameter.get(at).isAnyWord("IN", "OUT", "INOUT", "VARIADIC")) {
            if (!parameter.get(at).isWord("IN")) {
                return null;
            }
            at++;
        }
        if (at + 1 >= parameter.size() || parameter.get(at).type() != TokenType.WORD) {
            return null;
        }
        for (int i = at + 1; i < parameter.size() && parameter.get(i).isAnyWord("IN", "OUT", "NOCOPY"); i++) {
            if (parameter.get(i).isWord("OUT")) {
                return null;
            }
        }
        return parameter.get(at).text();
    }

    /** The argument as a string literal when it is one quoted string or number, else null. */
    private static Token literal(List<Token> argument) {
        if (argument.size() != 1) {
            return null;
        }
        Token token = argument.get(0);
        // A dollar-quoted text is read again from the file at its offset, which is not where the body uses it.
        return token.type() == TokenType.STRING ? token.text().startsWith("$") ? null : token
                : token.type() == TokenType.NUMBER
                ? new Token(TokenType.STRING, "'" + token.text() + "'", token.offset(), token.line(), token.column())
                : null;
    }
}
