package io.github.sqlguard.rules;

import static io.github.sqlguard.rules.RuleHarness.messages;
import static io.github.sqlguard.rules.RuleHarness.tokenMessages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.Dialect;
import io.github.sqlguard.Severity;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RuleRegistryTest {

    @Test
    void listsTheRulesInAStableOrder() {
        assertEquals(List.of("delete-without-where", "update-without-where", "always-true-where", "unparsed-statement"),
                RuleRegistry.all().stream().map(rule -> rule.info().id()).toList());
    }

    @Test
    void findsARuleById() {
        assertSame(RuleRegistry.all().get(1), RuleRegistry.byId("update-without-where").orElseThrow());
        assertTrue(RuleRegistry.byId("no-such-rule").isEmpty());
    }

    @Test
    void everyRuleIsDocumented() {
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
            assertTrue(info.defaultSeverity() == Severity.ERROR || info.id().equals("unparsed-statement"));
        }
    }

    static Stream<Arguments> examples() {
        return RuleRegistry.all().stream().flatMap(rule -> Stream.concat(
                rule.info().badExamples().stream().map(sql -> Arguments.of(rule.info().id(), sql, true)),
                rule.info().goodExamples().stream().map(sql -> Arguments.of(rule.info().id(), sql, false))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("examples")
    void everyBadExampleIsReportedAndNoGoodOne(String id, String sql, boolean bad) {
        Rule rule = RuleRegistry.byId(id).orElseThrow();
        assertEquals(bad ? 1 : 0, messages(rule, Dialect.AUTO, sql).size(), sql);
        if (!id.equals("unparsed-statement")) {
            assertEquals(messages(rule, Dialect.AUTO, sql), tokenMessages(rule, Dialect.AUTO, sql), "tokens: " + sql);
        }
    }
}
