package io.github.sqlguard.suppress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.Script;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The documented examples of each diagnostic behave as documented. */
class SuppressionDiagnosticsTest {

    static final Set<String> KNOWN = Set.of("delete-without-where", "drop-table");

    /** Stand-in for the real rules: a DELETE without WHERE and a DROP TABLE are findings. */
    static List<Finding> stubRuleFindings(Script script) {
        List<Finding> findings = new ArrayList<>();
        for (Statement statement : script.statements()) {
            boolean where = statement.tokens().stream().anyMatch(t -> t.isWord("WHERE"));
            if (statement.firstToken().isWord("DELETE") && !where) {
                findings.add(Finding.of("delete-without-where", Severity.ERROR, statement.start(), "m", "h", ""));
            }
            if (statement.firstToken().isWord("DROP")) {
                findings.add(Finding.of("drop-table", Severity.ERROR, statement.start(), "m", "h", ""));
            }
        }
        return findings;
    }

    static List<Finding> run(String sql) {
        Script script = new StatementSplitter(Dialect.AUTO, Placeholders.DEFAULT).split("V1__x.sql", sql);
        return InlineAcknowledgements.apply("V1__x.sql", script, stubRuleFindings(script), KNOWN);
    }

    static Stream<Arguments> examples() {
        List<Arguments> examples = new ArrayList<>();
        for (RuleInfo info : SuppressionDiagnostics.ALL) {
            info.badExamples().forEach(sql -> examples.add(Arguments.of(info.id(), sql, true)));
            info.goodExamples().forEach(sql -> examples.add(Arguments.of(info.id(), sql, false)));
        }
        return examples.stream();
    }

    @ParameterizedTest(name = "{0} bad={2}")
    @MethodSource("examples")
    void badExamplesYieldExactlyTheDiagnosticAndGoodOnesNone(String id, String sql, boolean bad) {
        List<Finding> result = run(sql);
        if (bad) {
            assertEquals(List.of(id), result.stream().filter(f -> !f.isAcknowledged()).map(Finding::ruleId).toList(),
                    result::toString);
        } else {
            assertFalse(result.stream().anyMatch(f -> !f.isAcknowledged()), result::toString);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("infos")
    void everyDiagnosticIsDocumented(RuleInfo info) {
        assertTrue(info.id().matches("[a-z]+(-[a-z]+)*"), info.id());
        assertFalse(info.title().isBlank());
        assertFalse(info.rationale().isBlank());
        assertFalse(info.hint().isBlank());
    }

    static Stream<RuleInfo> infos() {
        return SuppressionDiagnostics.ALL.stream();
    }
}
