package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Oracle PL/SQL sources kept in files of their own, which an install script runs with {@code @@file}, are named in the
 * run's notes when the includes leave them out: the default includes read {@code .sql} files alone.
 */
class UnselectedPlsqlSourcesTest {

    @TempDir
    Path project;

    @BeforeEach
    void sources() throws IOException {
        for (String file : List.of("db/install.sql", "db/tables/logs.sql", "db/packages/purge.pks",
                "db/packages/purge.pkb", "db/types/entry.TPB", "db/README.md", "db/packages/notes.txt")) {
            write(file);
        }
    }

    private void write(String file) throws IOException {
        Path path = project.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, "-- source\n");
    }

    @Test
    void namesThePlsqlSourcesTheIncludesLeaveOut() {
        assertEquals(List.of("3 Oracle PL/SQL source files in the scanned directories are not selected by the"
                + " includes and were not checked: db/packages/purge.pkb, db/packages/purge.pks, db/types/entry.TPB;"
                + " an install script runs them with @@file, so add their suffixes to <includes> besides **/*.sql"
                + " (<include>**/*.pkb</include>, <include>**/*.pks</include>, <include>**/*.TPB</include>) to check"
                + " them"), notes(Dialect.ORACLE, List.of("**/*.sql"), List.of()));
    }

    @Test
    void leavesOutTheSourcesTheIncludesSelectOrTheExcludesName() {
        assertEquals(List.of("1 Oracle PL/SQL source file in the scanned directories is not selected by the includes"
                + " and was not checked: db/packages/purge.pks; an install script runs it with @@file, so add its"
                + " suffix to <includes> besides **/*.sql (<include>**/*.pks</include>) to check it"),
                notes(Dialect.AUTO, List.of("**/*.sql", "**/*.pkb"), List.of("**/types/**")));
    }

    @Test
    void saysNothingWhenEverySourceIsChecked() {
        assertEquals(List.of(), notes(Dialect.ORACLE, List.of("**/*.sql", "**/*.pk?", "**/*.TPB"), List.of()));
    }

    @Test
    void countsTheSourcesBeyondTheFirstFive() throws IOException {
        for (String name : List.of("a.pkb", "b.pkb", "c.pkb", "d.pkb")) {
            write("db/packages/" + name);
        }

        assertEquals(List.of("7 Oracle PL/SQL source files in the scanned directories are not selected by the"
                + " includes and were not checked: db/packages/a.pkb, db/packages/b.pkb, db/packages/c.pkb,"
                + " db/packages/d.pkb, db/packages/purge.pkb and 2 more; an install script runs them with @@file, so"
                + " add their suffixes to <includes> besides **/*.sql (<include>**/*.pkb</include>,"
                + " <include>**/*.pks</include>, <include>**/*.TPB</include>) to check them"),
                notes(Dialect.ORACLE, List.of("**/*.sql"), List.of()));
    }

    /** Another database's scripts do not run Oracle sources. */
    @Test
    void saysNothingUnderAnotherDialect() {
        assertEquals(List.of(), notes(Dialect.POSTGRESQL, List.of("**/*.sql"), List.of()));
    }

    private List<String> notes(Dialect dialect, List<String> includes, List<String> excludes) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), includes, excludes,
                dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(), defaults.liquibase(),
                List.of(), null, defaults.maxFileBytes(), 2));
        return result.notes().stream().filter(note -> note.contains("PL/SQL")).toList();
    }
}
