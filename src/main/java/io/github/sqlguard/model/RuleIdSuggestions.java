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

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
