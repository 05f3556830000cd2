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
 * VARCHAR(64))} those texts, so that the SQL the body builds from them is known where the call runs it. T-SQL
 * lists a procedure's parameters without parentheses and passes its arguments so too, by position or by name:
 * {@code EXEC dbo.drop_column 'orders', 'note'} or {@code @col = 'note'} for {@code CREATE PROCEDURE dbo.drop_column
 * @tab sysname, @col sysname AS ..}. PostgreSQL and Oracle name an argument with {@code =>} (PostgreSQL also with
 * {@code :=}): {@code SELECT drop_column(tb => 'orders', col => 'note')}. Only input parameters with a name and a
 * single string or number as argument count; a statement that calls the routine more than once gives nothing.
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
        return of(definition, fromOffset, call, word, Map.of());
    }

    /**
     * As {@link #of(List, int, List, String)}, for a call made in a body that was itself called with the literals
     * {@code callerArguments} (by lower-case name): an argument built from those is known as well.
     */
    public static Map<String, Token> of(List<Token> definition, int fromOffset, List<Token> call, String word,
            Map<String, Token> callerArguments) {
        List<List<Token>> arguments = argumentsOf(call, word);
        List<List<Token>> parameters = parametersOf(definition, fromOffset);
        if (arguments == null || parameters == null || arguments.size() > parameters.size()) {
            return Map.of();
        }
        Map<String, Token> bound = new HashMap<>();
        boolean byName = false;
        for (int i = 0; i < arguments.size(); i++) {
            List<Token> argument = arguments.get(i);
            String name;
            if (isNamed(argument)) {
                // @col = 'note', col => 'note': once one argument is named, the rest are too.
                byName = true;
                name = namedParameter(parameters, argument.get(0).text());
                argument = argument.subList(2, argument.size());
            } else {
                name = byName ? null : inputName(parameters.get(i));
            }
            Token literal = literal(argument);
            if (literal == null) {
                literal = JoinedArgument.of(argument, callerArguments);
            }
            if (name != null && literal != null) {
                bound.put(name.toLowerCase(Locale.ROOT), literal);
            }
            if (!byName && name == null && literal != null && !isOutput(parameters.get(i))) {
                // PostgreSQL: a parameter declared without a name is read as $1, $2 .. by its position.
                bound.put("$" + (i + 1), literal);
            }
        }
        // A parameter the call leaves out takes its default, which the body then builds its SQL from as well.
        for (int i = byName ? parameters.size() : arguments.size(); i < parameters.size(); i++) {
            String name = inputName(parameters.get(i));
            Token literal = literal(defaultOf(parameters.get(i)));
            if (name != null && literal != null) {
                bound.put(name.toLowerCase(Locale.ROOT), literal);
            }
        }
        return bound;
    }

    /**
     * False when the one call of {@code word} in {@code call} passes a number of arguments that the routine
     * {@code definition} creates cannot take: more than it has parameters (none of them VARIADIC), or fewer than
     * those it has without a default. PostgreSQL and Oracle choose among overloads of one name so, and the call
     * then runs another of them. True whenever the call's arguments or the routine's parameters are not known.
     */
    public static boolean mayTake(List<Token> definition, int fromOffset, List<Token> call, String word) {
        List<List<Token>> arguments = argumentsOf(call, word);
        List<List<Token>> parameters = parametersOf(definition, fromOffset);
        if (arguments == null || parameters == null) {
            return true;
        }
        boolean variadic = false;
        int required = 0;
        for (List<Token> parameter : parameters) {
            variadic |= parameter.stream().anyMatch(token -> token.isWord("VARIADIC"));
            // An output parameter is counted as optional: a function's call leaves it out, a procedure's passes it.
            boolean output = !parameter.isEmpty() && parameter.get(0).isWord("OUT")
                    || parameter.stream().anyMatch(token -> token.isWord("OUTPUT"));
            if (!output && defaultOf(parameter).isEmpty()) {
                required++;
            }
        }
        return arguments.size() >= required && (variadic || arguments.size() <= parameters.size());
    }

    /**
     * How many parameters a call passes to the routine {@code definition} creates, PostgreSQL's output parameters
     * left out as its calls leave them out; -1 when its parameter list is not known.
     */
    public static int inputParameterCount(List<Token> definition, int fromOffset) {
        List<List<Token>> parameters = parametersOf(definition, fromOffset);
        return parameters == null ? -1
                : (int) parameters.stream().filter(p -> p.isEmpty() || !p.get(0).isWord("OUT")).count();
    }

    /**
     * The default of a parameter, the tokens after its {@code DEFAULT}, {@code =} or {@code :=} ({@code col text
     * DEFAULT 'x'}, T-SQL's {@code @col sysname = 'x'}, Oracle's {@code p VARCHAR2 := 'x'}); empty when it has none.
     */
    private static List<Token> defaultOf(List<Token> parameter) {
        for (int i = 1; i < parameter.size(); i++) {
            Token token = parameter.get(i);
            if (token.isWord("DEFAULT") || token.isSymbol("=") || token.isSymbol(":=")) {
                return parameter.subList(i + 1, parameter.size());
            }
        }
        return List.of();
    }

    /**
     * An argument passed by the parameter's name: T-SQL's {@code @name = ..}, PostgreSQL's and Oracle's
     * {@code name => ..} and PostgreSQL's older {@code name := ..}.
     */
    private static boolean isNamed(List<Token> argument) {
        if (argument.size() < 3 || argument.get(0).type() != TokenType.WORD) {
            return false;
        }
        Token sign = argument.get(1);
        return argument.get(0).text().startsWith("@") ? sign.isSymbol("=")
                : sign.isSymbol("=>") || sign.isSymbol(":=");
    }

    /** The input parameter named {@code name}, as the definition spells it, or null when there is none. */
    private static String namedParameter(List<List<Token>> parameters, String name) {
        for (List<Token> parameter : parameters) {
            String input = inputName(parameter);
            if (input != null && input.equalsIgnoreCase(name)) {
                return input;
            }
        }
        return null;
    }

    /** The argument list of the one call of {@code word} in {@code call}, or null. */
    private static List<List<Token>> argumentsOf(List<Token> call, String word) {
        List<List<Token>> found = null;
        for (int i = 0; i < call.size(); i++) {
            ObjectNames.NameAt name = ObjectNames.readName(call, i);
            if (name == null) {
                continue;
            }
            boolean named = RoutineNames.lastPart(name.text()).equals(word);
            boolean executed = executedAt(call, i);
            if (named && (name.next() < call.size() && call.get(name.next()).isSymbol("(") || executed)) {
                if (found != null) {
                    return null; // two calls may pass different values
                }
                found = name.next() < call.size() && call.get(name.next()).isSymbol("(")
                        ? listAt(call, name.next()) : listUntilEnd(call, name.next());
            }
            i = name.next() - 1;
        }
        return found;
    }

    /**
     * True when T-SQL's {@code EXEC} runs the name at {@code at}, also when it keeps the return code:
     * {@code EXEC @rc = p}.
     */
    private static boolean executedAt(List<Token> call, int at) {
        if (at >= 3 && call.get(at - 1).isSymbol("=") && call.get(at - 2).text().startsWith("@")) {
            return call.get(at - 3).isAnyWord("EXEC", "EXECUTE");
        }
        return at > 0 && call.get(at - 1).isAnyWord("EXEC", "EXECUTE");
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
            if (name == null || name.next() >= definition.size()) {
                return null;
            }
            return definition.get(name.next()).isSymbol("(") ? listAt(definition, name.next())
                    : tsqlParameters(definition, name.next());
        }
        return null;
    }

    /**
     * T-SQL's parameters, listed without parentheses between the procedure's name and {@code AS}
     * ({@code CREATE PROCEDURE dbo.p @tab sysname, @col sysname AS}), or null when none is listed so.
     */
    private static List<List<Token>> tsqlParameters(List<Token> definition, int from) {
        if (from >= definition.size() || !definition.get(from).text().startsWith("@")) {
            return null;
        }
        List<List<Token>> items = new ArrayList<>();
        List<Token> item = new ArrayList<>();
        int depth = 0;
        for (int i = from; i < definition.size(); i++) {
            Token token = definition.get(i);
            if (depth == 0 && (token.isSymbol(",") || token.isAnyWord("AS", "WITH", "FOR"))) {
                items.add(item);
                item = new ArrayList<>();
                if (!token.isSymbol(",")) {
                    return items;
                }
                continue;
            }
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            item.add(token);
        }
        return null;
    }

    /** T-SQL's arguments of {@code EXEC p 'a', 'b'}: the comma-separated items from {@code from} to the end. */
    private static List<List<Token>> listUntilEnd(List<Token> call, int from) {
        List<List<Token>> items = new ArrayList<>();
        List<Token> item = new ArrayList<>();
        int depth = 0;
        for (int i = from; i < call.size(); i++) {
            Token token = call.get(i);
            if (token.type() == TokenType.TERMINATOR || token.type() == TokenType.BATCH_SEPARATOR
                    || depth == 0 && token.isSymbol(";")) {
                break;
            }
            if (depth == 0 && token.isSymbol(",")) {
                items.add(item);
                item = new ArrayList<>();
                continue;
            }
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            item.add(token);
        }
        if (!item.isEmpty()) {
            items.add(item);
        }
        return items;
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
        if (parameter.stream().anyMatch(token -> token.isAnyWord("OUTPUT", "OUT"))) {
            return null; // T-SQL writes OUTPUT after the type: @n int OUTPUT
        }
        return parameter.get(at).text();
    }

    /** True for an output parameter, which the call does not give a value. */
    private static boolean isOutput(List<Token> parameter) {
        return parameter.stream().anyMatch(token -> token.isAnyWord("OUT", "INOUT", "OUTPUT"));
    }

    /**
     * The argument as a string literal when it is one quoted string or number, also cast or joined ({@link
     * LiteralArgument}), else null (also when empty).
     */
    private static Token literal(List<Token> argument) {
        return LiteralArgument.of(argument);
    }
}
