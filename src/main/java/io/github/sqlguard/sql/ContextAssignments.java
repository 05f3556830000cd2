package io.github.sqlguard.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Assignments that do not spell out the value as {@code v := expr}: {@code SELECT .. INTO v}, {@code FETCH .. INTO
 * v}, {@code FOR v IN}, {@code @v OUTPUT}, Oracle's {@code USING OUT v}, T-SQL's {@code SET @v += ..}. One of them
 * still shows its text: a select list of one item built from literals, often an aggregate over the catalogue that
 * a cleanup then runs in one go ({@code SELECT string_agg(format('DROP TABLE %I', tablename), '; ') INTO stmt FROM
 * pg_tables WHERE ..}), where each row's text is read once, with stand-ins for what the rows fill in.
 */
final class ContextAssignments {

    /** Aggregates that join one text per row: the first argument is that text. */
    private static final List<String> JOINING = List.of("string_agg", "group_concat", "listagg", "array_to_string");

    private ContextAssignments() {
    }

    /**
     * {@code INTO v}, {@code INTO a, v}, {@code FOR v IN}, PL/pgSQL's {@code FOREACH v IN ARRAY}, {@code @v OUTPUT},
     * Oracle's {@code USING OUT v}, T-SQL's {@code SET @v += ..} and {@code SELECT @v += .. FROM ..}: a value the
     * script does not show.
     */
    static boolean isAssignedByContext(List<Token> scope, int at) {
        Token next = at + 1 < scope.size() ? scope.get(at + 1) : null;
        if (next != null && next.isAnyWord("OUTPUT", "OUT") || at > 0 && scope.get(at - 1).isWord("OUT")) {
            return true;
        }
        if (isCompoundAssignment(scope, at + 1)) {
            return true;
        }
        for (int i = at - 1; i >= 0; i--) {
            Token before = scope.get(i);
            if (before.isAnyWord("INTO", "FOR", "FOREACH", "STRICT")) {
                return true;
            }
            if (!before.isSymbol(",") && !(before.type() == TokenType.WORD && i < at - 1 && scope.get(i + 1)
                    .isSymbol(","))) {
                return false;
            }
        }
        return false;
    }

    /**
     * T-SQL's {@code +=}, {@code -=}, {@code |=} and the like at {@code at}, lexed as an operator and an adjacent
     * {@code =}: the variable keeps its earlier text and gains more, often once per row of a query, so one
     * literal assignment before it no longer tells what runs.
     */
    static boolean isCompoundAssignment(List<Token> scope, int at) {
        if (at + 1 >= scope.size()) {
            return false;
        }
        Token operator = scope.get(at);
        Token equals = scope.get(at + 1);
        return operator.type() == TokenType.SYMBOL && operator.text().length() == 1
                && "+-*/%&|^".contains(operator.text()) && equals.isSymbol("=")
                && equals.offset() == operator.endOffset();
    }

    /**
     * The text {@code SELECT item INTO v} gives the variable at {@code at}, {@code item} being its only select item,
     * without the aggregate that joins it row by row, or the one item of the query of the cursor that
     * {@code FETCH .. INTO v} reads (see {@link CursorQueries}); null when the statement is no such SELECT or FETCH
     * or the item holds no literal.
     */
    static List<Token> selectedText(List<Token> scope, int at) {
        // PL/pgSQL: SELECT .. INTO STRICT v fails unless the query returns exactly one row; the text is the same.
        int into = at > 1 && scope.get(at - 1).isWord("STRICT") ? at - 2 : at - 1;
        if (into < 2 || !scope.get(into).isWord("INTO")) {
            return null;
        }
        int depth = 0;
        int select = -1;
        for (int i = into - 1; i >= 0 && !StatementEnd.isSeparator(scope.get(i)); i--) {
            Token token = scope.get(i);
            depth += token.isSymbol(")") ? 1 : token.isSymbol("(") ? -1 : 0;
            if (depth == 0 && token.isSymbol(",")) {
                return null;
            }
            if (depth == 0 && token.isWord("SELECT")) {
                select = i;
                break;
            }
            if (depth == 0 && token.isWord("FETCH")) {
                // FETCH .. c INTO v takes the row of the cursor's query, not of a SELECT written before it.
                List<Token> item = scope.get(into - 1).type() == TokenType.WORD
                        ? CursorQueries.selectItem(scope, scope.get(into - 1), token) : null;
                return item == null || TextParts.partsWithStandIns(unjoined(item), 0).isEmpty() ? null
                        : unjoined(item);
            }
        }
        if (select < 0 || select + 1 >= into) {
            return null;
        }
        List<Token> item = unjoined(scope.subList(select + (scope.get(select + 1).isWord("DISTINCT") ? 2 : 1),
                into));
        return TextParts.partsWithStandIns(item, 0).isEmpty() ? null : item;
    }

