package io.github.sqlguard.model;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Tells a user which rule ids they probably meant when they wrote one that does not exist. */
public final class RuleIdSuggestions {

    private RuleIdSuggestions() {
    }

    /** "did you mean a, b?" for close ids, otherwise "valid rule ids: ..." with every known id. */
    public static String forUnknown(String wrong, Set<String> knownRuleIds) {
        List<String> close = knownRuleIds.stream()
                .filter(id -> isClose(wrong, id))
                .sorted(Comparator.comparingInt((String id) -> distance(wrong, id)).thenComparing(id -> id))
                .toList();
        if (!close.isEmpty()) {
            return "did you mean " + String.join(", ", close) + "?";
        }
        return "valid rule ids: " + String.join(", ", new TreeSet<>(knownRuleIds));
    }

    private static boolean isClose(String wrong, String id) {
        if (wrong.length() >= 4 && (id.contains(wrong) || wrong.contains(id))) {
            return true;
        }
        return distance(wrong, id) <= Math.max(2, Math.min(wrong.length(), id.length()) / 4);
    }

    private static int distance(String wrong, String id) {
        return EditDistance.between(wrong, id, false);
    }
}
