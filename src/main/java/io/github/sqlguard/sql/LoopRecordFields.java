package io.github.sqlguard.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text a query loop's record field holds when a statement of the loop runs it whole: PL/SQL cleanup scripts build
 * each statement in the loop's query and run it row by row ({@code FOR r IN (SELECT 'DROP TABLE ' || table_name AS
 * cmd FROM user_tables ..) LOOP EXECUTE IMMEDIATE r.cmd; END LOOP}), and PL/pgSQL does the same with
 * {@code EXECUTE r.cmd}. The select list item the field names shows what runs: its literals as they are, every other
 * part standing in as a value known only at run time, so a table dropped for each row is reported as such.
 */
final class LoopRecordFields {

    private LoopRecordFields() {
    }

    /**
     * What {@code EXECUTE [IMMEDIATE] rec.field} in {@code tokens} runs, read from the select list of {@code loop},
     * the loop that runs the statement for each row; null when the statement runs no field of that loop's record,
     * when the query names no item for the field, or when the item has no literal part.
     */
    static DynamicSql.Source runText(List<Token> tokens, RowLoop loop, String label) {
        if (loop == null || loop.fetches() || loop.bulk() || loop.forVariables().size() != 1
                || tokens.size() < 4 || !tokens.get(0).isAnyWord("EXECUTE", "EXEC")) {
            return null;
        }
        int record = tokens.get(1).isWord("IMMEDIATE") ? 2 : 1;
        if (record + 2 >= tokens.size() || !tokens.get(record).isWord(loop.record())
                || !tokens.get(record + 1).isSymbol(".") || !isName(tokens.get(record + 2))) {
            return null;
        }
        int after = record + 3;
        if (after < tokens.size() && !tokens.get(after).isAnyWord("INTO", "USING", "RETURNING", "RETURN", "BULK")) {
            return null;
        }
        List<Token> item = selectedItem(loop.query(), tokens.get(record + 2).text());
        if (item == null) {
            return null;
        }
        DynamicSql.Source read = DynamicSql.expression(item, label);
        if (read.literals().isEmpty()) {
            return null;
        }
        // Each row may give another text: what is known is the shape the literals show.
        return new DynamicSql.Source(read.literals(), null, read.partlyBuilt() || !isLiteralsOnly(item), label,
                null);
    }

    /**
     * {@code tokens}, an {@code EXECUTE [IMMEDIATE]} statement that joins fields of {@code loop}'s record into its
     * text ({@code EXECUTE IMMEDIATE 'drop ' || r.what}), with each such field written as the select list item that
     * fills it, where that item holds a literal ({@code 'synonym ' || synonym_name AS what}), or where it is a column
     * whose values the query's WHERE names ({@link LoopColumnValues}): the text then shows what kind of object it
     * drops. A name column of a query of catalogue views only ({@link CatalogueRowNames}) is written as one name. The same list when no field is replaced, or when the statement runs a field
     * alone ({@link #runText} reads that).
     */
    static List<Token> withSelectedItems(List<Token> tokens, RowLoop loop) {
        if (loop == null || loop.fetches() || loop.bulk() || loop.forVariables().size() != 1
                || tokens.size() < 4 || !tokens.get(0).isAnyWord("EXECUTE", "EXEC")) {
            return tokens;
        }
        int start = tokens.get(1).isWord("IMMEDIATE") ? 2 : 1;
        int end = TopLevel.firstWordIndex(tokens, start, "INTO", "USING", "RETURNING", "RETURN", "BULK");
        end = end < 0 ? tokens.size() : end;
        if (end - start == 3) {
            return tokens;
        }
        List<Token> replaced = null;
        for (int i = start; i < end; i++) {
            List<Token> item = i + 2 < end && tokens.get(i).isWord(loop.record()) && tokens.get(i + 1).isSymbol(".")
                    && isName(tokens.get(i + 2)) && (i == start || !tokens.get(i - 1).isSymbol("."))
                    ? selectedItem(loop.query(), tokens.get(i + 2).text()) : null;
            if (item != null && (item.size() == 1 || item.size() == 3 && item.get(1).isSymbol("."))) {
                // A column: its values are what the query's WHERE lets it be, where that names them; else a name
                // column of the catalogue holds one object's name on each row.
                List<Token> values = LoopColumnValues.choice(loop.query(), item.get(item.size() - 1).text());
                Token field = tokens.get(i);
                item = values == null && CatalogueRowNames.isNameItem(loop.query(), item)
                        ? List.of(StandIns.quoted(0, field.offset(), field.line(), field.column())) : values;
            }
            if (item == null || item.stream().noneMatch(token -> token.type() == TokenType.STRING
                    || StandIns.is(token))) {
                if (replaced != null) {
                    replaced.add(tokens.get(i));
                }
                continue;
            }
            if (replaced == null) {
                replaced = new ArrayList<>(tokens.subList(0, i));
            }
            // Joining texts is associative: the item's own joins stand as they are among the statement's.
            replaced.addAll(item);
            i += 2;
        }
        if (replaced == null) {
            return tokens;
        }
        replaced.addAll(tokens.subList(end, tokens.size()));
        return replaced;
    }

