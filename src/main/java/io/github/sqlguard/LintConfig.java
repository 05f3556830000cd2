package io.github.sqlguard;

import io.github.sqlguard.model.Dialect;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a lint run needs to know, already validated in shape (the {@link Linter} validates rule ids).
 *
 * @param baseDir paths in findings are relative to this directory
 * @param directories where to look for migration files
 * @param ruleLevels per-rule severity overrides: rule id to ERROR, WARNING, INFO or OFF
 * @param disabledRules rule ids switched off
 * @param baselineFile the baseline of acknowledged findings, or null for none
 * @param maxFileBytes files larger than this are reported as unreadable instead of being read
 * @param threads how many files to analyse at once
 * @param projectDialect under the {@link Dialect#AUTO} dialect, the dialect of the database the project's settings
 *     connect its migrations to; it reads the scripts whose folder, file name or Liquibase {@code dbms} names no
 *     database (AUTO when the settings name none)
 */
public record LintConfig(
        Path baseDir,
        List<Path> directories,
        List<String> includes,
        List<String> excludes,
        Dialect dialect,
        Charset encoding,
        Map<String, String> ruleLevels,
        List<String> disabledRules,
        FlywayConfig flyway,
        LiquibaseConfig liquibase,
        List<SuppressionConfig> suppressions,
        Path baselineFile,
        long maxFileBytes,
        int threads,
        Dialect projectDialect) {

    // Upper-case .SQL too: scripts saved by Windows tools keep it, Liquibase reads them, and a migration left out
    // would pass unseen.
    public static final List<String> DEFAULT_INCLUDES =
            List.of("**/*.sql", "**/*.SQL", "**/*.xml", "**/*.yaml", "**/*.yml", "**/*.json",
                    "**/*.groovy");
    public static final long DEFAULT_MAX_FILE_BYTES = 50L * 1024 * 1024;

    public LintConfig {
        directories = List.copyOf(directories);
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        ruleLevels = levelsOrBlank(ruleLevels);
        disabledRules = List.copyOf(disabledRules);
        suppressions = List.copyOf(suppressions);
        projectDialect = projectDialect == null ? Dialect.AUTO : projectDialect;
    }

    /** A configuration without a project database: {@code dialect} alone decides. */
    public LintConfig(Path baseDir, List<Path> directories, List<String> includes, List<String> excludes,
            Dialect dialect, Charset encoding, Map<String, String> ruleLevels, List<String> disabledRules,
            FlywayConfig flyway, LiquibaseConfig liquibase, List<SuppressionConfig> suppressions, Path baselineFile,
            long maxFileBytes, int threads) {
        this(baseDir, directories, includes, excludes, dialect, encoding, ruleLevels, disabledRules, flyway, liquibase,
                suppressions, baselineFile, maxFileBytes, threads, Dialect.AUTO);
    }

    /**
     * The dialect of a script whose path names the database {@code named} (AUTO for none): the named one when no
     * dialect is configured or the configured one is of another family, since a multi-database project keeps each
     * database's scripts apart, else the configured one, else the project's.
     */
    public Dialect dialectFor(Dialect named) {
        Dialect chosen = dialect.forScriptNaming(named);
        return chosen != Dialect.AUTO ? chosen : projectDialect;
    }

    /** {@code file}'s path relative to the project folder, with forward slashes; absolute when it lies outside. */
    public String relativeToBase(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(baseDir)
                ? baseDir.relativize(absolute).toString().replace('\\', '/')
                : absolute.toString().replace('\\', '/');
    }

    /**
     * An empty pom element ({@code <truncate-table></truncate-table>}) reaches us as a null level; it becomes a
     * blank one so the rule settings refuse it with the valid levels instead of failing on the null.
     */
    private static Map<String, String> levelsOrBlank(Map<String, String> levels) {
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> level : levels.entrySet()) {
            copy.put(level.getKey(), level.getValue() == null ? "" : level.getValue());
        }
        return Collections.unmodifiableMap(copy);
    }

    /** A configuration with every default, scanning {@code directories}. */
    public static LintConfig defaults(Path baseDir, List<Path> directories) {
        return new LintConfig(baseDir, directories, DEFAULT_INCLUDES, List.of(), Dialect.AUTO,
                java.nio.charset.StandardCharsets.UTF_8, Map.of(), List.of(), FlywayConfig.DEFAULTS,
                LiquibaseConfig.DEFAULTS, List.of(), null, DEFAULT_MAX_FILE_BYTES,
                Math.max(1, Runtime.getRuntime().availableProcessors()));
    }
}
