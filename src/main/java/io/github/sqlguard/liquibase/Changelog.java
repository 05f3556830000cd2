package io.github.sqlguard.liquibase;

import io.github.sqlguard.model.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Everything read from one root changelog and the files it includes.
 *
 * @param scripts one entry per file that contributed statements, in the order Liquibase runs them
 * @param problems findings about the changelogs themselves ({@code malformed-changelog},
 *     {@code missing-include})
 * @param processedFiles every file read on the way (absolute, normalised), so the caller does not check
 *     them again as standalone files
 * @param changesets the number of changesets read
 */
public record Changelog(List<ChangelogScript> scripts, List<Finding> problems, Set<Path> processedFiles,
        int changesets) {

    public Changelog {
        scripts = List.copyOf(scripts);
        problems = List.copyOf(problems);
        processedFiles = Set.copyOf(processedFiles);
    }

    /** The number of statements over all scripts. */
    public int statementCount() {
        return scripts.stream().mapToInt(s -> s.script().statements().size()).sum();
    }
}
