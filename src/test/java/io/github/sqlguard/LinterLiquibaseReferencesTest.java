package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run reports about the files a changelog refers to: counts, folders and encodings. */
class LinterLiquibaseReferencesTest {

    @TempDir
    Path project;

    @Test
    void anIncludedChangelogsStatementsAreCountedOnce() throws IOException {
        write("db/master.xml", """
                <databaseChangeLog>
                    <include file="child.xml" relativeToChangelogFile="true"/>
                    <changeSet id="1" author="a"><sql>UPDATE a SET x = 1 WHERE id = 1</sql></changeSet>
                </databaseChangeLog>
                """);
        write("db/child.xml", """
                <databaseChangeLog>
                    <changeSet id="2" author="b">
                        <sql>UPDATE b SET x = 1 WHERE id = 1; UPDATE c SET x = 1 WHERE id = 2</sql>
                        <sqlFile path="more.sql" relativeToChangelogFile="true"/>
                    </changeSet>
                </databaseChangeLog>
                """);
        write("db/more.sql", "UPDATE d SET x = 1 WHERE id = 3;\n");

        LintResult result = lint(List.of("db"));

        assertEquals(4, result.statements(), "master 1, child 2, more.sql 1");
        assertEquals(List.of("db/child.xml", "db/master.xml", "db/more.sql"), result.scannedFiles());
    }

    @Test
    void anIncludeLeavingTheScannedFoldersIsReportedAndStillChecked() throws IOException {
        write("db/master.xml", """
                <databaseChangeLog>
                    <include file="../shared/common.xml" relativeToChangelogFile="true"/>
                    <changeSet id="1" author="a">
                        <sqlFile path="../shared/cleanup.sql" relativeToChangelogFile="true"/>
                    </changeSet>
                </databaseChangeLog>
                """);
        write("shared/common.xml", """
                <databaseChangeLog>
                    <changeSet id="2" author="b"><dropTable tableName="legacy"/></changeSet>
                </databaseChangeLog>
                """);
        write("shared/cleanup.sql", "DELETE FROM sessions;\n");

        List<String> found = lines(lint(List.of("db")));

        assertEquals(List.of(
                "db/master.xml:2:5 include-outside-directories INFO Included changelog '../shared/common.xml' lies"
                        + " outside the scanned directories; it was checked through this changelog.",
                "db/master.xml:4:9 include-outside-directories INFO SQL file '../shared/cleanup.sql' lies"
                        + " outside the scanned directories; it was checked through this changelog.",
                "shared/cleanup.sql:1:1 delete-without-where ERROR",
                "shared/common.xml:2:34 drop-table ERROR"), found);
    }

    @Test
    void theFilesAnOutsideChangelogIncludesFromItsOwnFolderAreNotReportedOnceEach() throws IOException {
        // A module's master changelog, included from the classpath, and its parts beside it.
        write("app/db/master.xml", """
                <databaseChangeLog>
                    <include file="../../billing/db/module-master.xml" relativeToChangelogFile="true"/>
                </databaseChangeLog>
                """);
        write("billing/db/module-master.xml", """
                <databaseChangeLog>
                    <include file="parts/0001_init.xml" relativeToChangelogFile="true"/>
                    <include file="parts/0002_cleanup.xml" relativeToChangelogFile="true"/>
                    <include file="../../common/audit.xml" relativeToChangelogFile="true"/>
                </databaseChangeLog>
                """);
        write("billing/db/parts/0001_init.xml", "<databaseChangeLog/>\n");
        write("billing/db/parts/0002_cleanup.xml", """
                <databaseChangeLog>
                    <changeSet id="2" author="b"><dropTable tableName="legacy"/></changeSet>
                </databaseChangeLog>
                """);
        write("common/audit.xml", "<databaseChangeLog/>\n");

        List<String> found = lint(List.of("app")).findings().stream()
                .map(f -> f.location() + " " + f.ruleId() + (f.ruleId().equals("drop-table") ? "" : " " + f.hint()))
                .toList();

        assertEquals(List.of(
                "app/db/master.xml:2:5 include-outside-directories Add billing/db to <directories>, or move the"
                        + " file next to the changelog that uses it.",
                "billing/db/module-master.xml:4:5 include-outside-directories Add common to <directories>, or move"
                        + " the file next to the changelog that uses it.",
                "billing/db/parts/0002_cleanup.xml:2:34 drop-table"), found);
    }

