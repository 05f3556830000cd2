package io.github.sqlguard.analysis;

import java.util.List;

/**
 * Several optional filters joined by AND, as T-SQL and MySQL procedures write their catch-all search: {@code WHERE
 * (@org IS NULL OR org_id = @org) AND (@day IS NULL OR day = @day)}. Each holds for every row while its part on
 * variables alone holds, so the whole does whenever all those parts do, as a single optional filter does.
 */
final class OptionalFilterConjunction {

    private OptionalFilterConjunction() {
    }

    /**
     * True when the condition in {@code [from, to)} has several top-level AND terms and each is an OR with a part on
     * variables alone; one term that names a column in every part ({@code total > 0}) restricts the rows.
     */
    static boolean holdsWhileItsSwitchesDo(StatementTokens tokens, int from, int to) {
        List<int[]> terms = TokenConditionTruth.andTerms(tokens, from, to);
        return terms.size() > 1 && terms.stream().allMatch(term -> {
            List<int[]> parts = TokenConditionTruth.orTerms(tokens, term[0], term[1]);
            return parts.size() > 1 && parts.stream()
                    .anyMatch(part -> OtherTablesCondition.namesOnlyVariables(tokens, part[0], part[1]));
        });
    }
}
