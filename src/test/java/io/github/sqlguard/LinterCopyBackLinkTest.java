package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A column moved to a new table of its own, {@code INSERT INTO entity (name, kind) SELECT username, 'USER' FROM
 * users}, and then linked back, {@code UPDATE users SET entity_id = (SELECT entity_id FROM entity WHERE name =
 * username AND kind = 'USER')}: each row now points at the row of the new table that holds its value, so dropping
 * the column loses nothing. The lookup must ask only what the copy wrote; anything else it asks may find no row
 * for some values, and the drop then stays an error.
 */
class LinterCopyBackLinkTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            true  | UPDATE users SET entity_id = (SELECT entity_id FROM entity WHERE username = entity.name AND kind = 'USER');     | INFO
            false | UPDATE users SET entity_id = (SELECT entity_id FROM entity WHERE username = entity.name AND kind = 'USER');     | INFO
            true  | UPDATE users SET entity_id = (SELECT e.entity_id FROM entity e WHERE e.name = users.username);                | INFO
            true  | UPDATE users SET entity_id = (SELECT entity_id FROM entity WHERE username = entity.name AND kind = 'GROUP');   | ERROR
            true  | UPDATE users SET entity_id = (SELECT entity_id FROM entity WHERE username = entity.name AND entity_id > 5);    | ERROR
            true  | UPDATE users SET entity_id = (SELECT entity_id FROM entity WHERE username = entity.kind);                     | ERROR
            true  | UPDATE users SET entity_id = (SELECT entity_id FROM entity WHERE username = entity.name) WHERE disabled;       | ERROR
            true  | UPDATE users SET entity_id = (SELECT entity_id FROM entity WHERE username = entity.name); UPDATE users SET entity_id = 0 WHERE disabled; | ERROR
            true  | UPDATE users SET entity_id = (SELECT entity_id FROM entity WHERE username = entity.name); DELETE FROM entity WHERE kind = 'USER'; | ERROR
            true  | UPDATE users SET entity_id = (SELECT entity_id FROM entity WHERE username = entity.name); INSERT INTO users (user_id) VALUES (7); | ERROR
            """)
    void theDropOfAColumnLinkedBackToItsCopy(boolean usersKnown, String link, Severity expected) throws IOException {
        if (usersKnown) {
            TestProject.write(project, "db/V1__init.sql",
                    "CREATE TABLE users (user_id int PRIMARY KEY, username varchar(128) NOT NULL, disabled boolean);\n");
        }
        TestProject.write(project, "db/V2__entities.sql", """
                CREATE TABLE entity (entity_id SERIAL PRIMARY KEY, name varchar(128) NOT NULL, kind varchar(16) NOT NULL);
                ALTER TABLE users ADD COLUMN entity_id int;
                INSERT INTO entity (name, kind) SELECT username, 'USER' FROM users;
                %s
                ALTER TABLE users DROP COLUMN username;
                """.formatted(link.replace("; ", ";\n")));

        List<Finding> drops = ProjectLint.findings(project, Dialect.POSTGRESQL).stream()
                .filter(f -> f.ruleId().equals("drop-column")).toList();

        assertEquals(1, drops.size(), drops.toString());
        assertEquals(expected, drops.get(0).severity(), drops.get(0).message());
        if (expected == Severity.INFO) {
            assertTrue(drops.get(0).message().contains("values of username copied to entity at line 3, and the UPDATE"
                    + " at line 4 points entity_id of each row at its copy"), drops.get(0).message());
        }
    }
}
