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
    private static final String SCRIPT_ONLY = "in a SQL script also ";

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
        Matcher matcher = SQL_ACKNOWLEDGEMENT.matcher(hint);
        if (!matcher.find()) {
            return hint;
        }
        // "in a SQL script also -- sqlguard:allow .." (a hint for findings anywhere) names the file's own kind here.
        String before = hint.substring(0, matcher.start());
        if (before.endsWith(SCRIPT_ONLY)) {
            before = before.substring(0, before.length() - SCRIPT_ONLY.length()) + "in the changelog also ";
        }
        return before + replacement.formatted(matcher.group(1)) + hint.substring(matcher.end());
    }
}
