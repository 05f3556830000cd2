package io.github.sqlguard;

import io.github.sqlguard.model.Diagnostics;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.source.CodeSteps;
import io.github.sqlguard.source.SourcePath;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code unchecked-change} for each program file the scan found among the migration scripts (see
 * {@link CodeSteps}): its runner runs it as a step, and sqlguard cannot read what it does to rows.
 */
final class CodeStepFindings {

    private CodeStepFindings() {
    }

    static List<Finding> of(List<SourcePath> steps, JavaMigrationFindings.FileProblem problem) {
        List<Finding> findings = new ArrayList<>(steps.size());
        for (SourcePath step : steps) {
            String language = CodeSteps.languageOf(step.fileName()).orElse("Code");
            findings.add(problem.at(Diagnostics.UNCHECKED_CHANGE, step.relativePath(), 1, language + " step "
                    + step.fileName() + " among the migration scripts is code that runners of such folders run with"
                    + " them; sqlguard cannot read it, so nothing it does to rows was checked (review it, then"
                    + " acknowledge it with a pom <suppression> or the baseline, or leave it out with <excludes>)"));
        }
        return findings;
    }
}
