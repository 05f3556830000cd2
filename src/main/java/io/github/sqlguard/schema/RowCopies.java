package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TopLevel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The copies of a table's rows one statement makes: every row and column ({@code CREATE TABLE b AS SELECT * FROM
 * t}, the column-list copy of a rebuild), or every row but for a WHERE or a join.
 */
final class RowCopies {

    /** The words a join of the table copied starts with. */
    private static final String[] JOIN_STARTS = {"JOIN", "INNER", "CROSS", "NATURAL", "LEFT", "RIGHT", "FULL",
        "STRAIGHT_JOIN"};

    private RowCopies() {
    }

    /**
     * A copy of every row and column of a table; {@code selectIntoMakesTable} is false where {@code SELECT ..
     * INTO} fills variables.
     */
    static Optional<DestroyedTables.Copy> full(List<Token> tokens, int main, SchemaView before,
            boolean selectIntoMakesTable) {
        return starCopy(tokens, main, selectIntoMakesTable)
                .or(() -> ColumnListCopy.of(tokens, main, before, selectIntoMakesTable));
    }

    /**
     * A copy that keeps only some rows, and which: {@code rows} says what chooses them, for a finding ("its WHERE
     * selects"); {@code plain} is the statement read without what chooses them, a copy of every row.
     */
    record Narrowed(DestroyedTables.Copy copy, String rows, List<Token> plain) {
    }

    /**
     * A copy that would keep every row and column but for its WHERE ({@code INSERT INTO t_new SELECT * FROM t WHERE
     * ..}) or an inner join ({@code .. FROM t JOIN parent p ON ..}, which leaves out the rows without a match, as
     * SQLite rebuilds that fill a new column from a parent table are written): the statement read without the WHERE
     * or the join and what follows it is a full copy. A LEFT or FULL join keeps every row of the table copied.
     */
    static Optional<Narrowed> narrowed(List<Token> tokens, int main, SchemaView before,
            boolean selectIntoMakesTable) {
        if (main >= tokens.size() || !tokens.get(main).isAnyWord("CREATE", "INSERT", "SELECT")) {
            return Optional.empty(); // only these verbs copy rows; the others need not be read to their WHERE
        }
        Optional<Narrowed> distinct = distinct(tokens, main, before, selectIntoMakesTable);
        if (distinct.isPresent()) {
            return distinct;
        }
        Optional<Narrowed> skipping = skippingConflicts(tokens, main, before, selectIntoMakesTable);
        if (skipping.isPresent()) {
            return skipping;
        }
        return withoutNarrowing(tokens, main).flatMap(read -> full(read.tokens(), main, before, selectIntoMakesTable)
                .map(copy -> new Narrowed(copy, read.rows(), read.tokens())));
    }

