package io.github.sqlguard.liquibase;

import io.github.sqlguard.model.Diagnostics;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.LineIndex;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.sql.Lexer;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the SQL of a formatted-SQL changelog that no changeset holds. Liquibase runs only what follows a
 * {@code --changeset} line and reads past anything above the first one without a word, so statements written there
 * never run; and a file in which it finds no changeset at all runs nothing, as when a tool wrote the file's line
 * breaks as the two characters {@code \n} and the whole file is its header line. sqlguard neither runs nor checks
 * that SQL either, so the author who meant it to run is told once per file, at {@code WARNING}: a statement that
 * never runs destroys nothing, but the change it was written for never happens.
 */
final class SqlOutsideChangesets {

    private static final Pattern IGNORE_LINES = Pattern.compile("^\\s*--\\s*ignoreLines:(\\w+)",
            Pattern.CASE_INSENSITIVE);
    /** A line break written as a backslash and an n, followed by a directive, as an escaped file has it. */
    private static final Pattern ESCAPED_BREAK = Pattern.compile("\\\\n(?:\\\\[rn]|\\s)*--\\s*changeset",
            Pattern.CASE_INSENSITIVE);

    private SqlOutsideChangesets() {
    }

    /** At most one finding for {@code text}, a formatted-SQL changelog read in {@code dialect}. */
    static List<Finding> in(String path, String text, Dialect dialect) {
        String[] lines = text.split("\\r\\n|\\r|\\n", -1);
        int first = firstChangesetLine(lines);
        int header = 0;
        while (header + 1 < lines.length && lines[header].isBlank()) {
            header++;
        }
        if (first < 0 && ESCAPED_BREAK.matcher(lines[header]).find()) {
            return List.of(warning(path, header + 1, lines[header].indexOf('-') + 1, "Liquibase finds no --changeset line in this"
                    + " file: its line breaks are written as the two characters \\n, so the whole file is one line,"
                    + " the '--liquibase formatted sql' header, and none of it runs; sqlguard did not check it either",
                    "Write the file with real line breaks (the tool that wrote it escaped them), one directive or"
                            + " statement line per line."));
        }
        LineIndex index = new LineIndex(text);
        int end = first < 0 ? text.length() : index.lineStart(first + 1);
        Set<Integer> ignored = ignoredLines(lines, first < 0 ? lines.length : first);
        Optional<Token> sql = new Lexer(dialect).tokenize(text, 0, end, 1, 1).tokens().stream()
                .filter(token -> token.type() != TokenType.COMMENT && !ignored.contains(token.line()))
                .findFirst();
        if (sql.isEmpty()) {
            return List.of();
        }
        Token at = sql.get();
        if (first < 0) {
            return List.of(warning(path, at.line(), at.column(), "Liquibase finds no --changeset line in this"
                    + " formatted SQL file, so none of its SQL runs, this statement the first; sqlguard did not"
                    + " check it either",
                    "Put a --changeset author:id line above the statements, or remove the '--liquibase formatted"
                            + " sql' header to have the file run as plain SQL."));
        }
        return List.of(warning(path, at.line(), at.column(), "SQL stands above the first --changeset line (line "
                        + (first + 1) + "): Liquibase runs only what a changeset holds and reads past it without a"
                        + " word, so it never runs; sqlguard did not check it either",
                "Put the statements under a --changeset author:id line of their own, or delete them."));
    }

    /**
     * The first line that is, or begins like, a changeset header: a misspelt one is reported of its own
     * ({@link MisspeltChangesetHeaders}), and the lines under it are that finding's, not this one's.
     */
    private static int firstChangesetLine(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            if (MisspeltChangesetHeaders.HEADER_LIKE.matcher(lines[i]).find()) {
                return i;
            }
        }
        return -1;
    }

    /** The 1-based lines of {@code lines[0, to)} that an {@code --ignoreLines} leaves out, as Liquibase does. */
    private static Set<Integer> ignoredLines(String[] lines, int to) {
        Set<Integer> ignored = new HashSet<>();
        for (int i = 0; i < to; i++) {
            Matcher ignore = IGNORE_LINES.matcher(lines[i]);
            if (!ignore.find()) {
                continue;
            }
            String what = ignore.group(1);
            int last = what.equalsIgnoreCase("start") ? endOfIgnored(lines, i, to)
                    : what.length() < 7 && what.chars().allMatch(Character::isDigit)
                            ? Math.min(to - 1, i + Integer.parseInt(what)) : i;
            for (int line = i; line <= last; line++) {
                ignored.add(line + 1);
            }
            i = last;
        }
        return ignored;
    }

    private static int endOfIgnored(String[] lines, int start, int to) {
        for (int i = start + 1; i < to; i++) {
            Matcher ignore = IGNORE_LINES.matcher(lines[i]);
            if (ignore.find() && ignore.group(1).equalsIgnoreCase("end")) {
                return i;
            }
        }
        return to - 1;
    }

    private static Finding warning(String path, int line, int column, String message, String hint) {
        return Finding.of(Diagnostics.MALFORMED_CHANGELOG.id(), Severity.WARNING,
                new Location(path, Math.max(1, line), Math.max(1, column)), message, hint, "");
    }
}
