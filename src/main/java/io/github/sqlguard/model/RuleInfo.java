package io.github.sqlguard.model;

import java.util.List;

/**
 * A rule's documentation as data: the README table, SARIF {@code rules[]} and the example tests are all
 * generated from it.
 *
 * @param id permanent kebab-case id
 * @param defaultSeverity severity unless configured otherwise
 * @param title what it catches, one line
 * @param rationale why it matters, two or three sentences
 * @param hint how to fix or acknowledge a finding, one sentence
 * @param badExamples SQL that yields exactly this rule's finding (empty for diagnostics that are not about SQL)
 * @param goodExamples SQL that yields no finding of this rule
 */
public record RuleInfo(
        String id,
        Severity defaultSeverity,
        String title,
        String rationale,
        String hint,
        List<String> badExamples,
        List<String> goodExamples) {

    public RuleInfo {
        badExamples = List.copyOf(badExamples);
        goodExamples = List.copyOf(goodExamples);
    }
}
