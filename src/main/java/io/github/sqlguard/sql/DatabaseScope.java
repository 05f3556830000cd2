package io.github.sqlguard.sql;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The databases a statement runs on, when its migration says so: a Liquibase changeset's {@code dbms}
 * ({@code dbms="postgresql"}, {@code dbms="mysql, mariadb"}, {@code dbms="!h2"}). A changeset whose
 * {@code context} (or {@code labels}) is just a database's name counts as restricted to that database too:
 * projects that name contexts after databases use them to pick the database. Any other context or label
 * expression selects changesets at run time in ways that cannot be known, so it restricts nothing here.
 *
 * @param included the databases the statement runs on; empty for every database not {@code excluded}
 * @param excluded the databases it does not run on
 */
public record DatabaseScope(Set<String> included, Set<String> excluded) {

    /** Runs on every database. */
    public static final DatabaseScope ANY = new DatabaseScope(Set.of(), Set.of());

    private static final Map<String, String> SPELLINGS = Map.ofEntries(Map.entry("postgres", "postgresql"),
            Map.entry("pg", "postgresql"), Map.entry("pgsql", "postgresql"), Map.entry("sqlserver", "mssql"),
            Map.entry("tsql", "mssql"), Map.entry("sqlite3", "sqlite"), Map.entry("cockroach", "cockroachdb"),
            Map.entry("hsql", "hsqldb"));

    private static final Set<String> DATABASES = Set.of("postgresql", "mysql", "mariadb", "oracle", "mssql", "h2",
            "hsqldb", "sqlite", "db2", "derby", "sybase", "informix", "firebird", "cockroachdb", "snowflake",
            "edb", "asany", "ingres", "sybase-asa");

    public DatabaseScope {
        included = Set.copyOf(included);
        excluded = Set.copyOf(excluded);
    }

    // Written out: the replay compares a scope for nearly every statement, and a record's generated equals runs
    // through method handles that a JVM which has not warmed up interprets slowly.
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof DatabaseScope that && included.equals(that.included)
                && excluded.equals(that.excluded);
    }

    @Override
    public int hashCode() {
        return included.hashCode() * 31 + excluded.hashCode();
    }

    /** A database's name as Liquibase spells it ({@code postgres} and {@code pg} give {@code postgresql}). */
    public static String canonical(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        return SPELLINGS.getOrDefault(lower, lower);
    }

    /** True when {@code name} (any spelling) names a database. */
    public static boolean isDatabase(String name) {
        return DATABASES.contains(canonical(name));
    }

    /**
     * The scope of a changeset with these attributes (each may be null). As in Liquibase, {@code none} in a
     * {@code dbms} list matches no database and {@code all} every one, whatever else the list names.
     */
    public static DatabaseScope of(String dbms, String context, String labels) {
        DatabaseScope scope = ANY;
        if (dbms != null && !dbms.isBlank()) {
            Set<String> included = new HashSet<>();
            Set<String> excluded = new HashSet<>();
            for (String part : dbms.split(",")) {
                String name = part.strip();
                if (name.startsWith("!")) {
                    excluded.add(canonical(name.substring(1)));
                } else if (!name.isEmpty()) {
                    included.add(canonical(name));
                }
            }
            scope = included.contains("all") ? ANY
                    : included.contains("none") ? new DatabaseScope(Set.of("none"), Set.of())
                    : new DatabaseScope(included, excluded);
        }
        for (String expression : Arrays.asList(context, labels)) {
            Set<String> named = databasesNamed(expression);
            if (!named.isEmpty()) {
                Set<String> narrowed = new HashSet<>(named);
                if (!scope.included.isEmpty()) {
                    narrowed.retainAll(scope.included);
                }
                if (narrowed.isEmpty()) {
                    narrowed.add("none"); // dbms and context have no database in common: it runs nowhere
                }
                scope = new DatabaseScope(narrowed, scope.excluded);
            }
        }
        return scope;
    }

    /** The databases an expression lists when it is nothing but their names ({@code mysql}, {@code h2 or hsqldb}). */
    private static Set<String> databasesNamed(String expression) {
        if (expression == null || expression.isBlank()) {
            return Set.of();
        }
        Set<String> names = new HashSet<>();
        for (String part : expression.strip().split("\\s*(,|\\s[oO][rR]\\s)\\s*")) {
            if (!isDatabase(part)) {
                return Set.of();
            }
            names.add(canonical(part));
        }
        return names;
    }

    /**
     * True when the statement runs on {@code database} ({@code ""} for a database no migration names). A database both
     * named and excluded does not run it: a change for {@code mariadb,postgresql} that another statement stands for
     * on MariaDB excludes MariaDB from it.
     */
    public boolean includes(String database) {
        return !excluded.contains(database) && (included.isEmpty() || included.contains(database));
    }

    /**
     * True when no database satisfies the scope: {@code dbms="none"}, or a change's {@code dbms} naming only
     * databases its changeset excludes; Liquibase never runs such a statement.
     */
    public boolean runsNowhere() {
        return !included.isEmpty() && included.stream().allMatch(db -> db.equals("none") || excluded.contains(db));
    }

    /** This scope further limited by a change's own {@code dbms} attribute. */
    public DatabaseScope within(String dbms) {
        DatabaseScope inner = of(dbms, null, null);
        Set<String> narrowed = new HashSet<>(inner.included.isEmpty() ? included : inner.included);
        if (!included.isEmpty() && !inner.included.isEmpty()) {
            narrowed.retainAll(included);
            if (narrowed.isEmpty()) {
                narrowed.add("none");
            }
        }
        Set<String> excludedBoth = new HashSet<>(excluded);
        excludedBoth.addAll(inner.excluded);
        return new DatabaseScope(narrowed, excludedBoth);
    }

    /** The databases both scopes run on. */
    public DatabaseScope and(DatabaseScope other) {
        Set<String> both = new HashSet<>(included.isEmpty() ? other.included : included);
        if (!included.isEmpty() && !other.included.isEmpty()) {
            both.retainAll(other.included);
            if (both.isEmpty()) {
                both.add("none");
            }
        }
        Set<String> excludedBoth = new HashSet<>(excluded);
        excludedBoth.addAll(other.excluded);
        return new DatabaseScope(both, excludedBoth);
    }

    /**
     * True when some database runs both statements: a write on MySQL only ({@code dbms="mysql"}) never reaches
     * what a statement for PostgreSQL reads.
     */
    public boolean overlaps(DatabaseScope other) {
        if (!included.isEmpty()) {
            return included.stream().anyMatch(db -> !db.equals("none") && includes(db) && other.includes(db));
        }
        if (!other.included.isEmpty()) {
            return other.overlaps(this);
        }
        return true; // both run on every database but a few, and there are more databases than those
    }

    /** True when this scope runs on every database {@code other} runs on. */
    public boolean covers(DatabaseScope other) {
        if (!other.included.isEmpty()) {
            return other.included.stream().filter(other::includes).allMatch(this::includes);
        }
        return included.isEmpty() && other.excluded.containsAll(excluded);
    }

    /** Every database name this scope mentions. */
    public Set<String> named() {
        Set<String> names = new HashSet<>(included);
        names.addAll(excluded);
        names.remove("none");
        return names;
    }
}
