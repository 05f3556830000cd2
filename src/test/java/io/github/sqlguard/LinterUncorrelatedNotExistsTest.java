package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A DELETE or UPDATE whose WHERE is only {@code NOT EXISTS (SELECT .. FROM t)}, naming no column of its own row, is a
 * switch on t being empty: while t has no row it takes every row, as the uncorrelated {@code EXISTS} does once t has
 * one. A NOT EXISTS tied to the row, filtered, or over the target itself restricts, or holds for no row.
 */
class LinterUncorrelatedNotExistsTest {

    @TempDir
    Path project;

    /** Each line: the dialect, the statement, and its findings as {@code line:column rule SEVERITY message} (or none). */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | DELETE FROM tokens WHERE NOT EXISTS (SELECT 1 FROM clients) | 1:1 unfiltered-subquery WARNING DELETE on tokens is limited only by a NOT EXISTS whose subquery reads clients without a filter and names no column of tokens: it removes every row of tokens whenever clients is empty, and none otherwise
            MYSQL      | DELETE FROM tokens WHERE (NOT EXISTS (SELECT * FROM clients c)) | 1:1 unfiltered-subquery WARNING DELETE on tokens is limited only by a NOT EXISTS whose subquery reads clients without a filter and names no column of tokens: it removes every row of tokens whenever clients is empty, and none otherwise
            SQLITE     | UPDATE tokens SET client_id = NULL WHERE NOT EXISTS (SELECT 1 FROM clients) | 1:1 unfiltered-subquery WARNING UPDATE on tokens is limited only by a NOT EXISTS whose subquery reads clients without a filter and names no column of tokens: it changes every row of tokens whenever clients is empty, and none otherwise
            POSTGRESQL | DELETE FROM tokens WHERE NOT EXISTS (SELECT 1 FROM clients c WHERE c.id = tokens.client_id) |
            POSTGRESQL | DELETE FROM tokens WHERE NOT EXISTS (SELECT 1 FROM clients WHERE closed) |
            POSTGRESQL | DELETE FROM tokens WHERE NOT EXISTS (SELECT 1 FROM tokens) |
            POSTGRESQL | DELETE FROM tokens WHERE client_id = 'x' AND NOT EXISTS (SELECT 1 FROM clients) |
            """)
    void aNotExistsThatNamesNoColumnOfTheRowTakesEveryRowWhileItsTableIsEmpty(Dialect dialect, String statement,
            String expected) throws IOException {
        write("db/V0__init.sql", """
                CREATE TABLE clients (id VARCHAR(40) PRIMARY KEY, closed BOOLEAN NOT NULL);
                CREATE TABLE tokens (id VARCHAR(40) PRIMARY KEY, client_id VARCHAR(40));
                """);
        List<Finding> findings = ProjectLint.findingsOfScript(project, dialect, statement + ";");

        assertEquals(expected == null ? "" : expected, String.join("; ", findings.stream()
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.ruleId() + " "
                        + f.severity() + " " + f.message()).toList()));
    }

    /**
     * A filtered NOT EXISTS over other tables alone takes every row while no row of them matches, and none once one
     * does; an EXISTS takes every row as soon as one matches.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | DELETE FROM tokens WHERE NOT EXISTS (SELECT 1 FROM clients c WHERE c.closed) | 1:1 delete-without-where ERROR DELETE whose WHERE names no column of tokens removes every row of tokens while no row of the other tables matches (and none once one does)
            MYSQL      | UPDATE tokens SET client_id = NULL WHERE (NOT EXISTS (SELECT 1 FROM clients c WHERE c.closed)) | 1:1 update-without-where ERROR UPDATE whose WHERE names no column of tokens changes every row of tokens while no row of the other tables matches (and none once one does)
            MYSQL      | DELETE FROM tokens WHERE NOT EXISTS (SELECT 1 FROM clients c WHERE c.closed) AND NOT EXISTS (SELECT 1 FROM clients d WHERE d.id = 'x') | 1:1 delete-without-where ERROR DELETE whose WHERE names no column of tokens removes every row of tokens while no row of the other tables matches (and none once one does)
            POSTGRESQL | DELETE FROM tokens WHERE EXISTS (SELECT 1 FROM clients c WHERE c.closed) | 1:1 delete-without-where ERROR DELETE whose WHERE names no column of tokens removes every row of tokens as soon as a row of the other tables matches
            """)
    void aFilteredNotExistsOnOtherTablesTakesEveryRowWhileNoneOfTheirRowsMatches(Dialect dialect, String statement,
            String expected) throws IOException {
        aNotExistsThatNamesNoColumnOfTheRowTakesEveryRowWhileItsTableIsEmpty(dialect, statement, expected);
    }

    private void write(String path, String sql) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql, StandardCharsets.UTF_8);
    }
}
