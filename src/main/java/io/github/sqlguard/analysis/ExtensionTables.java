package io.github.sqlguard.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tables common PostgreSQL extensions create as their own members, to hold rows their users write: pg_cron's
 * scheduled jobs and their run history, pgsodium's keys, the vault's secrets, pg_partman's partition sets. {@code DROP
 * EXTENSION} drops an extension's members with it, without CASCADE, so those rows go too (and data encrypted with a
 * dropped key cannot be read again). Other extensions are known to own no table at all (pgcrypto, pg_trgm, the
 * extensions that only provide a column type); of the rest sqlguard cannot tell whether they keep rows.
 */
public final class ExtensionTables {

    private static final Map<String, List<String>> TABLES = Map.of(
            "pg_cron", List.of("cron.job", "cron.job_run_details"),
            "pgsodium", List.of("pgsodium.key"),
            "supabase_vault", List.of("vault.secrets"),
            // pg_partman's tables live in the schema it is created in, usually partman.
            "pg_partman", List.of("part_config", "part_config_sub"));

    /**
     * Extensions that own no table, or none whose rows their users write: their functions, operators, types and
     * views are all they drop with them (and their types' columns only with CASCADE, which is reported apart).
     */
    private static final Set<String> WITHOUT_ROWS = Set.of("plpgsql", "pgcrypto", "uuid-ossp", "pg_trgm",
            "btree_gin", "btree_gist", "unaccent", "fuzzystrmatch", "citext", "hstore", "ltree", "cube",
            "earthdistance", "isn", "seg", "vector", "intarray", "tablefunc", "dblink", "postgres_fdw", "file_fdw",
            "pg_stat_statements", "pg_buffercache", "pgstattuple", "pgrowlocks", "pg_prewarm", "amcheck",
            "pageinspect", "pg_visibility", "pg_freespacemap", "pg_walinspect", "tsm_system_rows", "tsm_system_time",
            "moddatetime", "autoinc", "insert_username", "refint", "lo", "sslinfo", "bloom", "dict_int", "dict_xsyn",
            "intagg", "pg_graphql", "pgjwt", "http", "pg_hashids", "pg_jsonschema", "hypopg", "plv8", "plperl",
            "plpython3u", "pltcl", "pgtap", "pgaudit");

    private ExtensionTables() {
    }

    /**
     * True when sqlguard knows what dropping {@code extension} (as written, maybe quoted) does to rows: it owns no
     * table with its users' rows, or its tables are {@linkplain #of listed}.
     */
    public static boolean known(String extension) {
        String name = normalized(extension);
        return TABLES.containsKey(name) || WITHOUT_ROWS.contains(name);
    }

    /** The tables {@code extension} (as written, maybe quoted) owns and keeps rows in; empty when none is known. */
    static List<String> of(String extension) {
        return TABLES.getOrDefault(normalized(extension), List.of());
    }

    private static String normalized(String extension) {
        return ObjectNames.lastPart(extension).replace("\"", "").toLowerCase(Locale.ROOT);
    }
}
