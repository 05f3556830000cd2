package io.github.sqlguard.sql;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The parameters of a PostgreSQL routine declared with an object identifier type ({@code regclass}, {@code regtype},
 * ...): whatever a call passes, such a value reads as one object's name, quoted where it must be, so a body that
 * joins it into dynamic SQL ({@code format('CREATE TRIGGER t BEFORE UPDATE ON %s ..', _tbl)}, as diesel's setup
 * migration writes) names one table there and cannot add a clause or a statement. A PL/pgSQL variable declared with
 * such a type ({@code DECLARE _hst regclass := ..;}) holds one name the same way, whatever is assigned to it
 * ({@link #declaredInScope}).
 */
final class NameParameters {

    static final Set<String> NAME_TYPES = Set.of("REGCLASS", "REGTYPE", "REGPROC", "REGPROCEDURE",
            "REGNAMESPACE", "REGROLE", "REGOPER", "REGOPERATOR", "REGCONFIG", "REGDICTIONARY", "REGCOLLATION");

    private NameParameters() {
    }

    /**
     * The lower-case names of the parameters that {@code header}, a {@code CREATE FUNCTION} or {@code CREATE
     * PROCEDURE} statement's tokens before its body, declares with such a type; empty when it declares none.
     */
    static Set<String> of(List<Token> header) {
        int open = -1;
        for (int i = 0; i < header.size() && open < 0; i++) {
            if (header.get(i).isSymbol("(")) {
                open = i;
            }
        }
        int close = open < 0 ? -1 : TopLevel.closingParenthesis(header, open);
        if (close < 0) {
            return Set.of();
        }
        Set<String> names = new HashSet<>();
        int start = open + 1;
        int depth = 0;
        for (int i = open + 1; i <= close; i++) {
            Token token = header.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") && i < close ? -1 : 0;
            if (i == close || depth == 0 && token.isSymbol(",")) {
                nameOf(header.subList(start, i)).ifPresent(names::add);
                start = i + 1;
            }
        }
        return names;
    }

    /** True when {@code scope} declares {@code variable} with a type whose value reads as one object's name. */
    static boolean declaredInScope(List<Token> scope, Token variable) {
        return NumericVariables.declaredWith(scope, variable, NAME_TYPES);
    }

    /** The name of {@code parameter} ({@code [IN] name type [DEFAULT ..]}) when its type is one of a name. */
    private static java.util.Optional<String> nameOf(List<Token> parameter) {
        int at = !parameter.isEmpty() && parameter.get(0).isAnyWord("IN", "VARIADIC") ? 1 : 0;
        if (parameter.size() < at + 2 || parameter.get(at).type() != TokenType.WORD
                || parameter.get(at + 1).type() != TokenType.WORD
                || !NAME_TYPES.contains(parameter.get(at + 1).upper())) {
            return java.util.Optional.empty();
        }
        // An array of names (regclass[]) joins as a list, not as one name.
        boolean ends = parameter.size() == at + 2 || parameter.get(at + 2).isAnyWord("DEFAULT")
                || parameter.get(at + 2).isSymbol("=");
        return ends ? java.util.Optional.of(parameter.get(at).text().toLowerCase(Locale.ROOT))
                : java.util.Optional.empty();
    }
}
