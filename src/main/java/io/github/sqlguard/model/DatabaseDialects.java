package io.github.sqlguard.model;

import java.util.Locale;
import java.util.Map;

/**
 * The names databases go by, with the dialect their scripts are written in: configuration values ({@code postgres},
 * {@code mssql}), folder and file names of projects that keep scripts per database ({@code pg/}, {@code x.mysql.sql}),
 * and JDBC URLs ({@code jdbc:pgsql:}). One table, so that a name read in one place is read alike in the others.
 */
public final class DatabaseDialects {

    /**
     * Every name taken for a database, with the dialect its scripts are written in; AUTO for a database
     * whose forms no dialect of ours describes.
     */
    private static final Map<String, Dialect> DIALECTS = Map.ofEntries(
            Map.entry("mysql", Dialect.MYSQL), Map.entry("mariadb", Dialect.MARIADB),
            Map.entry("postgres", Dialect.POSTGRESQL), Map.entry("postgresql", Dialect.POSTGRESQL),
            Map.entry("pg", Dialect.POSTGRESQL), Map.entry("pgsql", Dialect.POSTGRESQL),
            // CodeIgniter's driver name, which projects that grew up with it keep for their PostgreSQL scripts
            // (postgre/, x_postgre.sql beside x_oracle.sql)
            Map.entry("postgre", Dialect.POSTGRESQL),
            Map.entry("oracle", Dialect.ORACLE),
            Map.entry("mssql", Dialect.SQLSERVER), Map.entry("sqlserver", Dialect.SQLSERVER),
            Map.entry("tsql", Dialect.SQLSERVER),
            Map.entry("h2", Dialect.H2),
            Map.entry("sqlite", Dialect.SQLITE), Map.entry("sqlite3", Dialect.SQLITE),
            // CockroachDB speaks PostgreSQL's SQL and protocol, and projects reach it through PostgreSQL's driver
            // (jdbc:postgresql://..:26257/..), so its scripts are PostgreSQL's as such a URL makes them
            Map.entry("cockroach", Dialect.POSTGRESQL), Map.entry("cockroachdb", Dialect.POSTGRESQL),
            Map.entry("db2", Dialect.AUTO), Map.entry("hsql", Dialect.AUTO), Map.entry("hsqldb", Dialect.AUTO),
            Map.entry("derby", Dialect.AUTO), Map.entry("sybase", Dialect.AUTO), Map.entry("informix", Dialect.AUTO),
            // SAP (formerly Sybase) SQL Anywhere: its folder in projects that ship one per database, and
            // Liquibase's short name for it
            Map.entry("sqlanywhere", Dialect.AUTO), Map.entry("asany", Dialect.AUTO),
            Map.entry("firebird", Dialect.AUTO), Map.entry("hana", Dialect.AUTO),
            // Databases whose scripts mix forms of several dialects (Dameng writes Oracle's types beside MySQL's
            // backticks; Kingbase, openGauss and OceanBase each copy more than one), so none of ours reads them all
            Map.entry("dm", Dialect.AUTO), Map.entry("dameng", Dialect.AUTO), Map.entry("kingbase", Dialect.AUTO),
            Map.entry("kingbasees", Dialect.AUTO), Map.entry("oscar", Dialect.AUTO),
            Map.entry("shentong", Dialect.AUTO),
            Map.entry("opengauss", Dialect.AUTO), Map.entry("gaussdb", Dialect.AUTO),
            Map.entry("oceanbase", Dialect.AUTO),
            // the short names projects that ship scripts for both give them (og/ beside pg/, ob/ beside mysql/,
            // x-upgrade-y-og.sql), as dm/ is Dameng's
            Map.entry("og", Dialect.AUTO), Map.entry("ob", Dialect.AUTO), Map.entry("highgo", Dialect.AUTO), Map.entry("tidb", Dialect.AUTO),
            Map.entry("polardb", Dialect.AUTO),
            // Databases golang-migrate and Flyway also migrate, whose folders sit beside the others' (projects keep
            // clickhouse/ beside postgres/ and mysql/): each is a history of its own, not steps for every database
            Map.entry("clickhouse", Dialect.AUTO), Map.entry("snowflake", Dialect.AUTO),
            Map.entry("redshift", Dialect.AUTO), Map.entry("bigquery", Dialect.AUTO),
            Map.entry("spanner", Dialect.AUTO), Map.entry("yugabytedb", Dialect.AUTO),
            Map.entry("duckdb", Dialect.AUTO), Map.entry("vertica", Dialect.AUTO),
            Map.entry("teradata", Dialect.AUTO), Map.entry("singlestore", Dialect.AUTO));

    private DatabaseDialects() {
    }

    /**
     * The dialect of the database {@code name} names, as written in any case, with or without underscores and hyphens
     * ({@code SQL_SERVER}); {@link Dialect#AUTO} for a database whose forms no dialect describes, null for a name of
     * no database.
     */
    public static Dialect of(String name) {
        return DIALECTS.get(key(name));
    }

    /** Whether {@code name} names a database, one without a dialect of its own included. */
    public static boolean known(String name) {
        return DIALECTS.containsKey(key(name));
    }

    /** Every name, in lower case without underscores or hyphens, with its dialect. */
    public static Map<String, Dialect> all() {
        return DIALECTS;
    }

    private static String key(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.indexOf('_') < 0 && lower.indexOf('-') < 0 ? lower : lower.replace("_", "").replace("-", "");
    }
}
