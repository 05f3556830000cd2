package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import java.util.List;

/**
 * Whether a statement that fills a table ({@code INSERT .. SELECT}, {@code CREATE TABLE .. AS SELECT}) takes every
 * row of the tables its query reads: a query part without WHERE or HAVING does, while VALUES adds rows the script
 * chose. Read from tokens, so it errs on the side of every row: a join's ON or a LIMIT is not taken as a filter, and
 * a MERGE (or an INSERT whose source is neither a SELECT nor VALUES) takes every row of its source.
 */
final class FillQuery {

    private FillQuery() {
    }

    static boolean readsEveryRow(List<Token> core) {
        int select = -1;
        int depth = 0;
        int selectDepth = 0;
        boolean values = false;
        for (int i = 0; i < core.size() && select < 0; i++) {
            Token token = core.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (token.isWord("SELECT")) {
                select = i;
                selectDepth = depth;
            }
            values |= token.isWord("VALUES");
        }
        if (select < 0) {
            return !values && core.get(0).isAnyWord("INSERT", "MERGE", "REPLACE", "UPSERT");
        }
        return core.get(0).isWord("MERGE") || hasUnfilteredPart(core, select, selectDepth);
    }

    /** True when a part of the query from {@code select} (parts joined by UNION, ..) has no WHERE and no HAVING. */
    private static boolean hasUnfilteredPart(List<Token> core, int select, int selectDepth) {
        int depth = selectDepth;
        boolean filtered = false;
        for (int i = select + 1; i < core.size(); i++) {
            Token token = core.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
                if (depth < selectDepth) {
                    break;
                }
            } else if (depth == selectDepth && token.isAnyWord("WHERE", "HAVING")) {
                filtered = true;
            } else if (depth == selectDepth && token.isAnyWord("UNION", "INTERSECT", "EXCEPT", "MINUS")) {
                if (!filtered) {
                    return true;
                }
                filtered = false;
            }
        }
        return !filtered;
    }
}
