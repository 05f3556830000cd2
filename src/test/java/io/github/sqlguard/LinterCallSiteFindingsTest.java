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
 * What a called body destroys is reported at the call, one finding per rule there: every statement of the body
 * that rule reports is named in it, so no second drop hides behind the first.
 */
class LinterCallSiteFindingsTest {

    @TempDir
    Path project;

    @Test
    void everyDropOfACalledBodyIsNamedAtTheCall() throws IOException {
        TestProject.write(project, "db/V1__tables.sql", "CREATE TABLE a1 (id INT);\nCREATE TABLE b1 (id INT);\n");
        TestProject.write(project, "db/V2__purge.sql", """
                DELIMITER //
                CREATE PROCEDURE purge(x INT)
                BEGIN
                  IF x > 0 THEN
                    DROP TABLE a1;
                    DROP TABLE b1;
                  END IF;
                END //
                DELIMITER ;
                CALL purge(1);
                """);

        assertEquals(List.of("db/V2__purge.sql:10:1 drop-table ERROR DROP TABLE removes table a1 and all its rows (at"
                + " db/V2__purge.sql:5:5, in purge, which this script created and this statement calls); and DROP"
                + " TABLE removes table b1 and all its rows (at db/V2__purge.sql:6:5, in purge, which this script"
                + " created and this statement calls)"), atCall(lint()));
    }

    @Test
    void aCallOfAnEarlierMigrationsRoutineNamesEveryDropToo() throws IOException {
        TestProject.write(project, "db/V1__purge.sql", """
                CREATE TABLE a1 (id INT);
                CREATE TABLE b1 (id INT);
                DELIMITER //
                CREATE PROCEDURE purge()
                BEGIN
                  DROP TABLE a1;
                  DROP TABLE b1;
                END //
                DELIMITER ;
                """);
        TestProject.write(project, "db/V2__run.sql", "CALL purge();\n");

        assertEquals(List.of("db/V2__run.sql:1:1 drop-table ERROR DROP TABLE removes table a1 and all its rows (at"
                + " db/V1__purge.sql:6:3, in purge, which an earlier migration created and this statement calls);"
                + " and DROP TABLE removes table b1 and all its rows (at db/V1__purge.sql:7:3, in purge, which an"
                + " earlier migration created and this statement calls)"), atCall(lint()));
    }

    private static List<String> atCall(LintResult result) {
        return result.findings().stream().filter(f -> f.severity() != Severity.INFO)
                .map(f -> f.location() + " " + f.ruleId() + " " + f.severity() + " " + f.message()).toList();
    }

    private LintResult lint() {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        return new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                Dialect.MYSQL, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(), defaults.liquibase(),
                List.of(), null, defaults.maxFileBytes(), 2), null);
    }
}
