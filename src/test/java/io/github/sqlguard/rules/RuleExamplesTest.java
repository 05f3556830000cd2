package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule's documented examples hold through the real pipeline: a bad example yields that rule's finding
 * and no other data-loss rule's, a good example yields none of that rule's.
 */
class RuleExamplesTest {

    @TestFactory
    Stream<DynamicTest> badExamplesYieldExactlyTheirRule() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Rule rule : DataLossRules.all()) {
            for (String sql : rule.info().badExamples()) {
                tests.add(DynamicTest.dynamicTest(rule.info().id() + ": " + sql, () -> {
                    List<String> ids = DataLossPipeline.ruleIds(Dialect.AUTO, sql);
                    assertFalse(ids.isEmpty(), "no finding for bad example " + sql);
                    assertEquals(Set.of(rule.info().id()), Set.copyOf(ids), "rules hit by " + sql);
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> goodExamplesYieldNoDataLossFinding() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Rule rule : DataLossRules.all()) {
            for (String sql : rule.info().goodExamples()) {
                tests.add(DynamicTest.dynamicTest(rule.info().id() + ": " + sql, () -> assertFalse(
                        !DataLossPipeline.ruleIds(Dialect.AUTO, sql).isEmpty(), sql)));
            }
        }
        return tests.stream();
    }

    @Test
    void everyRuleIsDocumented() {
        List<Rule> rules = DataLossRules.all();
        assertEquals(10, rules.size());
        assertEquals(rules.size(), rules.stream().map(r -> r.info().id()).collect(Collectors.toSet()).size());
        for (Rule rule : rules) {
            RuleInfo info = rule.info();
            assertTrue(info.id().matches("[a-z]+(-[a-z]+)*"), info.id());
            assertFalse(info.badExamples().isEmpty(), info.id());
            assertFalse(info.goodExamples().isEmpty(), info.id());
            assertTrue(info.hint().contains("sqlguard:allow " + info.id()), info.id());
            assertTrue(info.rationale().split("\\. ").length >= 2, info.id() + " rationale has 2-3 sentences");
        }
    }
}
