package io.github.sqlguard.suppress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Acknowledgement;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PomSuppressionsTest {

    static final Set<String> KNOWN = Set.of("drop-table", "delete-without-where", "truncate-table");
    static final String UNDO = "src/main/resources/db/migration/U2__drop.sql";
    static final String VERSIONED = "src/main/resources/db/migration/V2__drop.sql";

    static Finding finding(String rule, String path) {
        return Finding.of(rule, Severity.ERROR, new Location(path, 3, 1), "m", "h", "DROP TABLE t");
    }

    @Test
    void matchingFindingsAreAcknowledgedWithTheReason() {
        PomSuppressions suppressions = new PomSuppressions(List.of(new PomSuppression("drop-table", "**/U*__*.sql",
                "undo scripts drop what their version created")), KNOWN);
        List<Finding> result = suppressions.apply(List.of(finding("drop-table", UNDO), finding("drop-table", VERSIONED),
                finding("delete-without-where", UNDO)));
        assertEquals(3, result.size());
        assertEquals(new Acknowledgement(Acknowledgement.Source.POM_SUPPRESSION,
                "undo scripts drop what their version created", "pom.xml"), result.get(0).acknowledgement());
        assertFalse(result.get(1).isAcknowledged(), "V2 is not an undo script");
        assertFalse(result.get(2).isAcknowledged(), "another rule");
    }

    @Test
    void entryWithoutFilesCoversEveryFile() {
        PomSuppressions suppressions = new PomSuppressions(
                List.of(new PomSuppression("truncate-table", null, "test data only")), KNOWN);
        List<Finding> result = suppressions.apply(List.of(finding("truncate-table", UNDO),
                finding("truncate-table", "x.sql")));
        assertTrue(result.stream().allMatch(Finding::isAcknowledged));
    }

    @Test
    void unusedEntryIsAWarningAtThePom() {
        PomSuppressions suppressions = new PomSuppressions(List.of(
                new PomSuppression("drop-table", "**/U*__*.sql", "undo"),
                new PomSuppression("truncate-table", "legacy/**", "old")), KNOWN);
        List<Finding> result = suppressions.apply(List.of(finding("drop-table", UNDO)));
        assertEquals(2, result.size());
        Finding unused = result.get(1);
        assertEquals("unused-suppression", unused.ruleId());
        assertEquals(Severity.WARNING, unused.severity());
        assertEquals(new Location("pom.xml", 1, 1), unused.location());
        assertEquals("The pom <suppression> of truncate-table for files legacy/** matched no finding",
                unused.message());
    }

    @Test
    void alreadyAcknowledgedFindingsAreLeftAloneAndDoNotCountAsUse() {
        Acknowledgement inline = new Acknowledgement(Acknowledgement.Source.INLINE_COMMENT, "r", "U2__drop.sql:1");
        Finding acknowledged = finding("drop-table", UNDO).acknowledged(inline);
        List<Finding> result = new PomSuppressions(List.of(new PomSuppression("drop-table", null, "undo")), KNOWN)
                .apply(List.of(acknowledged));
        assertEquals(inline, result.get(0).acknowledgement());
        assertEquals("unused-suppression", result.get(1).ruleId());
    }

    @Test
    void missingReasonIsRejectedNamingTheEntry() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new PomSuppression("drop-table", "**/U*__*.sql", "  "));
        assertTrue(error.getMessage().startsWith("The <suppression> of rule drop-table for files **/U*__*.sql has no "
                + "<reason>"), error.getMessage());
    }

    @Test
    void missingRuleIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new PomSuppression(null, "db/**", "r"));
        assertTrue(error.getMessage().contains("has no <rule> (files db/**)"), error.getMessage());
    }

    @Test
    void unknownRuleIsRejectedWithTheValidIds() {
        IllegalArgumentException close = assertThrows(IllegalArgumentException.class,
                () -> new PomSuppressions(List.of(new PomSuppression("drop-tables", null, "r")), KNOWN));
        assertTrue(close.getMessage().contains("unknown rule `drop-tables`; did you mean drop-table?"),
                close.getMessage());
        IllegalArgumentException far = assertThrows(IllegalArgumentException.class,
                () -> new PomSuppressions(List.of(new PomSuppression("xyz", null, "r")), KNOWN));
        assertTrue(far.getMessage().endsWith("valid rule ids: delete-without-where, drop-table, truncate-table"),
                far.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"legacy/**", "db/migration/legacy/*.sql", "src/main/resources/db/migration/legacy/*.sql",
        "**/legacy/V1__x.sql"})
    void filesGlobsAreReadFromTheProjectAndEveryScannedFolder(String glob) {
        Path base = Path.of("/work/project");
        Path resources = base.resolve("src/main/resources");
        PomSuppressions suppressions = new PomSuppressions(List.of(new PomSuppression("drop-table", glob, "old")),
                KNOWN, base, List.of(resources, resources.resolve("db/migration")));

        List<Finding> result = suppressions.apply(List.of(
                finding("drop-table", "src/main/resources/db/migration/legacy/V1__x.sql"),
                finding("drop-table", "src/main/resources/db/migration/V2__y.sql")));

        assertTrue(result.get(0).isAcknowledged(), glob);
        assertFalse(result.get(1).isAcknowledged(), glob);
    }

    @Test
    void oneEntryMayNameSeveralRulesAsInlineCommentsDo() {
        PomSuppressions suppressions = new PomSuppressions(List.of(
                new PomSuppression("drop-table, delete-without-where", null, "scratch schema")), KNOWN);

        List<Finding> result = suppressions.apply(List.of(finding("drop-table", UNDO),
                finding("delete-without-where", UNDO), finding("truncate-table", UNDO)));

        assertEquals(List.of(true, true, false), result.stream().map(Finding::isAcknowledged).toList());
    }

    @Test
    void aListWithAnUnknownRuleNamesIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PomSuppressions(
                List.of(new PomSuppression("drop-table,drop-tabel", null, "r")), KNOWN));
        assertTrue(e.getMessage().contains("unknown rule `drop-tabel`"), e.getMessage());
    }

    @Test
    void anUnusedEntryIsReportedAtItsElementSayingWhatToChange() {
        Location element = new Location("pom.xml", 42, 17);
        List<Finding> result = new PomSuppressions(List.of(new PomSuppression("drop-table", "legacy/**", "old",
                element)), KNOWN).apply(List.of());

        Finding unused = result.get(0);
        assertEquals("unused-suppression", unused.ruleId());
        assertEquals(element, unused.location());
        assertEquals("The pom <suppression> of drop-table for files legacy/** matched no finding", unused.message());
        assertTrue(unused.hint().startsWith("Remove this <suppression>, or correct its <rule> or <files>"),
                unused.hint());
        assertFalse(unused.hint().contains("comment"), unused.hint());
    }
}
