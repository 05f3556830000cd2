package io.github.sqlguard.maven;

import io.github.sqlguard.LintConfig;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.source.SourcePath;
import io.github.sqlguard.source.SourceScanner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The build log's word on Oracle PL/SQL sources kept in files of their own ({@code packages/purge.pkb},
 * {@code types/entry.tps}, {@code triggers/audit.trg}) that the includes do not select. An install script runs them
 * with {@code @@file}, so a package body's unrestricted DELETE runs with the migration, yet the default includes read
 * {@code .sql} files alone: without this line such a body would go unchecked without a word.
 */
final class UnselectedPlsqlSources {

    /** Suffixes Oracle tools and projects give PL/SQL units: package, type, trigger, procedure and function sources. */
    private static final List<String> SUFFIXES = List.of("pks", "pkb", "pkg", "pck", "pls", "plb", "tps", "tpb",
            "trg", "prc", "fnc", "spc", "bdy");

    /** Files named in the line; the rest are counted. */
    private static final int SHOWN_FILES = 5;

    private UnselectedPlsqlSources() {
    }

    /**
     * A warning naming the PL/SQL sources under the scanned directories that neither the includes selected nor the
     * excludes named; empty when there are none, or when the configured dialect is another database's.
     *
     * @param scannedFiles the files the run checked, relative to the project, with {@code /} separators
     */
    static Optional<String> line(LintConfig config, List<String> scannedFiles) {
        if (config.dialect() != Dialect.ORACLE && config.dialect() != Dialect.AUTO) {
            return Optional.empty();
        }
        List<String> globs = new ArrayList<>();
        for (String suffix : SUFFIXES) {
            globs.add("**/*." + suffix);
            globs.add("**/*." + suffix.toUpperCase(Locale.ROOT));
        }
        Set<String> checked = new HashSet<>(scannedFiles);
        List<String> unselected = new SourceScanner(globs, config.excludes())
                .scan(config.directories(), config.baseDir()).files().stream()
                .map(SourcePath::relativePath)
                .filter(path -> !checked.contains(path))
                .toList();
        if (unselected.isEmpty()) {
            return Optional.empty();
        }
        Set<String> suffixes = new LinkedHashSet<>();
        unselected.forEach(path -> suffixes.add(path.substring(path.lastIndexOf('.') + 1)));
        boolean one = unselected.size() == 1;
        boolean oneSuffix = suffixes.size() == 1;
        return Optional.of("sqlguard: " + unselected.size() + " Oracle PL/SQL source file" + (one ? "" : "s")
                + " in the scanned directories " + (one ? "is" : "are") + " not selected by the includes and "
                + (one ? "was" : "were") + " not checked: " + String.join(", ", unselected.subList(0, Math.min(SHOWN_FILES, unselected.size())))
                + (unselected.size() > SHOWN_FILES ? " and " + (unselected.size() - SHOWN_FILES) + " more" : "")
                + "; an install script runs " + (one ? "it" : "them") + " with @@file, so add "
                + (one ? "its suffix" : oneSuffix ? "their suffix" : "their suffixes") + " to <includes> besides"
                + " **/*.sql (" + suffixes.stream().map(s -> "<include>**/*." + s + "</include>")
                        .collect(Collectors.joining(", "))
                + ") to check " + (one ? "it" : "them"));
    }
}
