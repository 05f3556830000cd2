package io.github.sqlguard.schema;

import io.github.sqlguard.sql.RowLoop;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import io.github.sqlguard.sql.TopLevel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The copy a PL/pgSQL or PL/SQL row loop makes, written as the {@code INSERT .. SELECT} it amounts to, so that the
 * copies a script makes row by row guard what they guard when written in one statement. Migrations that move rows
 * into a new table write it as
 *
 * <pre>{@code
 * FOR r IN SELECT * FROM log_entry LOOP
 *     INSERT INTO audit_log (id, op, repo) VALUES (r.id, r.op, r.repo);
 * END LOOP;
 * }</pre>
 *
 * which {@link RowLoop} tells runs the INSERT for every row of its query: that is {@code INSERT INTO audit_log (id,
 * op, repo) SELECT id, op, repo FROM log_entry}. A value that is not a column of the loop's record as it is (a
 * variable, a literal) copies no column, and reads as {@code NULL}; an expression of the record's columns, functions and
 * literals alone ({@code CONCAT('{"op":"', r.op, '"}')}) reads as that expression of the columns, so the copy converts
 * them as the straight-line statement would; the loop query's WHERE, join or
 * LIMIT stays, so a copy of some rows keeps only those. One variable stands for a column: the one an earlier INSERT
 * of the loop filled by {@code RETURNING id INTO v} when it carried the row's primary key ({@code INSERT INTO
 * execution (vendor_id) VALUES (r.id) RETURNING id INTO v; INSERT INTO task (execution_id, job_id) VALUES (v,
 * r.job_id)}): the row it names holds the key, so {@code v} tells which row a value came from as the key does.
 */
final class RowLoopCopy {

    /** The keywords of a value expression that name no variable or column. */
    private static final String[] EXPRESSION_WORDS = {"CASE", "WHEN", "THEN", "ELSE", "END", "AND", "OR", "NOT",
        "NULL", "TRUE", "FALSE", "IS", "IN", "LIKE", "ILIKE", "BETWEEN", "AS", "FROM", "FOR", "DISTINCT"};

    private RowLoopCopy() {
    }

    /**
     * The {@code INSERT .. SELECT} that {@code insert}, an {@code INSERT .. VALUES} run once for every row of its
     * loop's query, amounts to, as a statement that runs in straight line where the loop does; empty for any other
     * statement.
     */
    static Optional<Statement> asInsertSelect(Statement insert) {
        return asInsertSelect(insert, Map.of());
    }

    /**
     * As {@link #asInsertSelect(Statement)}, each variable of {@code keyVariables} (by its key) read as the column of
     * the loop's record it names ({@link #keyVariable}).
     */
    static Optional<Statement> asInsertSelect(Statement insert, Map<String, String> keyVariables) {
        StatementContext.Body body = insert.context().body();
        RowLoop loop = body == null ? null : body.loopOverEveryRow();
        List<Token> tokens = insert.tokens();
        if (loop == null || !loop.always() || loop.bulk() || body.undoneOnError() || tokens.size() < 4
                || !tokens.get(0).isWord("INSERT")
                || !tokens.get(1).isWord("INTO")) {
            return Optional.empty();
        }
        int values = TopLevel.wordIndex(tokens, 2, "VALUES");
        Optional<RecordColumns> columns = recordColumns(loop);
        if (values < 0 || values + 1 >= tokens.size() || !tokens.get(values + 1).isSymbol("(") || columns.isEmpty()) {
            return Optional.empty();
        }
        int close = TopLevel.closingParenthesis(tokens, values + 1);
        // One row of values, perhaps RETURNING what it inserted; another row or ON CONFLICT is not a plain copy
        if (close < 0 || close + 1 < tokens.size() && !tokens.get(close + 1).isWord("RETURNING")) {
            return Optional.empty();
        }
        Token at = tokens.get(values);
        List<Token> copy = new ArrayList<>(tokens.subList(0, values));
        copy.add(word("SELECT", at));
        for (List<Token> value : items(tokens.subList(values + 2, close))) {
            if (copy.size() > values + 1) {
                copy.add(new Token(TokenType.SYMBOL, ",", at.offset(), at.line(), at.column()));
            }
            copy.addAll(recordColumn(value, loop.record()).or(() -> keyVariable(value, keyVariables, at))
                    .flatMap(columns.get()::read)
                    .or(() -> recordExpression(value, loop.record(), columns.get()))
                    .orElse(List.of(word("NULL", at))));
        }
        List<Token> query = loop.query();
        copy.addAll(query.subList(TopLevel.wordIndex(query, 1, "FROM"), query.size()));
        StatementContext straight = insert.context().withBody(new StatementContext.Body(body.id(), true));
        return Optional.of(new Statement(Token.written(copy), insert.start(), copy, straight, insert.dialect(),
                false));
    }

