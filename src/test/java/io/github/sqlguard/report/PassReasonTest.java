package io.github.sqlguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Severity;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The log line that says why a run with serious findings did not fail the build. */
class PassReasonTest {

    @Test
    void failOnNoneNamesTheOpenErrorsAndTheSetting() {
        Optional<String> reason = PassReason.of(SampleRun.data(null));

        assertEquals(Optional.of("sqlguard: the build passes although 2 findings at ERROR are open, because "
                + "failOn=NONE only reports them; 2 more are acknowledged (1 by sqlguard:allow comments, "
                + "1 by the baseline)"), reason);
    }

    @Test
    void everyErrorAcknowledgedSaysSoAndHow() {
        ReportData data = SampleRun.data(List.of(SampleRun.ACKNOWLEDGED_INLINE, SampleRun.ACKNOWLEDGED_BY_BASELINE,
                SampleRun.UNPARSED), Severity.ERROR);

        assertEquals(Optional.of("sqlguard: the build passes because all 2 findings at ERROR are acknowledged "
                + "(1 by sqlguard:allow comments, 1 by the baseline)"), PassReason.of(data));
    }

    @Test
    void aFailingRunNeedsNoExplanation() {
        assertTrue(SampleRun.data(Severity.ERROR).failingFindings().size() > 0);
        assertEquals(Optional.empty(), PassReason.of(SampleRun.data(Severity.ERROR)));
    }

    @Test
    void aRunWithOnlyWarningsBelowTheThresholdNeedsNoExplanation() {
        ReportData data = SampleRun.data(List.of(SampleRun.UNPARSED), Severity.ERROR);

        assertEquals(Optional.empty(), PassReason.of(data));
    }

    @Test
    void aStricterThresholdIsNamed() {
        ReportData data = SampleRun.data(List.of(SampleRun.UNPARSED), null);
        ReportData acknowledgedWarning = SampleRun.data(List.of(SampleRun.ACKNOWLEDGED_INLINE), Severity.WARNING);

        assertEquals(Optional.empty(), PassReason.of(data), "a warning is below ERROR, the NONE yardstick");
        assertEquals(Optional.of("sqlguard: the build passes because the only 1 finding at or above WARNING is "
                + "acknowledged (1 by sqlguard:allow comments)"), PassReason.of(acknowledgedWarning));
    }
}
