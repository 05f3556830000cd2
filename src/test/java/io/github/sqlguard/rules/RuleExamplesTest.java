package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered rule's documented examples hold through the real pipeline (split, analyse, every rule over
 * every statement with one script state and the schema replay of the statements before it): a bad example yields that rule's finding, a good example none of
 * it. The README's rule table shows these examples, so a wrong one would teach users the wrong thing.
 */
class RuleExamplesTest {

    static Stream<Arguments> examples() {
        return RuleRegistry.all().stream().flatMap(rule -> Stream.concat(
                rule.info().badExamples().stream().map(sql -> Arguments.of(rule.info().id(), "bad", sql)),
                rule.info().goodExamples().stream().map(sql -> Arguments.of(rule.info().id(), "good", sql))));
    }

    /**
     * A bad example is reported by its rule and by no other (an example that trips two rules documents
     * neither well); a good example is reported by no rule at all. {@link RulePipeline} also checks that
     * each rule gives the same result with and without the parser's AST.
     */
    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("examples")
    void badExamplesAreReportedAndGoodOnesAreNot(String id, String kind, String sql) {
        List<String> hits = RulePipeline.run(dialectOf(id), sql, RuleRegistry.all(), true).stream()
                .map(RulePipeline.Hit::rule).toList();
        if (kind.equals("bad")) {
            assertTrue(hits.contains(id), () -> "no " + id + " finding for its bad example " + sql);
            assertEquals(Set.of(id), Set.copyOf(hits), () -> "rules hit by " + sql);
        } else {
            assertEquals(List.of(), hits, () -> "rules hit by the good example " + sql);
        }
    }

    /** Rules about one dialect's scripts show examples in that dialect; every other rule's hold without one. */
    private static Dialect dialectOf(String id) {
        return id.equals("block-without-slash") ? Dialect.ORACLE : Dialect.AUTO;
    }
}
