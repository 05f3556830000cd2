package io.github.sqlguard.rehearse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.suppress.PomSuppression;
import io.github.sqlguard.suppress.PomSuppressions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** check leaves acknowledgements of the rehearsal's rules alone: only the rehearse goal can use them. */
class RehearsalRuleIdsTest {

    @Test
    void aPomSuppressionOfARehearsalRuleIsNotUnusedInCheck() {
        PomSuppressions suppressions = new PomSuppressions(List.of(
                new PomSuppression("rehearsal-row-loss", "**/V7__*.sql", "the archive table is emptied on purpose"),
                new PomSuppression("drop-table", "**/V8__*.sql", "scratch table")),
                Set.of("rehearsal-row-loss", "drop-table"));

        List<Finding> result = suppressions.apply(List.of());

        assertEquals(1, result.size(), result.toString());
        assertTrue(result.get(0).message().contains("drop-table"), result.get(0).message());
    }

    @Test
    void aRehearsalFindingIsAcknowledgedByAPomSuppression() {
        PomSuppressions suppressions = new PomSuppressions(List.of(
                new PomSuppression("rehearsal-row-loss", "**/V7__*.sql", "the archive table is emptied on purpose")),
                Set.of("rehearsal-row-loss"));
        Finding finding = Finding.of("rehearsal-row-loss", Severity.ERROR, new Location("db/V7__archive.sql", 1, 1),
                "removed 300 of 300 rows of archive", "", "DELETE FROM archive");

        assertTrue(suppressions.apply(List.of(finding)).get(0).isAcknowledged());
    }
}