    /**
     * The variable {@code insert}, run once for every row of its loop's query, fills with {@code RETURNING .. INTO v}
     * while it carries the primary key of the loop's table as it is ({@code VALUES ('x', r.id) RETURNING id INTO v}),
     * as a key, with the column of the record that reads the key; empty for any other statement. The row it returns
     * holds the key, so each value of {@code v} names one row of the loop's table.
     */
    static Optional<Map.Entry<String, String>> keyVariable(Statement insert, SchemaView before) {
        StatementContext.Body body = insert.context().body();
        RowLoop loop = body == null ? null : body.loopOverEveryRow();
        List<Token> tokens = insert.tokens();
        if (loop == null || !loop.always() || loop.bulk() || tokens.size() < 4 || !tokens.get(0).isWord("INSERT")) {
            return Optional.empty();
        }
        int values = TopLevel.wordIndex(tokens, 2, "VALUES");
        int close = values < 0 || values + 1 >= tokens.size() ? -1 : TopLevel.closingParenthesis(tokens, values + 1);
        int returning = close < 0 ? -1 : close + 1;
        int into = returning < 0 ? -1 : TopLevel.wordIndex(tokens, returning, "INTO");
        if (into < 0 || into + 1 >= tokens.size() || !tokens.get(returning).isWord("RETURNING")
                || tokens.get(into + 1).type() != TokenType.WORD) {
            return Optional.empty();
        }
        List<Token> query = loop.query();
        int from = TopLevel.wordIndex(query, 1, "FROM");
        SchemaNames.Read source = from < 0 ? null : SchemaNames.name(query, from + 1);
        List<String> key = source == null ? List.of()
                : before.table(source.text()).map(Table::primaryKey).orElse(List.of());
        Optional<RecordColumns> columns = recordColumns(loop);
        if (key.size() != 1 || columns.isEmpty()) {
            return Optional.empty();
        }
        for (List<Token> value : items(tokens.subList(values + 2, close))) {
            Optional<Token> column = recordColumn(value, loop.record());
            Optional<List<Token>> read = column.flatMap(columns.get()::read);
            if (read.isPresent() && SchemaNames.key(read.get().get(read.get().size() - 1).text())
                    .equals(SchemaNames.key(key.get(0)))) {
                return Optional.of(Map.entry(SchemaNames.key(tokens.get(into + 1).text()), column.get().text()));
            }
        }
        return Optional.empty();
    }

    /** The column of the record a variable of {@code keyVariables} stands for, when {@code value} is one. */
    private static Optional<Token> keyVariable(List<Token> value, Map<String, String> keyVariables, Token at) {
        String column = value.size() == 1 && value.get(0).type() == TokenType.WORD
                ? keyVariables.get(SchemaNames.key(value.get(0).text())) : null;
        return column == null ? Optional.empty() : Optional.of(word(column, at));
    }

    /**
     * The columns of a loop's record that are a column of its query's table as it is: every column for {@code SELECT
     * *} ({@code star}), else each item of the select list that is a column, aliased or not, with the tokens that
     * read it, by the key of its name in the record.
     */
    private record RecordColumns(boolean star, Map<String, List<Token>> listed) {

        /** The tokens that read {@code column} of the record from the query's table, if it is such a column. */
        Optional<List<Token>> read(Token column) {
            return star ? Optional.of(List.of(column))
                    : Optional.ofNullable(listed.get(SchemaNames.key(column.text())));
        }
    }

    /**
     * The columns of the loop's record read as they are from its query's table; empty for a query the record's
     * columns cannot be read from ({@code SELECT DISTINCT}, no FROM).
     */
    private static Optional<RecordColumns> recordColumns(RowLoop loop) {
        List<Token> query = loop.query();
        int from = TopLevel.wordIndex(query, 1, "FROM");
        if (from < 2 || query.get(1).isAnyWord("DISTINCT", "ALL")) {
            return Optional.empty();
        }
        if (from == 2 && query.get(1).isSymbol("*")) {
            return Optional.of(new RecordColumns(true, Map.of()));
        }
        Map<String, List<Token>> columns = new HashMap<>();
        for (List<Token> item : items(query.subList(1, from))) {
            int name = item.size() >= 3 && item.get(1).isSymbol(".") ? 2 : 0;
            boolean column = isName(item.get(name)) && (name == 0 || isName(item.get(0)));
            int alias = item.size() == name + 3 && item.get(name + 1).isWord("AS") ? name + 2
                    : item.size() == name + 2 ? name + 1 : item.size() == name + 1 ? name : -1;
            if (column && alias >= 0 && isName(item.get(alias))) {
                columns.put(SchemaNames.key(item.get(alias).text()), item.subList(0, name + 1));
            }
        }
        return Optional.of(new RecordColumns(false, columns));
    }