    /** True when the item is literals alone, so every row runs the same known text. */
    private static boolean isLiteralsOnly(List<Token> item) {
        return !TextParts.literalParts(item).isEmpty();
    }

    /**
     * The expression of the top-level select list item of {@code query} whose alias ({@code expr AS field} or
     * {@code expr field}) or, without one, whose column ({@code t.field}) is {@code field}; null for none or for a
     * query that selects {@code *}.
     */
    static List<Token> selectedItem(List<Token> query, String field) {
        if (query.isEmpty() || !query.get(0).isWord("SELECT")) {
            return null;
        }
        int start = query.size() > 1 && query.get(1).isAnyWord("DISTINCT", "UNIQUE", "ALL") ? 2 : 1;
        List<List<Token>> items = new ArrayList<>();
        int depth = 0;
        int caseDepth = 0;
        int itemStart = start;
        for (int i = start; i <= query.size(); i++) {
            Token token = i < query.size() ? query.get(i) : null;
            boolean ends = token == null || depth == 0 && caseDepth == 0 && (token.isSymbol(",")
                    || token.isWord("FROM"));
            if (ends) {
                items.add(query.subList(itemStart, i));
                itemStart = i + 1;
                if (token == null || token.isWord("FROM")) {
                    break;
                }
                continue;
            }
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            caseDepth += token.isWord("CASE") ? 1 : token.isWord("END") && caseDepth > 0 ? -1 : 0;
        }
        String wanted = unquoted(field);
        for (List<Token> item : items) {
            if (item.isEmpty() || item.size() == 1 && item.get(0).isSymbol("*")) {
                continue;
            }
            Token last = item.get(item.size() - 1);
            if (!isName(last) || !unquoted(last.text()).equals(wanted)) {
                continue;
            }
            if (item.size() == 1 || item.size() >= 3 && item.get(item.size() - 2).isSymbol(".")) {
                return item; // the column itself, read from the row: no literal part
            }
            boolean as = item.get(item.size() - 2).isWord("AS");
            List<Token> expression = item.subList(0, item.size() - (as ? 2 : 1));
            if (!expression.isEmpty() && (as || isAliasable(expression.get(expression.size() - 1)))) {
                return expression;
            }
        }
        return null;
    }

    /** True when a word after {@code token} can only be an alias of the expression it ends. */
    private static boolean isAliasable(Token token) {
        return token.type() == TokenType.STRING || token.isSymbol(")") || isName(token);
    }

    private static boolean isName(Token token) {
        return token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_NAME;
    }

    private static String unquoted(String name) {
        return name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")
                ? name.substring(1, name.length() - 1).toLowerCase(Locale.ROOT) : name.toLowerCase(Locale.ROOT);
    }
}
