package io.github.sqlguard.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The values a loop's query lets a selected column take where its WHERE names them: Oracle cleanup scripts drop what
 * the catalogue lists by the kind each row names ({@code FOR x IN (SELECT object_name, object_type FROM user_objects
 * WHERE object_type IN ('PACKAGE', 'VIEW')) LOOP EXECUTE IMMEDIATE 'drop ' || x.object_type || ' ' || x.object_name}),
 * so the kinds in the condition are the only ones the text can drop.
 */
final class LoopColumnValues {

    private static final String[] WHERE_ENDS = {"GROUP", "ORDER", "HAVING", "CONNECT", "START", "UNION", "INTERSECT",
        "MINUS", "EXCEPT", "FETCH", "OFFSET", "FOR"};

    private LoopColumnValues() {
    }

    /**
     * The column's value as a choice among the literals the query's WHERE allows it ({@code col IN ('a', 'b')} or
     * {@code col = 'a'}, as a condition every row meets: at the top level, joined to the others by AND): the literal
     * itself for one, else {@code CASE WHEN .. THEN 'VIEW' WHEN .. THEN 'SYNONYM' END} for {@link ConditionalText} to
     * read branch by branch (a finding at the one place the text's DROP stands names each value); null when the WHERE
     * does not name the column's values so.
     */
    static List<Token> choice(List<Token> query, String column) {
        int where = TopLevel.firstWordIndex(query, 0, "WHERE");
        if (where < 0) {
            return null;
        }
        int end = TopLevel.firstWordIndex(query, where + 1, WHERE_ENDS);
        List<Token> condition = query.subList(where + 1, end < 0 ? query.size() : end);
        if (TopLevel.firstWordIndex(condition, 0, "OR") >= 0) {
            return null;
        }
        String wanted = column.toLowerCase(Locale.ROOT);
        for (int i = 0; i < condition.size(); i++) {
            boolean starts = i == 0 || condition.get(i - 1).isWord("AND");
            int name = starts && i + 2 < condition.size() && condition.get(i + 1).isSymbol(".") ? i + 2 : i;
            if (!starts || !condition.get(name).isWord(wanted) || name + 1 >= condition.size()) {
                continue;
            }
            List<Token> values = values(condition, name + 1);
            if (values != null) {
                return values.size() == 1 ? values : asChoice(values);
            }
        }
        return null;
    }

    /** The literals of {@code = 'a'} or {@code IN ('a', ..)} at {@code at} when a conjunct ends after them, else null. */
    private static List<Token> values(List<Token> condition, int at) {
        Token operator = condition.get(at);
        if (operator.isSymbol("=") && at + 1 < condition.size() && isText(condition.get(at + 1))
                && endsConjunct(condition, at + 2)) {
            return List.of(condition.get(at + 1));
        }
        if (!operator.isWord("IN") || at + 1 >= condition.size() || !condition.get(at + 1).isSymbol("(")) {
            return null;
        }
        int close = TopLevel.closingParenthesis(condition, at + 1);
        if (close < 0 || !endsConjunct(condition, close + 1)) {
            return null;
        }
        List<Token> values = new ArrayList<>();
        for (int i = at + 2; i < close; i += 2) {
            if (!isText(condition.get(i)) || !(condition.get(i + 1).isSymbol(",") || i + 1 == close)) {
                return null;
            }
            values.add(condition.get(i));
        }
        return values.isEmpty() ? null : values;
    }

    private static boolean endsConjunct(List<Token> condition, int at) {
        return at == condition.size() || condition.get(at).isWord("AND");
    }

    private static boolean isText(Token token) {
        return token.type() == TokenType.STRING && token.text().startsWith("'");
    }

    /** {@code CASE WHEN 'a' THEN 'a' WHEN 'b' THEN 'b' END}, each word placed at the literal it goes with. */
    private static List<Token> asChoice(List<Token> values) {
        List<Token> choice = new ArrayList<>();
        choice.add(word("CASE", values.get(0)));
        for (Token value : values) {
            choice.add(word("WHEN", value));
            choice.add(value);
            choice.add(word("THEN", value));
            choice.add(value);
        }
        choice.add(word("END", values.get(values.size() - 1)));
        return choice;
    }

    private static Token word(String text, Token at) {
        return new Token(TokenType.WORD, text, at.offset(), at.line(), at.column());
    }
}
