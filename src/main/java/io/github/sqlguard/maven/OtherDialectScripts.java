package io.github.sqlguard.maven;

import io.github.sqlguard.LintConfig;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.source.DatabaseNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The build log's word on the scripts a configured dialect does not read: those whose folder or file name names a
 * database of another dialect ({@code db/migration/mysql/} under {@code postgresql}) are read in that database's
 * dialect, and a user who set {@code <dialect>} should learn so, and where, from the log rather than from the
 * README.
 */
final class OtherDialectScripts {

    /** Folders named in the line; the rest are counted. */
    private static final int SHOWN_FOLDERS = 5;

    private OtherDialectScripts() {
    }

    /**
     * One log line naming the folders whose scripts are read in another dialect than the configured one, with the
     * dialect and the number of scripts; empty when no dialect is configured or every script is read in it.
     *
     * @param scannedFiles the scanned files' paths relative to the project, with {@code /} separators
     */
    static Optional<String> logLine(LintConfig config, List<String> scannedFiles) {
        Dialect configured = config.dialect();
        if (configured == Dialect.AUTO) {
            return Optional.empty();
        }
        Map<String, Integer> byFolder = new TreeMap<>();
        int scripts = 0;
        for (String file : scannedFiles) {
            Dialect read = config.dialectFor(DatabaseNames.dialectWithinProject(file));
            if (read != configured) {
                int slash = file.lastIndexOf('/');
                String folder = slash < 0 ? "./" : file.substring(0, slash + 1);
                byFolder.merge(folder + " (" + read.configName(), 1, Integer::sum);
                scripts++;
            }
        }
        if (scripts == 0) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Integer> folder : byFolder.entrySet()) {
            if (parts.size() == SHOWN_FOLDERS) {
                break;
            }
            int count = folder.getValue();
            parts.add(folder.getKey() + ", " + count + (count == 1 ? " script)" : " scripts)"));
        }
        int more = byFolder.size() - parts.size();
        return Optional.of("sqlguard: dialect " + configured.configName() + " is configured, but " + scripts
                + (scripts == 1 ? " script whose" : " scripts whose") + " folder or file name names a database of"
                + " another dialect " + (scripts == 1 ? "is" : "are") + " read in its dialect: "
                + String.join(", ", parts) + (more > 0 ? " and " + more + " more folder(s)" : ""));
    }
}