    /**
     * The text a scalar subquery gives: {@code (SELECT string_agg(format('ALTER TABLE %s DROP COLUMN %I', ..), ';')
     * FROM pg_attribute WHERE ..)}, assigned to a variable or run by {@code EXECUTE} itself, reads as its one select
     * item would in {@code SELECT .. INTO v}; null when {@code expression} is no such subquery or its item holds no
     * literal. {@code EXECUTE (..)} hands it over without its parentheses.
     */
    static List<Token> subqueryText(List<Token> expression) {
        List<Token> query = TopLevel.withoutEnclosingParentheses(expression);
        if (query.size() < 2 || !query.get(0).isWord("SELECT")) {
            return null;
        }
        int from = query.get(1).isWord("DISTINCT") ? 2 : 1;
        int end = from;
        for (int depth = 0; end < query.size(); end++) {
            Token token = query.get(end);
            if (depth == 0 && (token.isSymbol(",") || token.isWord("INTO"))) {
                return null; // several items, or an INTO that makes it no scalar subquery
            }
            if (depth == 0 && token.isAnyWord("FROM", "WHERE", "GROUP", "ORDER", "LIMIT", "UNION", "EXCEPT",
                    "INTERSECT")) {
                break;
            }
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
        }
        if (end == from || end < query.size() && query.get(end).isAnyWord("UNION", "EXCEPT", "INTERSECT")) {
            return null;
        }
        List<Token> item = unjoined(query.subList(from, end));
        return TextParts.partsWithStandIns(item, 0).isEmpty() ? null : item;
    }

    /** The first argument of a joining aggregate ({@code string_agg(x, '; ')}), else {@code item} itself. */
    private static List<Token> unjoined(List<Token> item) {
        boolean joined = item.size() > 3 && item.get(1).isSymbol("(")
                && JOINING.contains(item.get(0).text().toLowerCase(Locale.ROOT));
        List<Token> rowText = joined && item.get(0).isWord("group_concat") ? groupConcatRow(item) : null;
        if (rowText != null) {
            return rowText;
        }
        List<Token> first = joined ? firstArgument(item) : null;
        if (first == null) {
            return item;
        }
        for (int i = 0; i < first.size(); i++) { // GROUP_CONCAT(x SEPARATOR ';'), string_agg(x ORDER BY y)
            if (first.get(i).isAnyWord("SEPARATOR", "ORDER")) {
                first = first.subList(0, i);
                break;
            }
        }
        // array_to_string(array_agg(x), ', ') joins x
        List<Token> aggregated = first.size() > 3 && first.get(0).isWord("array_agg") ? firstArgument(first) : null;
        return aggregated != null ? aggregated : first;
    }

    /**
     * MySQL's {@code GROUP_CONCAT('DELETE FROM ', table_name, ' WHERE id > 5' SEPARATOR '; ')} joins all its
     * expressions into each row's text: read as {@code CONCAT(..)} of them, or null when it has only one.
     */
    private static List<Token> groupConcatRow(List<Token> call) {
        int close = TopLevel.closingParenthesis(call, 1);
        if (close != call.size() - 1) {
            return null;
        }
        int from = call.get(2).isWord("DISTINCT") ? 3 : 2;
        int end = from;
        for (int depth = 0; end < close; end++) {
            Token token = call.get(end);
            if (depth == 0 && token.isAnyWord("SEPARATOR", "ORDER")) {
                break;
            }
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
        }
        List<Token> expressions = call.subList(from, end);
        if (DynamicSql.arguments(expressions).size() < 2) {
            return null;
        }
        Token name = call.get(0);
        List<Token> concat = new ArrayList<>();
        concat.add(new Token(TokenType.WORD, "CONCAT", name.offset(), name.line(), name.column()));
        concat.add(call.get(1));
        concat.addAll(expressions);
        concat.add(call.get(close));
        return concat;
    }

    /** The first argument of the call {@code name(..)} that {@code call} is, or null. */
    private static List<Token> firstArgument(List<Token> call) {
        int close = TopLevel.closingParenthesis(call, 1);
        if (!call.get(1).isSymbol("(") || close != call.size() - 1) {
            return null;
        }
        List<List<Token>> arguments = DynamicSql.arguments(call.subList(2, close));
        return arguments.isEmpty() ? null : arguments.get(0);
    }
}
