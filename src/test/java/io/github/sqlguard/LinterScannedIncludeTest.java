package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A release script that runs its version's steps through the client ({@code @./steps/V2__purge.sql}, {@code SOURCE
 * steps/V2__purge.sql}, {@code \i}, {@code :r}) hides nothing when the file it names is itself scanned: the step is
 * checked on its own, so the include is INFO and names it. A file outside the scan stays a WARNING.
 */
class LinterScannedIncludeTest {

    @TempDir
    Path project;

    private List<String> includes(Dialect dialect) {
        return TestProject.lint(project, dialect).findings().stream()
                .filter(f -> f.ruleId().equals("script-include"))
                .map(f -> f.location().path() + ":" + f.location().line() + " " + f.severity()).toList();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "ORACLE     | @./steps/V2__purge.sql",
        "ORACLE     | @@steps/V2__purge.sql",
        "ORACLE     | @steps/V2__purge",
        "ORACLE     | START steps/V2__purge.sql",
        "MYSQL      | SOURCE steps/V2__purge.sql;",
        "MYSQL      | \\. steps/V2__purge.sql",
        "POSTGRESQL | \\ir steps/V2__purge.sql",
        "POSTGRESQL | #include \"steps/V2__purge.sql\"",
        "POSTGRESQL | #include <steps/V2__purge.sql>",
        "SQLSERVER  | :r .\\steps\\V2__purge.sql",
    })
    void anIncludeOfAScannedFileIsInfo(Dialect dialect, String include) throws IOException {
        TestProject.write(project, "db/release_2.sql", "SELECT 1;\n" + include + "\nSELECT 2;\n");
        TestProject.write(project, "db/steps/V2__purge.sql", "SELECT 3;\n");

        assertEquals(List.of("db/release_2.sql:2 INFO"), includes(dialect));
    }

    @Test
    void anIncludeOfAFileOutsideTheScanStaysAWarning() throws IOException {
        TestProject.write(project, "db/release_2.sql", "@./steps/V2__purge.sql\n@../tools/wipe.sql\n");
        TestProject.write(project, "db/steps/V2__purge.sql", "SELECT 3;\n");
        TestProject.write(project, "tools/wipe.sql", "TRUNCATE TABLE orders;\n");

        assertEquals(List.of("db/release_2.sql:1 INFO", "db/release_2.sql:2 WARNING"), includes(Dialect.ORACLE));
    }

    @Test
    void theMessageNamesTheScannedFile() throws IOException {
        TestProject.write(project, "db/release_2.sql", "SOURCE steps/V2__purge.sql;\n");
        TestProject.write(project, "db/steps/V2__purge.sql", "SELECT 3;\n");

        assertEquals(List.of("SOURCE steps/V2__purge.sql runs another file, which sqlguard does not read through this"
                + " include: it is itself among the scanned migrations (db/steps/V2__purge.sql), checked on its own,"
                + " without the schema of the script that includes it"),
                TestProject.lint(project, Dialect.MYSQL).findings().stream()
                        .filter(f -> f.ruleId().equals("script-include")).map(f -> f.message()).toList());
    }

    /**
     * Install scripts name their steps by a path rooted where the installer runs, a folder this machine does not
     * have ({@code @/u01/deploy/orders/create.sql}) or a token an installer replaces before the run
     * ({@code @__ROOT__/orders/create}): the scanned file whose path ends with the include's folder and file is the
     * one it runs.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "@__ROOT__/orders/create",
        "@/u01/deploy/orders/create.sql",
        "@&base/orders/create.sql",
        "START C:\\deploy\\orders\\create.sql",
    })
    void anIncludeRootedOutsideTheProjectFindsTheScannedFileItsPathEndsWith(String include) throws IOException {
        TestProject.write(project, "db/install.sql", include + "\n");
        TestProject.write(project, "db/orders/create.sql", "SELECT 3;\n");

        assertEquals(List.of("db/install.sql:1 INFO"), includes(Dialect.ORACLE));
    }

    @Test
    void aPathEndingLikeTwoScannedFilesOrOnlyInItsFileNameStaysAWarning() throws IOException {
        TestProject.write(project, "db/install.sql", "@/u01/deploy/orders/create.sql\n@/u01/deploy/create.sql\n"
                + "@../elsewhere/orders/create.sql\n");
        TestProject.write(project, "db/v1/orders/create.sql", "SELECT 3;\n");
        TestProject.write(project, "db/v2/orders/create.sql", "SELECT 4;\n");

        assertEquals(List.of("db/install.sql:1 WARNING", "db/install.sql:2 WARNING", "db/install.sql:3 WARNING"),
                includes(Dialect.ORACLE));
    }
}
