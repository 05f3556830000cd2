package io.github.sqlguard.sql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** Programs that remove files: harmless when each file they name is one the script spooled itself. */
    private static final Set<String> REMOVING_PROGRAMS = Set.of("rm", "del", "erase");

    /** SQL*Plus {@code SPO[OL] file [CRE[ATE] | REP[LACE] | APP[END]]}: the file is the script's own output. */
    private static final Pattern SPOOL = Pattern.compile("(?i)SPO(?:OL?)?\\s+(\"[^\"]+\"|'[^']+'|\\S+).*");

    private HostCommands() {
    }

    /**
     * The set-aside lines of {@code script} that run a program sqlguard cannot see into, in file order. Removing a
     * file the script spooled before ({@code SPOOL params.sql.tmp .. @params.sql.tmp .. HOST rm params.sql.tmp}, as
     * SQL*Plus install scripts clean up the settings they generate) cannot reach a database, and is left out.
     */
    public static List<Token> in(Script script) {
        Set<String> spooled = new HashSet<>();
        List<Token> running = new ArrayList<>();
        for (Token comment : script.comments()) {
            Matcher spool = SPOOL.matcher(firstLine(comment));
            String file = spool.matches() ? unquoted(spool.group(1)) : null;
            if (file != null && !file.equalsIgnoreCase("OFF") && !file.equalsIgnoreCase("OUT")) {
                spooled.add(file.toLowerCase(Locale.ROOT));
                // SQL*Plus adds .lst to a name without an extension.
                spooled.add(file.toLowerCase(Locale.ROOT) + (file.contains(".") ? "" : ".lst"));
            } else if (runsProgram(comment, spooled)) {
                running.add(comment);
            }
        }
        return running;
    }

    /** The command's first line as written, for a message. */
    public static String firstLine(Token command) {
        return command.text().lines().findFirst().orElse("").strip();
    }

    private static boolean runsProgram(Token comment, Set<String> spooled) {
        String text = comment.text();
        if (!ClientCommands.isSqlPlusHost(text, 0, text.length())) {
            return false;
        }
        String line = firstLine(comment);
        String afterCommand = line.startsWith("!") || line.startsWith("$") ? line.substring(1)
                : line.replaceFirst("^\\S+", "");
        String[] words = afterCommand.strip().split("\\s+");
        String program = words[0].replace('\\', '/');
        String name = program.substring(program.lastIndexOf('/') + 1).replaceFirst("(?i)\\.(?:exe|cmd|bat)$", "")
                .toLowerCase(Locale.ROOT);
        return !HARMLESS_PROGRAMS.contains(name) && !(REMOVING_PROGRAMS.contains(name) && removesOnly(words, spooled));
    }

    /** True when every file the removal names (past its options, -f or /q) is one of {@code spooled}. */
    private static boolean removesOnly(String[] words, Set<String> spooled) {
        boolean any = false;
        for (int i = 1; i < words.length; i++) {
            if (words[i].startsWith("-") || words[i].startsWith("/") && words[i].length() == 2) {
                continue;
            }
            if (!spooled.contains(unquoted(words[i]).toLowerCase(Locale.ROOT))) {
                return false;
            }
            any = true;
        }
        return any;
    }

    private static String unquoted(String word) {
        return word.length() > 1 && (word.startsWith("\"") && word.endsWith("\"")
                || word.startsWith("'") && word.endsWith("'")) ? word.substring(1, word.length() - 1) : word;
    }
}
