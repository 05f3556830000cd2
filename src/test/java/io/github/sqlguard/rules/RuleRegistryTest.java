package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.RuleInfo;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The registry: every rule once, in a stable order, each documented as data. */
class RuleRegistryTest {

    @Test
    void listsTheRulesInAStableOrder() {
        assertEquals(List.of("delete-without-where ERROR", "update-without-where ERROR", "always-true-where ERROR",
                "unresolved-where ERROR", "merge-not-matched-by-source ERROR",
                "unfiltered-subquery WARNING", "truncate-table ERROR", "drop-table ERROR", "drop-column ERROR", "drop-schema ERROR",
                "drop-database ERROR", "drop-partition ERROR", "delete-history ERROR", "flashback-table ERROR",
                "alter-ignore-unique ERROR", "rename-table WARNING", "rename-column WARNING",
                "alter-column-type WARNING", "delete-before-narrowing WARNING", "not-null-fills-nulls WARNING", "replace-into WARNING", "unlogged-table WARNING", "delete-cascades WARNING",
                "dedupe-keeps-no-copy ERROR", "cascade WARNING",
                "unparsed-statement WARNING",
                "runtime-sql WARNING",
                "script-include WARNING", "block-without-slash WARNING", "unknown-statement WARNING",
                "unknown-command WARNING"),
                RuleRegistry.all().stream().map(rule -> rule.info().id() + " " + rule.info().defaultSeverity())
                        .toList());
    }

    @Test
    void findsARuleById() {
        assertSame(RuleRegistry.all().get(1), RuleRegistry.byId("update-without-where").orElseThrow());
        assertTrue(RuleRegistry.byId("no-such-rule").isEmpty());
    }

    @Test
    void everyRuleIsDocumented() {
        Set<String> dataLossIds = DataLossRules.all().stream().map(rule -> rule.info().id())
                .collect(Collectors.toSet());
        Set<String> ids = new HashSet<>();
        for (Rule rule : RuleRegistry.all()) {
            RuleInfo info = rule.info();
            assertTrue(info.id().matches("[a-z]+(-[a-z]+)*"), info.id());
            assertTrue(ids.add(info.id()), "duplicate id " + info.id());
            assertFalse(info.title().isBlank());
            assertTrue(info.rationale().split("\\. ").length >= 2, "rationale of " + info.id());
            assertFalse(info.hint().isBlank());
            assertFalse(info.badExamples().isEmpty(), "bad example of " + info.id());
            assertFalse(info.goodExamples().isEmpty(), "good example of " + info.id());
            if (dataLossIds.contains(info.id())) {
                // A drop can be intended: the hint says how to acknowledge it in the script.
                assertTrue(info.hint().contains("sqlguard:allow " + info.id()), "hint of " + info.id());
            }
        }
        assertTrue(ids.containsAll(dataLossIds), "every data-loss rule is registered");
    }
}
