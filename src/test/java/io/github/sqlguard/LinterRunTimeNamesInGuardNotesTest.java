package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A guard that names a table whose name dynamic SQL builds at run time ({@code INSERT INTO %I.%I}) says so in the
 * finding's note, as the finding's own message does, instead of showing the word that stood in for it.
 */
class LinterRunTimeNamesInGuardNotesTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "POSTGRESQL | DO $$ BEGIN EXECUTE format('WITH moved AS (DELETE FROM staging RETURNING *) "
                + "INSERT INTO %I.%I SELECT * FROM moved', 'archive', v_table); END $$;"
                + " | delete-without-where DELETE without WHERE removes every row of staging (guarded: rows moved to"
                + " archive.<run-time value> by the same statement) (inside DO block)",
        "POSTGRESQL | DO $$ BEGIN EXECUTE format('WITH moved AS (DELETE FROM staging RETURNING *) "
                + "INSERT INTO %I.%I SELECT * FROM moved', v_schema, v_table); END $$;"
                + " | delete-without-where DELETE without WHERE removes every row of staging (guarded: rows moved to"
                + " <run-time value>.<run-time value> by the same statement) (inside DO block)",
    })
    void aGuardShowsARunTimeNameAsSuch(Dialect dialect, String sql, String expected) {
        List<String> found = OneScript.findings(dialect, sql).stream()
                .filter(f -> f.ruleId().equals("delete-without-where")).map(Finding::message)
                .map(message -> "delete-without-where " + message).toList();
        assertEquals(List.of(expected), found, sql);
    }
}
