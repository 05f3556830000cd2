package io.github.sqlguard;

import io.github.sqlguard.model.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hints end with the SQL comment that acknowledges a finding; in an XML, YAML or JSON changelog that comment
 * cannot be written (XML does not even allow {@code --} inside its comments), so the hint shows the form that
 * file takes instead.
 */
public final class AcknowledgementHints {

    private static final Pattern SQL_ACKNOWLEDGEMENT = Pattern.compile("-- (sqlguard:allow [^ ]+ reason: <why>)");
    /**
     * The comment a hint offers for SQL scripts only: a finding of a changelog element that no statement stands for
     * (a customChange) is acknowledged by no comment in the changelog, so a changelog's form of it would be a
     * comment that acknowledges nothing.
     */
    private static final Pattern SCRIPT_ONLY_ACKNOWLEDGEMENT = Pattern.compile(
            " \\(in a SQL script also -- sqlguard:allow [^ ]+ reason: <why>\\)");

    private AcknowledgementHints() {
    }

    /** The findings, each hint written in the comment syntax of the file the finding points into. */
    static List<Finding> inFileSyntax(List<Finding> findings) {
        List<Finding> result = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            String hint = inFileSyntax(finding.hint(), finding.location().path());
            result.add(hint.equals(finding.hint()) ? finding : new Finding(finding.ruleId(), finding.severity(),
                    finding.location(), finding.message(), hint, finding.excerpt(), finding.acknowledgement(),
                    finding.fingerprint()));
        }
        return result;
    }

    /** {@code hint} with its acknowledging comment written as the file at {@code path} takes it. */
    public static String inFileSyntax(String hint, String path) {
        String name = path.toLowerCase(Locale.ROOT);
        String replacement;
        if (name.endsWith(".xml")) {
            replacement = "<!-- %s --> before the change, or in the changeset's <comment>";
        } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            replacement = "# %s above the change, or in the changeset's comment:";
        } else if (name.endsWith(".json")) {
            replacement = "\"comment\": \"%s\" in the changeset";
        } else {
            return hint;
        }
        Matcher scriptOnly = SCRIPT_ONLY_ACKNOWLEDGEMENT.matcher(hint);
        if (scriptOnly.find()) {
            return hint.substring(0, scriptOnly.start()) + hint.substring(scriptOnly.end());
        }
        Matcher matcher = SQL_ACKNOWLEDGEMENT.matcher(hint);
        if (!matcher.find()) {
            return hint;
        }
        return hint.substring(0, matcher.start()) + replacement.formatted(matcher.group(1)) + hint.substring(matcher.end());
    }
}
