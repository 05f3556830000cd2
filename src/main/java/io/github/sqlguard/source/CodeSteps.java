package io.github.sqlguard.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Program files among the migration scripts, which runners that take steps of code beside SQL ones run with them:
 * schema deltas in version folders that hold {@code .sql} and {@code .py} steps ({@code delta/56/x.py}), goose's Go
 * migrations ({@code 00002_x.go} beside {@code 00001_x.sql}), yoyo's Python ones ({@code 0003.x.py}). sqlguard cannot
 * read what such a step does, so it is found here to be reported rather than passed over without a word.
 *
 * <p>In a folder named for a version every program file is a step, as its runner imports each file there; in a
 * folder of scripts only one numbered as migrations are, since projects keep helpers ({@code embed.go}) beside
 * their scripts. Package markers ({@code __init__.py}), hidden files and tests are never steps.
 */
public final class CodeSteps {

    private static final Map<String, String> LANGUAGES = Map.of("py", "Python", "go", "Go", "rb", "Ruby",
            "js", "JavaScript", "mjs", "JavaScript", "cjs", "JavaScript", "ts", "TypeScript", "php", "PHP");
    private static final Pattern NOT_A_STEP =
            Pattern.compile("(?i)[_.].*|test_.*|.*_test\\.[a-z]+|.*\\.(?:test|spec)\\.[a-z]+|conftest\\.py|.*\\.d\\.ts");
    private static final Pattern VERSION_FOLDER = Pattern.compile("(?i)v?\\d+(?:[._]\\d+)*");

    private CodeSteps() {
    }

    /** The language a file of this name is written in ({@code Python} for {@code x.py}), or empty for none of ours. */
    public static Optional<String> languageOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? Optional.empty()
                : Optional.ofNullable(LANGUAGES.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    /** Whether a file of this name may be a step: a program file that is no package marker, hidden file or test. */
    static boolean mayBeStep(String fileName) {
        return languageOf(fileName).isPresent() && !NOT_A_STEP.matcher(fileName).matches();
    }

    /**
     * Those of {@code candidates} (files {@link #mayBeStep} accepts) that sit among {@code scripts}: in a folder
     * named for a version that holds scripts or whose sibling version folders do, or numbered in a folder of scripts.
     */
    static List<SourcePath> among(List<SourcePath> candidates, List<SourcePath> scripts) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        Set<Path> scriptFolders = new HashSet<>();
        Set<Path> versionParents = new HashSet<>();
        for (SourcePath script : scripts) {
            Path folder = script.file().getParent();
            scriptFolders.add(folder);
            if (isVersionFolder(folder)) {
                versionParents.add(folder.getParent());
            }
        }
        List<SourcePath> steps = new ArrayList<>();
        for (SourcePath candidate : candidates) {
            Path folder = candidate.file().getParent();
            boolean inVersionFolder = isVersionFolder(folder)
                    && (scriptFolders.contains(folder) || versionParents.contains(folder.getParent()));
            boolean numberedBesideScripts = scriptFolders.contains(folder)
                    && Character.isDigit(candidate.fileName().charAt(0));
            if (inVersionFolder || numberedBesideScripts) {
                steps.add(candidate);
            }
        }
        return steps;
    }

    private static boolean isVersionFolder(Path folder) {
        Path name = folder == null ? null : folder.getFileName();
        return name != null && folder.getParent() != null && VERSION_FOLDER.matcher(name.toString()).matches();
    }
}
