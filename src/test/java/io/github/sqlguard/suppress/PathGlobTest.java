package io.github.sqlguard.suppress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathGlobTest {

    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource({
        "**/U*__*.sql, U1__undo.sql, true",
        "**/U*__*.sql, db/migration/U2__drop.sql, true",
        "**/U*__*.sql, src/main/resources/db/migration/U2__drop.sql, true",
        "**/U*__*.sql, src/main/resources/db/migration/V2__drop.sql, false",
        "**/U*__*.sql, db/U2_drop.sql, false",
        "*.sql, V1__x.sql, true",
        "*.sql, db/V1__x.sql, false",
        "db/**, db/a/b/V1__x.sql, true",
        "db/, db/V1__x.sql, true",
        "db/**/*.sql, db/V1__x.sql, true",
        "db/**/*.sql, db/a/b/V1__x.sql, true",
        "db/**/*.sql, other/db/V1__x.sql, false",
        "**/legacy/**, src/legacy/V1__x.sql, true",
        "**/legacy/**, legacy/V1__x.sql, true",
        "**/legacy/**, src/legacyish/V1__x.sql, false",
        "db/V?__x.sql, db/V1__x.sql, true",
        "db/V?__x.sql, db/V10__x.sql, false",
        "./db/*.sql, db/V1__x.sql, true",
        "db\\*.sql, db/V1__x.sql, true",
        "db/*.sql, db\\V1__x.sql, true",
        "DB/*.sql, db/V1__x.sql, false",
        "**, any/where/x.sql, true",
        "**/*, x.sql, true",
    })
    void matchesLikeMavenIncludes(String pattern, String path, boolean expected) {
        assertEquals(expected, new PathGlob(pattern).matches(path));
    }
}
