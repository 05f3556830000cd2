package io.github.sqlguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationIncludesTest {

    @Test
    void everyIncludeOfSqlFilesAlsoSelectsTheOtherFlywaySuffixes() {
        assertEquals(List.of("**/*.sql", "**/*.xml", "db/**/V*.sql", "**/*.mysql", "db/**/V*.mysql"),
                MigrationIncludes.widened(List.of("**/*.sql", "**/*.xml", "db/**/V*.sql"), List.of(".sql", ".mysql")));
    }

    @Test
    void withFlywaysDefaultSuffixNothingChanges() {
        assertEquals(List.of("**/*.sql"), MigrationIncludes.widened(List.of("**/*.sql"), List.of(".sql")));
    }
}
