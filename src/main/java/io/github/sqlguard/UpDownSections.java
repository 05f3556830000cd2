package io.github.sqlguard;

import io.github.sqlguard.liquibase.ChangelogScript;
import io.github.sqlguard.model.ScriptMode;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.StatementSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A script that holds its migration and the way back in one file, as goose ({@code -- +goose Up} .. {@code -- +goose
 * Down}), sql-migrate ({@code -- +migrate Up} .. {@code -- +migrate Down}) and dbmate ({@code -- migrate:up} ..
 * {@code -- migrate:down}) write them. The down section runs only when the migration is rolled back, against the
 * schema the up section left, with whatever rows the application wrote since: it is read as rollback code, like a
 * down script ({@code undoScripts} says whether it is checked, and how severely), and never as statements that run
 * right after the up section, which would make the tables the up section creates look like scratch tables.
 */
final class UpDownSections {

    /** How the rollback code of a down section is labelled in findings. */
    static final String LABEL = StatementContext.DOWN_SECTION;

    private static final Pattern MARKER = Pattern.compile(
            "(?im)^[ \\t]*--[ \\t]*(?:\\+goose[ \\t]+(up|down)|\\+migrate[ \\t]+(up|down)|migrate:(up|down))\\b.*$");

    private UpDownSections() {
    }

    /**
     * The scripts of {@code content}: the whole text in {@code context}, or, when it has a down section after an up
     * section, the text before the down marker in {@code context} and, unless {@code downs} skips them, the down
     * section as rollback code.
     */
    static List<ChangelogScript> scripts(StatementSplitter splitter, String path, String content,
            StatementContext context, ScriptMode downs) {
        int down = downStart(content);
        List<ChangelogScript> scripts = new ArrayList<>();
        scripts.add(new ChangelogScript(path, VersionRecordedBlocks.labelled(splitter.split(path, content, 0,
                down < 0 ? content.length() : down, 1, 1, context))));
        if (down >= 0 && downs != ScriptMode.SKIP) {
            int line = (int) content.substring(0, down).chars().filter(c -> c == '\n').count() + 1;
            scripts.add(new ChangelogScript(path, splitter.split(path, content, down, content.length(), line, 1,
                    new StatementContext(StatementContext.Kind.ROLLBACK, LABEL))));
        }
        return scripts;
    }

    /**
     * The most severe level findings of {@code script} may have: a down section's are warnings when {@code downs}
     * says so, as a down script's are; otherwise the file's {@code ceiling}.
     */
    static Severity ceiling(ChangelogScript script, Severity ceiling, ScriptMode downs) {
        boolean downSection = !script.script().statements().isEmpty()
                && script.script().statements().get(0).context().kind() == StatementContext.Kind.ROLLBACK
                && script.script().statements().get(0).context().label().equals(LABEL);
        return ceiling == null && downSection && downs == ScriptMode.WARN ? Severity.WARNING : ceiling;
    }

    /** Where the down marker's line starts, when an up marker comes before it; else -1. */
    private static int downStart(String content) {
        if (!content.contains("goose") && !content.contains("migrate")) {
            return -1; // most scripts: a plain search is far cheaper than the line pattern
        }
        Matcher marker = MARKER.matcher(content);
        boolean up = false;
        while (marker.find()) {
            String direction = (marker.group(1) != null ? marker.group(1)
                    : marker.group(2) != null ? marker.group(2) : marker.group(3)).toLowerCase(Locale.ROOT);
            if (direction.equals("up")) {
                up = true;
            } else if (up) {
                return marker.start();
            }
        }
        return -1;
    }
}
