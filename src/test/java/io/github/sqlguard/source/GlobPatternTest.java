package io.github.sqlguard.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobPatternTest {

    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource({
        "**/*.sql,        V1__a.sql,                 true",
        "**/*.sql,        db/migration/V1__a.sql,    true",
        "**/*.sql,        db/migration/V1__a.sqlx,   false",
        "**/*.sql,        db/notes.txt,              false",
        "*.sql,           V1__a.sql,                 true",
        "*.sql,           db/V1__a.sql,              false",
        "db/**,           db/V1__a.sql,              true",
        "db/**,           db/a/b/V1__a.sql,          true",
        "db/**,           other/db/V1__a.sql,        false",
        "db/**,           dbx/V1__a.sql,             false",
        "db/,             db/a/V1__a.sql,            true",
        "**/U*__*.sql,    U2__undo.sql,              true",
        "**/U*__*.sql,    db/U2__undo.sql,           true",
        "**/U*__*.sql,    db/V2__undo.sql,           false",
        "**/U*__*.sql,    db/U2_undo.sql,            false",
        "a/**/b.sql,      a/b.sql,                   true",
        "a/**/b.sql,      a/x/y/b.sql,               true",
        "a/**/b.sql,      ab.sql,                    false",
        "**/**/*.sql,     x/y.sql,                   true",
        "**/**/*.sql,     y.sql,                     true",
        "**,              any/thing/at/all,          true",
        "V?__*.sql,       V1__a.sql,                 true",
        "V?__*.sql,       V10__a.sql,                false",
        "**/*.SQL,        a/V1.sql,                  false",
        "/db/*.sql,       db/V1.sql,                 true",
        "./db/*.sql,      db/V1.sql,                 true",
        "db\\*.sql,       db/V1.sql,                 true",
        "db/(x)+.sql,     db/(x)+.sql,               true",
        "db/(x)+.sql,     db/xx.sql,                 false",
        "db//*.sql,       db/V1.sql,                 true",
    })
    void matchesAntStyle(String glob, String path, boolean expected) {
        assertEquals(expected, GlobPattern.compile(glob).matches(path));
    }

    @Test
    void rejectsBlankPatternsWithAMessage() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> GlobPattern.compile("  "));
        assertEquals("an include or exclude pattern is empty", error.getMessage());
    }

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
        "DB/*.sql, db/V1__x.sql, false",
        "**, any/where/x.sql, true",
        "**/*, x.sql, true",
    })
    void matchesPomSuppressionFilesLikeMavenIncludes(String pattern, String path, boolean expected) {
        assertEquals(expected, GlobPattern.compile(pattern).matches(path));
    }
}
