package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.sql.RowLoop;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import io.github.sqlguard.sql.TopLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A DELETE or UPDATE that a {@code FOR r IN (SELECT id FROM t) LOOP} runs once for every row of its query, with a
 * WHERE that is only {@code col = r.id}: over the whole loop it reaches the rows {@code WHERE col IN (SELECT id
 * FROM t)} reaches, and is judged as that statement, so that a loop over the target itself without a filter is seen
 * to reach every row; {@code WHERE CURRENT OF c} in a loop over cursor {@code c} reaches each row the cursor reads
 * the same way. In a loop that fetches the cursor's rows into variables ({@code FETCH c INTO v, w}), {@code col = v}
 * stands for the select list's item that the FETCH reads into {@code v}, as {@code col = k} does for the one item of
 * a PL/pgSQL {@code FOR k IN SELECT id FROM t LOOP} that reads it into a scalar; in a PL/SQL {@code FORALL i} over the
 * collections a {@code BULK COLLECT INTO ids, ..} filled, {@code col = ids(i)} stands for the item collected into
 * {@code ids}. Several such equalities joined by AND ({@code a = r.x AND b = r.y}, a composite key) stand for
 * {@code (a, b) IN (SELECT x, y FROM t)}. A WHERE with any other condition, or a field the query's select list does
 * not name, is left as written.
 */
final class RowLoopCondition {

    private RowLoopCondition() {
    }

    /** The tokens of {@code statement} with its loop-row condition written as the subquery it stands for, or empty. */
    static Optional<List<Token>> asSubquery(Statement statement) {
        StatementContext.Body body = statement.context().body();
        RowLoop loop = body == null ? null : body.loopOverEveryRow();
        if (loop == null) {
            return Optional.empty();
        }
        List<Token> tokens = statement.tokens();
        Optional<WhereTokens> where = WhereTokens.of(tokens);
        if (where.isEmpty() || where.get().condition().isEmpty()) {
            return Optional.empty();
        }
        List<Token> condition = where.get().condition();
        int start = indexOf(tokens, condition.get(0));
        if (start >= 0 && !loop.bulk() && isCurrentRowOf(condition, loop.cursor())) {
            return currentRowAsSubquery(tokens, start, condition, loop.query());
        }
        if (start < 0) {
            return Optional.empty();
        }
        List<Pairing> pairings = new ArrayList<>();
        for (List<Token> term : WhereJudgement.split(condition, "AND")) {
            Pairing pairing = pairing(term, loop);
            if (pairing == null) {
                return Optional.empty();
            }
            pairings.add(pairing);
        }
        Token at = pairings.get(0).equals();
        Optional<List<Token>> subquery = subquery(loop.query(), pairings.stream().map(Pairing::selected).toList(), at);
        if (subquery.isEmpty()) {
            return Optional.empty();
        }
        List<Token> rewritten = new ArrayList<>(tokens.subList(0, start));
        if (pairings.size() == 1) {
            rewritten.addAll(pairings.get(0).column());
        } else {
            // Several columns, each paired with a field of the row: (a, b) IN (SELECT x, y FROM ..).
            rewritten.add(new Token(TokenType.SYMBOL, "(", at.offset(), at.line(), at.column()));
            for (int i = 0; i < pairings.size(); i++) {
                if (i > 0) {
                    rewritten.add(new Token(TokenType.SYMBOL, ",", at.offset(), at.line(), at.column()));
                }
                rewritten.addAll(pairings.get(i).column());
            }
            rewritten.add(new Token(TokenType.SYMBOL, ")", at.offset(), at.line(), at.column()));
        }
        rewritten.addAll(subquery.get());
        rewritten.addAll(tokens.subList(start + condition.size(), tokens.size()));
        return Optional.of(rewritten);
    }

    /** A column of the target, the select list's column the loop's row holds for it, and their {@code =}. */
    private record Pairing(List<Token> column, Token selected, Token equals) {
    }

    /**
     * The term {@code col = r.id} (either way round, or {@code col = v} with a fetched or FOR loop variable, {@code
     * col = ids(i)} in a FORALL) as a pairing, or null for any other term.
     */
    private static Pairing pairing(List<Token> term, RowLoop loop) {
        int equals = topLevelEquals(term, loop.bulk());
        if (equals < 0) {
            return null;
        }
        List<Token> left = term.subList(0, equals);
        List<Token> right = term.subList(equals + 1, term.size());
        boolean fieldOnRight = isField(right, loop) || isTarget(right, loop) || isElementField(right, loop);
        List<Token> column = fieldOnRight ? left : right;
        List<Token> field = fieldOnRight ? right : left;
        Token selected = isField(field, loop) ? field.get(2)
                : isElementField(field, loop) ? field.get(5)
                : isTarget(field, loop) ? fetchedColumn(loop, field.get(0)) : null;
        if (selected == null || !isColumn(column, loop.record()) || isTarget(column, loop)
                || isElementField(column, loop)) {
            return null;
        }
        return new Pairing(column, selected, term.get(equals));
    }