    @Test
    void anIncludeInsideTheScannedFoldersIsNotReported() throws IOException {
        write("db/master.xml", """
                <databaseChangeLog>
                    <include file="../shared/common.xml" relativeToChangelogFile="true"/>
                </databaseChangeLog>
                """);
        write("shared/common.xml", "<databaseChangeLog/>\n");

        assertEquals(List.of(), lint(List.of("db", "shared")).findings());
    }

    @Test
    void theEncodingAttributeOfSqlFileIsHonoured() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog>
                    <changeSet id="1" author="a">
                        <sqlFile path="latin1.sql" encoding="ISO-8859-1" relativeToChangelogFile="true"/>
                        <sqlFile path="utf16.sql" encoding="UTF-16" relativeToChangelogFile="true"/>
                        <sqlFile path="wrong.sql" relativeToChangelogFile="true"/>
                    </changeSet>
                </databaseChangeLog>
                """);
        Files.write(project.resolve("db/latin1.sql"), "-- caf\u00e9\nDELETE FROM caf\u00e9;\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        Files.write(project.resolve("db/utf16.sql"), "-- \u00fc\nDROP TABLE t\u00fc;\n"
                .getBytes(StandardCharsets.UTF_16));
        Files.write(project.resolve("db/wrong.sql"), "-- caf\u00e9\nDELETE FROM t;\n"
                .getBytes(StandardCharsets.ISO_8859_1));

        LintResult result = lint(List.of("db"));

        List<String> found = result.findings().stream().map(f -> f.location() + " " + f.ruleId()).sorted().toList();
        assertEquals(List.of("db/latin1.sql:2:1 delete-without-where", "db/utf16.sql:2:1 drop-table",
                "db/wrong.sql:1:7 invalid-encoding", "db/wrong.sql:2:1 delete-without-where"), found);
        Finding delete = result.findings().stream().filter(f -> f.location().path().equals("db/latin1.sql"))
                .findFirst().orElseThrow();
        assertTrue(delete.message().contains("caf\u00e9"), delete.message());
        Finding wrong = result.findings().stream().filter(f -> f.ruleId().equals("invalid-encoding"))
                .findFirst().orElseThrow();
        assertTrue(wrong.hint().contains("UTF-8"), wrong.hint());
    }

    @Test
    void anUnknownEncodingIsReportedAndTheFileStillChecked() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog>
                    <changeSet id="1" author="a">
                        <sqlFile path="a.sql" encoding="klingon-8" relativeToChangelogFile="true"/>
                    </changeSet>
                </databaseChangeLog>
                """);
        write("db/a.sql", "DELETE FROM t;\n");

        List<String> found = lines(lint(List.of("db")));

        assertEquals(List.of("db/a.sql:1:1 delete-without-where ERROR",
                "db/changelog.xml:3:9 malformed-changelog ERROR Changelog cannot be read, so none of its changes "
                        + "were checked: encoding 'klingon-8' is not known to Java; 'a.sql' was read as UTF-8"),
                found);
    }

    private static List<String> lines(LintResult result) {
        return result.findings().stream().map(f -> f.location() + " " + f.ruleId() + " " + f.severity()
                + (f.ruleId().contains("-without-") || f.ruleId().startsWith("drop") ? "" : " " + f.message()))
                .sorted().toList();
    }

    private void write(String path, String text) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, Charset.forName("UTF-8"));
    }

    private LintResult lint(List<String> directories) {
        LintConfig defaults = LintConfig.defaults(project, directories.stream().map(project::resolve).toList());
        return new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                Dialect.AUTO, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(), defaults.liquibase(),
                List.of(), null, defaults.maxFileBytes(), 2));
    }
}
