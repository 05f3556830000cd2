package io.github.sqlguard.source;

import java.util.List;
import java.util.Optional;

/**
 * Flyway's file naming settings ({@code sqlMigrationPrefix}, {@code undoSqlMigrationPrefix},
 * {@code repeatableSqlMigrationPrefix}, {@code sqlMigrationSeparator}, {@code sqlMigrationSuffixes}), and
 * the parser that reads a script name with them.
 *
 * <p>Names are read as Flyway reads them: prefix, version, the first separator, description, suffix;
 * matching is case-sensitive. A name Flyway would reject ({@code V__x.sql} without a version,
 * {@code Vabc__x.sql} with a version that is not a number, {@code R1__x.sql} with a version on a
 * repeatable script, a missing separator) is not a Flyway script here: it is plain SQL and still checked.
 */
public record FlywayNaming(String versionedPrefix, String undoPrefix, String repeatablePrefix, String separator,
        List<String> sqlSuffixes) {

    /** Flyway's defaults: {@code V}, {@code U}, {@code R}, {@code __}, {@code .sql}. */
    public static final FlywayNaming DEFAULT = new FlywayNaming("V", "U", "R", "__", List.of(".sql"));

    /**
     * Flyway's {@code baselineMigrationPrefix}: {@code B1_20_0__baseline.sql} is a baseline migration, unless a
     * configured prefix is {@code B} itself.
     */
    static final String BASELINE_PREFIX = "B";

    public FlywayNaming {
        requireText(versionedPrefix, "versioned prefix");
        requireText(undoPrefix, "undo prefix");
        requireText(repeatablePrefix, "repeatable prefix");
        requireText(separator, "separator");
        if (sqlSuffixes == null || sqlSuffixes.isEmpty()) {
            throw new IllegalArgumentException("Flyway naming needs at least one SQL suffix, e.g. .sql");
        }
        for (String suffix : sqlSuffixes) {
            requireText(suffix, "SQL suffix");
        }
        sqlSuffixes = List.copyOf(sqlSuffixes);
        if (versionedPrefix.equals(undoPrefix) || versionedPrefix.equals(repeatablePrefix)
                || undoPrefix.equals(repeatablePrefix)) {
            throw new IllegalArgumentException("Flyway prefixes must differ: versioned '" + versionedPrefix
                    + "', undo '" + undoPrefix + "', repeatable '" + repeatablePrefix + "'");
        }
    }

    /**
     * Reads a file name (without directories); empty when it is not a valid Flyway script name. Loops, not
     * streams: every file of every build is named here, first in a JVM that has not warmed up.
     */
    public Optional<FlywayScriptName> parse(String fileName) {
        String suffix = null;
        for (String candidate : sqlSuffixes) {
            if (fileName.endsWith(candidate) && (suffix == null || candidate.length() > suffix.length())) {
                suffix = candidate;
            }
        }
        if (suffix == null) {
            return Optional.empty();
        }
        String stem = fileName.substring(0, fileName.length() - suffix.length());
        // Longest prefix first, so a custom prefix that starts with another one is recognised.
        boolean baselines = !BASELINE_PREFIX.equals(versionedPrefix) && !BASELINE_PREFIX.equals(undoPrefix)
                && !BASELINE_PREFIX.equals(repeatablePrefix);
        String[] prefixes = baselines ? new String[] {versionedPrefix, undoPrefix, repeatablePrefix, BASELINE_PREFIX}
                : new String[] {versionedPrefix, undoPrefix, repeatablePrefix};
        SourceKind[] kinds = {SourceKind.FLYWAY_VERSIONED, SourceKind.FLYWAY_UNDO, SourceKind.FLYWAY_REPEATABLE,
            SourceKind.FLYWAY_BASELINE};
        boolean[] tried = new boolean[prefixes.length];
        for (int round = 0; round < prefixes.length; round++) {
            int longest = -1;
            for (int i = 0; i < prefixes.length; i++) {
                if (!tried[i] && stem.startsWith(prefixes[i])
                        && (longest < 0 || prefixes[i].length() > prefixes[longest].length())) {
                    longest = i;
                }
            }
            if (longest < 0) {
                return Optional.empty();
            }
            tried[longest] = true;
            Optional<FlywayScriptName> name = parseAfterPrefix(stem.substring(prefixes[longest].length()), kinds[longest]);
            if (name.isPresent()) {
                return name;
            }
        }
        return Optional.empty();
    }

    private Optional<FlywayScriptName> parseAfterPrefix(String rest, SourceKind kind) {
        int split = rest.indexOf(separator);
        if (split < 0) {
            return Optional.empty();
        }
        String versionText = rest.substring(0, split);
        String description = rest.substring(split + separator.length()).replace('_', ' ');
        if (kind == SourceKind.FLYWAY_REPEATABLE) {
            return versionText.isEmpty()
                    ? Optional.of(new FlywayScriptName(kind, Optional.empty(), description))
                    : Optional.empty();
        }
        try {
            return Optional.of(new FlywayScriptName(kind, Optional.of(FlywayVersion.parse(versionText)), description));
        } catch (IllegalArgumentException notAVersion) {
            return Optional.empty();
        }
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("Flyway " + what + " must not be empty");
        }
    }
}
