package io.github.sqlguard.suppress;

import java.util.Locale;

/**
 * One {@code <suppression>} of the plugin configuration: every finding of {@code rule} in the files the
 * glob matches is acknowledged with {@code reason}.
 *
 * @param rule the rule id to acknowledge
 * @param files a Maven/Ant-style glob over the project-relative path (see {@link io.github.sqlguard.source.GlobPattern}), or null for
 *     every file
 * @param reason why these findings are acceptable; required
 */
public record PomSuppression(String rule, String files, String reason) {

    /**
     * @throws IllegalArgumentException naming the entry when the rule or the reason is missing
     */
    public PomSuppression {
        rule = rule == null ? "" : rule.strip().toLowerCase(Locale.ROOT);
        files = files == null || files.isBlank() ? null : files.strip();
        reason = reason == null ? "" : reason.strip().replaceAll("\\s+", " ");
        if (rule.isEmpty()) {
            throw new IllegalArgumentException("A <suppression> in the sqlguard configuration has no <rule>"
                    + (files == null ? "" : " (files " + files + ")") + "; name the rule id to acknowledge");
        }
        if (reason.isEmpty()) {
            throw new IllegalArgumentException("The <suppression> of rule " + rule
                    + (files == null ? " for all files" : " for files " + files)
                    + " has no <reason>; every suppression must say why the findings are acceptable, e.g. "
                    + "<reason>undo scripts drop what their version created</reason>");
        }
    }

    /** How the entry reads in messages, e.g. {@code drop-table for files **}{@code /U*__*.sql}. */
    public String describe() {
        return rule + (files == null ? " for all files" : " for files " + files);
    }
}
