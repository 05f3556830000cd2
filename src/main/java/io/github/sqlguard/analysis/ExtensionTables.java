package io.github.sqlguard.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tables common PostgreSQL extensions create as their own members, to hold rows their users write: pg_cron's
 * scheduled jobs and their run history, pgsodium's keys, the vault's secrets, pg_partman's partition sets. {@code DROP
 * EXTENSION} drops an extension's members with it, without CASCADE, so those rows go too (and data encrypted with a
 * dropped key cannot be read again). An extension not listed here keeps no rows sqlguard knows of.
 */
final class ExtensionTables {

    private static final Map<String, List<String>> TABLES = Map.of(
            "pg_cron", List.of("cron.job", "cron.job_run_details"),
            "pgsodium", List.of("pgsodium.key"),
            "supabase_vault", List.of("vault.secrets"),
            // pg_partman's tables live in the schema it is created in, usually partman.
            "pg_partman", List.of("part_config", "part_config_sub"));

    private ExtensionTables() {
    }

    /** The tables {@code extension} (as written, maybe quoted) owns and keeps rows in; empty when none is known. */
    static List<String> of(String extension) {
        String name = ObjectNames.lastPart(extension).replace("\"", "").toLowerCase(Locale.ROOT);
        return TABLES.getOrDefault(name, List.of());
    }
}
