package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import java.util.List;
import java.util.function.Predicate;

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
        return readsEveryRow(core, table -> false);
    }

    /**
     * As {@link #readsEveryRow(List)}, where a query part without WHERE that reads from {@code filledTable} (the table
     * the statement fills) and joins other tables to it only by inner or left joins takes only rows tied to those it
     * already holds: {@code INSERT INTO purge SELECT p.id FROM purge x JOIN pools p ON p.parent_id = x.id} adds the
     * children of the rows chosen before.
     */
    static boolean readsEveryRow(List<Token> core, Predicate<String> filledTable) {
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
        return core.get(0).isWord("MERGE") || hasUnfilteredPart(core, select, selectDepth, filledTable);
    }

    /** True when a part of the query from {@code select} (parts joined by UNION, ..) has no WHERE and no HAVING. */
    private static boolean hasUnfilteredPart(List<Token> core, int select, int selectDepth,
            Predicate<String> filledTable) {
        int depth = selectDepth;
        boolean filtered = extendsFilledTable(core, select, selectDepth, filledTable);
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
                filtered = extendsFilledTable(core, i, selectDepth, filledTable);
            }
        }
        return !filtered;
    }

    /**
     * True when the query part after {@code start} reads first from the table the statement fills and joins the
     * others to it with [INNER] JOIN or LEFT JOIN only: a comma, CROSS, RIGHT, FULL or NATURAL join brings in rows
     * tied to none of its rows.
     */
    private static boolean extendsFilledTable(List<Token> core, int start, int partDepth,
            Predicate<String> filledTable) {
        int depth = partDepth;
        int from = -1;
        for (int i = start + 1; i < core.size(); i++) {
            Token token = core.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth < partDepth) {
                break;
            }
            if (depth != partDepth) {
                continue;
            }
            if (from < 0) {
                if (token.isWord("FROM")) {
                    from = i;
                    ObjectNames.NameAt read = ObjectNames.readName(core, i + 1);
                    if (read == null || !filledTable.test(read.text())) {
                        return false;
                    }
                } else if (token.isAnyWord("UNION", "INTERSECT", "EXCEPT", "MINUS")) {
                    return false;
                }
            } else if (token.isAnyWord("WHERE", "HAVING", "GROUP", "ORDER", "LIMIT", "UNION", "INTERSECT",
                    "EXCEPT", "MINUS")) {
                break;
            } else if (token.isSymbol(",") || token.isAnyWord("CROSS", "RIGHT", "FULL", "NATURAL")) {
                return false;
            }
        }
        return from >= 0;
    }
}
