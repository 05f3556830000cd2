package io.github.sqlguard.schema;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Scripts whose name says they run before or after the rest of their folder, written as one word with what
 * follows: {@code 1.1.0/mysql/postDataMigrationSQLScript.sql}, which the migrator that reads it runs after
 * {@code schemaChanges.sql}, and SQL Server projects' {@code Script.PreDeployment.sql} and
 * {@code Script.PostDeployment.sql}. As text "postData.." sorts before "schemaChanges", so such a script is given a
 * place first or last among its folder's files. A step word set apart by {@code _} or {@code -} names its sibling
 * instead ({@link StepWords}); PostgreSQL's and PostGIS's names ({@code PostgreSQL.sql}, {@code PostGIS.sql}) are no
 * step word.
 */
final class FolderStepWords {

    /** A part of the file name that starts with the word, followed by a capital letter: a word of its own. */
    private static final Pattern STEP_PART = Pattern.compile("(?:^|\\.)(?<word>[pP]re|[pP]ost|[bB]efore|[aA]fter)"
            + "\\p{Lu}[^.]*\\.");

    /** Sorts before every character a path holds, so a "pre" script comes before the rest of its folder. */
    private static final char FIRST = '\u0001';
    /** Sorts after every character a path holds, so a "post" script comes after the rest of its folder. */
    private static final char LAST = '\uffff';

    private FolderStepWords() {
    }

    /** {@code path} with its file name marked to sort first or last in its folder; {@code path} without a step word. */
    static String orderPath(String path) {
        int nameStart = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1;
        String name = path.substring(nameStart);
        var step = STEP_PART.matcher(name);
        if (!step.find() || name.toLowerCase(Locale.ROOT).startsWith("postg", step.start("word"))) {
            return path;
        }
        String word = step.group("word").toLowerCase(Locale.ROOT);
        char mark = word.equals("pre") || word.equals("before") ? FIRST : LAST;
        return path.substring(0, nameStart) + mark + name;
    }
}
