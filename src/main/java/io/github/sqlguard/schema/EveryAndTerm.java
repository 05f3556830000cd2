package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** A condition that holds for every row because each of its AND terms does, with each term's reason. */
final class EveryAndTerm {

    private EveryAndTerm() {
    }

    /**
     * The reasons, joined, why every AND term of {@code condition} holds for every row, as {@code termReason} gives
     * them; empty when one term may not hold.
     */
    static Optional<String> reason(List<Token> condition, Function<List<Token>, Optional<String>> termReason) {
        List<String> reasons = new ArrayList<>();
        for (List<Token> term : WhereJudgement.split(condition, "AND")) {
            Optional<String> reason = termReason.apply(term);
            if (reason.isEmpty()) {
                return Optional.empty();
            }
            reasons.add(reason.get());
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }
}
