package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PostgreSQL helper that runs the SQL text it is given ({@code EXECUTE change;}) runs exactly what each call
 * passes, dollar-quoted or quoted: what that text destroys is reported where it stands in the call's literal, naming
 * where the helper runs it, and a call that passes harmless SQL is not reported as running SQL built at run time.
 */
class LinterSqlTextArgumentTest {

    private static final String APPLY_CHANGE = """
            CREATE TABLE settings (name TEXT PRIMARY KEY, value INT);
            CREATE TABLE old_rows (id INT);
            CREATE TABLE accounts (id INT, note TEXT);
            CREATE OR REPLACE PROCEDURE apply_change(changeNumber int, change TEXT, force boolean = false)
                LANGUAGE plpgsql
            AS $$
            DECLARE
                lastChange int;
            BEGIN
                SELECT value INTO lastChange FROM settings WHERE name = 'change';
                IF lastChange IS NULL OR lastChange < changeNumber OR force THEN
                    EXECUTE change;
                    UPDATE settings SET value = changeNumber WHERE name = 'change';
                END IF;
            END $$;
            """;

    @TempDir
    Path project;

    @Test
    void aDollarQuotedChangeIsCheckedAtTheCall() throws IOException {
        TestProject.write(project, "db/V1__init.sql", APPLY_CHANGE);
        TestProject.write(project, "db/V2__upgrade.sql", """
                call apply_change(2, $aa$
                DROP TABLE IF EXISTS old_rows;
                CREATE TABLE new_rows (id INT);
                $aa$);
                call apply_change(3, $$ SELECT 1 $$, true);
                """);

        assertEquals(List.of(
                "db/V2__upgrade.sql:2:1 drop-table ERROR DROP TABLE removes table old_rows and all its rows"
                        + " (inside text passed to apply_change, which runs it at db/V1__init.sql:12:17)"),
                describe(lint(), "db/V2__upgrade.sql"));
    }

    @Test
    void aQuotedChangeIsCheckedAtTheCall() throws IOException {
        TestProject.write(project, "db/V1__init.sql", APPLY_CHANGE);
        TestProject.write(project, "db/V2__upgrade.sql", """
                CALL apply_change(2, 'ALTER TABLE accounts DROP COLUMN note');
                """);

        assertEquals(List.of(
                "db/V2__upgrade.sql:1:44 drop-column ERROR ALTER TABLE accounts drops column note"
                        + " (inside text passed to apply_change, which runs it at db/V1__init.sql:12:17)"),
                describe(lint(), "db/V2__upgrade.sql"));
    }

    /**
     * The text may create a routine: that routine's body runs when it is called or fires, not at the call that
     * creates it (its statements are information where they are written), while a DO block in the text runs right
     * there.
     */
    @Test
    void aRoutineTheChangeCreatesDoesNotRunAtTheCall() throws IOException {
        TestProject.write(project, "db/V1__init.sql", APPLY_CHANGE);
        TestProject.write(project, "db/V2__upgrade.sql", """
                call apply_change(2, $aa$
                CREATE OR REPLACE FUNCTION drop_partition() RETURNS trigger AS $$
                BEGIN
                    EXECUTE 'DROP TABLE IF EXISTS part_' || OLD.id;
                    DELETE FROM settings;
                    RETURN OLD;
                END $$ LANGUAGE plpgsql;
                DO $$ BEGIN
                    DELETE FROM old_rows;
                END $$;
                $aa$);
                """);

        assertEquals(List.of("db/V2__upgrade.sql:4:5 runtime-sql INFO", "db/V2__upgrade.sql:4:14 drop-table INFO",
                "db/V2__upgrade.sql:5:5 delete-without-where INFO",
                "db/V2__upgrade.sql:9:5 delete-without-where ERROR DELETE without WHERE removes every row of"
                        + " old_rows (inside text passed to apply_change, which runs it at db/V1__init.sql:12:17)"),
                describe(lint(), "db/V2__upgrade.sql"));
    }

    private static List<String> describe(LintResult result, String file) {
        return result.findings().stream()
                .filter(f -> f.location().toString().startsWith(file))
                .map(f -> f.location() + " " + f.ruleId() + " " + f.severity()
                        + (f.severity() == Severity.INFO ? "" : " " + f.message()))
                .toList();
    }

    private LintResult lint() {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        return new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                Dialect.POSTGRESQL, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 2), null);
    }
}
