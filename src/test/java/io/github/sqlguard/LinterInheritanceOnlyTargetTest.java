package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PostgreSQL's {@code DELETE FROM ONLY t} and {@code UPDATE ONLY t} change the rows of {@code t} and not those of the
 * tables that inherit from it: where the statement needs the parser (a data-changing WITH, a subquery in its WHERE),
 * it is read as the statement without {@code ONLY}, not reported as unparsed.
 */
class LinterInheritanceOnlyTargetTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "POSTGRESQL | WITH moved AS (DELETE FROM ONLY events WHERE at < now() RETURNING *)"
                + " INSERT INTO events_old SELECT * FROM moved; | -",
        "AUTO | WITH moved AS (DELETE FROM ONLY events WHERE at < now() RETURNING *)"
                + " INSERT INTO events_old SELECT * FROM moved; | -",
        "POSTGRESQL | WITH changed AS (UPDATE ONLY events SET kind = 'x' RETURNING *)"
                + " INSERT INTO log SELECT * FROM changed; | 1:18 update-without-where ERROR",
        "POSTGRESQL | WITH changed AS (UPDATE ONLY events SET kind = 'x' WHERE id = 4 RETURNING *)"
                + " INSERT INTO log SELECT * FROM changed; | -",
        "POSTGRESQL | DELETE FROM ONLY events WHERE id IN (SELECT id FROM events); | 1:1 always-true-where ERROR",
        "POSTGRESQL | SELECT 1;\\nDO $$ BEGIN EXECUTE 'WITH moved AS (DELETE FROM ONLY events WHERE at < now()"
                + " RETURNING *) INSERT INTO events_old SELECT * FROM moved'; END $$; | -",
    })
    void onlyBeforeTheChangedTableIsReadAsTheStatementWithoutIt(Dialect dialect, String sql, String expected) {
        List<String> found = OneScript.placesAndSeverities(dialect, sql);
        assertEquals(expected.equals("-") ? List.of() : List.of(expected.split(" / ")), found, sql);
    }
}
