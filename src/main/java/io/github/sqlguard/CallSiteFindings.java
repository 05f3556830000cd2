package io.github.sqlguard;

import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the bodies one call runs destroy is reported at the call, and a report keeps one finding per place and
 * rule. A body that drops two tables would then show only the first drop at the call, and an acknowledgement
 * written for it would silence the second unseen; so the findings of one rule at one call become one finding that
 * names every statement, as severe as the most severe of them.
 */
final class CallSiteFindings {

    private CallSiteFindings() {
    }

    /** Replaces the findings from index {@code from} of {@code found}, all at one call, by one per rule. */
    static void mergeFrom(List<Finding> found, int from) {
        if (found.size() - from < 2) {
            return;
        }
        List<Finding> atCall = found.subList(from, found.size());
        Map<String, List<Finding>> byRule = new LinkedHashMap<>();
        atCall.forEach(finding -> byRule.computeIfAbsent(finding.ruleId(), rule -> new ArrayList<>()).add(finding));
        List<Finding> merged = byRule.values().stream().map(CallSiteFindings::merged).toList();
        atCall.clear();
        found.addAll(merged);
    }

    private static Finding merged(List<Finding> findings) {
        Finding first = findings.get(0);
        if (findings.size() == 1) {
            return first;
        }
        Severity severity = first.severity();
        List<String> messages = new ArrayList<>();
        for (Finding finding : findings) {
            severity = finding.severity().ordinal() < severity.ordinal() ? finding.severity() : severity;
            if (!messages.contains(finding.message())) {
                messages.add(finding.message());
            }
        }
        return Finding.of(first.ruleId(), severity, first.location(), String.join("; and ", messages), first.hint(),
                first.excerpt());
    }
}
