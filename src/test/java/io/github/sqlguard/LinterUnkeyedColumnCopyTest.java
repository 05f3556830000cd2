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
 * A column moved to a new table by a copy of every row, {@code INSERT INTO entity (name, type) SELECT username,
 * 'USER' FROM users}, and then dropped: its values live on in the new table, but which row each belonged to does so
 * only when the copy took the row's primary key beside it. Without the key the drop loses that, and stays an error
 * that says where the values went.
 */
class LinterUnkeyedColumnCopyTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            INSERT INTO entity (name, kind) SELECT username, 'USER' FROM users;             | ERROR | values of username copied to entity at line 2, without the key of users beside them
            INSERT INTO entity (user_id, name) SELECT user_id, username FROM users;          | INFO  | values of username copied to entity at line 2
            INSERT INTO entity (user_id, name, kind) SELECT user_id, username, 'U' FROM users; | INFO | values of username copied to entity at line 2
            """)
    void theDropOfAColumnCopiedToAnotherTable(String copy, Severity expected, String note) throws IOException {
        TestProject.write(project, "db/V1__init.sql",
                "CREATE TABLE users (user_id int PRIMARY KEY, username varchar(128) NOT NULL, disabled boolean);\n");
        TestProject.write(project, "db/V2__move.sql", """
                CREATE TABLE entity (entity_id SERIAL PRIMARY KEY, user_id int, name varchar(128), kind varchar(16));
                %s
                ALTER TABLE users DROP COLUMN username;
                """.formatted(copy));

        List<Finding> drops = ProjectLint.findings(project, Dialect.POSTGRESQL).stream()
                .filter(f -> f.ruleId().equals("drop-column")).toList();

        assertEquals(1, drops.size(), drops.toString());
        assertEquals(expected, drops.get(0).severity(), drops.get(0).message());
        assertTrue(drops.get(0).message().contains(note), drops.get(0).message());
    }
}
