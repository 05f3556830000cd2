package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;
import java.util.Optional;

/**
 * A condition that selects rows by one yes/no column alone: {@code is_public = TRUE}, {@code t.is_public IS FALSE},
 * {@code is_public}, {@code NOT is_public}. When that column is a BOOLEAN that cannot be NULL, the rows a copy
 * takes tell every row's value: {@code INSERT INTO public_repos (repo_id) SELECT id FROM repos WHERE is_public =
 * TRUE} keeps the flag of every repository as the presence of its key.
 */
final class FlagCondition {

    private FlagCondition() {
    }

    /** The column {@code condition} (the tokens after WHERE) tests, as written, when it is only such a test. */
    static Optional<String> column(List<Token> condition) {
        int end = condition.size();
        while (end > 0 && condition.get(end - 1).isSymbol(";")) {
            end--;
        }
        int i = end > 0 && condition.get(0).isWord("NOT") ? 1 : 0;
        if (i + 2 < end && isName(condition.get(i)) && condition.get(i + 1).isSymbol(".")) {
            i += 2; // the qualifier: the copy reads one table
        }
        if (i >= end || !isName(condition.get(i)) || condition.get(i).isAnyWord("TRUE", "FALSE", "NOT", "NULL")) {
            return Optional.empty();
        }
        String column = condition.get(i).text();
        int rest = end - i - 1;
        boolean alone = rest == 0;
        boolean compared = condition.get(0).isWord("NOT") ? false
                : rest == 2 && (condition.get(i + 1).isSymbol("=") || condition.get(i + 1).isWord("IS"))
                        && condition.get(i + 2).isAnyWord("TRUE", "FALSE")
                || rest == 3 && condition.get(i + 1).isWord("IS") && condition.get(i + 2).isWord("NOT")
                        && condition.get(i + 3).isAnyWord("TRUE", "FALSE");
        return alone || compared ? Optional.of(column) : Optional.empty();
    }

    /** True when {@code table} has {@code column} as a BOOLEAN that cannot be NULL. */
    static boolean isRequiredFlag(Table table, String column) {
        Column known = table.columns().get(SchemaNames.key(column));
        return known != null && known.notNull()
                && known.type().map(type -> TypeFamily.of(type) == TypeFamily.BOOLEAN).orElse(false);
    }

    private static boolean isName(Token token) {
        return token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_NAME;
    }
}
