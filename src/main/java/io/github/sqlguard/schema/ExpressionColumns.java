package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The columns of the updated row an UPDATE's value expression reads: {@code SET kind_new = CASE WHEN kind = 'SOFT'
 * THEN 1 ELSE 0 END} reads {@code kind}, {@code SET data = row_to_json(row(number, auth_token))} reads
 * {@code number} and {@code auth_token}. Such an expression carries the values it reads into the column it fills,
 * in a form only the reader can judge. Only unqualified names count: a qualified one may be another table's.
 */
final class ExpressionColumns {

    /** Words of an expression that read like a column but are its grammar or a value. */
    private static final Set<String> EXPRESSION_WORDS = Set.of("CASE", "WHEN", "THEN", "ELSE", "END", "AND", "OR",
            "NOT", "IS", "NULL", "IN", "LIKE", "ILIKE", "BETWEEN", "TRUE", "FALSE", "AS", "ARRAY", "DISTINCT",
            "FROM", "DEFAULT", "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_USER", "LOCALTIMESTAMP",
            "SYSDATE", "SYSTIMESTAMP", "ROWNUM", "INTERVAL", "COLLATE", "ESCAPE", "SIMILAR", "TO", "ANY", "ALL",
            "SOME", "EXISTS", "UNKNOWN");

    private ExpressionColumns() {
    }

    /**
     * The keys of the columns {@code expression} reads, in order; none when it holds a subquery, whose names belong
     * to the tables it reads.
     */
    static Set<String> readBy(List<Token> expression) {
        Set<String> columns = new LinkedHashSet<>();
        for (int i = 0; i < expression.size(); i++) {
            Token token = expression.get(i);
            if (token.isAnyWord("SELECT", "WITH", "VALUES")) {
                return Set.of();
            }
            if (isColumn(expression, i)) {
                columns.add(SchemaNames.key(token.text()));
            }
        }
        return columns;
    }

    /** True when the name at {@code i} is an unqualified column: not a function, a type, a qualifier or a keyword. */
    private static boolean isColumn(List<Token> expression, int i) {
        Token token = expression.get(i);
        boolean name = token.type() == TokenType.QUOTED_NAME
                || token.type() == TokenType.WORD && !EXPRESSION_WORDS.contains(token.upper())
                && !token.text().startsWith("@") && !token.text().startsWith(":");
        if (!name) {
            return false;
        }
        Token before = i > 0 ? expression.get(i - 1) : null;
        Token after = i + 1 < expression.size() ? expression.get(i + 1) : null;
        // a function's name, a qualifier or a qualified name, or a type after :: or CAST(.. AS
        return (after == null || !after.isSymbol("(") && !after.isSymbol("."))
                && (before == null || !before.isSymbol(".") && !before.isSymbol("::") && !before.isWord("AS"));
    }
}
