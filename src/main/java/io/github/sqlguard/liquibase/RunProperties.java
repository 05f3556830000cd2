package io.github.sqlguard.liquibase;

import io.github.sqlguard.sql.DatabaseScope;
import io.github.sqlguard.sql.Placeholders;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The changelog properties as the runs of one changeset see them (see {@link PropertyAlternatives#on}): the value
 * its statements are judged with first, and the other values some of those runs give them. A property the build
 * sets ({@code liquibaseProperties}) has its value on every run.
 */
final class RunProperties {

    private final Map<String, String> values;
    private final PropertyAlternatives alternatives;
    private final Map<String, String> fromBuild;
    /** Why each property defined for other runs only has no value on these, by name. */
    private final Map<String, String> unvalued = new HashMap<>();

    /**
     * {@code limitsElsewhere} holds the limits of the definitions of each property none of which applies on these
     * runs, those on {@code databases}.
     */
    RunProperties(Map<String, String> firsts, PropertyAlternatives alternatives, Map<String, String> fromBuild,
            Map<String, String> limitsElsewhere, DatabaseScope databases) {
        Map<String, String> merged = new HashMap<>(firsts);
        merged.putAll(fromBuild);
        this.values = Map.copyOf(merged);
        this.alternatives = alternatives;
        this.fromBuild = fromBuild;
        limitsElsewhere.forEach((name, limits) -> {
            if (!merged.containsKey(name)) {
                // Liquibase replaces only a property it has a value for: the database receives ${name} itself.
                unvalued.put(name, "is defined only for " + limits + ", so on " + described(databases)
                        + " Liquibase leaves it as written and the database gets that text, unless the deploy defines"
                        + " it in a property file or with --property");
            }
        });
    }

    private static String described(DatabaseScope databases) {
        if (!databases.included().isEmpty()) {
            return String.join(" or ", new TreeSet<>(databases.included()));
        }
        return databases.excluded().isEmpty() ? "the other runs"
                : "databases other than " + String.join(", ", new TreeSet<>(databases.excluded()));
    }

    /** Every property with the value statements are judged with first. */
    Map<String, String> values() {
        return values;
    }

    Placeholders placeholders() {
        return new Placeholders("${", "}", values, unvalued);
    }

    /** The placeholders with {@code alternative}'s value in place of its property's first one. */
    Placeholders placeholdersWith(PropertyAlternatives.Alternative alternative) {
        Map<String, String> changed = new HashMap<>(values);
        changed.put(alternative.name(), alternative.value());
        return new Placeholders("${", "}", changed, unvalued);
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
