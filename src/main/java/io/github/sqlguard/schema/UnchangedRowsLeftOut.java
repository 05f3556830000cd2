package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An UPDATE whose WHERE only tests the columns it sets to a constant for holding something else ({@code SET note =
 * NULL WHERE note IS NOT NULL} or {@code WHERE note LIKE '%'}, {@code SET state = 'done' WHERE state <> 'done'}, or
 * several such tests joined by OR): the rows it leaves out are those whose tested columns already hold the new value, so every value of those
 * columns is overwritten, as without a WHERE. Tests joined by AND leave out rows that one column does not make
 * unchanged, so they restrict.
 */
final class UnchangedRowsLeftOut {

    private static final List<String> NOT_EQUAL = List.of("<>", "!=", "^=");

    private UnchangedRowsLeftOut() {
    }

    /** A test that a column holds something else than {@code value}, as written. */
    private record Test(String column, Token value, String written) {
    }

    /** Why the WHERE of {@code where} leaves out only rows the SET would not change, or empty. */
    static Optional<String> reason(WhereTokens where) {
        if (!where.verb().equals("UPDATE") || WhereJudgement.split(where.condition(), "AND").size() != 1) {
            return Optional.empty();
        }
        Map<String, Token> constants = constantAssignments(where.assignments());
        List<Test> tests = new ArrayList<>();
        for (List<Token> alternative : WhereJudgement.split(WhereJudgement.unwrapped(where.condition()), "OR")) {
            Optional<Test> test = test(WhereJudgement.unwrapped(alternative), where);
            Token assigned = test.map(found -> constants.get(SchemaNames.key(found.column()))).orElse(null);
            if (assigned == null || !sameConstant(assigned, test.get().value())) {
                return Optional.empty();
            }
            tests.add(test.get());
        }
        List<String> columns = tests.stream().map(Test::column).distinct().toList();
        if (tests.size() == 1) {
            Test test = tests.get(0);
            return Optional.of(test.written() + " leaves out only the rows whose " + test.column() + " already is "
                    + test.value().text() + ", the value the SET gives it, so every value of " + test.column()
                    + " is overwritten");
        }
        String names = String.join(", ", columns);
        return Optional.of("the WHERE leaves out only the rows whose " + names + " already hold the values the SET"
                + " gives them, so every value of " + names + " is overwritten");
    }

    /** The SET's {@code col = constant} items by the column's key; an item of another shape is left out. */
    private static Map<String, Token> constantAssignments(List<Token> assignments) {
        Map<String, Token> constants = new HashMap<>();
        for (List<Token> item : ObjectNames.splitAtCommas(assignments, 0, assignments.size())) {
            SchemaNames.Read name = SchemaNames.name(item, 0);
            if (name != null && name.next() + 2 == item.size() && item.get(name.next()).isSymbol("=")
                    && isConstant(item.get(name.next() + 1))) {
                constants.put(SchemaNames.key(SchemaNames.lastPart(name.text())), item.get(name.next() + 1));
            }
        }
        return constants;
    }

    /**
     * {@code col IS NOT NULL} (also written as a pattern every text matches, {@code col LIKE '%'}: {@link
     * EveryTextPatterns}), {@code col <> constant} (either way round, also {@code !=}), {@code col IS DISTINCT FROM
     * constant} or a test that the flag {@code col} is set ({@link #holdsTrue}), on a column of the target.
     */
    private static Optional<Test> test(List<Token> term, WhereTokens where) {
        if (term.size() == 3 && isConstant(term.get(0)) && NOT_EQUAL.contains(term.get(1).text())
                && term.get(1).type() == TokenType.SYMBOL) {
            return test(List.of(term.get(2), term.get(1), term.get(0)), where);
        }
        SchemaNames.Read name = SchemaNames.name(term, 0);
        if (name == null || !where.namesTarget(name.text())) {
            return Optional.empty();
        }
        List<Token> rest = term.subList(name.next(), term.size());
        String column = SchemaNames.lastPart(name.text());
        String written = column + " " + String.join(" ", rest.stream().map(Token::text).toList());
        Token value = rest.isEmpty() ? null : rest.get(rest.size() - 1);
        boolean notNull = rest.size() == 3 && rest.get(0).isWord("IS") && rest.get(1).isWord("NOT")
                && value.isWord("NULL");
        boolean notEqual = rest.size() == 2 && rest.get(0).type() == TokenType.SYMBOL
                && NOT_EQUAL.contains(rest.get(0).text()) && isConstant(value);
        boolean distinct = rest.size() == 4 && rest.get(0).isWord("IS") && rest.get(1).isWord("DISTINCT")
                && rest.get(2).isWord("FROM") && isConstant(value);
        if (notNull || notEqual || distinct) {
            return Optional.of(new Test(column, value, written));
        }
        String pattern = EveryTextPatterns.written(rest, 0);
        if (pattern != null) {
            // LIKE '%' fails only where the column is NULL: it is IS NOT NULL written as a pattern
            return Optional.of(new Test(column, new Token(TokenType.WORD, "NULL", term.get(0).offset(),
                    term.get(0).line(), term.get(0).column()), column + " " + pattern));
        }
        return holdsTrue(rest) ? Optional.of(new Test(column, new Token(TokenType.WORD, "FALSE",
                term.get(0).offset(), term.get(0).line(), term.get(0).column()), written.strip()))
                : Optional.empty();
    }

    /**
     * The rest of a test that a flag is set: the column alone ({@code WHERE latest}; MySQL reads it as
     * {@code latest <> 0}), {@code = TRUE}, {@code IS TRUE} or {@code IS NOT FALSE}. It leaves out the rows whose flag
     * is already FALSE, so {@code SET latest = FALSE} clears it on every row.
     */
    private static boolean holdsTrue(List<Token> rest) {
        boolean isTrue = rest.size() == 2 && (rest.get(0).isSymbol("=") || rest.get(0).isWord("IS"))
                && rest.get(1).isWord("TRUE");
        boolean notFalse = rest.size() == 3 && rest.get(0).isWord("IS") && rest.get(1).isWord("NOT")
                && rest.get(2).isWord("FALSE");
        return rest.isEmpty() || isTrue || notFalse;
    }

    /** A literal the SET and the WHERE can be seen to agree on: a string, a number, NULL, TRUE or FALSE. */
    private static boolean isConstant(Token token) {
        return token.type() == TokenType.STRING || token.type() == TokenType.NUMBER
                || token.isAnyWord("NULL", "TRUE", "FALSE");
    }

    private static boolean sameConstant(Token a, Token b) {
        return a.type() == b.type() && (a.type() == TokenType.WORD ? a.text().equalsIgnoreCase(b.text())
                : a.text().equals(b.text()));
    }
}
