package io.github.sqlguard.liquibase;

import io.github.sqlguard.model.EditDistance;
import io.github.sqlguard.sql.DatabaseScope;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The database short names Liquibase matches a {@code dbms} attribute against, and the slips people make in them
 * ({@code postgres}, {@code sqlserver}, {@code hsql}). A name that is neither known nor close to a known one is
 * taken for an extension's database and left alone: only a likely slip is worth a warning.
 */
final class LiquibaseDatabaseNames {

    /** Liquibase's own databases, the special values, and databases that widely used extensions add. */
    private static final Set<String> KNOWN = Set.of("all", "none", "asany", "cockroachdb", "db2", "db2z", "db2i",
            "derby", "edb", "enterprisedb", "firebird", "h2", "hsqldb", "informix", "ingres", "mariadb", "mssql",
            "mysql", "oracle", "postgresql", "sqlite", "sybase", "snowflake", "mock", "bigquery", "cassandra",
            "clickhouse", "cosmosdb", "databricks", "hana", "hanadb", "mongodb", "neo4j", "redshift", "spanner",
            "cloudspanner", "teradata", "vertica", "yugabytedb", "exasol", "sqlfire", "dm", "kingbase", "oceanbase",
            "opengauss", "gaussdb", "polardb", "tidb", "oscar");

    /** Names of a database that are not its Liquibase short name, and that name. */
    private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("postgres", "postgresql"),
            Map.entry("postgre", "postgresql"), Map.entry("pgsql", "postgresql"), Map.entry("pg", "postgresql"),
            Map.entry("psql", "postgresql"), Map.entry("sqlserver", "mssql"), Map.entry("mssqlserver", "mssql"),
            Map.entry("sql_server", "mssql"), Map.entry("tsql", "mssql"), Map.entry("azuresql", "mssql"),
            Map.entry("hsql", "hsqldb"), Map.entry("maria", "mariadb"), Map.entry("oracledb", "oracle"),
            Map.entry("sqlite3", "sqlite"));

    private LiquibaseDatabaseNames() {
    }

    /**
     * The names of a {@code dbms} value ({@code "postgres, !h2"}) that are likely slips, each with the short name
     * meant: {@code "'postgres' (did you mean postgresql?)"}; empty when every name is known or unrelated.
     */
    static List<String> slips(String dbms) {
        if (dbms == null || dbms.isBlank() || dbms.contains("${")) {
            return List.of();
        }
        return Arrays.stream(dbms.split(","))
                .map(name -> name.strip().replaceFirst("^!\\s*", ""))
                .filter(name -> !name.isEmpty() && !KNOWN.contains(name.toLowerCase(Locale.ROOT)))
                .flatMap(name -> meant(name.toLowerCase(Locale.ROOT))
                        .map(known -> "'" + name + "' (did you mean " + known + "?)").stream())
                .toList();
    }

    /**
     * A {@code dbms} value ({@code "posgresql, !h2"}) without its likely slips ({@code "!h2"}), null when nothing
     * else is left. Liquibase matches no database against a slip, so a changeset it alone names never runs, and
     * recent releases refuse the changelog: the database meant cannot be known. sqlguard therefore takes such a
     * changeset for one that runs on every database, so that its statements are still judged and shape every
     * database's schema, and the slip (reported as {@code unknown-dbms}) is never replayed or named as a database
     * of its own. An excluded slip ({@code !posgresql}) excludes nothing, as in Liquibase. A common other name of
     * a database ({@code postgres}) stays: the replay reads it as that database.
     */
    static String withoutSlips(String dbms) {
        if (dbms == null || dbms.isBlank() || dbms.contains("${")) {
            return dbms;
        }
        String kept = Arrays.stream(dbms.split(","))
                .filter(part -> !isSlip(part.strip().replaceFirst("^!\\s*", "").toLowerCase(Locale.ROOT)))
                .collect(Collectors.joining(","));
        return kept.isBlank() ? null : kept;
    }

    /** The short names {@code dbms} ({@code "postgres, !h2"}) likely meant where it has slips, each once. */
    static List<String> meantBy(String dbms) {
        if (dbms == null || dbms.isBlank()) {
            return List.of();
        }
        return Arrays.stream(dbms.split(",")).map(name -> name.strip().replaceFirst("^!\\s*", "")
                .toLowerCase(Locale.ROOT)).filter(name -> !name.isEmpty() && !KNOWN.contains(name))
                .flatMap(name -> meant(name).stream()).flatMap(known -> Arrays.stream(known.split(" or ")))
                .distinct().toList();
    }

    private static boolean isSlip(String name) {
        return !name.isEmpty() && !KNOWN.contains(name) && !DatabaseScope.isDatabase(name) && meant(name).isPresent();
    }

    private static Optional<String> meant(String name) {
        String alias = ALIASES.get(name);
        if (alias != null) {
            return Optional.of(alias);
        }
        // A release after the name: "mysql8", "mssql2008", "oracle12c", "postgresql_14".
        Optional<String> released = KNOWN.stream().filter(known -> known.length() >= 4 && name.startsWith(known)
                && name.substring(known.length()).matches("[-_ ]?\\d[\\w.]*")).findFirst();
        if (released.isPresent()) {
            return released;
        }
        // One slip in a short name, two in a longer one: "msql", "postgressql", "oralce".
        Map<Integer, List<String>> close = KNOWN.stream().filter(known -> known.length() >= 4)
                .filter(known -> distance(name, known) <= (Math.min(name.length(), known.length()) < 6 ? 1 : 2))
                .sorted().collect(Collectors.groupingBy(known -> distance(name, known), TreeMap::new,
                        Collectors.toList()));
        return close.values().stream().findFirst().map(names -> String.join(" or ", names));
    }

    private static int distance(String name, String known) {
        return EditDistance.between(name, known, true);
    }
}
