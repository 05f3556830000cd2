package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * WHERE conditions of null tests that hold for every row, given what the replay knows: {@code col IS NOT NULL} on a
 * column declared NOT NULL, {@code col IS NULL} on a column that holds only NULL ({@link NullOnlyColumns}), and
 * {@code x IS NULL OR x IS NOT NULL} on any column.
 */
final class NullTestTruth {

    private NullTestTruth() {
    }

    /** The reason the condition holds for every row, or empty when it may not. */
    static Optional<String> alwaysTrue(WhereTokens where, SchemaFacts facts, NullOnlyColumns onlyNull) {
        List<List<Token>> terms = WhereJudgement.split(where.condition(), "AND");
        List<String> reasons = new ArrayList<>();
        for (List<Token> term : terms) {
            Optional<String> reason = alwaysTrueTerm(term, where, facts, onlyNull);
            if (reason.isEmpty()) {
                return Optional.empty();
            }
            reasons.add(reason.get());
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    private static Optional<String> alwaysTrueTerm(List<Token> term, WhereTokens where, SchemaFacts facts,
            NullOnlyColumns onlyNull) {
        List<Token> inner = WhereJudgement.unwrapped(term);
        List<List<Token>> alternatives = WhereJudgement.split(inner, "OR");
        if (alternatives.size() == 2) {
            Optional<String> a = nullTest(alternatives.get(0));
            Optional<String> b = nullTest(alternatives.get(1));
            if (a.isPresent() && b.isPresent() && a.get().substring(1).equals(b.get().substring(1))
                    && a.get().charAt(0) != b.get().charAt(0)) {
                return Optional.of(a.get().substring(1) + " IS NULL OR IS NOT NULL holds for every value");
            }
            return Optional.empty();
        }
        Optional<String> test = nullTest(inner);
        if (test.isEmpty()) {
            return Optional.empty();
        }
        String column = test.get().substring(1);
        if (!where.namesTarget(column)) {
            return Optional.empty();
        }
        int dot = column.lastIndexOf('.');
        String name = dot < 0 ? column : column.substring(dot + 1);
        if (test.get().charAt(0) == '-') {
            return onlyNull.whyOnlyNull(where.table(), name).map(why -> why + ", so " + name
                    + " IS NULL holds for every row");
        }
        return facts.before().column(where.table(), name).filter(Column::notNull)
                .map(c -> c.name() + " is declared NOT NULL, so " + name + " IS NOT NULL holds for every row");
    }

    /** {@code +x} for {@code x IS NOT NULL}, {@code -x} for {@code x IS NULL}, on a plain (qualified) name. */
    private static Optional<String> nullTest(List<Token> tokens) {
        List<Token> term = WhereJudgement.unwrapped(tokens);
        SchemaNames.Read name = SchemaNames.name(term, 0);
        if (name == null || name.next() + 1 >= term.size() || !term.get(name.next()).isWord("IS")) {
            return Optional.empty();
        }
        int i = name.next() + 1;
        boolean not = term.get(i).isWord("NOT");
        i += not ? 1 : 0;
        if (i + 1 != term.size() || !term.get(i).isWord("NULL")) {
            return Optional.empty();
        }
        return Optional.of((not ? "+" : "-") + name.text());
    }
}
