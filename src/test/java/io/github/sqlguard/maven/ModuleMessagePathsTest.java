package io.github.sqlguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.LintConfig;
import io.github.sqlguard.LintResult;
import io.github.sqlguard.Linter;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.report.ReportData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In a module of a multi-module build, a message that names a place in a scanned file (the body of a helper a
 * call runs) names it from the top of the build, as the finding's own path does.
 */
class ModuleMessagePathsTest {

    @TempDir
    Path top;

    @Test
    void aModuleFindingNamesThePlaceItCitesFromTheTopOfTheBuild() throws IOException {
        Path module = top.resolve("persistence");
        Path script = module.resolve("db/V1__pk.sql");
        Files.createDirectories(script.getParent());
        Files.writeString(script, """
                DELIMITER $$
                CREATE PROCEDURE drop_id(IN tb VARCHAR(64))
                BEGIN
                  SET @s = CONCAT('ALTER TABLE ', tb, ' DROP COLUMN id');
                  PREPARE st FROM @s; EXECUTE st; DEALLOCATE PREPARE st;
                END $$
                DELIMITER ;
                CALL drop_id('queue');
                """, StandardCharsets.UTF_8);
        LintConfig defaults = LintConfig.defaults(module, List.of(module.resolve("db")));
        LintConfig config = new LintConfig(module, defaults.directories(), defaults.includes(), List.of(),
                Dialect.MYSQL, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(), defaults.liquibase(),
                List.of(), null, defaults.maxFileBytes(), 1);
        LintResult result = new Linter().run(config);

        ReportData report = ReportDataFactory.of(result, config, null, "test", top);

        Finding atCall = report.findings().stream()
                .filter(finding -> finding.ruleId().equals("drop-column") && finding.location().line() == 8)
                .findFirst().orElseThrow();
        assertEquals("persistence/db/V1__pk.sql", atCall.location().path());
        assertEquals("ALTER TABLE queue drops column id (at persistence/db/V1__pk.sql:4:41, in drop_id, which this"
                + " script created and this statement calls)", atCall.message());
    }

    @Test
    void onlyPathsOfScannedFilesMove() {
        MessagePaths paths = new MessagePaths(Set.of("db/V1__a.sql"), path -> "app/" + path);

        assertEquals("x (at app/db/V1__a.sql:3:1, in f, which db/V2__b.sql:4:1 calls) at line 2:5 of time 10:30",
                paths.rebasedIn("x (at db/V1__a.sql:3:1, in f, which db/V2__b.sql:4:1 calls) at line 2:5 of time 10:30"));
    }

    @Test
    void aProjectAtTheTopKeepsItsMessages() {
        MessagePaths paths = new MessagePaths(Set.of("db/V1__a.sql"), path -> path);
        String message = "x (at db/V1__a.sql:3:1, in f)";

        assertEquals(message, paths.rebasedIn(message));
    }
}
