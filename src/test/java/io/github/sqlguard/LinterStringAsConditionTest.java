package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A string literal written alone as a DELETE's or UPDATE's condition is read by the database: MySQL, MariaDB and
 * SQLite take the number it starts with ({@code WHERE '1'} holds for every row, {@code WHERE 'true'} for none),
 * PostgreSQL reads it as a boolean ({@code WHERE 't'}, {@code 'yes'}, {@code 'on'}). Where the dialect is not known,
 * either reading that holds makes it always true. A double-quoted {@code "1"}, a string to MySQL unless ANSI_QUOTES is
 * set, holds for every row where it may be read so.
 */
class LinterStringAsConditionTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            MYSQL      | DELETE FROM events WHERE '1';                             | 1:1 ERROR always-true-where
            MYSQL      | UPDATE events SET note = NULL WHERE '2 rows';             | 1:1 ERROR always-true-where
            MYSQL      | DELETE FROM events WHERE NOT '0';                         | 1:1 ERROR always-true-where
            MYSQL      | DELETE FROM events WHERE '0';                             |
            MYSQL      | DELETE FROM events WHERE '';                              |
            MYSQL      | DELETE FROM events WHERE 'true';                          |
            MYSQL      | DELETE FROM events WHERE id = 7 OR '1';                   | 1:1 ERROR always-true-where
            MARIADB    | DELETE FROM events WHERE '1' AND id > 0 OR '1';           | 1:1 ERROR always-true-where
            SQLITE     | DELETE FROM events WHERE '1';                             | 1:1 ERROR always-true-where
            POSTGRESQL | DELETE FROM events WHERE 'true';                          | 1:1 ERROR always-true-where
            POSTGRESQL | DELETE FROM events WHERE 't';                             | 1:1 ERROR always-true-where
            POSTGRESQL | UPDATE events SET note = NULL WHERE ' Yes ';              | 1:1 ERROR always-true-where
            POSTGRESQL | DELETE FROM events WHERE 'off';                           |
            POSTGRESQL | DELETE FROM events WHERE 'f';                             |
            AUTO       | DELETE FROM events WHERE 't';                             | 1:1 ERROR always-true-where
            AUTO       | DELETE FROM events WHERE '1';                             | 1:1 ERROR always-true-where
            AUTO       | DELETE FROM events WHERE '0';                             |
            MYSQL      | DELETE FROM events WHERE "1";                             | 1:1 ERROR always-true-where
            SQLITE     | UPDATE events SET note = NULL WHERE "1";                  | 1:1 ERROR always-true-where
            AUTO       | DELETE FROM events WHERE "1";                             | 1:1 ERROR always-true-where
            MYSQL      | DELETE FROM events WHERE "note";                          |
            POSTGRESQL | DELETE FROM events WHERE "1";                             |
            """)
    void aLoneStringIsReadAsTheDatabaseReadsIt(Dialect dialect, String script, String expected) throws IOException {
        TestProject.write(project, "db/V1__init.sql",
                "CREATE TABLE events (id INT NOT NULL PRIMARY KEY, note VARCHAR(50));\n");
        TestProject.write(project, "db/V2__fix.sql", script + "\n");

        List<String> findings = ProjectLint.findings(project, dialect).stream()
                .filter(finding -> finding.location().path().endsWith("V2__fix.sql"))
                .map(finding -> finding.location().line() + ":" + finding.location().column() + " "
                        + finding.severity() + " " + finding.ruleId())
                .toList();

        assertEquals(expected == null ? List.of() : List.of(expected), findings);
    }
}