    /**
     * The cursor whose current row {@code statement}'s {@code WHERE CURRENT OF c} names, in the loop that reads that
     * cursor; empty for any other condition.
     */
    static Optional<String> currentRowCursor(Statement statement) {
        RowLoop loop = statement.context().body() == null ? null : statement.context().body().loopOverEveryRow();
        Optional<WhereTokens> where = WhereTokens.of(statement.tokens());
        return loop == null || loop.bulk() || where.isEmpty() || !isCurrentRowOf(where.get().condition(), loop.cursor())
                ? Optional.empty() : Optional.of(loop.cursor());
    }

    /** Names the loop that runs {@code statement} once per row, for a message: a FOR loop or a FETCH loop. */
    static String loopReading(Statement statement) {
        RowLoop loop = statement.context().body().loopOverEveryRow();
        if (loop.bulk()) {
            return "the FORALL that runs it once for each row BULK COLLECT put in " + String.join(", ", loop.targets());
        }
        return loop.fetches() ? "the loop that runs it for each row it fetches from " + loop.cursor()
                : "the FOR loop that runs it once per row";
    }

    /** {@code CURRENT OF c}, where {@code c} is the cursor the loop reads. */
    private static boolean isCurrentRowOf(List<Token> condition, String cursor) {
        return cursor != null && condition.size() == 3 && condition.get(0).isWord("CURRENT")
                && condition.get(1).isWord("OF") && condition.get(2).isWord(cursor);
    }

    /**
     * The statement with {@code CURRENT OF c} written as {@code ROWID IN (SELECT ROWID FROM ..)}: over the whole loop
     * it reaches each row the cursor's query reads, as that subquery over the same row identity would.
     */
    private static Optional<List<Token>> currentRowAsSubquery(List<Token> tokens, int start, List<Token> condition,
            List<Token> query) {
        int from = TopLevel.wordIndex(query, 0, "FROM");
        if (from < 1) {
            return Optional.empty();
        }
        Token at = condition.get(0);
        List<Token> rewritten = new ArrayList<>(tokens.subList(0, start));
        rewritten.add(new Token(TokenType.WORD, "ROWID", at.offset(), at.line(), at.column()));
        rewritten.add(new Token(TokenType.WORD, "IN", at.offset(), at.line(), at.column()));
        rewritten.add(new Token(TokenType.SYMBOL, "(", at.offset(), at.line(), at.column()));
        rewritten.add(query.get(0));
        rewritten.add(new Token(TokenType.WORD, "ROWID", at.offset(), at.line(), at.column()));
        rewritten.addAll(query.subList(from, query.size()));
        rewritten.add(new Token(TokenType.SYMBOL, ")", at.offset(), at.line(), at.column()));
        rewritten.addAll(tokens.subList(start + condition.size(), tokens.size()));
        return Optional.of(rewritten);
    }

    /**
     * {@code IN (SELECT column, .. FROM ..)} from the loop's query, with the expression of the select list's item
     * each field names ({@code field}, {@code x.field}, or {@code column AS field}), or empty when the list does not
     * name each field or the query has no FROM; a list that is only {@code *} names every field.
     */
    private static Optional<List<Token>> subquery(List<Token> query, List<Token> fields, Token at) {
        int from = TopLevel.wordIndex(query, 0, "FROM");
        int list = selectListStart(query);
        if (from <= list) {
            return Optional.empty();
        }
        List<Token> subquery = new ArrayList<>();
        subquery.add(new Token(TokenType.WORD, "IN", at.offset(), at.line(), at.column()));
        subquery.add(new Token(TokenType.SYMBOL, "(", at.offset(), at.line(), at.column()));
        subquery.add(query.get(0));
        for (int i = 0; i < fields.size(); i++) {
            Optional<List<Token>> read = itemRead(query.subList(list, from), fields.get(i));
            if (read.isEmpty()) {
                return Optional.empty();
            }
            if (i > 0) {
                subquery.add(new Token(TokenType.SYMBOL, ",", at.offset(), at.line(), at.column()));
            }
            subquery.addAll(read.get());
        }
        subquery.addAll(query.subList(from, query.size()));
        subquery.add(new Token(TokenType.SYMBOL, ")", at.offset(), at.line(), at.column()));
        return Optional.of(subquery);
    }

    /**
     * Where the select list starts: after {@code SELECT}, and after a {@code DISTINCT}, {@code ALL} or Oracle's
     * {@code UNIQUE}, which change how often the loop runs but not which values it reads. {@code DISTINCT ON (..)}
     * keeps one row of each group, so only some of the values of the other items: its list is not read (the query's
     * length is returned).
     */
    private static int selectListStart(List<Token> query) {
        if (query.size() < 2 || !query.get(1).isAnyWord("DISTINCT", "ALL", "UNIQUE")) {
            return 1;
        }
        boolean distinctOn = query.size() > 2 && query.get(1).isWord("DISTINCT") && query.get(2).isWord("ON");
        return distinctOn ? query.size() : 2;
    }