    /** The column {@code value} reads of the record {@code record} as it is ({@code r.op}), if it is one. */
    private static Optional<Token> recordColumn(List<Token> value, String record) {
        return value.size() == 3 && isName(value.get(0)) && value.get(1).isSymbol(".") && isName(value.get(2))
                && SchemaNames.key(value.get(0).text()).equals(SchemaNames.key(record))
                ? Optional.of(value.get(2)) : Optional.empty();
    }

    /**
     * {@code value}, an expression that reads columns of the record {@code record} ({@code lower(r.repo)}, {@code
     * CONCAT('{"op":"', r.op, '"}')::json}), with each of them read from the loop's query instead; empty when it reads
     * none, or reads anything else whose value the loop's query cannot tell: a variable, another record, a subquery.
     */
    private static Optional<List<Token>> recordExpression(List<Token> value, String record, RecordColumns columns) {
        List<Token> read = new ArrayList<>();
        boolean readsRecord = false;
        for (int i = 0; i < value.size(); i++) {
            Token token = value.get(i);
            Token next = i + 1 < value.size() ? value.get(i + 1) : null;
            boolean field = isName(token) && SchemaNames.key(token.text()).equals(SchemaNames.key(record))
                    && next != null && next.isSymbol(".") && i + 2 < value.size() && isName(value.get(i + 2));
            if (field) {
                Optional<List<Token>> column = columns.read(value.get(i + 2));
                if (column.isEmpty()) {
                    return Optional.empty();
                }
                read.addAll(column.get());
                readsRecord = true;
                i += 2;
            } else if (token.isWord("SELECT") && i > 0 && value.get(i - 1).isSymbol("(") && selectsAlone(value, i)) {
                continue; // (SELECT r.a || 'x'): a subquery of no table is the expression it selects
            } else if (token.isWord("SELECT") || !isExpressionPart(token, next, i > 0 ? value.get(i - 1) : null)) {
                return Optional.empty();
            } else {
                read.add(token);
            }
        }
        return readsRecord ? Optional.of(read) : Optional.empty();
    }

    /**
     * True when the SELECT at {@code select} in {@code value}, just inside a parenthesis, selects one expression of no
     * table: no FROM, WHERE, comma or set operation of its own before the parenthesis closes.
     */
    private static boolean selectsAlone(List<Token> value, int select) {
        int depth = 0;
        for (int i = select + 1; i < value.size(); i++) {
            Token token = value.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")") && --depth < 0) {
                return true;
            } else if (depth == 0 && (token.isSymbol(",") || token.isAnyWord("FROM", "WHERE", "GROUP", "HAVING",
                    "ORDER", "LIMIT", "UNION", "EXCEPT", "INTERSECT", "INTO", "DISTINCT"))) {
                return false;
            }
        }
        return false;
    }

    /**
     * True when {@code token}, between {@code previous} and {@code next} in a value, is a literal, an operator, a
     * function's name, a type's name or an expression keyword: a part whose value is the same for the loop as for
     * the straight-line copy. A bare name is a variable of the block (PL/pgSQL resolves it before a column), so it is
     * not such a part.
     */
    private static boolean isExpressionPart(Token token, Token next, Token previous) {
        return switch (token.type()) {
            case STRING, NUMBER, SYMBOL -> true;
            case WORD -> next != null && next.isSymbol("(")
                    || previous != null && (previous.isSymbol("::") || previous.isWord("AS"))
                    || token.isAnyWord(EXPRESSION_WORDS);
            default -> false;
        };
    }

    /** The comma-separated items of {@code tokens}, commas inside parentheses not counting. */
    private static List<List<Token>> items(List<Token> tokens) {
        List<List<Token>> items = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= tokens.size(); i++) {
            if (i == tokens.size() || depth == 0 && tokens.get(i).isSymbol(",")) {
                if (i > start) {
                    items.add(tokens.subList(start, i));
                }
                start = i + 1;
            } else {
                depth += tokens.get(i).isSymbol("(") ? 1 : tokens.get(i).isSymbol(")") ? -1 : 0;
            }
        }
        return items;
    }

    private static boolean isName(Token token) {
        return token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_NAME;
    }

    private static Token word(String text, Token at) {
        return new Token(TokenType.WORD, text, at.offset(), at.line(), at.column());
    }
}
