package io.github.sqlguard.liquibase;

import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.Severity;

/** The findings a changelog reader reports about the changelog files themselves. */
final class ChangelogFindings {

    static final String MALFORMED = "malformed-changelog";
    static final String MISSING_INCLUDE = "missing-include";

    private ChangelogFindings() {
    }

    static Finding malformed(String path, int line, int column, String message) {
        return Finding.of(MALFORMED, Severity.ERROR, new Location(path, Math.max(1, line), Math.max(1, column)),
                "Changelog cannot be read, so none of its changes were checked: " + message,
                "Fix the file so Liquibase can read it.", "");
    }

    static Finding unreadable(String path, String reason) {
        return Finding.of("unreadable-file", Severity.ERROR, new Location(path, 1, 1),
                "A file the changelog refers to cannot be read, so it was not checked: " + reason,
                "Fix or replace the file the changelog refers to.", "");
    }

    static Finding invalidEncoding(String path, int line, String message) {
        return Finding.of("invalid-encoding", Severity.WARNING, new Location(path, Math.max(1, line), 1), message,
                "Save the file as UTF-8, the encoding Liquibase reads changelogs and SQL files with.", "");
    }

    static Finding missingInclude(String path, int line, int column, String target) {
        return Finding.of(MISSING_INCLUDE, Severity.ERROR, new Location(path, Math.max(1, line), Math.max(1, column)),
                "Included changelog '" + target + "' was not found, so its changes were not checked.",
                "Fix the path, or set relativeToChangelogFile, or add its folder to the search roots.", "");
    }
}