    /**
     * What the select list reads for the loop's {@code field}: the expression of the item named so (an alias names
     * the expression before it), the field itself under {@code *}, or empty when no item is named so.
     */
    private static Optional<List<Token>> itemRead(List<Token> list, Token field) {
        if (list.size() == 1 && list.get(0).isSymbol("*")) {
            return Optional.of(List.of(field));
        }
        return ObjectNames.splitAtCommas(list, 0, list.size()).stream().map(SelectListItem::of)
                .filter(item -> item.named(field.text())).findFirst().map(SelectListItem::expression);
    }

    /**
     * {@code v}: one of the variables a fetch loop reads the row into, or a FOR loop's scalar variable; in a
     * FORALL, {@code ids(i)}: the element of one of the collections at the FORALL's index.
     */
    private static boolean isTarget(List<Token> side, RowLoop loop) {
        boolean element = loop.bulk() ? side.size() == 4 && side.get(1).isSymbol("(")
                && side.get(2).isWord(loop.index()) && side.get(3).isSymbol(")") : side.size() == 1;
        return element && side.get(0).type() == TokenType.WORD
                && loop.variables().stream().anyMatch(side.get(0).text()::equalsIgnoreCase);
    }

    /**
     * The name of the select list's item the FETCH (or the FOR loop) reads into {@code target}, by position: a
     * plain {@code col}, {@code x.col} or an alias ({@code col AS k}); null for an expression without an alias, or
     * when the loop names fewer or more variables than the list has items.
     */
    private static Token fetchedColumn(RowLoop loop, Token target) {
        List<Token> query = loop.query();
        int from = TopLevel.wordIndex(query, 0, "FROM");
        int list = selectListStart(query);
        if (from <= list) {
            return null;
        }
        List<List<Token>> items = ObjectNames.splitAtCommas(query, list, from);
        int position = -1;
        List<String> variables = loop.variables();
        for (int i = 0; i < variables.size(); i++) {
            position = variables.get(i).equalsIgnoreCase(target.text()) ? i : position;
        }
        if (items.size() != variables.size() || position < 0) {
            return null;
        }
        return SelectListItem.of(items.get(position)).name();
    }

    /**
     * {@code rows(i).field}: a field of the FORALL's element of a collection of records that BULK COLLECT filled
     * ({@code SELECT * BULK COLLECT INTO rows FROM t}), the only collection it filled.
     */
    private static boolean isElementField(List<Token> side, RowLoop loop) {
        return loop.bulk() && loop.targets().size() == 1 && side.size() == 6
                && side.get(0).isWord(loop.targets().get(0)) && side.get(1).isSymbol("(")
                && side.get(2).isWord(loop.index()) && side.get(3).isSymbol(")") && side.get(4).isSymbol(".")
                && side.get(5).type() == TokenType.WORD;
    }

    /** {@code rec.field}: the loop's record and one of its fields; a FORALL has no record. */
    private static boolean isField(List<Token> side, RowLoop loop) {
        return !loop.bulk() && side.size() == 3 && side.get(0).isWord(loop.record()) && side.get(1).isSymbol(".")
                && side.get(2).type() == TokenType.WORD;
    }

    /** {@code col} or {@code t.col}, not the loop's record. */
    private static boolean isColumn(List<Token> side, String record) {
        boolean plain = side.size() == 1 && side.get(0).type() == TokenType.WORD;
        boolean qualified = side.size() == 3 && side.get(0).type() == TokenType.WORD && side.get(1).isSymbol(".")
                && side.get(2).type() == TokenType.WORD;
        return (plain || qualified) && !side.get(0).isWord(record) && !side.get(side.size() - 1).isWord("NULL");
    }

    /**
     * The one {@code =} of a condition that is a single comparison, or -1; {@code elements} lets its sides hold the
     * parentheses of {@code ids(i)}.
     */
    private static int topLevelEquals(List<Token> condition, boolean elements) {
        int found = -1;
        for (int i = 0; i < condition.size(); i++) {
            Token token = condition.get(i);
            boolean parenthesis = elements && (token.isSymbol("(") || token.isSymbol(")"));
            if (token.type() == TokenType.SYMBOL && !token.isSymbol("=") && !token.isSymbol(".") && !parenthesis
                    || token.type() != TokenType.SYMBOL && token.type() != TokenType.WORD) {
                return -1;
            }
            if (token.isSymbol("=")) {
                if (found >= 0) {
                    return -1;
                }
                found = i;
            }
        }
        return found;
    }

    private static int indexOf(List<Token> tokens, Token wanted) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).offset() == wanted.offset() && tokens.get(i).text().equals(wanted.text())) {
                return i;
            }
        }
        return -1;
    }
}
