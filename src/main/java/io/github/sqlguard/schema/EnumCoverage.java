package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A condition that names every value of an {@code ENUM .. NOT NULL} column (MySQL, MariaDB, H2): {@code state IN
 * ('new', 'done')}, or {@code state = 'new' OR state = 'done'}, of {@code ENUM('new', 'done')}. Such a column holds
 * nothing else, so the condition holds for every row, however restricted it looks. A {@code SET} column is left
 * out: its rows may hold several members at once, which no single value equals.
 */
final class EnumCoverage {

    private EnumCoverage() {
    }

    /** Why the OR of {@code alternatives} holds for every row of the target, or empty when it may not. */
    static Optional<String> reason(List<List<Token>> alternatives, WhereTokens where, SchemaFacts facts) {
        String column = null;
        Set<String> named = new LinkedHashSet<>();
        for (List<Token> alternative : alternatives) {
            Optional<ValueTest> test = valueTest(WhereJudgement.unwrapped(alternative));
            if (test.isEmpty() || column != null
                    && !SchemaNames.key(test.get().column()).equals(SchemaNames.key(column))) {
                return Optional.empty();
            }
            column = test.get().column();
            named.addAll(test.get().values());
        }
        if (column == null || !where.namesTarget(column)) {
            return Optional.empty();
        }
        String name = ObjectNames.lastPart(column);
        return facts.before().column(where.table(), name)
                .filter(c -> c.notNull() && c.type().filter(t -> t.base().equals("ENUM")).isPresent())
                .filter(c -> {
                    List<String> allowed = EnumValues.values(c.type().get());
                    return !allowed.isEmpty() && named.containsAll(allowed);
                })
                .map(c -> c.name() + " is declared " + c.type().get().written() + " NOT NULL, so the condition names"
                        + " every value it holds");
    }

    /** A column and the values {@code col = 'x'}, {@code 'x' = col} or {@code col IN ('x', 'y')} compares it with. */
    private record ValueTest(String column, List<String> values) {
    }

    private static Optional<ValueTest> valueTest(List<Token> term) {
        if (term.size() >= 3 && term.get(1).isSymbol("=") && quoted(term.get(0)).isPresent()) {
            SchemaNames.Read name = SchemaNames.name(term, 2);
            return name != null && name.next() == term.size()
                    ? Optional.of(new ValueTest(name.text(), List.of(quoted(term.get(0)).get()))) : Optional.empty();
        }
        SchemaNames.Read name = SchemaNames.name(term, 0);
        if (name != null && name.next() + 2 == term.size() && term.get(name.next()).isSymbol("=")) {
            return quoted(term.get(name.next() + 1)).map(value -> new ValueTest(name.text(), List.of(value)));
        }
        if (name == null || name.next() + 2 >= term.size() || !term.get(name.next()).isWord("IN")
                || !term.get(name.next() + 1).isSymbol("(") || !term.get(term.size() - 1).isSymbol(")")
                || ObjectNames.skipParentheses(term, name.next() + 1) != term.size()) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        for (List<Token> item : ObjectNames.splitAtCommas(term, name.next() + 2, term.size() - 1)) {
            Optional<String> value = item.size() == 1 ? quoted(item.get(0)) : Optional.empty();
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values.add(value.get());
        }
        return Optional.of(new ValueTest(name.text(), values));
    }

    /** The text between the single quotes of a string literal, as written. */
    private static Optional<String> quoted(Token token) {
        String text = token.text();
        return token.type() == TokenType.STRING && text.length() >= 2 && text.startsWith("'") && text.endsWith("'")
                ? Optional.of(text.substring(1, text.length() - 1)) : Optional.empty();
    }
}
