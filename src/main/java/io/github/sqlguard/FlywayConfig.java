package io.github.sqlguard;

import io.github.sqlguard.model.ScriptMode;
import io.github.sqlguard.source.FlywayNaming;
import io.github.sqlguard.source.FlywayVersion;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the project names and writes its Flyway migrations; defaults are Flyway's own.
 *
 * @param sinceVersion versioned scripts at or below this version already ran and are not checked; null = all
 * @param undoScripts what to do with {@code U} scripts
 * @param javaMigrations the source files of the Java (or Kotlin) migration classes Flyway runs: those named as
 *     migrations in the Flyway locations and those that are migrations by their type; sqlguard cannot read what
 *     they do, so each is reported as {@code unchecked-change}
 * @param placeholderAlternatives other values that settings Flyway also runs with give a placeholder (another
 *     Spring Boot profile, another Flyway configuration file): the scripts are checked with each of them as well
 * @param defaultSchema the schema Flyway runs the scripts in ({@code defaultSchema}, else the first of
 *     {@code schemas}): an unqualified table name means a table of it; null when not set or not known for sure
 * @param baselineVersion the version Flyway baselines a schema that already holds tables at ({@code
 *     baselineVersion}, the lowest any settings source names; null for Flyway's default, 1): the versioned scripts
 *     up to it never run on such a schema
 * @param javaInScriptFolders true when the script folders were named by the user rather than found as Flyway
 *     locations: such a folder may be a module's source folder, so a Java or Kotlin class the scan meets in it that
 *     is a migration by its type is one Flyway runs (see {@code JavaMigrationClasses#among})
 * @param historyTables the names the settings give the table Flyway records the migrations it ran in ({@code
 *     table}; several when settings sources differ), which no migration creates but some alter: its columns have
 *     the types Flyway gives them; empty for Flyway's default name
 */
public record FlywayConfig(
        String versionedPrefix,
        String undoPrefix,
        String repeatablePrefix,
        String separator,
        List<String> suffixes,
        Map<String, String> placeholders,
        String placeholderPrefix,
        String placeholderSuffix,
        String sinceVersion,
        ScriptMode undoScripts,
        List<Path> javaMigrations,
        Map<String, List<String>> placeholderAlternatives,
        String defaultSchema,
        String baselineVersion,
        boolean javaInScriptFolders,
        List<String> historyTables) {

    public static final FlywayConfig DEFAULTS = new FlywayConfig("V", "U", "R", "__", List.of(".sql"), Map.of(),
            "${", "}", null, ScriptMode.WARN);

    public FlywayConfig {
        suffixes = List.copyOf(suffixes);
        placeholders = Map.copyOf(placeholders);
        javaMigrations = List.copyOf(javaMigrations);
        placeholderAlternatives = Map.copyOf(placeholderAlternatives);
        historyTables = historyTables == null ? List.of() : List.copyOf(historyTables);
    }

    /** Settings that keep Flyway's history table under its default name. */
    public FlywayConfig(String versionedPrefix, String undoPrefix, String repeatablePrefix, String separator,
            List<String> suffixes, Map<String, String> placeholders, String placeholderPrefix,
            String placeholderSuffix, String sinceVersion, ScriptMode undoScripts, List<Path> javaMigrations,
            Map<String, List<String>> placeholderAlternatives, String defaultSchema, String baselineVersion,
            boolean javaInScriptFolders) {
        this(versionedPrefix, undoPrefix, repeatablePrefix, separator, suffixes, placeholders, placeholderPrefix,
                placeholderSuffix, sinceVersion, undoScripts, javaMigrations, placeholderAlternatives, defaultSchema,
                baselineVersion, javaInScriptFolders, List.of());
    }

    /** Settings that leave the baseline version at Flyway's default. */
    public FlywayConfig(String versionedPrefix, String undoPrefix, String repeatablePrefix, String separator,
            List<String> suffixes, Map<String, String> placeholders, String placeholderPrefix,
            String placeholderSuffix, String sinceVersion, ScriptMode undoScripts, List<Path> javaMigrations,
            Map<String, List<String>> placeholderAlternatives, String defaultSchema) {
        this(versionedPrefix, undoPrefix, repeatablePrefix, separator, suffixes, placeholders, placeholderPrefix,
                placeholderSuffix, sinceVersion, undoScripts, javaMigrations, placeholderAlternatives, defaultSchema,
                null, false);
    }

    /**
     * The version up to which versioned scripts run only on an empty schema: Flyway's default is 1. Empty for a
     * value that is no version (a placeholder resolved only at deploy): then no script is known to.
     */
    public Optional<FlywayVersion> effectiveBaselineVersion() {
        try {
            return Optional.of(FlywayVersion.parse(baselineVersion == null ? "1" : baselineVersion.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Settings that name no default schema. */
    public FlywayConfig(String versionedPrefix, String undoPrefix, String repeatablePrefix, String separator,
            List<String> suffixes, Map<String, String> placeholders, String placeholderPrefix,
            String placeholderSuffix, String sinceVersion, ScriptMode undoScripts, List<Path> javaMigrations,
            Map<String, List<String>> placeholderAlternatives) {
        this(versionedPrefix, undoPrefix, repeatablePrefix, separator, suffixes, placeholders, placeholderPrefix,
                placeholderSuffix, sinceVersion, undoScripts, javaMigrations, placeholderAlternatives, null, null, false);
    }

    /** How these settings name Flyway's migrations. */
    public FlywayNaming naming() {
        return new FlywayNaming(versionedPrefix, undoPrefix, repeatablePrefix, separator, suffixes);
    }

    /** These settings with Flyway's default schema {@code schema} (null for none). */
    public FlywayConfig withDefaultSchema(String schema) {
        return new FlywayConfig(versionedPrefix, undoPrefix, repeatablePrefix, separator, suffixes, placeholders,
                placeholderPrefix, placeholderSuffix, sinceVersion, undoScripts, javaMigrations,
                placeholderAlternatives, schema, baselineVersion, javaInScriptFolders, historyTables);
    }

    /** These settings with Flyway's {@code baselineVersion} {@code version} (null for Flyway's default). */
    public FlywayConfig withBaselineVersion(String version) {
        return new FlywayConfig(versionedPrefix, undoPrefix, repeatablePrefix, separator, suffixes, placeholders,
                placeholderPrefix, placeholderSuffix, sinceVersion, undoScripts, javaMigrations,
                placeholderAlternatives, defaultSchema, version, javaInScriptFolders, historyTables);
    }

    /** Settings whose placeholders each have one value. */
    public FlywayConfig(String versionedPrefix, String undoPrefix, String repeatablePrefix, String separator,
            List<String> suffixes, Map<String, String> placeholders, String placeholderPrefix,
            String placeholderSuffix, String sinceVersion, ScriptMode undoScripts, List<Path> javaMigrations) {
        this(versionedPrefix, undoPrefix, repeatablePrefix, separator, suffixes, placeholders, placeholderPrefix,
                placeholderSuffix, sinceVersion, undoScripts, javaMigrations, Map.of());
    }

    /** These settings with {@code name} standing for {@code value}, and no other values to try. */
    public FlywayConfig withPlaceholder(String name, String value) {
        Map<String, String> values = new LinkedHashMap<>(placeholders);
        values.put(name, value);
        return new FlywayConfig(versionedPrefix, undoPrefix, repeatablePrefix, separator, suffixes, values,
                placeholderPrefix, placeholderSuffix, sinceVersion, undoScripts, javaMigrations, Map.of(),
                defaultSchema, baselineVersion, javaInScriptFolders, historyTables);
    }

    /** These settings with Flyway's history table named {@code tables} (none for Flyway's default name). */
    public FlywayConfig withHistoryTables(List<String> tables) {
        return new FlywayConfig(versionedPrefix, undoPrefix, repeatablePrefix, separator, suffixes, placeholders,
                placeholderPrefix, placeholderSuffix, sinceVersion, undoScripts, javaMigrations,
                placeholderAlternatives, defaultSchema, baselineVersion, javaInScriptFolders, tables);
    }

    /** {@code text} with each {@code ${placeholder}} that has a value replaced by it. */
    public String withPlaceholderValues(String text) {
        String result = text;
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            result = result.replace(placeholderPrefix + placeholder.getKey() + placeholderSuffix, placeholder.getValue());
        }
        return result;
    }

    /** Settings for a project without Java migrations. */
    public FlywayConfig(String versionedPrefix, String undoPrefix, String repeatablePrefix, String separator,
            List<String> suffixes, Map<String, String> placeholders, String placeholderPrefix,
            String placeholderSuffix, String sinceVersion, ScriptMode undoScripts) {
        this(versionedPrefix, undoPrefix, repeatablePrefix, separator, suffixes, placeholders, placeholderPrefix,
                placeholderSuffix, sinceVersion, undoScripts, List.of());
    }
}
