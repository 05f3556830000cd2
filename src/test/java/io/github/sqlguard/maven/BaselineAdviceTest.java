package io.github.sqlguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed build names the baseline when its findings lie in several files and no baseline is in use: a first run
 * on migrations that already ran, where acknowledging each finding would change scripts the tools checksum.
 */
class BaselineAdviceTest {

    @TempDir
    Path project;

    @Test
    void findingsInSeveralFilesWithoutABaselineNameTheBaselineGoal() {
        Path baseline = project.resolve("sqlguard-baseline.json");

        assertEquals(Optional.of(". They are in 2 files: for migrations that already ran, whose text Flyway and"
                + " Liquibase checksum, record the findings once with mvn sqlguard:baseline instead"),
                BaselineAdvice.of(findingsIn("V1__a.sql", "V2__b.sql", "V2__b.sql"), baseline, true));
        assertEquals(Optional.of(". They are in 2 files: for migrations that already ran, whose text Flyway and"
                + " Liquibase checksum, record the findings once with the baseline-folder goal instead"),
                BaselineAdvice.of(findingsIn("V1__a.sql", "V2__b.sql"), null, false));
    }

    @Test
    void findingsInOneFileOrWithABaselineSayNothingMore() throws IOException {
        Path baseline = Files.writeString(project.resolve("sqlguard-baseline.json"), "{}");

        assertEquals(Optional.empty(), BaselineAdvice.of(findingsIn("V2__b.sql", "V2__b.sql"), null, true));
        assertEquals(Optional.empty(), BaselineAdvice.of(findingsIn("V1__a.sql", "V2__b.sql"), baseline, true));
    }

    private static List<Finding> findingsIn(String... files) {
        return List.of(files).stream().map(file -> Finding.of("delete-without-where", Severity.ERROR,
                new Location("src/main/resources/db/migration/" + file, 1, 1), "DELETE without WHERE removes every row"
                        + " of t", "hint", "DELETE FROM t;")).toList();
    }
}
