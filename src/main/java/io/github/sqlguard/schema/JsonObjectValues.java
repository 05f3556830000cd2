package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The values a JSON object built from key and value pairs keeps, each under a key of its own: MySQL's
 * {@code JSON_OBJECT('ip', ip, 'port', port)}, PostgreSQL's {@code json_build_object(..)} and
 * {@code jsonb_build_object(..)}. A script that folds columns into one JSON column ({@code SET connect_config =
 * JSON_OBJECT('ip', ip, ..)}) before it drops them keeps every value there, as {@code SET b = a} keeps it in b.
 */
final class JsonObjectValues {

    private static final Set<String> BUILDERS = Set.of("JSON_OBJECT", "JSON_BUILD_OBJECT", "JSONB_BUILD_OBJECT");

    private JsonObjectValues() {
    }

    /**
     * The value expressions of {@code expression} when it is nothing but such an object whose keys are distinct
     * string literals (a key given twice keeps one of its values only); empty otherwise.
     */
    static List<List<Token>> of(List<Token> expression) {
        if (expression.size() < 3 || expression.get(0).type() != TokenType.WORD
                || !BUILDERS.contains(expression.get(0).upper()) || !expression.get(1).isSymbol("(")
                || ObjectNames.skipParentheses(expression, 1) != expression.size()) {
            return List.of();
        }
        List<List<Token>> arguments = ObjectNames.splitAtCommas(expression, 2, expression.size() - 1);
        if (arguments.isEmpty() || arguments.size() % 2 != 0) {
            return List.of();
        }
        Set<String> keys = new HashSet<>();
        List<List<Token>> values = new ArrayList<>();
        for (int k = 0; k < arguments.size(); k += 2) {
            List<Token> key = arguments.get(k);
            if (key.size() != 1 || key.get(0).type() != TokenType.STRING || !keys.add(key.get(0).text())) {
                return List.of();
            }
            values.add(arguments.get(k + 1));
        }
        return values;
    }
}
