package io.github.sqlguard.suppress;

import io.github.sqlguard.model.Location;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One {@code <suppression>} of the plugin configuration: every finding of {@code rule} in the files the
 * glob matches is acknowledged with {@code reason}.
 *
 * @param rule the rule id to acknowledge, or several separated by commas or spaces (as in an inline
 *     {@code sqlguard:allow} comment)
 * @param files a Maven/Ant-style glob (see {@link io.github.sqlguard.source.GlobPattern}) matched against the
 *     path from the project and from each scanned folder (see {@link io.github.sqlguard.source.GlobAnchors}),
 *     or null for every file
 * @param reason why these findings are acceptable; required
 * @param declaredAt where the {@code <suppression>} element stands, for the warning when it matches nothing
 */
public record PomSuppression(String rule, String files, String reason, Location declaredAt) {

    /**
     * @throws IllegalArgumentException naming the entry when the rule or the reason is missing
     */
    public PomSuppression {
        rule = rule == null ? "" : String.join(",", ids(rule));
        files = files == null || files.isBlank() ? null : files.strip();
        reason = reason == null ? "" : reason.strip().replaceAll("\\s+", " ");
        declaredAt = declaredAt == null ? new Location(PomSuppressions.POM, 1, 1) : declaredAt;
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

    public PomSuppression(String rule, String files, String reason) {
        this(rule, files, reason, null);
    }

    /** The rule ids this entry acknowledges, in the order written. */
    public List<String> ruleIds() {
        return ids(rule);
    }

    /** How the entry reads in messages, e.g. {@code drop-table for files **}{@code /U*__*.sql}. */
    public String describe() {
        return rule + (files == null ? " for all files" : " for files " + files);
    }

    private static List<String> ids(String text) {
        return Arrays.stream(text.strip().toLowerCase(Locale.ROOT).split("[,\\s]+"))
                .filter(id -> !id.isEmpty()).distinct().toList();
    }
}
