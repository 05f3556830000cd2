package io.github.sqlguard.maven;

import io.github.sqlguard.model.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The end of a failed build's message that names the baseline, when the failing findings lie in several files and
 * no baseline is in use yet: most likely the first run on a project whose migrations already ran. Acknowledging
 * each finding there would mean editing scripts that Flyway and Liquibase checksum, which then fail to validate.
 */
final class BaselineAdvice {

    private BaselineAdvice() {
    }

    /**
     * {@code ". They are in 25 files: for migrations that already ran, .."}, or empty when the findings lie in one
     * file (a migration being written) or {@code baselineFile} exists.
     *
     * @param withPom whether the build has a pom: {@code baseline} then, else {@code baseline-folder}
     */
    static Optional<String> of(List<Finding> failing, Path baselineFile, boolean withPom) {
        long files = failing.stream().map(finding -> finding.location().path()).distinct().count();
        if (files < 2 || baselineFile != null && Files.exists(baselineFile)) {
            return Optional.empty();
        }
        return Optional.of(". They are in " + files + " files: for migrations that already ran, whose text Flyway and"
                + " Liquibase checksum, record the findings once with "
                + (withPom ? "mvn sqlguard:baseline" : "the baseline-folder goal") + " instead");
    }
}
