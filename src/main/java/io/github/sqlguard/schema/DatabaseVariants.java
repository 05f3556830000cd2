package io.github.sqlguard.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The databases a history is replayed for. A history whose statements name no database ({@code dbms} on a
 * Liquibase changeset) has one schema, {@code ""}. One that names some is replayed once per named database
 * and once more for any other database ({@code ""}): a changeset without {@code dbms} runs on each, one for
 * {@code postgresql} only on the first, one for {@code !h2} on all but {@code h2}.
 */
final class DatabaseVariants {

    private DatabaseVariants() {
    }

    /** Per history, the databases to replay it for; a history missing from the result has only {@code ""}. */
    static Map<String, List<String>> of(List<Map.Entry<String, Set<String>>> histories) {
        Map<String, TreeSet<String>> named = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> history : histories) {
            named.computeIfAbsent(history.getKey(), h -> new TreeSet<>()).addAll(history.getValue());
        }
        Map<String, List<String>> variants = new LinkedHashMap<>();
        named.forEach((history, names) -> {
            if (!names.isEmpty()) {
                List<String> databases = new ArrayList<>(names);
                databases.add("");
                variants.put(history, databases);
            }
        });
        return variants;
    }

    /**
     * A database of {@link #of} as messages name it; one replayed in a history that runs apart from another
     * ({@link ApartHistories}) is named with that history.
     */
    static String describe(String database) {
        int apart = database.indexOf(ApartHistories.SEPARATOR);
        if (apart >= 0) {
            String named = database.substring(0, apart);
            String history = database.substring(apart + 1);
            return named.isEmpty() ? history : named + " in " + history;
        }
        return database.isEmpty() ? "other databases" : database;
    }
}
