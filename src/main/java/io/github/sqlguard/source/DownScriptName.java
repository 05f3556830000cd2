package io.github.sqlguard.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a down script by its name, as the migration tools that pair each up script with one name them: diesel's
 * {@code 2020-01-01_x/down.sql}, golang-migrate's and sqlx's {@code 1_x.down.sql}, pop's
 * {@code 1_x.mysql.down.sql}; as hand-run upgrade steps name the script that reverses a step, by a last word of
 * its name: {@code 1.1_to_1.2_rollback.sql} beside {@code 1.1_to_1.2_upgrade.sql}, {@code x-downgrade.sql},
 * {@code x_undo.sql}, {@code x.revert.sql}; or by its folder, as projects that keep their revert scripts apart name
 * it: {@code rollback/1.0.1__drop_x.sql}, {@code undo/}, {@code down/}, {@code revert/}. Such a script runs only
 * when somebody reverts the migration, like a Flyway undo script.
 */
public final class DownScriptName {

    // The file name's last word, or the whole name: a word inside a description ("drop_down_menu.sql",
    // "undone_items.sql") says nothing
    private static final Pattern REVERSING_NAME = Pattern.compile(
            "(?i)(.*[._-])?(down|downgrade|rollback|undo|revert)((?:\\.[^./\\\\]+)?\\.sql)");
    private static final Pattern REVERSING_FOLDER = Pattern.compile(
            "(?i)(?:.*[/\\\\])?(?:down|undo|rollback|revert)[/\\\\].*");

    /**
     * The last words of the scripts a reversing script may undo, in the order they are looked for; the empty word
     * stands for the name without one ({@code x.sql} for {@code x_rollback.sql}).
     */
    private static final List<String> FORWARD_WORDS = List.of("up", "upgrade", "migrate", "migration", "apply",
            "deploy", "update", "do", "forward", "");

    private DownScriptName() {
    }

    /** True when {@code relativePath} is a plain SQL script named as a down script. */
    public static boolean isDownScript(String relativePath, SourceKind kind) {
        return kind == SourceKind.PLAIN_SQL
                && (REVERSING_NAME.matcher(fileName(relativePath)).matches()
                        || REVERSING_FOLDER.matcher(relativePath).matches());
    }

    /**
     * The paths of the scripts that the script at {@code relativePath}, named by its last word as reversing
     * another, may reverse, most likely first: that word replaced by one of a script going forward
     * ({@code 1.1_to_1.2_upgrade.sql}, {@code 1.1_to_1.2_up.sql}, ..) and then the name without it
     * ({@code 1.1_to_1.2.sql}). Empty when its name does not end in such a word.
     */
    public static List<String> forwardScripts(String relativePath) {
        String name = fileName(relativePath);
        Matcher reversing = REVERSING_NAME.matcher(name);
        if (!reversing.matches()) {
            return List.of();
        }
        String folder = relativePath.substring(0, relativePath.length() - name.length());
        String before = reversing.group(1) == null ? "" : reversing.group(1);
        String word = reversing.group(2);
        String after = reversing.group(3);
        List<String> paths = new ArrayList<>();
        for (String forward : FORWARD_WORDS) {
            if (!forward.isEmpty()) {
                paths.add(folder + before + inCaseOf(word, forward) + after);
            } else if (before.length() > 1) {
                // x_rollback.sql reverses x.sql: the separator before the word goes with it
                paths.add(folder + before.substring(0, before.length() - 1) + after);
            }
        }
        return paths;
    }

    /** {@code forward} written in the case of {@code word}: {@code UPGRADE} for {@code ROLLBACK}. */
    private static String inCaseOf(String word, String forward) {
        if (word.equals(word.toUpperCase(Locale.ROOT))) {
            return forward.toUpperCase(Locale.ROOT);
        }
        if (Character.isUpperCase(word.charAt(0))) {
            return Character.toUpperCase(forward.charAt(0)) + forward.substring(1);
        }
        return forward;
    }

    private static String fileName(String relativePath) {
        return relativePath.substring(Math.max(relativePath.lastIndexOf('/'), relativePath.lastIndexOf('\\')) + 1);
    }
}
