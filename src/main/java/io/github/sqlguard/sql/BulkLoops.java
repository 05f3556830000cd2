package io.github.sqlguard.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PL/SQL's bulk form of a row loop: a {@code FORALL i IN 1 .. ids.COUNT} (or {@code ids.FIRST .. ids.LAST},
 * {@code INDICES OF ids}) over every element of a collection that a {@code BULK COLLECT INTO} filled from a query
 * runs its statement once for each row that query read, as {@code FOR r IN (SELECT ..) LOOP} does ({@link RowLoop}).
 * The collection is filled by
 * <ul>
 * <li>{@code SELECT id BULK COLLECT INTO ids FROM t ..;} or {@code FETCH c BULK COLLECT INTO ids;} before the FORALL,
 * with nothing in between that names the collection but to read its {@code COUNT}, {@code FIRST} or {@code LAST};
 * or</li>
 * <li>{@code LOOP FETCH c BULK COLLECT INTO ids LIMIT n;} right before the FORALL, perhaps with {@code EXIT WHEN
 * ids.COUNT = 0;} between: batch by batch the loop reaches every row the cursor reads. {@code EXIT WHEN c%NOTFOUND}
 * there would leave out the last, short batch.</li>
 * </ul>
 */
final class BulkLoops {

    /** How many tokens the bounds of a FORALL may take. */
    private static final int MAX_BOUNDS_LENGTH = 12;
    private static final String NAME = "([\\w$#]+)";
    private static final Pattern COUNTED = Pattern.compile("1\\.\\." + NAME + "\\.COUNT", Pattern.CASE_INSENSITIVE);
    private static final Pattern FIRST_TO_LAST = Pattern.compile(NAME + "\\.FIRST\\.\\." + NAME + "\\.LAST",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INDICES = Pattern.compile("INDICESOF" + NAME, Pattern.CASE_INSENSITIVE);

    private BulkLoops() {
    }

    /** A FORALL over a whole collection, and where the statement it runs starts. */
    record Forall(RowLoop loop, int statementAt) {
    }

    /** The FORALL at {@code forallAt} when it runs its statement once per row a query read into a collection. */
    static Forall at(List<Token> tokens, int forallAt, int to) {
        Token index = BlockSyntax.at(tokens, forallAt + 1, to);
        Token in = BlockSyntax.at(tokens, forallAt + 2, to);
        if (index == null || index.type() != TokenType.WORD || in == null || !in.isWord("IN")) {
            return null;
        }
        StringBuilder bounds = new StringBuilder();
        for (int i = forallAt + 3; i < to && i <= forallAt + 3 + MAX_BOUNDS_LENGTH; i++) {
            Token token = tokens.get(i);
            boolean saveExceptions = token.isWord("SAVE") && i + 1 < to && tokens.get(i + 1).isWord("EXCEPTIONS");
            if (saveExceptions || BlockSyntax.isStatementStarter(tokens, i, to)) {
                String collection = wholeCollection(bounds.toString());
                RowLoop loop = collection == null ? null : filled(tokens, forallAt, index.text(), collection);
                return loop == null ? null : new Forall(loop, saveExceptions ? i + 2 : i);
            }
            if (BlockSyntax.endsStatementText(token)) {
                return null;
            }
            bounds.append(token.text());
        }
        return null;
    }

    /** The collection whose every element the bounds, written without spaces, run over; or null. */
    private static String wholeCollection(String bounds) {
        Matcher counted = COUNTED.matcher(bounds);
        if (counted.matches()) {
            return counted.group(1);
        }
        Matcher firstToLast = FIRST_TO_LAST.matcher(bounds);
        if (firstToLast.matches() && firstToLast.group(1).equalsIgnoreCase(firstToLast.group(2))) {
            return firstToLast.group(1);
        }
        Matcher indices = INDICES.matcher(bounds);
        return indices.matches() ? indices.group(1) : null;
    }

    /** The loop over the query that the last {@code BULK COLLECT INTO} of {@code collection} filled it from. */
    private static RowLoop filled(List<Token> tokens, int forallAt, String index, String collection) {
        for (int bulk = forallAt - 3; bulk >= 0; bulk--) {
            if (!tokens.get(bulk).isWord("BULK") || !tokens.get(bulk + 1).isWord("COLLECT")
                    || !tokens.get(bulk + 2).isWord("INTO")) {
                continue;
            }
            List<String> targets = new ArrayList<>();
            int end = bulk + 3;
            while (end < forallAt && tokens.get(end).type() == TokenType.WORD) {
                targets.add(tokens.get(end).text());
                end += end + 1 < forallAt && tokens.get(end + 1).isSymbol(",") ? 2 : 1;
                if (!tokens.get(end - 1).isSymbol(",")) {
                    break;
                }
            }
            if (targets.stream().noneMatch(collection::equalsIgnoreCase)) {
                continue;
            }
            return loopOver(tokens, bulk, end, forallAt, index, collection, targets);
        }
        return null;
    }

    /** The loop for the fill whose {@code BULK} is at {@code bulk} and whose INTO list ends at {@code end}. */
    private static RowLoop loopOver(List<Token> tokens, int bulk, int end, int forallAt, String index,
            String collection, List<String> targets) {
        int fetchAt = bulk - 2;
        fetchAt -= fetchAt >= 0 && tokens.get(fetchAt).isAnyWord("FROM", "IN") ? 1 : 0;
        fetchAt -= fetchAt >= 0 && tokens.get(fetchAt).isWord("NEXT") ? 1 : 0;
        if (fetchAt >= 0 && tokens.get(fetchAt).isWord("FETCH")) {
            String cursor = tokens.get(bulk - 1).text();
            List<Token> query = CursorDeclarations.query(tokens.subList(0, fetchAt), cursor);
            boolean fetchesAll = query != null && (tokens.get(end).isWord("LIMIT")
                    ? batchBeforeForall(tokens, fetchAt, end, forallAt, collection)
                    : onlyReadBetween(tokens, end, forallAt, collection));
            return fetchesAll ? RowLoop.collected(index, cursor, targets, query) : null;
        }
        int select = selectBefore(tokens, bulk);
        if (select < 0 || !tokens.get(end).isWord("FROM")) {
            return null;
        }
        int queryEnd = end;
        while (queryEnd < forallAt && !BlockSyntax.endsStatementText(tokens.get(queryEnd))) {
            queryEnd++;
        }
        if (queryEnd == forallAt || !onlyReadBetween(tokens, queryEnd, forallAt, collection)) {
            return null;
        }
        List<Token> query = new ArrayList<>(tokens.subList(select, bulk));
        query.addAll(tokens.subList(end, queryEnd));
        return RowLoop.collected(index, null, targets, query);
    }

    /**
     * True for {@code LOOP FETCH c BULK COLLECT INTO .. LIMIT n;} right before the FORALL, or with only {@code EXIT
     * WHEN ids.COUNT = 0;} between.
     */
    private static boolean batchBeforeForall(List<Token> tokens, int fetchAt, int limit, int forallAt,
            String collection) {
        if (fetchAt == 0 || !tokens.get(fetchAt - 1).isWord("LOOP")) {
            return false;
        }
        int at = limit + 1;
        while (at < forallAt && !BlockSyntax.endsStatementText(tokens.get(at))) {
            at++;
        }
        at++;
        if (at == forallAt) {
            return true;
        }
        StringBuilder exit = new StringBuilder();
        tokens.subList(at, forallAt).forEach(token -> exit.append(token.text()).append(' '));
        return exit.toString().toUpperCase(Locale.ROOT)
                .equals("EXIT WHEN " + collection.toUpperCase(Locale.ROOT) + " . COUNT = 0 ; ");
    }

    /**
     * True when nothing in {@code tokens[from, to)} names the collection but to read its {@code COUNT}, {@code FIRST}
     * or {@code LAST}: anything else may change which rows it holds.
     */
    private static boolean onlyReadBetween(List<Token> tokens, int from, int to, String collection) {
        for (int i = from; i < to; i++) {
            if (tokens.get(i).isWord(collection) && !(i + 2 < to && tokens.get(i + 1).isSymbol(".")
                    && tokens.get(i + 2).isAnyWord("COUNT", "FIRST", "LAST"))) {
                return false;
            }
        }
        return true;
    }

    /** Where the SELECT whose select list ends at {@code bulk} starts a statement; -1 when none does. */
    private static int selectBefore(List<Token> tokens, int bulk) {
        int depth = 0;
        for (int i = bulk - 1; i >= 0; i--) {
            Token token = tokens.get(i);
            depth += token.isSymbol(")") ? 1 : token.isSymbol("(") ? -1 : 0;
            if (depth == 0 && token.isWord("SELECT")) {
                Token before = i == 0 ? null : tokens.get(i - 1);
                return before == null || BlockSyntax.endsStatementText(before)
                        || before.isAnyWord("BEGIN", "THEN", "ELSE", "LOOP") ? i : -1;
            }
            if (depth < 0 || BlockSyntax.endsStatementText(token)) {
                return -1;
            }
        }
        return -1;
    }
}
