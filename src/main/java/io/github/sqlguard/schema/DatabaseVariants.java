package io.github.sqlguard.schema;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.DatabaseScope;
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

    /** The database a database of {@link #of} names, without the history it was replayed in; "" for any other. */
    static String named(String database) {
        int apart = database.indexOf(ApartHistories.SEPARATOR);
        return apart >= 0 ? database.substring(0, apart) : database;
    }

    /**
     * {@code byDescription} (the databases each description holds on, as {@link #describe} names them) with the
     * database of {@code dialect} named before "other databases" when no history of its own stands for it: read in
     * a configured PostgreSQL, a changelog whose dbms names only MySQL replays PostgreSQL as one of the other
     * databases, and a user who configured PostgreSQL would take a loss "on other databases" for one elsewhere.
     */
    static Map<String, List<String>> withStatementsDatabase(Map<String, List<String>> byDescription,
            Dialect dialect) {
        if (dialect == Dialect.AUTO) {
            return byDescription;
        }
        String own = DatabaseScope.canonical(dialect.configName());
        String others = describe("");
        if (byDescription.values().stream().flatMap(List::stream).anyMatch(own::equals)) {
            return byDescription;
        }
        Map<String, List<String>> named = new LinkedHashMap<>();
        byDescription.forEach((text, databases) -> {
            List<String> listed = new ArrayList<>();
            databases.forEach(database -> {
                if (database.equals(others)) {
                    listed.add(own);
                }
                listed.add(database);
            });
            named.put(text, listed);
        });
        return named;
    }
}
