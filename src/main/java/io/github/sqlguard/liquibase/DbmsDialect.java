package io.github.sqlguard.liquibase;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.source.DatabaseNames;
import io.github.sqlguard.sql.DatabaseScope;
import io.github.sqlguard.sql.StatementContext;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Picks the dialect for a changeset or change from its {@code dbms} attribute: when it runs on exactly one
 * known database, its SQL is written for that database and parses best with that dialect (a configured
 * dialect keeps the SQL of its own database). Without such a {@code dbms}, a folder named for a database
 * ({@code changelog/mysql/}) says the same of the files in it.
 */
final class DbmsDialect {

    private DbmsDialect() {
    }

    /**
     * Without a {@code dbms}, the dialect of the file's folder where it names a database of another family than the
     * configured one, else the configured one; with one, as {@link #of(String, Dialect)} says, and the folder's
     * where that leaves none.
     */
    static Dialect of(String dbms, Dialect configured, String relativePath) {
        Dialect chosen = dbms == null || dbms.isBlank() ? Dialect.AUTO : of(dbms, configured);
        return chosen == Dialect.AUTO ? ofFile(relativePath, configured) : chosen;
    }

    /**
     * That of the database the file's folder (or a part of its name) names, unless the configured dialect is of
     * the same family; else the configured one.
     */
    static Dialect ofFile(String relativePath, Dialect configured) {
        return configured.forScriptNaming(DatabaseNames.dialectWithinProject(relativePath));
    }

