package io.github.sqlguard.sql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The text {@code SELECT item INTO v FROM ..} builds from a catalogue view's name column: MySQL and PL/SQL scripts look
 * up a constraint's generated name and build the statement that drops it in one query ({@code SELECT CONCAT('ALTER
 * TABLE t DROP FOREIGN KEY ', constraint_name) INTO @s FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE WHERE ..; PREPARE st
 * FROM @s}). The name was given by the schema's own DDL, so it joins the text as one name and the statement is what
 * the literals show, as for T-SQL's {@code SELECT @cmd = '..' + d.name FROM sys.default_constraints d}
 * ({@link CatalogueNames}). A column of any other table, a variable or a parameter of the routine (which MySQL reads
 * before a column of the same name), or any other part leaves the text built at run time. A part that computes a
 * number whatever its operands hold ({@code COALESCE(MAX(id) + 1, 1)}, see {@link NumericVariables#isNumber}) joins
 * it as one value from any table, as {@code ALTER TABLE t AUTO_INCREMENT = ..} is built.
 */
final class CatalogueSelectedText {

    private CatalogueSelectedText() {
    }

    /**
     * The text the query gives the variable at {@code at} of {@code scope}, with each name column standing in as one
     * name, when the variable is the only target of {@code SELECT item INTO v FROM ..} (or MySQL's
     * {@code SELECT item FROM .. INTO v}, which ends the statement), the FROM list reads only
     * catalogue views, and the one item joins literals (at least one) and name columns only, by {@code CONCAT(..)},
     * {@code ||} or {@code +}; null otherwise.
     */
    static List<Token> of(List<Token> scope, int at) {
        if (at < 3 || !scope.get(at - 1).isWord("INTO")) {
            return null;
        }
        boolean leading = at + 1 < scope.size() && scope.get(at + 1).isWord("FROM");
        int from = leading ? at + 1 : trailingFrom(scope, at - 1);
        if (from < 0) {
            return null;
        }
        boolean catalogue = CatalogueNames.readsOnlyCatalogue(scope, from, leading ? scope.size() : at - 1);
        int itemEnd = leading ? at - 1 : from;
        int select = selectOf(scope, itemEnd - 1);
        if (select < 0) {
            return null;
        }
        int first = select + 1 < itemEnd && scope.get(select + 1).isWord("DISTINCT") ? select + 2 : select + 1;
        List<Token> item = scope.subList(first, itemEnd);
        if (item.isEmpty()) {
            return null;
        }
        boolean concat = item.size() > 3 && item.get(0).isWord("CONCAT") && item.get(1).isSymbol("(")
                && TopLevel.closingParenthesis(item, 1) == item.size() - 1;
        List<Token> operands = concat ? item.subList(2, item.size() - 1) : item;
        Set<String> variables = new HashSet<>(BlockVariables.declaredIn(scope));
        variables.addAll(BlockVariables.parametersOf(scope));
        List<Token> text = new ArrayList<>(concat ? item.subList(0, 2) : List.of());
        boolean anyLiteral = false;
        int depth = 0;
        int operand = 0;
        for (int i = 0; i <= operands.size(); i++) {
            Token token = i < operands.size() ? operands.get(i) : null;
            boolean join = token == null || depth == 0 && (concat ? token.isSymbol(",")
                    : token.isSymbol("||") || token.isSymbol("+"));
            depth += token == null ? 0 : token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (!join) {
                continue;
            }
            List<Token> part = operands.subList(operand, i);
            if (part.isEmpty()) {
                return null;
            }
            if (!TextParts.literalParts(part).isEmpty()) {
                text.addAll(part);
                anyLiteral = true;
            } else if (catalogue && isCatalogueNameColumn(scope, from, part, variables)
                    || NumericVariables.isNumber(part)) {
                Token name = part.get(0);
                text.add(StandIns.quoted(0, name.offset(), name.line(), name.column()));
            } else {
                return null;
            }
            if (token != null) {
                text.add(token);
            }
            operand = i + 1;
        }
        if (concat) {
            text.add(item.get(item.size() - 1));
        }
        return anyLiteral ? text : null;
    }

    /**
     * The FROM of MySQL's {@code SELECT item FROM .. WHERE .. INTO v} whose INTO is at {@code into} and ends the
     * statement, or -1: also for a query of several parts ({@code UNION}), whose other part may read any table.
     */
    private static int trailingFrom(List<Token> scope, int into) {
        if (into + 2 < scope.size() && !StatementEnd.isSeparator(scope.get(into + 2))) {
            return -1;
        }
        int depth = 0;
        int from = -1;
        for (int i = into - 1; i >= 0 && !StatementEnd.isSeparator(scope.get(i)); i--) {
            Token token = scope.get(i);
            depth += token.isSymbol(")") ? 1 : token.isSymbol("(") ? -1 : 0;
            if (depth < 0 || depth == 0 && token.isAnyWord("UNION", "EXCEPT", "INTERSECT")) {
                return -1;
            }
            if (depth == 0 && token.isWord("FROM")) {
                from = i;
            }
            if (depth == 0 && token.isWord("SELECT")) {
                return from;
            }
        }
        return -1;
    }

    /** The index of the SELECT whose only select item ends at {@code last}, or -1 (also when it has several). */
    private static int selectOf(List<Token> scope, int last) {
        int depth = 0;
        for (int i = last; i >= 0 && !StatementEnd.isSeparator(scope.get(i)); i--) {
            Token token = scope.get(i);
            depth += token.isSymbol(")") ? 1 : token.isSymbol("(") ? -1 : 0;
            if (depth < 0 || depth == 0 && token.isSymbol(",")) {
                return -1;
            }
            if (depth == 0 && token.isWord("SELECT")) {
                return i;
            }
        }
        return -1;
    }

    /**
     * True for {@code constraint_name} or {@code k.CONSTRAINT_NAME}, a column of the query's FROM list at {@code from}
     * that holds one object's name: unqualified, it must be no variable or parameter of the routine; qualified, its
     * qualifier must be a table or alias of that FROM list (not a record variable's name).
     */
    private static boolean isCatalogueNameColumn(List<Token> scope, int from, List<Token> part,
            Set<String> variables) {
        if (!CatalogueNames.isNameColumn(part)) {
            return false;
        }
        if (part.size() == 1) {
            return !variables.contains(part.get(0).text().toLowerCase(Locale.ROOT));
        }
        String qualifier = part.get(0).text();
        for (int i = from + 1; i < scope.size() && !StatementEnd.isSeparator(scope.get(i)); i++) {
            Token token = scope.get(i);
            boolean qualifies = i + 1 < scope.size() && scope.get(i + 1).isSymbol(".");
            if (token.text().equalsIgnoreCase(qualifier) && !qualifies
                    && (scope.get(i - 1).isSymbol(".") || scope.get(i - 1).isWord("AS")
                            || scope.get(i - 1).type() == TokenType.WORD && !scope.get(i - 1).isAnyWord(NOT_TABLES))) {
                return true;
            }
        }
        return false;
    }

    /** Words after which a name is no table or alias of the FROM list but part of a condition or clause. */
    private static final String[] NOT_TABLES = {"WHERE", "AND", "OR", "NOT", "ON", "IS", "IN", "LIKE", "BETWEEN",
        "BY", "HAVING", "LIMIT", "SELECT", "WHEN", "THEN", "ELSE", "CASE"};
}
