package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values a PostgreSQL {@code USING} maps while it converts a column from one enum type to another, when it maps
 * some with CASE and casts every other in its ELSE, as scripts that take a value out of an enum write it:
 * {@code USING CASE WHEN c = 'org' THEN 'owner'::t_new ELSE c::text::t_new END}, or {@code CASE c WHEN 'org'
 * THEN ..}. Any other shape (an ELSE that is not the column's cast, a WHEN that asks something else) maps nothing
 * that is known, and the change is then not judged by its values.
 */
final class EnumCaseMapping {

    private EnumCaseMapping() {
    }

    /**
     * Each old value the CASE maps, as written between the quotes, to the value it becomes; empty when {@code
     * using} is not such a CASE of {@code column} into {@code to}.
     */
    static Optional<Map<String, String>> of(List<Token> using, String column, SqlType to) {
        List<Token> tokens = WhereJudgement.unwrapped(using);
        if (tokens.size() < 2 || !tokens.get(0).isWord("CASE") || !tokens.get(tokens.size() - 1).isWord("END")) {
            return Optional.empty();
        }
        int i = 1;
        boolean simple = !tokens.get(i).isWord("WHEN");
        if (simple) {
            i = afterColumn(tokens, i, column);
            if (i < 0 || !tokens.get(i).isWord("WHEN")) {
                return Optional.empty();
            }
        }
        Map<String, String> mapped = new LinkedHashMap<>();
        while (i < tokens.size() && tokens.get(i).isWord("WHEN")) {
            i = simple ? i + 1 : afterColumn(tokens, i + 1, column);
            if (i < 0 || !simple && (i >= tokens.size() || !tokens.get(i++).isSymbol("="))) {
                return Optional.empty();
            }
            int then = afterLiteral(tokens, i, null);
            if (then < 0 || then >= tokens.size() || !tokens.get(then).isWord("THEN")) {
                return Optional.empty();
            }
            int next = afterLiteral(tokens, then + 1, to);
            if (next < 0) {
                return Optional.empty();
            }
            mapped.putIfAbsent(MovedEnumValues.inner(tokens.get(i)), MovedEnumValues.inner(tokens.get(then + 1)));
            i = next;
        }
        if (i >= tokens.size() || !tokens.get(i).isWord("ELSE")
                || !PostgresEnums.castsOnly(tokens.subList(i + 1, tokens.size() - 1), column, to)) {
            return Optional.empty();
        }
        return Optional.of(mapped);
    }

    /** The index after {@code column} (also qualified) at {@code at}, or -1. */
    private static int afterColumn(List<Token> tokens, int at, String column) {
        SchemaNames.Read name = SchemaNames.name(tokens, at);
        return name == null || !SchemaNames.key(name.text()).equals(SchemaNames.key(column))
                || name.next() >= tokens.size() ? -1 : name.next();
    }

    /**
     * The index after a string literal at {@code at} and its optional cast ({@code 'x'::t}; to {@code to} when it
     * is given), or -1.
     */
    private static int afterLiteral(List<Token> tokens, int at, SqlType to) {
        if (at >= tokens.size() || tokens.get(at).type() != TokenType.STRING
                || !tokens.get(at).text().startsWith("'")) {
            return -1;
        }
        int i = at + 1;
        if (i + 1 < tokens.size() && tokens.get(i).isSymbol("::")) {
            SchemaNames.Read type = SchemaNames.name(tokens, i + 1);
            if (type == null
                    || to != null && !SchemaView.typeKey(type.text()).equals(SchemaView.typeKey(to.written()))) {
                return -1;
            }
            i = type.next();
        }
        return i;
    }
}
