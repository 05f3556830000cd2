package io.github.sqlguard;

import io.github.sqlguard.liquibase.ChangelogScript;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.source.ReadStamp;
import io.github.sqlguard.source.SourceClassification;
import io.github.sqlguard.source.SourcePath;
import io.github.sqlguard.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A scanned file read and split, before its statements are checked: all files are prepared first, so the
 * schema replay can run over them in the order the migration tool applies them.
 *
 * @param source the scanned file
 * @param classification what the file is, or null when it could not be read
 * @param scripts its statements, per file it reaches (a changelog's includes)
 * @param findings the findings of reading it (encoding, changelog problems)
 * @param reachedFiles relative paths of the other files a changelog included or ran through sqlFile
 * @param ceiling the most severe level its findings may have, or null
 * @param text the file's text, for the excerpts of findings; null once {@link #released()}
 * @param decided the outcome when nothing is left to check (not a migration, unreadable, already applied),
 *     or null
 * @param stamp the size, time and content hash of the bytes the file was read from, or null when it was not read
 * @param statementsInRunOrder the statements of all its scripts in the order they run, where that is not the
 *     scripts' order one after the other (a changelog's sqlFile runs between its changesets); empty otherwise
 */
record PreparedFile(SourcePath source, SourceClassification classification, List<ChangelogScript> scripts,
        List<Finding> findings, Set<String> reachedFiles, Severity ceiling, String text, FileOutcome decided,
        ReadStamp stamp, List<Statement> statementsInRunOrder) {

    static PreparedFile decided(SourcePath source, SourceClassification classification, FileOutcome outcome,
            ReadStamp stamp) {
        return new PreparedFile(source, classification, List.of(), List.of(), Set.of(), null, "", outcome, stamp,
                List.of());
    }

    /**
     * The same file without its statements and text, to be prepared again when its turn comes: a large project's
     * files are not all kept in memory between reading them and checking them.
     */
    PreparedFile released() {
        return new PreparedFile(source, classification, List.of(), findings, reachedFiles, ceiling, null, decided,
                stamp, List.of());
    }

    /** True for a file whose statements were dropped after it was first prepared. */
    boolean isReleased() {
        return text == null;
    }

    /** Every statement of its scripts, in the order they run. */
    List<Statement> statements() {
        if (!statementsInRunOrder.isEmpty()) {
            return statementsInRunOrder;
        }
        List<Statement> statements = new ArrayList<>();
        scripts.forEach(script -> statements.addAll(script.script().statements()));
        return statements;
    }

    /** The file's path relative to the base directory. */
    String path() {
        return source.relativePath();
    }
}