    /**
     * A configured dialect wins, except over a {@code dbms} that names one other database, or only databases
     * one dialect reads ({@code mysql, mariadb}): that SQL never runs on the configured database and is written
     * for the one it names (T-SQL's {@code UPDATE a .. FROM t a} read as PostgreSQL updates another table, and
     * MySQL's {@code 'it\'s'} read as PostgreSQL never ends).
     */
    static Dialect of(String dbms, Dialect configured) {
        if (dbms == null || dbms.isBlank()) {
            return configured;
        }
        List<String> names = Arrays.stream(dbms.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (names.isEmpty() || names.stream().anyMatch(name -> name.startsWith("!"))) {
            return excludes(names, configured) ? Dialect.AUTO : configured;
        }
        // HSQLDB, DB2, Derby, ..: no dialect of ours describes their SQL, so the others named decide
        // (dbms="postgresql,hsqldb" is PostgreSQL's SQL, and never runs on MySQL).
        List<String> described = names.stream()
                .filter(name -> named(name) != null || !DatabaseScope.isDatabase(name)).toList();
        if (described.isEmpty()) {
            return Dialect.AUTO;
        }
        if (described.size() > 1) {
            Set<Dialect> named = described.stream().map(DbmsDialect::named).collect(Collectors.toSet());
            boolean mySqlOnly = named.stream().allMatch(d -> d == Dialect.MYSQL || d == Dialect.MARIADB);
            return !mySqlOnly || configured.isMySqlFamily() ? configured
                    : named.size() == 1 ? named.iterator().next() : Dialect.MYSQL;
        }
        Dialect named = named(described.get(0));
        if (named == null) {
            return configured; // not a database's name (a misspelt one is reported as unknown-dbms)
        }
        return configured == Dialect.AUTO || !named.isSameFamily(configured) ? named : configured;
    }

    /**
     * The databases a changeset's {@code context} or {@code labels} name when they are nothing but database names
     * ({@code context="mysql"}), written as a {@code dbms} list: projects that pick the database by context write
     * that changeset's SQL for it, as a {@code dbms} would say (MySQL's {@code 'it\'s'} read as PostgreSQL never
     * ends).
     */
    static Optional<String> ofContext(String context, String labels) {
        Set<String> named = DatabaseScope.of(null, context, labels).included();
        return named.isEmpty() || named.contains("none") ? Optional.empty()
                : Optional.of(String.join(",", new TreeSet<>(named)));
    }

    /** The dialect that reads the SQL of the database Liquibase calls {@code name}, or null. */
    static Dialect named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "postgresql" -> Dialect.POSTGRESQL;
            case "mysql" -> Dialect.MYSQL;
            case "mariadb" -> Dialect.MARIADB;
            case "mssql" -> Dialect.SQLSERVER;
            case "oracle" -> Dialect.ORACLE;
            case "h2" -> Dialect.H2;
            case "sqlite" -> Dialect.SQLITE;
            default -> null;
        };
    }

    /**
     * The dialect a changeset is read in: that of its single {@code dbms} ({@code stated}), else its folder's (over a
     * configured one of another family), else the configured or the project's; none when that {@code dbms} names a
     * database no dialect describes ({@code dbms="hsqldb"}), as the project's database never runs it.
     */
    static Dialect ofChangeSet(String dbms, Dialect stated, String relativePath, LiquibaseOptions options) {
        if (stated == Dialect.AUTO && of(dbms, Dialect.MYSQL) == Dialect.AUTO) {
            return Dialect.AUTO;
        }
        Dialect chosen = options.orProject(stated == Dialect.AUTO ? ofFile(relativePath, Dialect.AUTO)
                : dbms == null || dbms.isBlank() ? ofFile(relativePath, stated) : stated);
        return dbms != null && excludes(Arrays.stream(dbms.split(",")).map(String::strip).toList(), chosen)
                ? Dialect.AUTO : chosen;
    }

    /**
     * True when {@code names} rule out every database {@code dialect} reads ({@code !oracle} under Oracle): the
     * changeset never runs there, its SQL and types are written for the other databases, so it is read as none's.
     */
    private static boolean excludes(List<String> names, Dialect dialect) {
        Set<String> databases = databasesOf(dialect);
        return !databases.isEmpty() && databases.stream().allMatch(database -> names.stream()
                .anyMatch(name -> name.startsWith("!") && name.substring(1).strip().equalsIgnoreCase(database)));
    }

    /** The Liquibase names of the databases whose SQL {@code dialect} reads; none for AUTO. */
    static Set<String> databasesOf(Dialect dialect) {
        return switch (dialect) {
            case AUTO -> Set.of();
            case MYSQL, MARIADB -> Set.of("mysql", "mariadb");
            case SQLSERVER -> Set.of("mssql");
            default -> Set.of(dialect.configName());
        };
    }

    /**
     * The databases whose changelog properties a changeset sees: the database of {@code dialect} (configured,
     * inferred from the project or from the file's folder) where its {@code dbms} names it among others
     * ({@code dbms="mysql,hsqldb"} read as MySQL runs there with MySQL's values, as a changeset without one does),
     * else those its {@code dbms} names; without one, the database of {@code dialect} unless that one is excluded
     * or unknown (AUTO): then every database the changeset may run on. The MySQL dialect also reads MariaDB's SQL,
     * so it stands for both.
     */
    static DatabaseScope propertyScope(DatabaseScope changeSet, Dialect dialect) {
        Set<String> databases = dialect == Dialect.MARIADB ? Set.of("mariadb") : databasesOf(dialect);
        if (!changeSet.included().isEmpty()) {
            Set<String> named = new HashSet<>(changeSet.included());
            named.retainAll(databases);
            return named.isEmpty() ? changeSet : new DatabaseScope(named, changeSet.excluded());
        }
        DatabaseScope ofDialect = new DatabaseScope(databases, changeSet.excluded());
        return databases.isEmpty() || ofDialect.runsNowhere() ? changeSet : ofDialect;
    }

    /**
     * The context of a change with a {@code dbms} of its own: it runs only on the databases both it and its
     * changeset name, so what it writes reaches only the statements of those databases, and one that rules out
     * every database its changeset runs on ({@code <sql dbms="postgresql">} in a {@code dbms="!postgresql"}
     * changeset) never runs.
     */
    static StatementContext scoped(ChangeNode change, StatementContext context) {
        String dbms = LiquibaseDatabaseNames.withoutSlips(change.attributes().get("dbms"));
        if (dbms == null || dbms.isBlank()) {
            return context;
        }
        return new StatementContext(context.kind(), context.label(), context.databases().within(dbms));
    }

}
