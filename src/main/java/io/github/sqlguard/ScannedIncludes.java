package io.github.sqlguard;

import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.rules.ScriptIncludeRule;
import io.github.sqlguard.source.SourcePath;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code script-include} whose file is itself among the scanned migrations: that file's statements are checked in
 * their own right, so the include hides nothing from the run and is lowered to INFO, naming the file. Release
 * scripts that run their version's steps one by one ({@code @./kc/V1505_003__add_auth.sql}, {@code SOURCE
 * ./steps/V2__x.sql}) would otherwise give a warning per line for files the same run checks. The file is looked for
 * beside the including script (as {@code @@}, {@code \ir} and sqlcmd resolve it) and below each scanned folder (as
 * a client started there resolves {@code @}, {@code \i} and {@code SOURCE}); SQL*Plus adds {@code .sql} to a name
 * without an extension. A path rooted where the installer runs ({@code @/u01/deploy/orders/create.sql}) names the
 * one scanned file whose last folder and name it ends with. Decided on every run, after the cache, as it depends on which files the run scans.
 */
final class ScannedIncludes {

    static final String RULE_ID = "script-include";

    private ScannedIncludes() {
    }

    /**
     * {@code findings} with each {@code script-include} whose file is one of {@code scanned} lowered to INFO; the
     * others as they are. {@code sourceLines} gives the text of the line at each finding.
     */
    static List<Finding> lowered(List<Finding> findings, List<SourcePath> scanned,
            Map<Location, String> sourceLines) {
        if (findings.stream().noneMatch(finding -> finding.ruleId().equals(RULE_ID))) {
            return findings;
        }
        Map<String, SourcePath> byRelativePath = new HashMap<>();
        Map<Path, SourcePath> scannedFiles = new HashMap<>();
        Set<Path> scannedFolders = new HashSet<>();
        for (SourcePath file : scanned) {
            byRelativePath.put(file.relativePath(), file);
            scannedFiles.put(file.file().toAbsolutePath().normalize(), file);
            if (file.scannedDirectory() != null) {
                scannedFolders.add(file.scannedDirectory().toAbsolutePath().normalize());
            }
        }
        List<Finding> result = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            Optional<SourcePath> included = finding.ruleId().equals(RULE_ID) && finding.severity() != Severity.INFO
                    ? includedFile(finding, byRelativePath.get(finding.location().path()), sourceLines, scannedFiles,
                            scannedFolders)
                    : Optional.empty();
            result.add(included.isEmpty() ? finding : finding.withSeverity(Severity.INFO).withMessage(
                    finding.message().replace("it is checked only if it is itself among the scanned migrations",
                            "it is itself among the scanned migrations (" + included.get().relativePath()
                                    + "), checked on its own, without the schema of the script that includes it")));
        }
        return result;
    }

    /** The scanned file the include at {@code finding} names, if it is one. */
    private static Optional<SourcePath> includedFile(Finding finding, SourcePath including,
            Map<Location, String> sourceLines, Map<Path, SourcePath> scannedFiles,
            Set<Path> scannedFolders) {
        String line = sourceLines.get(finding.location());
        if (including == null || line == null) {
            return Optional.empty();
        }
        int column = finding.location().column() - 1;
        Optional<String> named = ScriptIncludeRule.fileNamedBy(column < line.length() ? line.substring(column) : "");
        if (named.isEmpty()) {
            return Optional.empty();
        }
        String name = named.get();
        List<String> names = new ArrayList<>(List.of(name));
        if (!name.substring(name.lastIndexOf('/') + 1).contains(".")) {
            names.add(name + ".sql"); // SQL*Plus's default extension
        }
        List<Path> folders = new ArrayList<>();
        Path beside = including.file().toAbsolutePath().normalize().getParent();
        if (beside != null) {
            folders.add(beside);
        }
        folders.addAll(scannedFolders);
        for (String candidate : names) {
            for (Path folder : folders) {
                try {
                    Path file = folder.resolve(candidate).normalize();
                    if (scannedFiles.containsKey(file)) {
                        return Optional.of(scannedFiles.get(file));
                    }
                } catch (InvalidPathException e) {
                    return Optional.empty(); // a name no file can have is no scanned file
                }
            }
        }
        return rootedElsewhere(name, folders, scannedFiles.keySet())
                ? fileByPathEnd(names, scannedFiles) : Optional.empty();
    }

    /**
     * True when {@code name} starts where no scanned folder reaches: an absolute path ({@code /u01/deploy/..},
     * {@code C:/deploy/..}) or a first folder that holds no scanned file ({@code __ROOT__/..}, a substitution
     * variable {@code &base/..}), as install scripts write the folder they run from or a token their installer
     * replaces. A path that climbs ({@code ../}) or starts in a scanned folder names a file of its own.
     */
    private static boolean rootedElsewhere(String name, List<Path> folders, Set<Path> scannedFiles) {
        if (name.startsWith("/") || name.matches("(?s)[A-Za-z]:/.*")) {
            return true;
        }
        int slash = name.indexOf('/');
        String first = slash < 0 ? name : name.substring(0, slash);
        if (slash < 0 || first.equals(".") || first.equals("..")) {
            return false;
        }
        for (Path folder : folders) {
            try {
                Path start = folder.resolve(first).normalize();
                if (scannedFiles.stream().anyMatch(file -> file.startsWith(start))) {
                    return false;
                }
            } catch (InvalidPathException e) {
                // a first folder no path can have is one this machine lacks
            }
        }
        return true;
    }

    /**
     * The one scanned file whose path ends with the last folder and the file name of one of {@code names}; empty
     * when none or several do, or when a name has no folder (a file name alone is too weak a sign).
     */
    private static Optional<SourcePath> fileByPathEnd(List<String> names, Map<Path, SourcePath> scannedFiles) {
        for (String name : names) {
            String[] parts = name.split("/");
            if (parts.length < 2 || parts[parts.length - 2].matches("\\.*")) {
                continue;
            }
            String folder = parts[parts.length - 2];
            String file = parts[parts.length - 1];
            List<SourcePath> ending = scannedFiles.entrySet().stream()
                    .filter(entry -> endsWith(entry.getKey(), folder, file))
                    .map(Map.Entry::getValue).toList();
            if (ending.size() == 1) {
                return Optional.of(ending.get(0));
            }
        }
        return Optional.empty();
    }

    private static boolean endsWith(Path path, String folder, String file) {
        Path parent = path.getParent();
        return path.getFileName() != null && path.getFileName().toString().equals(file) && parent != null
                && parent.getFileName() != null && parent.getFileName().toString().equals(folder);
    }
}
