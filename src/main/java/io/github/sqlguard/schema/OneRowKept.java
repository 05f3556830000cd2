package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;
import java.util.Optional;

/**
 * An UPDATE's WHERE that keeps out only the one row an aggregate of the target's own column picks: {@code UPDATE t SET
 * .. WHERE id <> (SELECT max(id) FROM t)}, {@code id < (SELECT max(id) FROM t)}, {@code id NOT IN (SELECT min(id) FROM
 * t)}. The subquery reads every row of the target and gives one value, the same for every row, so the statement
 * reaches every row but the one holding that value (and those where the column is NULL). A subquery with a WHERE, a
 * join or a GROUP BY may pick a value per row or a filtered one, and restricts. The same WHERE in a DELETE is a dedupe
 * that lost its GROUP BY, which dedupe-keeps-no-copy reports at the aggregate.
 */
final class OneRowKept {

    private OneRowKept() {
    }

    /** Why the WHERE of {@code where} holds for every row but one, or empty. */
    static Optional<String> reason(WhereTokens where) {
        if (!where.verb().equals("UPDATE")) {
            return Optional.empty();
        }
        List<Token> term = WhereJudgement.unwrapped(where.condition());
        SchemaNames.Read name = SchemaNames.name(term, 0);
        if (name == null || !where.namesTarget(name.text()) || name.next() >= term.size()) {
            return Optional.empty();
        }
        int at = name.next();
        Token operator = term.get(at);
        String aggregate;
        if (operator.type() == TokenType.SYMBOL && (operator.text().equals("<>") || operator.text().equals("!="))) {
            aggregate = "";
        } else if (operator.isSymbol("<")) {
            aggregate = "MAX";
        } else if (operator.isSymbol(">")) {
            aggregate = "MIN";
        } else if (operator.isWord("NOT") && at + 1 < term.size() && term.get(at + 1).isWord("IN")) {
            aggregate = "";
            at++;
        } else {
            return Optional.empty();
        }
        int open = at + 1;
        if (open >= term.size() || !term.get(open).isSymbol("(")
                || ObjectNames.skipParentheses(term, open) != term.size()) {
            return Optional.empty();
        }
        List<Token> query = ObjectNames.insideParentheses(term, open);
        String column = SchemaNames.lastPart(name.text());
        return picksOneValueOfTarget(query, column, aggregate, where.table())
                ? Optional.of(Token.written(term) + " leaves out only the row"
                        + " holding the one value its subquery gives, which reads every row of " + where.table()
                        + " with no tie to the row, so it holds for every other row where " + column + " is not NULL")
                : Optional.empty();
    }

    /**
     * True when {@code query} is {@code SELECT min(col)} or {@code max(col)} (only {@code wanted}, when named) of
     * {@code column} from {@code target} alone, with nothing after the table but an alias.
     */
    private static boolean picksOneValueOfTarget(List<Token> query, String column, String wanted, String target) {
        if (query.size() < 7 || !query.get(0).isWord("SELECT") || !query.get(1).isAnyWord("MIN", "MAX")
                || !wanted.isEmpty() && !query.get(1).isWord(wanted) || !query.get(2).isSymbol("(")) {
            return false;
        }
        SchemaNames.Read aggregated = SchemaNames.name(query, 3);
        if (aggregated == null || aggregated.next() + 1 >= query.size() || !query.get(aggregated.next()).isSymbol(")")
                || !query.get(aggregated.next() + 1).isWord("FROM") || !SchemaNames.key(SchemaNames.lastPart(
                        aggregated.text())).equals(SchemaNames.key(column))) {
            return false;
        }
        SchemaNames.Read table = SchemaNames.name(query, aggregated.next() + 2);
        if (table == null || !SchemaNames.key(SchemaNames.lastPart(table.text()))
                .equals(SchemaNames.key(SchemaNames.lastPart(target)))) {
            return false;
        }
        int rest = table.next();
        rest = rest < query.size() && query.get(rest).isWord("AS") ? rest + 1 : rest;
        if (rest < query.size() && SchemaNames.isNamePart(query.get(rest))) {
            rest++;
        }
        return rest == query.size();
    }
}
