package io.github.sqlguard;

import io.github.sqlguard.model.Diagnostics;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.ScriptMode;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.source.JavaMigrationClasses;
import io.github.sqlguard.source.SourceClassification;
import io.github.sqlguard.source.SourceClassifier;
import io.github.sqlguard.source.SourceKind;
import io.github.sqlguard.source.SourcePath;
import io.github.sqlguard.sql.DestroyingNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * An {@code unchecked-change} for each Flyway Java migration, at its class declaration: Flyway runs it with the
 * SQL scripts, and sqlguard cannot read what it does. One named at or below {@code sinceVersion} already ran; an
 * undo migration follows {@code undoScripts}.
 */
final class JavaMigrationFindings {

    /** A finding about a whole file, at the severity the configuration gives its diagnostic. */
    interface FileProblem {
        Finding at(RuleInfo info, String path, int line, String message);
    }

    private JavaMigrationFindings() {
    }

    /**
     * @param scannedJavaSources the Java and Kotlin sources the scan met in the script folders: migrations by their
     *     type among them count too when the user named those folders ({@link FlywayConfig#javaInScriptFolders})
     */
    static List<Finding> of(LintConfig config, List<SourcePath> scannedJavaSources, SourceClassifier classifier,
            Predicate<SourceClassification> alreadyApplied, Function<Path, String> relativePath, FileProblem problem) {
        List<Finding> findings = new ArrayList<>();
        ScriptMode undo = config.flyway().undoScripts();
        Set<Path> javaMigrations = new LinkedHashSet<>(config.flyway().javaMigrations());
        if (config.flyway().javaInScriptFolders() && !scannedJavaSources.isEmpty()) {
            javaMigrations.addAll(JavaMigrationClasses.among(scannedJavaSources));
        }
        for (Path file : javaMigrations) {
            String fileName = file.getFileName().toString();
            String className = fileName.substring(0, fileName.lastIndexOf('.'));
            // Named as a script would be, the class name tells its kind and version the same way; a class that is a
            // migration by its type alone gives its version in code, so it never counts as already applied.
            SourceClassification classification = classifier.classify(className
                    + config.flyway().suffixes().get(0), "");
            if (classification.kind().isFlyway() && alreadyApplied.test(classification)
                    || classification.kind() == SourceKind.FLYWAY_UNDO && undo == ScriptMode.SKIP) {
                continue;
            }
            Finding finding = problem.at(Diagnostics.UNCHECKED_CHANGE, relativePath.apply(file),
                    declarationLine(file, className),
                    "Flyway Java migration " + className + " runs code sqlguard cannot read" + nameSays(className));
            findings.add(classification.kind() == SourceKind.FLYWAY_UNDO && undo == ScriptMode.WARN
                    && finding.severity().compareTo(Severity.WARNING) < 0 ? finding.withSeverity(Severity.WARNING)
                    : finding);
        }
        return findings;
    }

    /** How the message ends: with what the class name says the migration destroys, when it says so. */
    private static String nameSays(String className) {
        String says = DestroyingNames.whatTheClassNameSays(className);
        return says.isEmpty() ? "; nothing it does to rows was checked"
                : ", and its name says it " + says + ": nothing it does to rows was checked";
    }

    /** The line that declares the class, or 1 when the source cannot be read or does not show it plainly. */
    private static int declarationLine(Path file, String className) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            Pattern declaration = Pattern.compile(".*\\b(class|object)\\s+" + Pattern.quote(className) + "\\b.*");
            for (int i = 0; i < lines.size(); i++) {
                if (declaration.matcher(lines.get(i)).matches()) {
                    return i + 1;
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // The finding stands at the top of the file then.
        }
        return 1;
    }
}
