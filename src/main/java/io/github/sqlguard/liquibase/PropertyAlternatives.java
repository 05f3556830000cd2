package io.github.sqlguard.liquibase;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The other values a changelog property takes on some runs. Liquibase uses the first definition of a name whose
 * {@code context}, {@code labels} and {@code dbms} match the run, so while the definitions so far are all limited
 * that way, a later one is what a run outside those limits gets ({@code <property name="cond" value="id = 1"
 * context="prod"/>} then {@code value="1=1" context="dev"}: a run in context dev deletes every row).
 */
final class PropertyAlternatives {

    /** One value a property has only on some runs, and the limit under which it applies (null: any other run). */
    record Alternative(String name, String value, String condition) {
    }

    private final Map<String, List<Alternative>> byName = new LinkedHashMap<>();
    /** Names whose definitions so far include an unlimited one: later definitions never apply. */
    private final Set<String> settled = new HashSet<>();
    /** First definitions that apply only on some runs: the value statements are judged with, and its limit. */
    private final Map<String, Alternative> limitedFirsts = new LinkedHashMap<>();

    /**
     * Records one definition, in the order Liquibase reads them, into {@code values} (the first definition of
     * each name); {@code condition} describes its limits, or is null when it has none.
     */
    void define(Map<String, String> values, String name, String value, String condition) {
        if (settled.contains(name)) {
            return;
        }
        String first = values.putIfAbsent(name, value);
        if (first == null && condition != null) {
            limitedFirsts.put(name, new Alternative(name, value, condition));
        }
        if (first != null && !first.equals(value)
                && byName.getOrDefault(name, List.of()).stream().noneMatch(a -> a.value().equals(value))) {
            byName.computeIfAbsent(name, n -> new ArrayList<>()).add(new Alternative(name, value, condition));
        }
        if (condition == null) {
            settled.add(name);
        }
    }

    /** The alternatives of the properties {@code text} refers to as {@code ${name}}, in definition order. */
    List<Alternative> referencedBy(String text) {
        List<Alternative> referenced = new ArrayList<>();
        byName.forEach((name, alternatives) -> {
            if (text.contains("${" + name + "}")) {
                referenced.addAll(alternatives);
            }
        });
        return referenced;
    }

    /**
     * The first definitions of the properties {@code text} refers to that apply only on some runs: statements are
     * judged with those values, which their messages should name ({@code as defined for context dev}).
     */
    List<Alternative> limitedFirstsReferencedBy(String text) {
        return limitedFirsts.values().stream().filter(first -> text.contains("${" + first.name() + "}")).toList();
    }

    /** {@code label} with each of {@code values} it was judged with, see {@link #labelWith(String, Alternative)}. */
    static String labelWith(String label, List<Alternative> values) {
        String labelled = label;
        for (Alternative value : values) {
            labelled = labelWith(labelled, value);
        }
        return labelled;
    }

    /** {@code label} with the value its statements were judged with: {@code changeset a:1, with ${cond} = '1=1' ..}. */
    static String labelWith(String label, Alternative alternative) {
        return label + ", with ${" + alternative.name() + "} = '" + alternative.value() + "' as defined for "
                + (alternative.condition() == null ? "the runs its earlier definitions do not match"
                        : alternative.condition());
    }

    /**
     * The limits of a {@code <property>} element as words ({@code context dev}, {@code dbms mysql}), or null
     * when it applies to every run.
     */
    static String conditionOf(Map<String, String> attributes) {
        List<String> limits = new ArrayList<>();
        for (String key : List.of("context", "contextFilter", "labels", "dbms")) {
            String limit = attributes.get(key);
            if (limit != null && !limit.isBlank()) {
                limits.add((key.equals("contextFilter") ? "context" : key) + " " + limit.strip());
            }
        }
        return limits.isEmpty() ? null : String.join(", ", limits);
    }
}
