package io.github.sqlguard;

import io.github.sqlguard.model.Diagnostics;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.source.SourceClassifier;
import io.github.sqlguard.suppress.Fingerprint;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The outcome of a Groovy DSL changelog that no scanned changelog includes, such as the
 * {@code grails-app/migrations/changelog.groovy} the Grails database-migration plugin runs: one
 * {@code unchecked-change} at its {@code databaseChangeLog} line, since its changesets and the order in which it
 * includes other changelogs are Groovy code. One that a changelog includes is reported at that include instead.
 */
final class GroovyChangelogOutcome {

    /** The DSL's {@code include(file: ..)} and {@code includeAll(path: ..)}, also written without parentheses. */
    private static final Pattern INCLUDE = Pattern.compile("\\binclude(?:All)?\\s*[(]?\\s*(?:file|path)\\s*:");

    private GroovyChangelogOutcome() {
    }

    static FileOutcome of(String path, String text, JavaMigrationFindings.FileProblem problem) {
        // What it includes is worth a word only when it includes something: otherwise the claim would mislead.
        String includes = INCLUDE.matcher(text).find()
                ? ", and the XML, YAML, JSON and SQL changelogs it includes were checked on their own, in path order"
                        + " rather than in the order it runs them" : "";
        Finding finding = problem.at(Diagnostics.UNCHECKED_CHANGE, path, SourceClassifier.groovyChangelogLine(text),
                path + " is a Groovy changelog, which sqlguard does not read: none of its changes were checked"
                        + includes);
        // Fingerprinted over the whole text, so that a baseline entry stops matching once the changelog changes.
        Finding fingerprinted = finding.withFingerprint(Fingerprint.ofUncheckedText(finding.ruleId(), path, text));
        return new FileOutcome(path, List.of(fingerprinted), 0, true, false,
                Map.of(new Location(path, fingerprinted.location().line(), 1), "databaseChangeLog"), Set.of());
    }
}
