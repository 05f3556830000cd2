package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * With more than one worker, the workers the schema replay leaves idle read the statement models of the files
 * the check takes first. The findings must be those of a single worker, which reads every model in the check.
 */
class ModelsReadAheadTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"real/LemmyNet-lemmy, POSTGRESQL", "real/ory-kratos, AUTO", "real/liquibase-liquibase, AUTO"})
    void readingModelsAheadChangesNoFinding(String folder, Dialect dialect) {
        List<String> alone = findings(folder, dialect, 1);
        List<String> withReaders = findings(folder, dialect, 4);

        assertFalse(alone.isEmpty(), "the project has findings to compare");
        assertEquals(alone, withReaders);
    }

    private static List<String> findings(String folder, Dialect dialect, int threads) {
        return new Linter(true, Retention.DEFAULT_BUDGET_CHARS).run(CorpusFiles.config(folder, dialect, threads))
                .findings().stream().map(ModelsReadAheadTest::described).toList();
    }

    private static String described(Finding finding) {
        return finding.location() + " " + finding.ruleId() + " " + finding.severity() + " " + finding.message();
    }
}
