package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SQLite's {@code UPDATE OR REPLACE} deletes the rows whose key an updated row takes, as {@code REPLACE INTO} deletes
 * those a new row collides with: renaming a key onto one in use removes the row that held it. No other database
 * spells an UPDATE so, so the auto dialect reads it the same way.
 */
class LinterUpdateOrReplaceTest {

    @TempDir
    Path project;

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"SQLITE", "AUTO"})
    void anUpdateOrReplaceIsReportedAtItsReplaceWord(Dialect dialect) throws IOException {
        TestProject.write(project, "db/migration/V1__settings.sql", """
                CREATE TABLE settings (name VARCHAR(64) PRIMARY KEY, value TEXT);
                """);
        TestProject.write(project, "db/migration/V2__rename.sql", """
                -- the old key takes the new name, whatever row held it
                UPDATE OR REPLACE settings SET name = 'upload_limit' WHERE name = 'max_upload';
                UPDATE OR IGNORE settings SET name = 'page_size' WHERE name = 'rows_per_page';
                update settings set value = '10' where name = 'upload_limit';
                """);

        assertEquals(List.of("db/migration/V2__rename.sql:2:11 replace-into WARNING UPDATE OR REPLACE settings deletes"
                + " each other row whose key an updated row takes, instead of failing: its columns and its ON DELETE"
                + " CASCADE children are lost"),
                TestProject.lint(project, dialect).findings().stream()
                        .map(f -> f.location() + " " + f.ruleId() + " " + f.severity() + " " + f.message()).toList());
    }
}
