package io.github.sqlguard.liquibase;

import io.github.sqlguard.model.Finding;
import java.nio.file.Path;
import io.github.sqlguard.sql.Statement;
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
 * @param statementsInRunOrder the statements of every script, in the order Liquibase runs them: an sqlFile's
 *     statements stand between those of the changesets before and after it
 */
public record Changelog(List<ChangelogScript> scripts, List<Finding> problems, Set<Path> processedFiles,
        int changesets, List<Statement> statementsInRunOrder) {

    public Changelog {
        scripts = List.copyOf(scripts);
        statementsInRunOrder = List.copyOf(statementsInRunOrder);
        problems = List.copyOf(problems);
        processedFiles = Set.copyOf(processedFiles);
    }

    /** The number of statements over all scripts. */
    public int statementCount() {
        return scripts.stream().mapToInt(s -> s.script().statements().size()).sum();
    }
}
