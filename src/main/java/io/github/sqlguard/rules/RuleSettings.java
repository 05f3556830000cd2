package io.github.sqlguard.rules;

import io.github.sqlguard.model.RuleIdSuggestions;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The configured severity of each rule: the pom's {@code <rules><drop-column>WARNING</drop-column></rules>}
 * (values {@code ERROR}, {@code WARNING}, {@code INFO}, {@code OFF}, any case) and the ids of
 * {@code -Dsqlguard.disabledRules=drop-column,cascade}. A typo must never switch a safety rule off silently,
 * so an unknown id or level is rejected with the list of valid ones.
 */
public final class RuleSettings {

    /** The level that switches a rule off. */
    public static final String OFF = "OFF";

    private final Map<String, Optional<Severity>> configured = new HashMap<>();

    /**
     * @param knownIds every rule id that exists (the registry's ids)
     * @param levels rule id to level as configured; null for none
     * @param disabledIds rule ids switched off; blank entries are ignored; null for none. Wins over
     *     {@code levels}.
     * @throws IllegalArgumentException naming the valid ids or levels when an id or level is unknown
     */
    public RuleSettings(Collection<String> knownIds, Map<String, String> levels, Collection<String> disabledIds) {
        this(knownIds, levels, disabledIds, Map.of());
    }

    /**
     * @param neverOff ids that may be lowered but not switched off, each with the reason the refusal gives
     * @throws IllegalArgumentException naming the valid ids or levels when an id or level is unknown, and
     *     giving the reason when a rule of {@code neverOff} is switched off
     */
    public RuleSettings(Collection<String> knownIds, Map<String, String> levels, Collection<String> disabledIds,
            Map<String, String> neverOff) {
        Set<String> known = new TreeSet<>(knownIds);
        if (levels != null) {
            for (Map.Entry<String, String> level : levels.entrySet()) {
                configured.put(knownId(known, level.getKey(), "<rules>"), severity(level.getKey(), level.getValue()));
            }
        }
        if (disabledIds != null) {
            for (String id : disabledIds) {
                if (id != null && !id.isBlank()) {
                    configured.put(knownId(known, id, "sqlguard.disabledRules"), Optional.empty());
                }
            }
        }
        for (Map.Entry<String, Optional<Severity>> setting : configured.entrySet()) {
            String id = setting.getKey();
            if (setting.getValue().isEmpty() && neverOff.containsKey(id)) {
                throw new IllegalArgumentException(id + " cannot be switched off: " + neverOff.get(id)
                        + "; lower it to WARNING or INFO in <rules> instead");
            }
        }
    }

    /** No configuration: every rule at its default severity. */
    public static RuleSettings defaults(Collection<String> knownIds) {
        return new RuleSettings(knownIds, Map.of(), List.of());
    }

    /** The ids of a comma-separated list such as {@code "drop-column, cascade"}, blanks dropped. */
    public static List<String> parseIdList(String commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String part : commaSeparated.split(",")) {
            if (!part.isBlank()) {
                ids.add(part.trim());
            }
        }
        return List.copyOf(ids);
    }

    /**
     * The severity a finding of {@code rule} made at {@code found} gets: the configured one when the rule is
     * configured, else {@code found}; empty when the rule is off.
     */
    public Optional<Severity> severityOf(RuleInfo rule, Severity found) {
        return configured.getOrDefault(rule.id(), Optional.of(found));
    }

    /** The severity {@code rule}'s findings get, or empty when the rule is off. */
    public Optional<Severity> severityOf(RuleInfo rule) {
        return configured.getOrDefault(rule.id(), Optional.of(rule.defaultSeverity()));
    }

    private static String knownId(Set<String> known, String id, String where) {
        String trimmed = id == null ? "" : id.trim();
        if (!known.contains(trimmed)) {
            throw new IllegalArgumentException("Unknown rule id '" + id + "' in " + where + "; "
                    + RuleIdSuggestions.forUnknown(trimmed, known));
        }
        return trimmed;
    }

    private static Optional<Severity> severity(String id, String level) {
        String wanted = level == null ? "" : level.trim().toUpperCase(Locale.ROOT);
        if (wanted.equals(OFF)) {
            return Optional.empty();
        }
        for (Severity severity : Severity.values()) {
            if (severity.name().equals(wanted)) {
                return Optional.of(severity);
            }
        }
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("No severity given for rule " + id + " in <rules>; valid values are: "
                    + "ERROR, WARNING, INFO, OFF");
        }
        throw new IllegalArgumentException("Unknown severity '" + level + "' for rule " + id
                + "; valid values are: ERROR, WARNING, INFO, OFF");
    }
}
