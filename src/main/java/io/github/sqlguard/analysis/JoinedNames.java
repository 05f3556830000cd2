package io.github.sqlguard.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tables of a join list and the names they are known by: each table as written with its alias, and what a
 * qualifier or target denotes among them (an alias first, else a table's whole name or its last part). What the
 * joins do to the rows of those tables is {@link JoinedTables}' concern.
 */
final class JoinedNames {

    /** Every name a table here answers to (normalized): its name, the name's last part, its alias. */
    private final List<String> lookup = new ArrayList<>();
    /** Each table as {normalized name, normalized alias or null}, in order. */
    private final List<String[]> entries = new ArrayList<>();
    /** Each table as written, in the order of {@link #entries}. */
    private final List<String> written = new ArrayList<>();
    private final Map<String, String> tableOfAlias = new HashMap<>();

    /** Adds a table and its alias (null when it has none), as written. */
    void add(String table, String alias) {
        String name = ObjectNames.normalize(table);
        entries.add(new String[] {name, alias == null ? null : ObjectNames.normalize(alias)});
        written.add(table);
        lookup.add(name);
        lookup.add(lastPart(name));
        if (alias != null) {
            lookup.add(ObjectNames.normalize(alias));
            tableOfAlias.putIfAbsent(ObjectNames.normalize(alias), table);
        }
    }

    /** Adds the tables of a parenthesised join. */
    void addAll(JoinedNames group) {
        entries.addAll(group.entries);
        written.addAll(group.written);
        lookup.addAll(group.lookup);
        group.tableOfAlias.forEach(tableOfAlias::putIfAbsent);
    }

    /** Every name the tables answer to, in the order they were added. */
    List<String> lookup() {
        return lookup;
    }

    /** True when a table here answers to {@code normalized} or to its last part. */
    boolean answersTo(String normalized) {
        return lookup.contains(normalized) || lookup.contains(lastPart(normalized));
    }

    /** Each table as {normalized name, normalized alias or null}, in order. */
    List<String[]> entries() {
        return entries;
    }

    /** Each table as written, in order. */
    List<String> written() {
        return written;
    }

    int size() {
        return entries.size();
    }

    /** The name the table at {@code entry} is known by: its alias, else its name as written. */
    String knownName(int entry) {
        return entries.get(entry)[1] != null ? entries.get(entry)[1] : written.get(entry);
    }

    /** The name each table is known by here, in order: its alias, else its name as written. */
    List<String> knownNames() {
        List<String> known = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            known.add(knownName(i));
        }
        return known;
    }

    /** The table {@code target} denotes when it is an alias here, as written; else {@code target} itself. */
    String tableOf(String target) {
        return tableOfAlias.getOrDefault(ObjectNames.normalize(target), target);
    }

    /** The entry a qualifier or target denotes: by alias, else by table name (whole or last part); -1 if none. */
    int entryOf(String key) {
        for (int i = 0; i < entries.size(); i++) {
            if (key.equals(entries.get(i)[1])) {
                return i;
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            String[] entry = entries.get(i);
            if (entry[1] == null && (key.equals(entry[0]) || key.equals(lastPart(entry[0])))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * {@code targets} as T-SQL binds them: a target named by its table ({@code DELETE FROM dbo.orders FROM dbo.orders o
     * JOIN ..}, {@code UPDATE dbo.orders SET .. FROM dbo.orders o ..}) is the one reference of that table in the
     * list, known here by its alias. A name the list knows as it is, or whose table it holds twice, stays.
     */
    List<String> boundByTableName(List<String> targets) {
        List<String> bound = new ArrayList<>();
        for (String target : targets) {
            String key = ObjectNames.normalize(target);
            String alias = null;
            int references = 0;
            for (String[] entry : entries) {
                if (key.equals(entry[0]) || key.equals(lastPart(entry[0]))) {
                    references++;
                    alias = entry[1];
                }
            }
            bound.add(entryOf(key) < 0 && references == 1 && alias != null ? alias : target);
        }
        return bound;
    }

    /**
     * The name each table is known by here: its alias, or its name when it has none. In a PostgreSQL UPDATE's FROM
     * list every one of them is a table other than the target, even one of the target's table under an alias.
     */
    Set<String> qualifiersOfEachTable() {
        Set<String> qualifiers = new HashSet<>();
        for (String[] entry : entries) {
            if (entry[1] != null) {
                qualifiers.add(entry[1]);
            } else {
                qualifiers.add(entry[0]);
                qualifiers.add(lastPart(entry[0]));
            }
        }
        return qualifiers;
    }

    /**
     * The names of the tables here (normalized) that qualify a column in {@code text}, an applied query as the parser
     * prints it ({@code o} in {@code (SELECT l.x FROM lines l WHERE l.order_id = o.id)}).
     */
    Set<String> qualifiersIn(String text) {
        Set<String> named = new HashSet<>();
        for (String name : knownNames()) {
            String bare = ObjectNames.lastPart(name).replaceAll("^[\\[\"`]|[\\]\"`]$", "");
            Pattern qualifier = Pattern.compile("(?<![\\w.@#$])[\\[\"`]?" + Pattern.quote(bare) + "[\\]\"`]?\\s*\\.",
                    Pattern.CASE_INSENSITIVE);
            if (qualifier.matcher(text).find()) {
                named.add(ObjectNames.normalize(name));
            }
        }
        return named;
    }

    /** True when {@code key} (normalized) is the alias, the name or the name's last part of {@code entry}. */
    static boolean denotes(String[] entry, String key) {
        return key.equals(entry[1]) || key.equals(entry[0]) || key.equals(lastPart(entry[0]));
    }

    /** True when {@code qualifiers} hold the name, its last part or the alias of {@code entry}. */
    static boolean namedIn(String[] entry, Set<String> qualifiers) {
        return qualifiers.contains(entry[0]) || qualifiers.contains(lastPart(entry[0]))
                || entry[1] != null && qualifiers.contains(entry[1]);
    }

    static String lastPart(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
