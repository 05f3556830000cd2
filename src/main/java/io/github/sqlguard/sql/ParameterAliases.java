package io.github.sqlguard.sql;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * PL/pgSQL's {@code objtype ALIAS FOR $3}: a body that names a parameter declared without a name (or renames one)
 * reads the call's literal under that name too, so the SQL it builds from it and the IF arms it chooses by it are
 * known where the call runs.
 */
final class ParameterAliases {

    private ParameterAliases() {
    }

    /** {@code arguments} (by lower-case name) with each alias {@code code} declares for one of them added. */
    static Map<String, Token> added(Map<String, Token> arguments, List<Token> code) {
        if (arguments.isEmpty()) {
            return arguments;
        }
        Map<String, Token> named = new HashMap<>(arguments);
        for (int i = 0; i + 3 < code.size(); i++) {
            Token aliased = code.get(i + 3);
            Token passed = aliased.type() == TokenType.WORD
                    ? arguments.get(aliased.text().toLowerCase(Locale.ROOT)) : null;
            if (passed != null && code.get(i).type() == TokenType.WORD && code.get(i + 1).isWord("ALIAS")
                    && code.get(i + 2).isWord("FOR")) {
                named.put(code.get(i).text().toLowerCase(Locale.ROOT), passed);
            }
        }
        return named;
    }
}
