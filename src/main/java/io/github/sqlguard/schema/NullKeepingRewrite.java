package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An UPDATE that rewrites a column from its own value by an operator or function that gives NULL for NULL, and
 * whose WHERE only asks that column not to be NULL: {@code SET data = data - 'key' WHERE data IS NOT NULL},
 * {@code SET name = upper(name) WHERE name IS NOT NULL}. The rows it leaves out would keep their NULL anyway, so
 * every value of the column is rewritten, as without a WHERE.
 */
final class NullKeepingRewrite {

    /** Binary operators that give NULL when their left operand is NULL (PostgreSQL's json ones too). */
    private static final Set<String> OPERATORS = Set.of("+", "-", "*", "/", "%", "||", "#-", "->", "->>", "#>",
            "#>>");

    /** Functions that give NULL when their first argument is NULL (declared STRICT in PostgreSQL). */
    private static final Set<String> FUNCTIONS = Set.of("UPPER", "LOWER", "TRIM", "BTRIM", "LTRIM", "RTRIM",
            "REPLACE", "SUBSTRING", "SUBSTR", "LEFT", "RIGHT", "REGEXP_REPLACE", "JSONB_SET", "JSONB_STRIP_NULLS",
            "ROUND", "TRUNC", "ABS");

    private NullKeepingRewrite() {
    }

    /** Why the WHERE of {@code where} leaves out only rows whose value the SET keeps NULL, or empty. */
    static Optional<String> reason(WhereTokens where) {
        if (!where.verb().equals("UPDATE")) {
            return Optional.empty();
        }
        List<Token> test = WhereJudgement.unwrapped(where.condition());
        SchemaNames.Read name = SchemaNames.name(test, 0);
        if (name == null || name.next() + 3 != test.size() || !where.namesTarget(name.text())
                || !test.get(name.next()).isWord("IS") || !test.get(name.next() + 1).isWord("NOT")
                || !test.get(name.next() + 2).isWord("NULL")) {
            return Optional.empty();
        }
        String column = SchemaNames.lastPart(name.text());
        List<Token> assignments = where.assignments();
        for (List<Token> item : ObjectNames.splitAtCommas(assignments, 0, assignments.size())) {
            SchemaNames.Read set = SchemaNames.name(item, 0);
            if (set == null || set.next() + 1 >= item.size() || !item.get(set.next()).isSymbol("=")
                    || !sameColumn(set.text(), column)) {
                continue;
            }
            List<Token> value = item.subList(set.next() + 1, item.size());
            if (keepsNull(value, column, where)) {
                return Optional.of(column + " IS NOT NULL leaves out only the rows whose " + column + " is NULL, which "
                        + Token.written(value) + " leaves NULL, so every value of " + column + " is rewritten");
            }
        }
        return Optional.empty();
    }

    /**
     * True when {@code value} is {@code column OP operand} with one operand (a literal, a name, or either with a
     * {@code ::type} cast), or a call of a listed function whose first argument is {@code column}.
     */
    private static boolean keepsNull(List<Token> value, String column, WhereTokens where) {
        SchemaNames.Read read = SchemaNames.name(value, 0);
        if (read == null) {
            return false;
        }
        if (read.next() < value.size() && value.get(read.next()).isSymbol("(")) {
            if (!FUNCTIONS.contains(read.text().toUpperCase(Locale.ROOT))
                    || ObjectNames.skipParentheses(value, read.next()) != value.size()) {
                return false;
            }
            List<Token> arguments = ObjectNames.insideParentheses(value, read.next());
            SchemaNames.Read first = SchemaNames.name(arguments, 0);
            return first != null && ofTarget(first.text(), column, where) && (first.next() == arguments.size()
                    || arguments.get(first.next()).isSymbol(",") || arguments.get(first.next()).isWord("FROM"));
        }
        if (!ofTarget(read.text(), column, where) || read.next() + 1 >= value.size()) {
            return false;
        }
        // The lexer splits #- or ->> into the symbols they are written with, touching each other.
        int at = read.next();
        StringBuilder operator = new StringBuilder();
        while (at < value.size() && value.get(at).type() == TokenType.SYMBOL && !value.get(at).isSymbol("(")
                && (operator.isEmpty() || value.get(at).offset() == value.get(at - 1).endOffset())) {
            operator.append(value.get(at).text());
            at++;
        }
        return OPERATORS.contains(operator.toString()) && at < value.size()
                && singleOperand(value.subList(at, value.size()));
    }

    /** One literal or name, optionally cast with {@code ::type} (a type of one word, maybe with {@code []}). */
    private static boolean singleOperand(List<Token> operand) {
        Token first = operand.get(0);
        int at;
        if (first.type() == TokenType.STRING || first.type() == TokenType.NUMBER) {
            at = 1;
        } else {
            SchemaNames.Read name = SchemaNames.name(operand, 0);
            if (name == null || name.next() < operand.size() && operand.get(name.next()).isSymbol("(")) {
                return false;
            }
            at = name.next();
        }
        if (at + 1 < operand.size() && operand.get(at).isSymbol("::") && SchemaNames.isNamePart(operand.get(at + 1))) {
            at += 2;
            if (at + 1 < operand.size() && operand.get(at).isSymbol("[") && operand.get(at + 1).isSymbol("]")) {
                at += 2;
            }
        }
        return at == operand.size();
    }

    private static boolean ofTarget(String written, String column, WhereTokens where) {
        return where.namesTarget(written) && sameColumn(written, column);
    }

    private static boolean sameColumn(String written, String column) {
        return SchemaNames.key(SchemaNames.lastPart(written)).equals(SchemaNames.key(column));
    }
}
