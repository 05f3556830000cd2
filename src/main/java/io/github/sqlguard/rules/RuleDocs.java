package io.github.sqlguard.rules;

import io.github.sqlguard.model.RuleInfo;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Generates the README's rule table from the rules' own {@link RuleInfo}, so the documentation cannot drift
 * from the code. The table sits between {@value #START} and {@value #END}; {@link #rewrite} rewrites it in place.
 */
public final class RuleDocs {

    public static final String START = "<!-- rules:start -->";
    public static final String END = "<!-- rules:end -->";

    private RuleDocs() {
    }

    /** The markdown table: one row per rule with id, default severity, what it catches and why. */
    public static String table(List<RuleInfo> rules) {
        StringBuilder table = new StringBuilder("| rule | default severity | what it catches | why it matters |\n")
                .append("|---|---|---|---|\n");
        for (RuleInfo rule : rules) {
            table.append("| `").append(rule.id()).append("` | ").append(rule.defaultSeverity()).append(" | ")
                    .append(cell(rule.title())).append(" | ").append(cell(rule.rationale())).append(" |\n");
        }
        return table.toString();
    }

    /**
     * {@code document} with the text between the markers replaced by the table of {@code rules}.
     *
     * @throws IllegalArgumentException when the markers are missing or out of order
     */
    public static String withTable(String document, List<RuleInfo> rules) {
        int start = document.indexOf(START);
        int end = document.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("The rule table needs the markers " + START + " and " + END
                    + ", in this order, each on its own line");
        }
        String newline = document.contains("\r\n") ? "\r\n" : "\n";
        String generated = table(rules).replace("\n", newline);
        return document.substring(0, start + START.length()) + newline + generated
                + document.substring(end);
    }

    /**
     * Rewrites the rule table of the README named by {@code args[0]} with {@code rules}.
     *
     * @return 0 on success, 1 on a problem, 2 on a usage error (each explained on {@code err})
     */
    public static int rewrite(String[] args, List<RuleInfo> rules, PrintStream out, PrintStream err) {
        if (args.length != 1) {
            err.println("usage: java io.github.sqlguard.RuleCatalog <path of README.md>");
            return 2;
        }
        Path readme = Path.of(args[0]);
        try {
            String old = Files.readString(readme, StandardCharsets.UTF_8);
            String updated = withTable(old, rules);
            if (updated.equals(old)) {
                out.println("Rule table already up to date in " + readme);
            } else {
                Files.writeString(readme, updated, StandardCharsets.UTF_8);
                out.println("Rewrote rule table in " + readme);
            }
            return 0;
        } catch (IOException e) {
            err.println("Cannot update " + readme + ": " + e);
            return 1;
        } catch (IllegalArgumentException e) {
            err.println(readme + ": " + e.getMessage());
            return 1;
        }
    }

    /** Text safe inside one markdown table cell: no pipes, no line breaks. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
