package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runners that take steps written in a programming language beside SQL ones (schema deltas in version folders that
 * hold {@code .sql} and {@code .py} files, goose's {@code 00002_x.go}, yoyo's {@code 0003.x.py}) run those steps
 * with the scripts: sqlguard cannot read them, so each is an {@code unchecked-change}, never a silent pass.
 */
class LinterCodeStepsAmongScriptsTest {

    @TempDir
    Path project;

    private List<String> uncheckedChanges() {
        return TestProject.lint(project, Dialect.POSTGRESQL).findings().stream()
                .filter(f -> f.ruleId().equals("unchecked-change"))
                .map(f -> f.location().path() + ":" + f.location().line() + " " + f.severity()).toList();
    }

    @Test
    void aCodeStepInAVersionFolderIsReportedAlsoWhereItsFolderHoldsNoScript() throws IOException {
        TestProject.write(project, "db/delta/20/dummy.sql", "SELECT 1;\n");
        TestProject.write(project, "db/delta/20/pushers.py", "def run_create(cur, engine):\n    pass\n");
        TestProject.write(project, "db/delta/78/01_validate_profiles.py", "def run_upgrade(cur):\n    pass\n");
        TestProject.write(project, "db/delta/78/__init__.py", "");
        TestProject.write(project, "db/delta/79/02_x.sql.postgres", "CREATE TABLE t (a INT);\n");
        TestProject.write(project, "db/__init__.py", "");

        assertEquals(List.of("db/delta/20/pushers.py:1 WARNING", "db/delta/78/01_validate_profiles.py:1 WARNING"),
                uncheckedChanges());
    }

    @Test
    void aNumberedCodeMigrationBesideScriptsIsReportedButNotTheFolderHelpers() throws IOException {
        TestProject.write(project, "db/migrations/00001_create.sql", "CREATE TABLE t (a INT);\n");
        TestProject.write(project, "db/migrations/00002_purge_rows.go", "package migrations\n");
        TestProject.write(project, "db/migrations/00002_purge_rows_test.go", "package migrations\n");
        TestProject.write(project, "db/migrations/embed.go", "package migrations\n");
        TestProject.write(project, "db/migrations/0003.backfill.py", "steps = []\n");
        TestProject.write(project, "db/tools/0001_generate.py", "print(1)\n");

        assertEquals(List.of("db/migrations/00002_purge_rows.go:1 WARNING", "db/migrations/0003.backfill.py:1 WARNING"),
                uncheckedChanges());
    }

    @Test
    void theMessageNamesTheLanguageAndSaysNothingWasChecked() throws IOException {
        TestProject.write(project, "db/delta/56/unique_filter_index.py", "def run_create(cur, engine):\n    pass\n");
        TestProject.write(project, "db/delta/56/a.sql", "SELECT 1;\n");

        Finding finding = TestProject.lint(project, Dialect.POSTGRESQL).findings().stream()
                .filter(f -> f.ruleId().equals("unchecked-change")).findFirst().orElseThrow();

        assertEquals(Severity.WARNING, finding.severity());
        assertTrue(finding.message().startsWith("Python step unique_filter_index.py among the migration scripts"),
                finding.message());
        assertTrue(finding.message().contains("nothing it does to rows was checked"), finding.message());
    }
}
