package io.github.sqlguard.liquibase;

import io.github.sqlguard.sql.Placeholders;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The changelog properties as the runs of one changeset see them (see {@link PropertyAlternatives#on}): the value
 * its statements are judged with first, and the other values some of those runs give them. A property the build
 * sets ({@code liquibaseProperties}) has its value on every run.
 */
final class RunProperties {

    private final Map<String, String> values;
    private final PropertyAlternatives alternatives;
    private final Map<String, String> fromBuild;

    RunProperties(Map<String, String> firsts, PropertyAlternatives alternatives, Map<String, String> fromBuild) {
        Map<String, String> merged = new HashMap<>(firsts);
        merged.putAll(fromBuild);
        this.values = Map.copyOf(merged);
        this.alternatives = alternatives;
        this.fromBuild = fromBuild;
    }

    /** Every property with the value statements are judged with first. */
    Map<String, String> values() {
        return values;
    }

    Placeholders placeholders() {
        return new Placeholders("${", "}", values);
    }

    /** The placeholders with {@code alternative}'s value in place of its property's first one. */
    Placeholders placeholdersWith(PropertyAlternatives.Alternative alternative) {
        Map<String, String> changed = new HashMap<>(values);
        changed.put(alternative.name(), alternative.value());
        return new Placeholders("${", "}", changed);
    }

    /** The other values that the properties {@code text} refers to take on some runs. */
    List<PropertyAlternatives.Alternative> alternativesReferencedBy(String text) {
        return alternatives.referencedBy(text).stream().filter(a -> !fromBuild.containsKey(a.name())).toList();
    }

    /**
     * The first definitions, limited to some runs, of the properties {@code text} refers to: statements are judged
     * with their values, which their messages name.
     */
    List<PropertyAlternatives.Alternative> limitedFirstsReferencedBy(String text) {
        return alternatives.limitedFirstsReferencedBy(text).stream().filter(a -> !fromBuild.containsKey(a.name()))
                .toList();
    }
}
