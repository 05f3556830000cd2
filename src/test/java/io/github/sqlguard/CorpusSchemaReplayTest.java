package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.schema.Guard;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs each real project of the corpus with and without the schema replay. Every ERROR finding that the
 * replay takes away must be explained by a guard or a scratch column, which the run with the replay still
 * reports at INFO naming it; anything else going away fails. Every type change the replay still reports
 * names its new type and its old one, or why the old one is not known. Prints the alter-column-type figures
 * and samples of what the replay drops (lossless) and keeps (lossy, unknown).
 */
class CorpusSchemaReplayTest {

    private static final java.util.regex.Pattern NAMES_BOTH_TYPES = java.util.regex.Pattern.compile(
            " from \\S.* to \\S| to \\S.* \\(its type before is not known: \\w");

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({"real/ory-kratos, AUTO", "real/LemmyNet-lemmy, POSTGRESQL", "real/DSpace-DSpace, AUTO",
        "real/apache-fineract, AUTO", "real/flowable-flowable-engine, AUTO", "real/liquibase-liquibase, AUTO"})
    void theReplayTakesAwayOnlyWhatItCanExplain(String folder, Dialect dialect) {
        List<Finding> without = run(folder, dialect, false);
        List<Finding> with = run(folder, dialect, true);
        Map<String, Finding> withByKey = with.stream()
                .collect(Collectors.toMap(CorpusSchemaReplayTest::key, Function.identity(), (a, b) -> a));

        List<String> unexplained = new ArrayList<>();
        List<String> explained = new ArrayList<>();
        for (Finding before : without) {
            if (before.severity() != Severity.ERROR) {
                continue;
            }
            Optional<Finding> after = Optional.ofNullable(withByKey.get(key(before)));
            if (after.isPresent() && after.get().severity() == Severity.ERROR) {
                continue;
            }
            String line = before.location() + " " + before.ruleId() + ": " + before.message();
            if (after.isPresent() && after.get().severity() == Severity.INFO && after.get().message().contains(
                    Guard.MARK)) {
                explained.add(line + "  ->  " + after.get().message());
            } else {
                unexplained.add(line + "  ->  " + after.map(Finding::message).orElse("gone"));
            }
        }
        List<Finding> retypedBefore = byRule(without, "alter-column-type");
        List<Finding> retypedAfter = byRule(with, "alter-column-type");
        System.out.printf("replay %-32s alter-column-type before=%d after=%d; ERROR findings taken away: %d%n",
                folder, retypedBefore.size(), retypedAfter.size(), explained.size() + unexplained.size());
        explained.forEach(line -> System.out.println("  explained: " + line));
        retypedBefore.stream().filter(f -> !withByKey.containsKey(key(f))).limit(5)
                .forEach(f -> System.out.println("  lossless, dropped: " + f.location() + " " + f.excerpt()));
        retypedAfter.stream().filter(f -> f.message().contains(" from ")).limit(5)
                .forEach(f -> System.out.println("  lossy, kept: " + f.location() + " " + f.message()));
        List<String> unknownOld = retypedAfter.stream().filter(f -> !f.message().contains(" from "))
                .map(Finding::message).toList();
        System.out.printf("  alter-column-type whose old type is not known: %d%n", unknownOld.size());
        unknownOld.stream().limit(5).forEach(message -> System.out.println("  unknown, kept: " + message));
        assertEquals(List.of(), unexplained, "ERROR findings the replay took away without a reason");
        // Each type change still reported names its new type, and its old one or why that is not known.
        assertEquals(List.of(), retypedAfter.stream().filter(f -> !NAMES_BOTH_TYPES.matcher(f.message()).find())
                .map(f -> f.location() + " " + f.message()).toList(), "type changes that do not name both types");
        assertTrue(retypedAfter.size() <= retypedBefore.size(), "the replay never adds type-change findings");
        assertTrue(retypedAfter.stream().allMatch(f -> byKey(retypedBefore).containsKey(key(f))),
                "every type-change finding with the replay was a finding without it");
    }

    private static List<Finding> byRule(List<Finding> findings, String rule) {
        return findings.stream().filter(f -> f.ruleId().equals(rule)).toList();
    }

    private static Map<String, Finding> byKey(List<Finding> findings) {
        return findings.stream().collect(Collectors.toMap(CorpusSchemaReplayTest::key, Function.identity(),
                (a, b) -> a));
    }

    private static String key(Finding finding) {
        return finding.ruleId() + "@" + finding.location();
    }

    private static List<Finding> run(String folder, Dialect dialect, boolean replay) {
        return new Linter(replay, Retention.DEFAULT_BUDGET_CHARS).run(CorpusFiles.config(folder, dialect)).findings();
    }
}
