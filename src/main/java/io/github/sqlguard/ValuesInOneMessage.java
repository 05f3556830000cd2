package io.github.sqlguard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One message for the findings a rule makes at one place with each value the text there may take: dynamic SQL whose
 * table a CASE chooses ({@code 'DROP TABLE ' || CASE WHEN c THEN 'a' ELSE 'b' END}), a Liquibase change judged with
 * each value of a property. Where the messages differ in one or two words only, those words are listed in the one
 * message ("removes table a or b"), so that no value hides behind the first; messages that differ more are not
 * joined, and the first stands.
 */
final class ValuesInOneMessage {

    /** The most words one value may take in a message: a name, or a schema and a stand-in for a run-time name. */
    private static final int MOST_WORDS = 2;

    private ValuesInOneMessage() {
    }

    /** {@code messages} (the first one first) as one, naming every value where they differ in a value alone. */
    static String of(List<String> messages) {
        List<String> distinct = messages.stream().distinct().toList();
        if (distinct.size() < 2) {
            return messages.get(0);
        }
        List<String[]> words = distinct.stream().map(message -> message.split(" ", -1)).toList();
        int shortest = words.stream().mapToInt(w -> w.length).min().orElse(0);
        int prefix = 0;
        while (prefix < shortest && allSame(words, prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < shortest - prefix && allSameFromEnd(words, suffix)) {
            suffix++;
        }
        List<String> values = new ArrayList<>();
        for (String[] message : words) {
            int end = message.length - suffix;
            if (end - prefix < 1 || end - prefix > MOST_WORDS) {
                return distinct.get(0);
            }
            String value = String.join(" ", Arrays.copyOfRange(message, prefix, end));
            if (value.contains("(") || value.contains(")")) {
                return distinct.get(0); // a remark in parentheses differs, not a value
            }
            values.add(value);
        }
        String[] first = words.get(0);
        String before = String.join(" ", Arrays.copyOfRange(first, 0, prefix));
        String after = String.join(" ", Arrays.copyOfRange(first, first.length - suffix, first.length));
        String listed = String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.get(values.size() - 1);
        return (before.isEmpty() ? "" : before + " ") + listed + (after.isEmpty() ? "" : " " + after);
    }

    private static boolean allSame(List<String[]> words, int at) {
        String word = words.get(0)[at];
        return words.stream().allMatch(w -> w[at].equals(word));
    }

    private static boolean allSameFromEnd(List<String[]> words, int fromEnd) {
        String[] first = words.get(0);
        String word = first[first.length - 1 - fromEnd];
        return words.stream().allMatch(w -> w[w.length - 1 - fromEnd].equals(word));
    }
}
