package io.github.sqlguard.report;

import io.github.sqlguard.model.Severity;
import java.util.Objects;

/**
 * What the reports say about a rule: the documentation behind SARIF {@code rules[]} and the console hint.
 *
 * @param id permanent kebab-case id
 * @param defaultSeverity severity unless configured otherwise
 * @param title what it catches, one line
 * @param rationale why it matters
 * @param hint how to fix or acknowledge a finding
 */
public record RuleDescription(String id, Severity defaultSeverity, String title, String rationale, String hint) {

    public RuleDescription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(defaultSeverity, "defaultSeverity");
        title = title == null ? "" : title;
        rationale = rationale == null ? "" : rationale;
        hint = hint == null ? "" : hint;
    }
}
