package io.github.sqlguard.schema;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain scripts named for the step they run in around a script of the same name:
 * {@code 3.4.1/schema_update_before.sql} and {@code schema_update_after.sql} around a data migration, and
 * {@code pre_upgrade.sql} and {@code post_upgrade.sql} around {@code upgrade.sql}, and the word between the name and
 * its extension, as some projects name the Liquibase changelogs they run before and after
 * {@code changelog-job-master.xml}: {@code changelog-job-master.pre.xml} and {@code .post.xml}. As text their names
 * sort the other way round ("after" before "before", "post" before "pre"), so such siblings are ordered by the name
 * without the word, then before, plain, after: a procedure the "before" script creates is there when the "after"
 * script calls it. The after step of a DDL script ({@code app_ddl_post.sql}) is placed after the DML script of the
 * same name ({@code app_dml.sql}) instead: upgraders that split a release into DDL, DML and post-DDL scripts run
 * the post-DDL one last, as it drops what the data step still reads.
 */
final class StepWords {

    /** The word first or last in the file's name before its extensions, set apart by {@code _} or {@code -}. */
    private static final Pattern LEADING = Pattern.compile("^(before|pre|after|post)[_-](.+)$");
    private static final Pattern TRAILING = Pattern.compile("^(.+)[_-](before|pre|after|post)$");
    /** The word as an extension of its own before the file's last one: {@code .pre} in {@code x.pre.xml}. */
    private static final Pattern EXTENSION = Pattern.compile("\\.(before|pre|after|post)(?=\\.[^.]+$)");
    /** {@code ddl} as a word of its own in a file name: {@code app_ddl}, {@code DDL}, not {@code addl}. */
    private static final Pattern DDL_WORD = Pattern.compile("(?<![\\p{Alnum}])ddl(?![\\p{Alnum}])",
            Pattern.CASE_INSENSITIVE);

    /**
     * A path without its step word, and where the step runs.
     *
     * @param stem the path with the word and its separator taken out ({@code 3.4.1/schema_update.sql})
     * @param step -1 for before or pre, 1 for after or post, 0 without such a word
     */
    record Named(String stem, int step) {
    }

    private StepWords() {
    }

    static Named of(String path) {
        int nameStart = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1;
        int dot = path.indexOf('.', nameStart);
        int baseEnd = dot < 0 ? path.length() : dot;
        String base = path.substring(nameStart, baseEnd).toLowerCase(Locale.ROOT);
        Matcher leading = LEADING.matcher(base);
        Matcher trailing = TRAILING.matcher(base);
        String word;
        int keptFrom;
        int keptTo;
        if (leading.matches()) {
            word = leading.group(1);
            keptFrom = nameStart + leading.start(2);
            keptTo = baseEnd;
        } else if (trailing.matches()) {
            word = trailing.group(2);
            keptFrom = nameStart;
            keptTo = nameStart + trailing.end(1);
        } else {
            return extensionWord(path, nameStart);
        }
        String stem = path.substring(0, nameStart) + path.substring(keptFrom, keptTo) + path.substring(baseEnd);
        return afterDataStep(new Named(stem, stepOf(word)), nameStart);
    }

    private static Named extensionWord(String path, int nameStart) {
        Matcher extension = EXTENSION.matcher(path.toLowerCase(Locale.ROOT));
        if (!extension.find(nameStart) || extension.start() == nameStart) {
            return new Named(path, 0);
        }
        return afterDataStep(new Named(path.substring(0, extension.start()) + path.substring(extension.end()),
                stepOf(extension.group(1))), nameStart);
    }

    /** An after step of a DDL script, placed after the DML script of the same name; any other step as it is. */
    private static Named afterDataStep(Named named, int nameStart) {
        if (named.step() <= 0) {
            return named;
        }
        Matcher ddl = DDL_WORD.matcher(named.stem());
        if (!ddl.find(nameStart)) {
            return named;
        }
        // The middle letter turns ddl into dml, in the case the name was written in.
        int letter = ddl.start() + 1;
        char dml = Character.isUpperCase(named.stem().charAt(letter)) ? 'M' : 'm';
        return new Named(named.stem().substring(0, letter) + dml + named.stem().substring(letter + 1), named.step());
    }

    private static int stepOf(String word) {
        return word.equals("before") || word.equals("pre") ? -1 : 1;
    }
}
