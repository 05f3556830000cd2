package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.analysis.UnknownTruthValue;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The columns of the updated row an UPDATE's value expression reads: {@code SET kind_new = CASE WHEN kind = 'SOFT'
 * THEN 1 ELSE 0 END} reads {@code kind}, {@code SET data = row_to_json(row(number, auth_token))} reads
 * {@code number} and {@code auth_token}. Such an expression carries the values it reads into the column it fills,
 * in a form only the reader can judge. Only unqualified names count, a qualified one may be another table's, but in
 * a subquery only names qualified by the updated table do.
 */
final class ExpressionColumns {

    /** Words of an expression that read like a column but are its grammar or a value. */
    private static final Set<String> EXPRESSION_WORDS = Set.of("CASE", "WHEN", "THEN", "ELSE", "END", "AND", "OR",
            "NOT", "IS", "NULL", "IN", "LIKE", "ILIKE", "BETWEEN", "TRUE", "FALSE", "AS", "ARRAY", "DISTINCT",
            "FROM", "DEFAULT", "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_USER", "LOCALTIMESTAMP",
            "SYSDATE", "SYSTIMESTAMP", "ROWNUM", "INTERVAL", "COLLATE", "ESCAPE", "SIMILAR", "TO", "ANY", "ALL",
            "SOME", "EXISTS", "UNKNOWN", "BOTH", "LEADING", "TRAILING");

    private ExpressionColumns() {
    }

    /**
     * The keys of the columns of the updated row {@code expression} reads, in order: names unqualified or qualified by
     * the updated table ({@code alias}, or without one {@code table}) when it holds no subquery; when it does, the
     * names a subquery qualifies by the updated table, as a lookup correlated on the row does ({@code (SELECT
     * entity_id FROM users WHERE users.user_id = grants.user_id)} reads {@code user_id} of {@code grants}), unless the
     * subquery reads that table itself, whose qualified names then mean its own rows.
     */
    static Set<String> readBy(List<Token> expression, String alias, String table) {
        if (expression.stream().anyMatch(token -> token.isAnyWord("SELECT", "WITH", "VALUES"))) {
            return readThroughSubquery(expression, alias, table);
        }
        Set<String> columns = new LinkedHashSet<>();
        for (int i = 0; i < expression.size(); i++) {
            Token token = expression.get(i);
            if (token.isWord("AS") || token.isSymbol("::")) {
                i = afterType(expression, i + 1) - 1;
            } else if (token.isWord("EXTRACT") && i + 2 < expression.size() && expression.get(i + 1).isSymbol("(")) {
                i += 2; // EXTRACT(YEAR FROM ts): the field is a word of the grammar
            } else if (isColumn(expression, i)) {
                columns.add(SchemaNames.key(token.text()));
            } else if (i + 2 < expression.size() && expression.get(i + 1).isSymbol(".")
                    && (i == 0 || !expression.get(i - 1).isSymbol("."))
                    && ColumnWrites.namesUpdatedTable(token, alias, table) && isColumn(expression, i + 2, true)) {
                columns.add(SchemaNames.key(expression.get(i + 2).text())); // lower(t.c) reads c as lower(c) does
                i += 2;
            }
        }
        return columns;
    }

    /**
     * Where the type that starts at {@code from} ends: types are several words ({@code DOUBLE PRECISION},
     * {@code character varying(20)}, {@code TIMESTAMP WITHOUT TIME ZONE}), none of which is a column; a word of the
     * grammar after it ({@code flag::boolean THEN total}) ends it.
     */
    private static int afterType(List<Token> expression, int from) {
        int i = from;
        while (i < expression.size() && (expression.get(i).type() == TokenType.WORD
                && !EXPRESSION_WORDS.contains(expression.get(i).upper())
                || expression.get(i).type() == TokenType.QUOTED_NAME)) {
            i++;
            if (i < expression.size() && expression.get(i).isSymbol("(")) {
                i = ObjectNames.skipParentheses(expression, i);
            }
        }
        return i;
    }

    private static Set<String> readThroughSubquery(List<Token> expression, String alias, String table) {
        String tableName = SchemaNames.unquoted(SchemaNames.lastPart(table));
        Set<String> columns = new LinkedHashSet<>();
        for (int i = 0; i < expression.size(); i++) {
            Token token = expression.get(i);
            boolean qualifier = i + 2 < expression.size() && expression.get(i + 1).isSymbol(".");
            if (alias == null && !qualifier && (token.type() == TokenType.WORD
                    || token.type() == TokenType.QUOTED_NAME)
                    && SchemaNames.unquoted(token.text()).equalsIgnoreCase(tableName)) {
                return Set.of(); // the subquery reads the updated table: its qualified names are its own rows
            }
            if (qualifier && (i == 0 || !expression.get(i - 1).isSymbol("."))
                    && ColumnWrites.namesUpdatedTable(token, alias, table)
                    && (i + 3 >= expression.size() || !expression.get(i + 3).isSymbol("."))) {
                columns.add(SchemaNames.key(expression.get(i + 2).text()));
            }
        }
        return columns;
    }

    /** True when the name at {@code i} is an unqualified column: not a function, a type, a qualifier or a keyword. */
    private static boolean isColumn(List<Token> expression, int i) {
        return isColumn(expression, i, false);
    }

    /** As {@link #isColumn(List, int)}; {@code qualified} when a qualifier and its dot stand before it. */
    private static boolean isColumn(List<Token> expression, int i, boolean qualified) {
        Token token = expression.get(i);
        boolean name = token.type() == TokenType.QUOTED_NAME
                || token.type() == TokenType.WORD && (!EXPRESSION_WORDS.contains(token.upper())
                        || UnknownTruthValue.nameAt(expression, i))
                && !token.text().startsWith("@") && !token.text().startsWith(":");
        if (!name) {
            return false;
        }
        Token before = i > 0 ? expression.get(i - 1) : null;
        Token after = i + 1 < expression.size() ? expression.get(i + 1) : null;
        // a function's name, a qualifier or a qualified name
        return (after == null || !after.isSymbol("(") && !after.isSymbol("."))
                && (qualified || before == null || !before.isSymbol("."));
    }
}
