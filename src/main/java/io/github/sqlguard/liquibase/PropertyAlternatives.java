package io.github.sqlguard.liquibase;

import io.github.sqlguard.sql.DatabaseScope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The other values a changelog property takes on some runs. Liquibase uses the first definition of a name whose
 * {@code context}, {@code labels} and {@code dbms} match the run, so while the definitions so far are all limited
 * that way, a later one is what a run outside those limits gets ({@code <property name="cond" value="id = 1"
 * context="prod"/>} then {@code value="1=1" context="dev"}: a run in context dev deletes every row). A changeset
 * that runs only on some databases sees only the definitions for those ({@link #on}).
 */
final class PropertyAlternatives {

    /**
     * One value a property has only on some runs, and the limit under which it applies (null: any other run);
     * {@code runs} holds the databases it can apply on ({@link DatabaseScope#ANY} when its limits say nothing of
     * them), those its own {@code dbms} names less those an earlier definition for databases only already took.
     */
    record Alternative(String name, String value, String condition, DatabaseScope runs) {
    }

    /** One definition that may apply on some run; {@code dbms} is its database list (null: every database). */
    private record Definition(String name, String value, String condition, String dbms, boolean dbmsOnly) {
    }

    private final Map<String, List<Alternative>> byName = new LinkedHashMap<>();
    /** Names whose definitions so far include one that applies on every run: later definitions never apply. */
    private final Set<String> settled = new HashSet<>();
    /** First definitions that apply only on some runs: the value statements are judged with, and its limit. */
    private final Map<String, Alternative> limitedFirsts = new LinkedHashMap<>();
    private final List<Definition> definitions = new ArrayList<>();
    /** Per name, the databases its earlier definitions for databases only apply on. */
    private final Map<String, Set<String>> claimed = new HashMap<>();
    /** Names with an earlier definition for databases given otherwise than as a list ({@code dbms="!h2"}). */
    private final Set<String> unlisted = new HashSet<>();
    private final Map<DatabaseScope, RunProperties> views = new HashMap<>();

    /**
     * Records one definition, in the order Liquibase reads them, into {@code values} (the first definition of
     * each name); {@code limits} holds its {@code context}, {@code labels} and {@code dbms}, if any.
     */
    void define(Map<String, String> values, String name, String value, Map<String, String> limits) {
        if (settled.contains(name)) {
            return;
        }
        String dbms = limits.get("dbms");
        Map<String, String> others = new HashMap<>(limits);
        others.remove("dbms");
        if (dbms != null && DatabaseScope.of(dbms, null, null).equals(DatabaseScope.ANY)) {
            dbms = null; // dbms="all" limits nothing
        }
        boolean dbmsOnly = conditionOf(others) == null;
        if (dbms != null) {
            others.put("dbms", dbms);
        }
        Definition definition = new Definition(name, value, conditionOf(others), dbms, dbmsOnly);
        definitions.add(definition);
        views.clear();
        record(values, definition, DatabaseScope.ANY);
    }

    /** Records {@code definition} as runs on {@code databases} see it, when it can apply there at all. */
    private void record(Map<String, String> values, Definition definition, DatabaseScope databases) {
        String name = definition.name();
        String value = definition.value();
        DatabaseScope limit = DatabaseScope.of(definition.dbms(), null, null);
        if (settled.contains(name) || !databases.overlaps(limit)) {
            return;
        }
        DatabaseScope runs = runsOf(definition, limit);
        if (runs == null) {
            return;
        }
        String first = values.putIfAbsent(name, value);
        if (first == null && definition.condition() != null) {
            limitedFirsts.put(name, new Alternative(name, value, definition.condition(), runs));
        }
        List<Alternative> others = byName.computeIfAbsent(name, n -> new ArrayList<>());
        if (first != null && first.equals(value)) {
            // The value applies on the databases of two definitions: no longer one list of them.
            limitedFirsts.computeIfPresent(name, (n, a) -> new Alternative(n, value, a.condition(), DatabaseScope.ANY));
        } else if (first != null) {
            others.replaceAll(a -> a.value().equals(value)
                    ? new Alternative(name, value, a.condition(), DatabaseScope.ANY) : a);
            if (others.stream().noneMatch(a -> a.value().equals(value))) {
                others.add(new Alternative(name, value, definition.condition(), runs));
            }
        }
        if (definition.dbmsOnly() && limit.covers(databases)) {
            settled.add(name);
        }
    }

    /**
     * The databases {@code definition} can apply on: its own {@code dbms} ({@code limit}) less the databases an
     * earlier definition of the name for databases only takes first; {@link DatabaseScope#ANY} when that cannot be
     * told ({@code dbms="!h2"} before it); null when those took every database of its list: on them the earlier
     * definition wins on every run, so this one never applies (a changelog that repeats its definitions in each
     * included file).
     */
    private DatabaseScope runsOf(Definition definition, DatabaseScope limit) {
        String name = definition.name();
        if (unlisted.contains(name)) {
            return DatabaseScope.ANY;
        }
        Set<String> taken = claimed.computeIfAbsent(name, n -> new HashSet<>());
        Set<String> left = new HashSet<>(limit.included());
        left.removeAll(taken);
        Set<String> excluded = new HashSet<>(limit.excluded());
        excluded.addAll(taken);
        if (!limit.included().isEmpty() && left.isEmpty()) {
            return null;
        }
        DatabaseScope runs = new DatabaseScope(left, limit.included().isEmpty() ? excluded : Set.of());
        if (definition.dbmsOnly() && definition.dbms() != null) {
            if (limit.included().isEmpty() || !limit.excluded().isEmpty()) {
                unlisted.add(name);
            } else {
                taken.addAll(limit.included());
            }
        }
        return runs;
    }

    /**
     * The properties as runs on {@code databases} see them: a definition for other databases never applies there
     * ({@code dbms="oracle"} in a changeset for MySQL), and one for all of them hides the definitions after it.
     * {@code fromBuild} (the build's {@code liquibaseProperties}) wins over every definition.
     */
    RunProperties on(DatabaseScope databases, Map<String, String> fromBuild) {
        DatabaseScope scope = databases.runsNowhere() ? DatabaseScope.ANY : databases;
        return views.computeIfAbsent(scope, s -> {
            PropertyAlternatives seen = new PropertyAlternatives();
            Map<String, String> values = new HashMap<>();
            definitions.forEach(definition -> seen.record(values, definition, s));
            return new RunProperties(values, seen, fromBuild, limitsOfUnseen(values.keySet()), s);
        });
    }

    /**
     * The limits of the definitions of each property none of which applies on some runs (those whose first values
     * are {@code seen}): {@code dbms h2}, or {@code dbms h2 or context dev} for two definitions.
     */
    private Map<String, String> limitsOfUnseen(Set<String> seen) {
        Map<String, Set<String>> limits = new LinkedHashMap<>();
        for (Definition definition : definitions) {
            if (!seen.contains(definition.name()) && definition.condition() != null) {
                limits.computeIfAbsent(definition.name(), n -> new LinkedHashSet<>()).add(definition.condition());
            }
        }
        Map<String, String> joined = new LinkedHashMap<>();
        limits.forEach((name, conditions) -> joined.put(name, String.join(" or ", conditions)));
        return joined;
    }

    /**
     * The databases the definitions of {@code name} are limited to, in the order they are named, when each
     * definition lists its own ({@code dbms="mysql"}, then {@code dbms="postgresql"}): on any other database the
     * property is undefined. Empty when a definition applies on every database or excludes some ({@code dbms="!h2"}).
     */
    List<String> databasesDefining(String name) {
        Set<String> databases = new LinkedHashSet<>();
        for (Definition definition : definitions) {
            if (!definition.name().equals(name)) {
                continue;
            }
            if (definition.dbms() == null || definition.dbms().contains("!")) {
                return List.of();
            }
            for (String database : definition.dbms().split(",")) {
                if (!database.isBlank()) {
                    databases.add(database.strip());
                }
            }
        }
        return List.copyOf(databases);
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

    /**
     * {@code databases} limited to those where {@code value} applies, when the values of the one property a change
     * refers to ({@code firsts} and {@code others}) split the databases between them, each run seeing one of them
     * ({@code dbms="mysql"}, {@code dbms="postgresql"}, then one for every other database), or when {@code value}
     * is defined for listed databases only and another value is judged too (the others never see it: there the
     * property is another value or undefined): the schema then follows each database with its own value, and a
     * column created with one is not compared with another. Else, or where nothing would be left, {@code
     * databases} as they are.
     */
    static DatabaseScope narrowed(DatabaseScope databases, Alternative value, List<Alternative> firsts,
            List<Alternative> others) {
        List<Alternative> all = new ArrayList<>(firsts);
        all.addAll(others);
        boolean oneProperty = firsts.size() == 1 && all.stream().allMatch(a -> a.name().equals(value.name()));
        Set<String> listed = new HashSet<>();
        all.forEach(a -> listed.addAll(a.runs().included()));
        boolean everyRunCovered = all.stream()
                .anyMatch(a -> a.runs().included().isEmpty() && listed.containsAll(a.runs().excluded()));
        // Only where another value is followed on the other databases: a lone value stands for every run.
        boolean listedOnly = !value.runs().included().isEmpty() && all.size() > 1;
        DatabaseScope limited = databases.and(value.runs());
        return oneProperty && (everyRunCovered || listedOnly) && !limited.runsNowhere() ? limited : databases;
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