    /**
     * The statement of {@code tokens} cut before the WHERE or inner join of its top-level query, and which rows that
     * WHERE or join keeps ({@code "its WHERE selects"}, {@code "its join with p matches"}); empty when it has neither,
     * or joins in a way that keeps every row (LEFT, FULL).
     */
    static Optional<WithoutNarrowing> withoutNarrowing(List<Token> tokens, int main) {
        int depth = 0;
        for (int i = main + 1; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth > 1) {
                continue;
            }
            if (token.isWord("WHERE")) {
                return Optional.of(new WithoutNarrowing(tokens.subList(0, i), "its WHERE selects"));
            }
            if (token.isAnyWord(JOIN_STARTS)) {
                List<Token> beforeJoin = tokens.subList(0, i);
                return innerJoined(tokens, i).map(joined -> new WithoutNarrowing(beforeJoin,
                        "its join with " + joined + " matches"));
            }
        }
        return Optional.empty();
    }

    /**
     * A copy that would keep every row and column but that it skips the rows that break a constraint of its target,
     * SQLite's {@code INSERT OR IGNORE} and MySQL's {@code INSERT IGNORE}, or lets a later row replace an earlier one
     * with the same unique key, SQLite's {@code INSERT OR REPLACE}: a rebuild that adds a UNIQUE key loses the
     * duplicates so, without a word.
     */
    private static Optional<Narrowed> skippingConflicts(List<Token> tokens, int main, SchemaView before,
            boolean selectIntoMakesTable) {
        if (main + 2 >= tokens.size() || !tokens.get(main).isWord("INSERT")) {
            return Optional.empty();
        }
        int words = tokens.get(main + 1).isWord("OR") && tokens.get(main + 2).isAnyWord("IGNORE", "REPLACE") ? 2
                : tokens.get(main + 1).isWord("IGNORE") ? 1 : 0;
        if (words == 0) {
            return onConflict(tokens, main, before, selectIntoMakesTable);
        }
        boolean replace = tokens.get(main + words).isWord("REPLACE");
        String verb = words == 2 ? "INSERT OR " + (replace ? "REPLACE" : "IGNORE") : "INSERT IGNORE";
        List<Token> plain = new ArrayList<>(tokens.subList(0, main + 1));
        plain.addAll(tokens.subList(main + 1 + words, tokens.size()));
        return full(plain, main, before, selectIntoMakesTable).map(copy -> new Narrowed(copy, replace
                ? "that no later row replaced: " + verb + " keeps one row per unique key of " + copy.target()
                : "that break no constraint of " + copy.target() + ": " + verb + " skips the others", plain));
    }

    /**
     * A copy that would keep every row and column but for its upsert clause: PostgreSQL's and SQLite's {@code ON
     * CONFLICT [(..)] DO NOTHING}, which skips the rows that break a constraint of its target, and {@code ON CONFLICT
     * .. DO UPDATE} or MySQL's {@code ON DUPLICATE KEY UPDATE}, which keep one row per unique key.
     */
    private static Optional<Narrowed> onConflict(List<Token> tokens, int main, SchemaView before,
            boolean selectIntoMakesTable) {
        for (int on = TopLevel.wordIndex(tokens, main + 1, "ON"); on >= 0 && on + 2 < tokens.size();
                on = TopLevel.wordIndex(tokens, on + 1, "ON")) {
            boolean conflict = tokens.get(on + 1).isWord("CONFLICT");
            boolean duplicate = tokens.get(on + 1).isWord("DUPLICATE") && tokens.get(on + 2).isWord("KEY");
            if (!conflict && !duplicate) {
                continue;
            }
            int doWord = conflict ? TopLevel.wordIndex(tokens, on + 2, "DO") : -1;
            boolean nothing = doWord >= 0 && doWord + 1 < tokens.size() && tokens.get(doWord + 1).isWord("NOTHING");
            String clause = duplicate ? "ON DUPLICATE KEY UPDATE" : nothing ? "ON CONFLICT DO NOTHING"
                    : "ON CONFLICT DO UPDATE";
            List<Token> plain = tokens.subList(0, on);
            return full(plain, main, before, selectIntoMakesTable).map(copy -> new Narrowed(copy,
                    nothing ? "that break no constraint of " + copy.target() + ": " + clause + " skips the others"
                            : "that no later row replaced: " + clause + " keeps one row per unique key of "
                                    + copy.target(), plain));
        }
        return Optional.empty();
    }

    /**
     * A copy that would keep every row and column but for its {@code SELECT DISTINCT}, which merges equal rows, or
     * PostgreSQL's {@code SELECT DISTINCT ON (k)}, which keeps one row per value of {@code k}: the way duplicates are
     * dropped while a table is rebuilt with a new key.
     */
    private static Optional<Narrowed> distinct(List<Token> tokens, int main, SchemaView before,
            boolean selectIntoMakesTable) {
        return withoutDistinct(tokens, main).flatMap(read -> full(read.tokens(), main, before, selectIntoMakesTable)
                .map(copy -> new Narrowed(copy, read.rows(), read.tokens())));
    }

    /**
     * A statement read as if its query had no {@code DISTINCT}, WHERE or inner join, and which rows that keeps.
     *
     * @param tokens the statement without its {@code DISTINCT} or {@code DISTINCT ON (..)}, or cut before its WHERE
     *     or join
     * @param rows the rows it keeps ({@code "its DISTINCT picks, one of each set of equal rows"}, {@code "its WHERE
     *     selects"})
     */
    record WithoutNarrowing(List<Token> tokens, String rows) {
    }

    /** The statement of {@code tokens} without the DISTINCT of its top-level query, or empty when it has none. */
    static Optional<WithoutNarrowing> withoutDistinct(List<Token> tokens, int main) {
        int select = main;
        int depth = 0;
        while (select < tokens.size() && !(depth == 0 && tokens.get(select).isWord("SELECT"))) {
            depth += tokens.get(select).isSymbol("(") ? 1 : tokens.get(select).isSymbol(")") ? -1 : 0;
            select++;
        }
        if (select + 1 >= tokens.size() || !tokens.get(select + 1).isWord("DISTINCT")) {
            return Optional.empty();
        }
        int end = select + 2;
        String rows = "its DISTINCT picks, one of each set of equal rows";
        if (end + 1 < tokens.size() && tokens.get(end).isWord("ON") && tokens.get(end + 1).isSymbol("(")) {
            int after = ObjectNames.skipParentheses(tokens, end + 1);
            List<String> keys = new ArrayList<>();
            for (Token key : tokens.subList(end + 2, Math.max(end + 2, after - 1))) {
                keys.add(key.text());
            }
            rows = "its DISTINCT ON picks, one per value of "
                    + String.join(" ", keys).replace(" ,", ",").replace(" . ", ".");
            end = after;
        }
        List<Token> withoutDistinct = new ArrayList<>(tokens.subList(0, select + 1));
        withoutDistinct.addAll(tokens.subList(end, tokens.size()));
        return Optional.of(new WithoutNarrowing(withoutDistinct, rows));
    }

    /**
     * The statement of {@code tokens} without the DISTINCT of its top-level query and cut before its WHERE or inner
     * join, if it has one, and which rows the two keep ({@code "its DISTINCT picks, one of each set of equal rows,
     * among those its WHERE selects"}); empty when it has no DISTINCT.
     */
    static Optional<WithoutNarrowing> withoutDistinctOrNarrowing(List<Token> tokens, int main) {
        return withoutDistinct(tokens, main).map(distinct -> withoutNarrowing(distinct.tokens(), main)
                .map(read -> new WithoutNarrowing(read.tokens(), distinct.rows() + ", among those " + read.rows()))
                .orElse(distinct));
    }

    /**
     * The keys of the columns of the top-level query's {@code DISTINCT ON (..)}, PostgreSQL's, each a column written
     * with or without its table's name or alias; empty when it has none, or one of them is an expression.
     */
    static Optional<Set<String>> distinctOnColumns(List<Token> tokens, int main) {
        int select = TopLevel.wordIndex(tokens, main, "SELECT");
        if (select < 0 || select + 3 >= tokens.size() || !tokens.get(select + 1).isWord("DISTINCT")
                || !tokens.get(select + 2).isWord("ON") || !tokens.get(select + 3).isSymbol("(")) {
            return Optional.empty();
        }
        int close = TopLevel.closingParenthesis(tokens, select + 3);
        Set<String> columns = new HashSet<>();
        for (List<Token> item : ObjectNames.splitAtCommas(tokens, select + 4, close < 0 ? select + 4 : close)) {
            boolean qualified = item.size() == 3 && SchemaNames.isNamePart(item.get(0)) && item.get(1).isSymbol(".");
            if (item.size() != 1 && !qualified || !SchemaNames.isNamePart(item.get(item.size() - 1))) {
                return Optional.empty();
            }
            columns.add(SchemaNames.key(item.get(item.size() - 1).text()));
        }
        return columns.isEmpty() ? Optional.empty() : Optional.of(columns);
    }

    /** The table an inner, cross or right join starting at {@code at} joins, or empty for another join. */
    private static Optional<String> innerJoined(List<Token> tokens, int at) {
        int i = at;
        boolean keepsEveryRow = false;
        while (i < tokens.size() && !tokens.get(i).isAnyWord("JOIN", "STRAIGHT_JOIN")) {
            if (!tokens.get(i).isAnyWord(JOIN_STARTS) && !tokens.get(i).isWord("OUTER")) {
                return Optional.empty();
            }
            keepsEveryRow |= tokens.get(i).isAnyWord("LEFT", "FULL");
            i++;
        }
        SchemaNames.Read joined = i < tokens.size() ? SchemaNames.name(tokens, i + 1) : null;
        return keepsEveryRow || joined == null ? Optional.empty() : Optional.of(SchemaNames.unquoted(joined.text()));
    }

    /**
     * True when a CREATE TABLE or INSERT holds a query that reads rows: a SELECT, or PostgreSQL's and MySQL's
     * {@code TABLE t} ({@code CREATE TABLE b AS TABLE t}, {@code INSERT INTO b TABLE t}). Only such a statement copies
     * rows. A view's query reads rows too, but a view keeps none of them, so a CREATE whose query or column list
     * comes before any TABLE makes no copy.
     */
    static boolean readsRows(List<Token> tokens, int main) {
        boolean creates = tokens.get(main).isWord("CREATE");
        boolean objectNamed = false;
        for (int i = main + 1; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (creates && !objectNamed && (token.isAnyWord("VIEW", "AS") || token.isSymbol("("))) {
                return false;
            }
            if (token.isWord("SELECT")) {
                return true;
            }
            if (token.isWord("TABLE")) {
                if (!creates || objectNamed) {
                    return true;
                }
                objectNamed = true; // CREATE .. TABLE names what it creates; a second TABLE is a query
            }
        }
        return false;
    }

    private static Optional<DestroyedTables.Copy> starCopy(List<Token> tokens, int main,
            boolean selectIntoMakesTable) {
        if (!selectIntoMakesTable && main < tokens.size() && tokens.get(main).isWord("SELECT")) {
            return Optional.empty();
        }
        return DestroyedTables.fullCopy(tokens, main);
    }
}
