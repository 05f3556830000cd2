package io.github.sqlguard.sql;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The SQL*Plus {@code HOST} lines of a script ({@code HOST sqlldr u/p control=orders.ctl}, {@code $ imp ..},
 * {@code ! sqlplus @wipe.sql}): the lexer sets them aside with the other SQL*Plus command lines, as none of them
 * reaches the database through the script's connection, but each runs a program that may change rows through its
 * own, SQL*Loader's REPLACE and TRUNCATE or Data Pump's {@code table_exists_action=replace} among them. A program
 * that cannot reach a database ({@code echo}, {@code mkdir}, ..) is left out.
 */
public final class HostCommands {

    /** Programs that print, wait or look at folders and files: they change no database. */
    private static final Set<String> HARMLESS_PROGRAMS = Set.of("echo", "mkdir", "md", "cls", "clear", "pwd",
            "cd", "chdir", "dir", "ls", "date", "time", "sleep", "timeout", "pause", "type", "cat", "more", "less",
            "head", "tail", "whoami", "hostname", "title", "color");

    private HostCommands() {
    }

    /** The set-aside lines of {@code script} that run a program sqlguard cannot see into, in file order. */
    public static List<Token> in(Script script) {
        return script.comments().stream().filter(HostCommands::runsProgram).toList();
    }

    /** The command's first line as written, for a message. */
    public static String firstLine(Token command) {
        return command.text().lines().findFirst().orElse("").strip();
    }

    private static boolean runsProgram(Token comment) {
        String text = comment.text();
        if (!ClientCommands.isSqlPlusHost(text, 0, text.length())) {
            return false;
        }
        String line = firstLine(comment);
        String afterCommand = line.startsWith("!") || line.startsWith("$") ? line.substring(1)
                : line.replaceFirst("^\\S+", "");
        String program = afterCommand.strip().split("\\s+")[0].replace('\\', '/');
        String name = program.substring(program.lastIndexOf('/') + 1).replaceFirst("(?i)\\.(?:exe|cmd|bat)$", "");
        return !HARMLESS_PROGRAMS.contains(name.toLowerCase(Locale.ROOT));
    }
}
