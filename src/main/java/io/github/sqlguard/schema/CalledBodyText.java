package io.github.sqlguard.schema;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.BuiltText;
import io.github.sqlguard.sql.Lexer;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.Comparator;
import java.util.List;

/**
 * A called routine's body with the dynamic SQL the call decides whole written out as the static SQL it runs
 * ({@link BuiltText}), so that the checks it makes read as written inline: PL/pgSQL {@code EXECUTE format('SELECT
 * count(*) FROM %I', tbl) INTO n;} becomes {@code SELECT count(*) INTO n FROM orders;}, {@code EXECUTE 'SELECT EXISTS
 * (SELECT 1 FROM ' || quote_ident(tbl) || ')' INTO found;} becomes {@code SELECT EXISTS (SELECT 1 FROM orders) INTO
 * found;}, and T-SQL {@code DECLARE @sql nvarchar(max) = N'IF EXISTS (SELECT 1 FROM ' + QUOTENAME(@table) + N')
 * THROW ..'; EXEC sp_executesql @sql;} becomes the IF it runs. What the call leaves unknown stays as written, so it
 * matches no check.
 */
final class CalledBodyText {

    private CalledBodyText() {
    }

    /**
     * {@code body} with each statement of {@code built} inside it written out.
     *
     * @param bodyOffset where {@code body} starts among the offsets of the built texts' tokens
     * @param tsql true for a T-SQL body, whose assignments of a known text change no table and are left out
     */
    static String written(String body, int bodyOffset, List<BuiltText> built, Dialect dialect, boolean tsql) {
        StringBuilder text = new StringBuilder();
        int copied = 0;
        for (BuiltText one : built.stream()
                .sorted(Comparator.comparingInt(one -> one.statement().firstToken().offset())).toList()) {
            List<Token> tokens = one.statement().tokens();
            int from = tokens.get(0).offset() - bodyOffset;
            int to = tokens.get(tokens.size() - 1).endOffset() - bodyOffset;
            if (from < copied || to > body.length()) {
                continue; // outside the body, or inside a text an earlier statement runs
            }
            String replacement = one.onlyAssigns() ? tsql ? "" : null
                    : tsql ? one.runs().strip() + " " : withInto(one.runs(), tokens, dialect);
            if (replacement != null) {
                text.append(body, copied, from).append(replacement);
                copied = afterTerminator(body, to);
            }
        }
        return text.append(body, copied, body.length()).toString();
    }

    /**
     * The query a PL/pgSQL or PL/SQL {@code EXECUTE [IMMEDIATE] .. [INTO [STRICT] v]} runs, as written statically:
     * its INTO where a SELECT takes it, before a count's FROM; null when more follows the INTO ({@code USING ..}).
     */
    private static String withInto(String query, List<Token> runner, Dialect dialect) {
        int into = topLevelInto(runner);
        String statement = withoutTerminator(query);
        if (into < 0) {
            return statement + ";";
        }
        boolean strict = runner.size() > into + 2 && runner.get(into + 1).isWord("STRICT");
        int variable = into + (strict ? 2 : 1);
        if (variable != runner.size() - 1 || runner.get(variable).type() != TokenType.WORD) {
            return null;
        }
        String intoClause = " INTO " + (strict ? "STRICT " : "") + runner.get(variable).text();
        List<Token> selected = new Lexer(dialect).tokenize(statement).tokens().stream()
                .filter(token -> token.type() != TokenType.COMMENT).toList();
        boolean counts = selected.size() > 6 && selected.get(0).isWord("SELECT") && selected.get(1).isWord("COUNT")
                && selected.get(2).isSymbol("(") && (selected.get(3).isSymbol("*") || selected.get(3).text().equals("1"))
                && selected.get(4).isSymbol(")") && selected.get(5).isWord("FROM");
        // The checks read a count the way it is written statically: SELECT count(*) INTO n FROM t.
        return counts ? "SELECT " + statement.substring(selected.get(1).offset(), selected.get(4).endOffset())
                + intoClause + " " + statement.substring(selected.get(5).offset()) + ";"
                : statement + intoClause + ";";
    }

    /** The index of the INTO that follows the text an EXECUTE runs, outside parentheses, or -1. */
    private static int topLevelInto(List<Token> runner) {
        int depth = 0;
        for (int i = 1; i < runner.size(); i++) {
            Token token = runner.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && token.isWord("INTO")) {
                return i;
            }
        }
        return -1;
    }

    private static String withoutTerminator(String query) {
        String statement = query.strip();
        while (statement.endsWith(";")) {
            statement = statement.substring(0, statement.length() - 1).strip();
        }
        return statement;
    }

    /** Past the {@code ;} that ends the statement ending at {@code to}, or {@code to} when none does. */
    private static int afterTerminator(String body, int to) {
        int at = to;
        while (at < body.length() && Character.isWhitespace(body.charAt(at))) {
            at++;
        }
        return at < body.length() && body.charAt(at) == ';' ? at + 1 : to;
    }
}
