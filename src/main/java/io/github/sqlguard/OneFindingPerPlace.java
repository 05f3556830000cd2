package io.github.sqlguard;

import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The findings of a run's file outcomes, each place and rule reported once, or twice where one is acknowledged. */
final class OneFindingPerPlace {

    private OneFindingPerPlace() {
    }

    /**
     * A changelog included by another is read both on its own and through the other; report each finding
     * once, and prefer the one found through the including changelog, which knows its properties. Of the
     * findings one reading makes at one place (a Liquibase change judged with each value a property can take),
     * the most severe stands: the run it describes is one Liquibase may make; of those alike severe, one message names
     * each value ({@link ValuesInOneMessage}). An acknowledged finding and an open
     * one at the same place (an {@code sqlFile} two changesets run, only one of them acknowledged) both stand: the
     * acknowledgement of one run must not hide the other.
     */
    static List<Finding> of(List<FileOutcome> outcomes) {
        Map<FindingPlace, Finding> unique = new LinkedHashMap<>();
        Map<FindingPlace, List<String>> messages = new HashMap<>();
        Set<FindingPlace> foundThroughInclude = new HashSet<>();
        for (FileOutcome outcome : outcomes) {
            for (Finding finding : outcome.findings()) {
                FindingPlace key = new FindingPlace(finding.location(), finding.ruleId(), finding.isAcknowledged());
                boolean throughInclude = !finding.location().path().equals(outcome.path());
                Finding earlier = unique.get(key);
                boolean moreSevere = earlier != null && finding.severity().ordinal() < earlier.severity().ordinal()
                        && (throughInclude || !foundThroughInclude.contains(key));
                if (earlier == null || (throughInclude && foundThroughInclude.add(key)) || moreSevere) {
                    unique.put(key, finding);
                    messages.put(key, new ArrayList<>(List.of(finding.message())));
                    if (throughInclude) {
                        foundThroughInclude.add(key);
                    }
                } else if (finding.severity() == earlier.severity()
                        && throughInclude == foundThroughInclude.contains(key)) {
                    // the same reading with another value the text may take there
                    messages.get(key).add(finding.message());
                }
            }
        }
        List<Finding> findings = new ArrayList<>(unique.size());
        unique.forEach((key, finding) -> {
            List<String> said = messages.get(key);
            findings.add(said.size() < 2 ? finding : finding.withMessage(ValuesInOneMessage.of(said)));
        });
        return findings;
    }

    /** Where a finding is, which rule made it and whether it is acknowledged: one finding per place is reported. */
    private record FindingPlace(Location location, String ruleId, boolean acknowledged) {

        // Written out, as Location's are: a generated equals and hashCode cost a fresh JVM method handles.
        @Override
        public boolean equals(Object other) {
            return other instanceof FindingPlace that && location.equals(that.location) && ruleId.equals(that.ruleId)
                    && acknowledged == that.acknowledged;
        }

        @Override
        public int hashCode() {
            return (location.hashCode() * 31 + ruleId.hashCode()) * 2 + (acknowledged ? 1 : 0);
        }
    }
}
