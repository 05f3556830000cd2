package io.github.sqlguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.LintConfig;
import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnselectedPlsqlSourcesTest {

    @TempDir
    Path project;

    private static final List<String> SCANNED = List.of("db/install.sql", "db/tables/logs.sql");

    @BeforeEach
    void sources() throws IOException {
        for (String file : List.of("db/install.sql", "db/tables/logs.sql", "db/packages/purge.pks",
                "db/packages/purge.pkb", "db/types/entry.TPB", "db/README.md", "db/packages/notes.txt")) {
            Path path = project.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, "-- source\n");
        }
    }

    @Test
    void namesThePlsqlSourcesTheDefaultIncludesLeaveOut() {
        assertEquals(Optional.of("sqlguard: 3 Oracle PL/SQL source files in the scanned directories are not selected"
                + " by the includes and were not checked: db/packages/purge.pkb, db/packages/purge.pks,"
                + " db/types/entry.TPB; an install script runs them with @@file, so add their suffixes to"
                + " <includes> besides **/*.sql (<include>**/*.pkb</include>, <include>**/*.pks</include>,"
                + " <include>**/*.TPB</include>) to check them"),
                UnselectedPlsqlSources.line(config(Dialect.ORACLE, List.of("**/*.sql"), List.of()), SCANNED));
    }

    @Test
    void leavesOutTheSourcesTheIncludesSelectOrTheExcludesName() {
        List<String> scanned = List.of("db/install.sql", "db/tables/logs.sql", "db/packages/purge.pkb");

        assertEquals(Optional.of("sqlguard: 1 Oracle PL/SQL source file in the scanned directories is not selected"
                + " by the includes and was not checked: db/packages/purge.pks; an install script runs it with"
                + " @@file, so add its suffix to <includes> besides **/*.sql (<include>**/*.pks</include>) to check"
                + " it"), UnselectedPlsqlSources.line(config(Dialect.AUTO, List.of("**/*.sql", "**/*.pkb"),
                        List.of("**/types/**")), scanned));
    }

    @Test
    void saysNothingWhenEverySourceIsChecked() {
        List<String> scanned = List.of("db/install.sql", "db/tables/logs.sql", "db/packages/purge.pkb",
                "db/packages/purge.pks", "db/types/entry.TPB");

        assertEquals(Optional.empty(), UnselectedPlsqlSources.line(config(Dialect.ORACLE,
                List.of("**/*.sql", "**/*.pk?", "**/*.TPB"), List.of()), scanned));
    }

    @Test
    void countsTheSourcesBeyondTheFirstFive() throws IOException {
        for (String name : List.of("a.pkb", "b.pkb", "c.pkb", "d.pkb")) {
            Files.writeString(project.resolve("db/packages").resolve(name), "-- source\n");
        }

        assertEquals(Optional.of("sqlguard: 7 Oracle PL/SQL source files in the scanned directories are not selected"
                + " by the includes and were not checked: db/packages/a.pkb, db/packages/b.pkb, db/packages/c.pkb,"
                + " db/packages/d.pkb, db/packages/purge.pkb and 2 more; an install script runs them with @@file, so"
                + " add their suffixes to <includes> besides **/*.sql (<include>**/*.pkb</include>,"
                + " <include>**/*.pks</include>, <include>**/*.TPB</include>) to check them"),
                UnselectedPlsqlSources.line(config(Dialect.ORACLE, List.of("**/*.sql"), List.of()), SCANNED));
    }

    /** Another database's scripts do not run Oracle sources: no walk, no line. */
    @Test
    void saysNothingUnderAnotherDialect() {
        assertEquals(Optional.empty(), UnselectedPlsqlSources.line(config(Dialect.POSTGRESQL, List.of("**/*.sql"),
                List.of()), SCANNED));
    }

    private LintConfig config(Dialect dialect, List<String> includes, List<String> excludes) {
        LintConfig defaults = LintConfig.defaults(project, List.of(Path.of("db")));
        return new LintConfig(defaults.baseDir(), defaults.directories(), includes, excludes, dialect,
                defaults.encoding(), defaults.ruleLevels(), defaults.disabledRules(), defaults.flyway(),
                defaults.liquibase(), defaults.suppressions(), defaults.baselineFile(), defaults.maxFileBytes(),
                defaults.threads());
    }
}
