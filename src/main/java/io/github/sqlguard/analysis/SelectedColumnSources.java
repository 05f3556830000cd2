package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tables whose columns a fill's query takes into its target, when its select list says so plainly: in
 * {@code INSERT INTO ids (id) SELECT p.id FROM pools p JOIN entitlements e ON e.pool_id = p.id} only {@code pools}
 * gives values; {@code entitlements} only decides which rows. A table that only chooses rows leaves none of its own
 * data in the target, so destroying it later makes the target no copy of it.
 */
final class SelectedColumnSources {

    private static final String[] END_OF_FROM = {"WHERE", "GROUP", "ORDER", "HAVING", "LIMIT", "FETCH", "WINDOW",
        "RETURNING", "ON", "USING"};
    private static final String[] SET_OPERATORS = {"UNION", "INTERSECT", "EXCEPT", "MINUS"};

    private SelectedColumnSources() {
    }

    /**
     * The tables, as written, whose columns the top-level select list of {@code core} names, when every item of the
     * list is a qualified column ({@code p.id}, {@code p.id AS pool_id}) whose qualifier is a table or alias of the
     * query's own FROM list of plain tables; empty when it cannot tell (an expression, an unqualified column,
     * {@code *}, a derived table, a set operation, a WITH clause): then every table the query reads counts.
     */
    static Optional<List<String>> of(List<Token> core) {
        if (core.isEmpty() || !core.get(0).isAnyWord("INSERT", "REPLACE", "CREATE")) {
            return Optional.empty();
        }
        int select = -1;
        int depth = 0;
        for (int i = 0; i < core.size(); i++) {
            Token token = core.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && (token.isWord("WITH") || token.isAnyWord(SET_OPERATORS))) {
                return Optional.empty();
            }
            if (depth == 0 && select < 0 && token.isWord("SELECT")) {
                select = i;
            }
        }
        if (select < 0) {
            return Optional.empty();
        }
        int at = select + 1;
        while (at < core.size() && core.get(at).isAnyWord("DISTINCT", "ALL")) {
            at++;
        }
        List<String> qualifiers = new ArrayList<>();
        while (true) {
            ObjectNames.NameAt column = ObjectNames.readName(core, at);
            if (column == null || column.text().lastIndexOf('.') <= 0) {
                return Optional.empty();
            }
            qualifiers.add(ObjectNames.normalize(column.text().substring(0, column.text().lastIndexOf('.'))));
            at = column.next();
            if (at < core.size() && core.get(at).isWord("AS")) {
                at++;
            }
            if (at < core.size() && !core.get(at).isWord("FROM") && !core.get(at).isSymbol(",")) {
                ObjectNames.NameAt alias = ObjectNames.readName(core, at);
                at = alias == null ? at : alias.next();
            }
            if (at >= core.size()) {
                return Optional.empty();
            }
            if (core.get(at).isWord("FROM")) {
                break;
            }
            if (!core.get(at).isSymbol(",")) {
                return Optional.empty();
            }
            at++;
        }
        Map<String, String> tables = fromList(core, at);
        if (tables == null) {
            return Optional.empty();
        }
        Set<String> sources = new LinkedHashSet<>();
        for (String qualifier : qualifiers) {
            String table = tables.get(qualifier);
            if (table == null) {
                return Optional.empty();
            }
            sources.add(table);
        }
        return Optional.of(List.copyOf(sources));
    }

    /**
     * The plain tables of the FROM list at {@code from}, by each name a column may be qualified with (alias, name,
     * last name part); null when the list holds a derived table or a function.
     */
    private static Map<String, String> fromList(List<Token> core, int from) {
        Map<String, String> tables = new HashMap<>();
        int depth = 0;
        boolean inList = true;
        for (int i = from; i < core.size(); i++) {
            Token token = core.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            }
            if (depth != 0) {
                continue;
            }
            boolean startsReference = token.isAnyWord("FROM", "JOIN") || token.isSymbol(",") && inList;
            if (startsReference) {
                inList = true;
                if (i + 1 >= core.size() || core.get(i + 1).isSymbol("(") || core.get(i + 1).isWord("LATERAL")) {
                    return null;
                }
                TableReference reference = TableReference.at(core, i + 1);
                if (reference == null || reference.next() < core.size() && core.get(reference.next()).isSymbol("(")) {
                    return null;
                }
                String name = ObjectNames.normalize(reference.table());
                tables.putIfAbsent(name, reference.table());
                tables.putIfAbsent(name.substring(name.lastIndexOf('.') + 1), reference.table());
                if (reference.alias() != null) {
                    tables.put(ObjectNames.normalize(reference.alias()), reference.table());
                }
                i = reference.next() - 1;
            } else if (token.isAnyWord(END_OF_FROM)) {
                inList = false;
                if (!token.isAnyWord("ON", "USING")) {
                    break;
                }
            }
        }
        return tables;
    }
}
