package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A copy whose select list reads a column the replay does not know (the scripts ran in another order than the
 * folder's, as a current schema beside its upgrade scripts) still carries that column's values: a later drop of
 * it is not told that the copy "leaves it out", but where its values went.
 */
class LinterCopyReadsUnknownColumnTest {

    @TempDir
    Path project;

    @Test
    void aColumnTheCopyReadsIsNotLeftOutWhenTheReplayMissedIt() throws IOException {
        write("db/V1__current_schema.sql", """
                CREATE TABLE app_user (user_id int PRIMARY KEY, password_hash varchar(64));
                CREATE TABLE entity (entity_id int PRIMARY KEY, name varchar(128) NOT NULL, type varchar(10));
                """);
        write("db/V2__upgrade.sql", """
                INSERT INTO entity (name, type)
                SELECT username, 'USER' FROM app_user;
                ALTER TABLE app_user DROP COLUMN username;
                """);

        List<Finding> drops = lint().stream().filter(f -> f.ruleId().equals("drop-column")).toList();

        assertEquals(1, drops.size(), drops.toString());
        // The values went to entity, but not which user each belonged to: the copy left the key behind
        assertEquals(Severity.ERROR, drops.get(0).severity(), drops.get(0).message());
        assertEquals("ALTER TABLE app_user drops column username (values of username copied to entity at line 1,"
                + " without the key of app_user beside them)", drops.get(0).message());
    }

    private void write(String path, String sql) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql, StandardCharsets.UTF_8);
    }

    private List<Finding> lint() {
        return ProjectLint.findings(project, Dialect.MYSQL);
    }
}
