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
 * THEN ..}. The cast may also follow the whole CASE, which then compares and yields labels as text, as Prisma
 * migrations are hand-edited: {@code USING (CASE WHEN c::text = 'org' THEN 'owner' ELSE c::text END)::t_new}. Any
 * other shape (an ELSE that is not the column's cast, a WHEN that asks something else) maps nothing that is known,
 * and the change is then not judged by its values.
 */
final class EnumCaseMapping {

    private EnumCaseMapping() {
    }

    /**
     * Each old value the CASE maps, as written between the quotes, to the value it becomes; empty when {@code
     * using} is not such a CASE of {@code column} into {@code to}.
     */
    static Optional<Map<String, String>> of(List<Token> using, String column, SqlType to) {
        List<Token> whole = WhereJudgement.unwrapped(using);
        int outerCast = castAfterAll(whole, to);
        List<Token> tokens = outerCast < 0 ? whole : WhereJudgement.unwrapped(whole.subList(0, outerCast));
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
            int next = afterLiteral(tokens, then + 1, outerCast < 0 ? to : null);
            if (next < 0) {
                return Optional.empty();
            }
            mapped.putIfAbsent(MovedEnumValues.inner(tokens.get(i)), MovedEnumValues.inner(tokens.get(then + 1)));
            i = next;
        }
        if (i >= tokens.size() || !tokens.get(i).isWord("ELSE")) {
            return Optional.empty();
        }
        List<Token> otherwise = tokens.subList(i + 1, tokens.size() - 1);
        if (outerCast < 0 ? !PostgresEnums.castsOnly(otherwise, column, to) : !isLabel(otherwise, column)) {
            return Optional.empty();
        }
        return Optional.of(mapped);
    }

    /**
     * The index of the {@code ::} that casts the whole of {@code tokens} to {@code to} ({@code (CASE .. END)::t},
     * {@code CASE .. END::t}), or -1.
     */
    private static int castAfterAll(List<Token> tokens, SqlType to) {
        int depth = 0;
        int last = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && token.isSymbol("::")) {
                last = i;
            }
        }
        SchemaNames.Read type = last < 1 ? null : SchemaNames.name(tokens, last + 1);
        return type == null || type.next() != tokens.size()
                || !SchemaView.typeKey(type.text()).equals(SchemaView.typeKey(to.written())) ? -1 : last;
    }

    /** True when {@code tokens} are {@code column} as its label: alone, or cast to text. */
    private static boolean isLabel(List<Token> tokens, String column) {
        List<Token> label = WhereJudgement.unwrapped(tokens);
        return !label.isEmpty() && endOfColumn(label, 0, column) == label.size();
    }

    /** The index after {@code column} (also qualified) at {@code at}, or -1 when nothing follows it. */
    private static int afterColumn(List<Token> tokens, int at, String column) {
        int end = endOfColumn(tokens, at, column);
        return end >= tokens.size() ? -1 : end;
    }

    /**
     * The index after {@code column} (also qualified) at {@code at} and after its cast to text, if any ({@code
     * c::text} compares and yields its label as {@code c} does), or -1 when {@code column} is not there.
     */
    private static int endOfColumn(List<Token> tokens, int at, String column) {
        SchemaNames.Read name = SchemaNames.name(tokens, at);
        if (name == null || !SchemaNames.key(name.text()).equals(SchemaNames.key(column))) {
            return -1;
        }
        int i = name.next();
        boolean toText = i + 1 < tokens.size() && tokens.get(i).isSymbol("::")
                && tokens.get(i + 1).isAnyWord("TEXT", "VARCHAR");
        return toText ? i + 2 : i;
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
