package io.github.sqlguard.report;

import io.github.sqlguard.model.Finding;
import java.util.List;

/**
 * How many findings a run produced by severity; acknowledged findings are counted apart and not by
 * severity, because they no longer count against the build.
 */
public record FindingCounts(int errors, int warnings, int infos, int acknowledged) {

    /** Counts {@code findings}. */
    public static FindingCounts of(List<Finding> findings) {
        int errors = 0;
        int warnings = 0;
        int infos = 0;
        int acknowledged = 0;
        for (Finding finding : findings) {
            if (finding.isAcknowledged()) {
                acknowledged++;
                continue;
            }
            switch (finding.severity()) {
                case ERROR -> errors++;
                case WARNING -> warnings++;
                case INFO -> infos++;
            }
        }
        return new FindingCounts(errors, warnings, infos, acknowledged);
    }

    /** Findings that were not acknowledged, whatever their severity. */
    public int open() {
        return errors + warnings + infos;
    }
}
