package io.github.sqlguard.liquibase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Statement;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChangelogIncludeTest {

    @TempDir
    Path base;

    private Changelog readRoot(String rootXml, LiquibaseOptions options) throws Exception {
        Path root = write("src/main/resources/db/master.xml", rootXml);
        return ChangelogReader.read(root, "src/main/resources/db/master.xml", options);
    }

    private Path write(String relative, String text) throws Exception {
        return ChangelogFiles.write(base, relative, text);
    }

    @Test
    void aChangelogIncludingItselfOrItsOwnFolderIsACycleReportedAtTheInclude() throws Exception {
        write("src/main/resources/db/other.xml", ChangelogFiles.changelog(
                "<changeSet id=\"2\" author=\"a\">\n  <delete tableName=\"t2\"/>\n</changeSet>"));
        Changelog changelog = readRoot(ChangelogFiles.changelog("""
                <changeSet id="1" author="a"><delete tableName="t1"/></changeSet>
                <include file="master.xml" relativeToChangelogFile="true"/>
                <includeAll path="." relativeToChangelogFile="true"/>"""),
                new LiquibaseOptions(null, Map.of(), Dialect.AUTO, List.of(base.resolve("src/main/resources"))));
        assertEquals(List.of(
                "src/main/resources/db/master.xml:3:1 malformed-changelog Include cycle "
                        + "src/main/resources/db/master.xml -> src/main/resources/db/master.xml: Liquibase refuses a "
                        + "changelog that includes itself; sqlguard checked each file of the cycle once.",
                "src/main/resources/db/master.xml:4:1 malformed-changelog Include cycle "
                        + "src/main/resources/db/master.xml -> src/main/resources/db/master.xml: Liquibase refuses a "
                        + "changelog that includes itself; sqlguard checked each file of the cycle once."),
                changelog.problems().stream().map(p -> p.location() + " " + p.ruleId() + " " + p.message()).toList());
        assertEquals(List.of("DELETE FROM t1", "DELETE FROM t2"), changelog.scripts().stream()
                .flatMap(s -> s.script().statements().stream()).map(Statement::sql).toList());
    }

    @Test
    void includesAreFollowedOnceWithTheirOwnPaths() throws Exception {
        write("src/main/resources/db/changes/one.xml", ChangelogFiles.changelog(
                "<changeSet id=\"1\" author=\"a\">\n  <delete tableName=\"t1\"/>\n</changeSet>"));
        write("src/main/resources/db/changes/two.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 2
                      author: b
                      changes:
                        - dropTable:
                            tableName: t2
                """);
        Changelog changelog = readRoot(ChangelogFiles.changelog("""
                <include file="changes/one.xml" relativeToChangelogFile="true"/>
                <include file="db/changes/one.xml"/>
                <include file="changes/two.yaml" relativeToChangelogFile="true"/>"""),
                new LiquibaseOptions(null, Map.of(), Dialect.AUTO, List.of(base.resolve("src/main/resources"))));
        assertEquals(List.of(), changelog.problems());
        assertEquals(2, changelog.changesets());
        assertEquals(3, changelog.processedFiles().size());
        assertEquals(List.of("src/main/resources/db/changes/one.xml", "src/main/resources/db/changes/two.yaml"),
                changelog.scripts().stream().map(ChangelogScript::relativePath).toList());
        Statement drop = changelog.scripts().get(1).script().statements().get(0);
        assertEquals("DROP TABLE t2", drop.sql());
        assertEquals("src/main/resources/db/changes/two.yaml:6:11", drop.start().toString());
    }

    /** A root outside the project is shown by its absolute path; so are its includes, keeping their folders. */
    @Test
    void includesOfARootShownByItsAbsolutePathAreShownByTheirsToo() throws Exception {
        Path included = write("module-a/liquibase/1.0/changes.xml", ChangelogFiles.changelog(
                "<changeSet id=\"1\" author=\"a\">\n  <dropTable tableName=\"old\"/>\n</changeSet>"));
        Path root = write("module-a/liquibase/master.xml",
                ChangelogFiles.changelog("<include file=\"1.0/changes.xml\" relativeToChangelogFile=\"true\"/>"));
        String shownRoot = root.toAbsolutePath().normalize().toString().replace('\\', '/');
        Changelog changelog = ChangelogReader.read(root, shownRoot,
                new LiquibaseOptions(null, Map.of(), Dialect.AUTO, List.of(base)));
        String shownInclude = included.toAbsolutePath().normalize().toString().replace('\\', '/');
        assertEquals(List.of(shownInclude), changelog.scripts().stream().map(ChangelogScript::relativePath).toList());
        assertEquals(shownInclude + ":3:3", changelog.scripts().get(0).script().statements().get(0).start()
                .toString());
    }

    @Test
    void aYamlIncludeWhoseSettingsAreListItemsIsFollowedAsLiquibaseFollowsIt() throws Exception {
        write("src/main/resources/db/changes/v1.yml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - dropColumn:
                            tableName: users
                            columnName: legacy_ref
                """);
        Path root = write("src/main/resources/db/master.yml", """
                databaseChangeLog:
                  - include:
                      - file: changes/v1.yml
                      - relativeToChangelogFile: true
                  - includeAll:
                      - path: db/more/
                """);
        write("src/main/resources/db/more/a.yml", """
                databaseChangeLog:
                  - changeSet:
                      id: 2
                      author: a
                      changes:
                        - delete:
                            tableName: sessions
                """);
        Changelog changelog = ChangelogReader.read(root, "src/main/resources/db/master.yml",
                new LiquibaseOptions(null, Map.of(), Dialect.AUTO, List.of(base.resolve("src/main/resources"))));
        assertEquals(List.of(), changelog.problems());
        assertEquals(List.of("ALTER TABLE users DROP COLUMN legacy_ref", "DELETE FROM sessions"),
                changelog.scripts().stream().flatMap(s -> s.script().statements().stream()).map(Statement::sql)
                        .toList());
        assertEquals("src/main/resources/db/changes/v1.yml:6:11",
                changelog.scripts().get(0).script().statements().get(0).start().toString());
    }

    @Test
    void anIncludeWithoutAFileIsAMalformedChangelogAtTheInclude() throws Exception {
        Changelog xml = readRoot(ChangelogFiles.changelog("""
                <changeSet id="1" author="a"><delete tableName="t1"/></changeSet>
                  <include relativeToChangelogFile="true"/>
                <includeAll/>"""), LiquibaseOptions.defaults());
        assertEquals(List.of(
                "src/main/resources/db/master.xml:3:3 malformed-changelog include has no file: Liquibase refuses it,"
                        + " and nothing was included",
                "src/main/resources/db/master.xml:4:1 malformed-changelog includeAll has no path: Liquibase refuses"
                        + " it, and nothing was included"),
                xml.problems().stream().map(p -> p.location() + " " + p.ruleId() + " " + p.message()).toList());
        assertEquals(List.of("DELETE FROM t1"), xml.scripts().stream()
                .flatMap(s -> s.script().statements().stream()).map(Statement::sql).toList());
    }

    @Test
    void missingIncludeIsReportedAtTheIncludeElement() throws Exception {
        Changelog changelog = readRoot(ChangelogFiles.changelog("  <include file=\"nope.xml\" relativeToChangelogFile=\"true\"/>"),
                LiquibaseOptions.defaults());
        assertEquals(1, changelog.problems().size());
        assertEquals("missing-include", changelog.problems().get(0).ruleId());
        assertEquals("src/main/resources/db/master.xml:2:3", changelog.problems().get(0).location().toString());
        assertEquals("Included changelog 'nope.xml' was not found, so its changes were not checked.",
                changelog.problems().get(0).message());
        assertEquals("Fix the path: with relativeToChangelogFile it is looked up from src/main/resources/db/, the"
                + " folder of the changelog that names it, as Liquibase does.", changelog.problems().get(0).hint());
    }

    @Test
    void aMissingIncludeOfTheClasspathSaysWhereThatIsLookedUp() throws Exception {
        Changelog changelog = readRoot(ChangelogFiles.changelog("  <include file=\"db/nope.xml\"/>"), LiquibaseOptions.defaults());
        assertEquals("Fix the path, or set relativeToChangelogFile. A path relative to the classpath is looked up in"
                + " the scanned directories (sqlguard's <directories>, by default the resource folders) and in the"
                + " resource folders of the modules of the build this one depends on, not in the jars of other"
                + " dependencies.", changelog.problems().get(0).hint());
    }

    @ParameterizedTest
    @CsvSource({"classpath:, ''", "classpath*:, classpath*:"})
    void aClasspathIncludeHeldByAnotherModuleOfTheBuildIsFollowedThere(String includePrefix, String folderPrefix)
            throws Exception {
        write("common/src/main/resources/db/common/base.xml", ChangelogFiles.changelog(
                "<changeSet id=\"1\" author=\"a\">\n  <delete tableName=\"shared\"/>\n</changeSet>"));
        write("common/src/main/resources/db/common/all/later.xml", ChangelogFiles.changelog(
                "<changeSet id=\"2\" author=\"a\">\n  <dropTable tableName=\"old\"/>\n</changeSet>"));
        Changelog changelog = readRoot(ChangelogFiles.changelog("""
                <include file="%sdb/common/base.xml"/>
                <includeAll path="%sdb/common/all/"/>""".formatted(includePrefix, folderPrefix)),
                new LiquibaseOptions(null, Map.of(), Dialect.AUTO, List.of(base.resolve("src/main/resources")),
                        List.of(base.resolve("common/src/main/resources"))));
        assertEquals(List.of("include-outside-directories", "include-outside-directories"),
                changelog.problems().stream().map(problem -> problem.ruleId()).toList());
        assertEquals("Included changelog '" + includePrefix + "db/common/base.xml' lies outside the scanned"
                + " directories; it was checked through this changelog.", changelog.problems().get(0).message());
        assertEquals("Add common/src/main/resources/db/common to <directories>, or move the file next to the"
                + " changelog that uses it.", changelog.problems().get(0).hint());
        assertEquals("Add common/src/main/resources/db/common/all to <directories>, or move the folder next to the"
                + " changelog that uses it.", changelog.problems().get(1).hint());
        assertEquals(List.of("common/src/main/resources/db/common/base.xml",
                "common/src/main/resources/db/common/all/later.xml"),
                changelog.scripts().stream().map(ChangelogScript::relativePath).toList());
        assertEquals(List.of("DELETE FROM shared", "DROP TABLE old"), changelog.scripts().stream()
                .flatMap(s -> s.script().statements().stream()).map(Statement::sql).toList());
    }

    /** Liquibase resolves ../common.xml to a path under the changelog's root and looks for it in every root. */
    @Test
    void aRelativeIncludeAbsentNextToTheChangelogIsFoundUnderTheSamePathInAnotherRoot() throws Exception {
        write("common/src/main/resources/db/common.xml", ChangelogFiles.changelog(
                "<changeSet id=\"1\" author=\"a\">\n  <delete tableName=\"shared\"/>\n</changeSet>"));
        write("src/main/resources/db/v1/changes.xml", ChangelogFiles.changelog("""
                <include file="../common.xml" relativeToChangelogFile="true"/>
                <changeSet id="2" author="a"><dropTable tableName="old"/></changeSet>"""));
        write("src/main/resources/db/v2/changes.xml", ChangelogFiles.changelog(
                "<include file=\"../absent.xml\" relativeToChangelogFile=\"true\"/>"));
        Changelog changelog = readRoot(ChangelogFiles.changelog("""
                <include file="v1/changes.xml" relativeToChangelogFile="true"/>
                <include file="v2/changes.xml" relativeToChangelogFile="true"/>"""),
                new LiquibaseOptions(null, Map.of(), Dialect.AUTO, List.of(base.resolve("src/main/resources"),
                        base.resolve("common/src/main/resources"))));
        assertEquals(List.of("src/main/resources/db/v2/changes.xml:2:1 missing-include"), changelog.problems()
                .stream().map(p -> p.location() + " " + p.ruleId()).toList());
        assertEquals(Set.of("src/main/resources/db/v1/changes.xml", "common/src/main/resources/db/common.xml"),
                changelog.scripts().stream().map(ChangelogScript::relativePath).collect(Collectors.toSet()));
        assertEquals(Set.of("DELETE FROM shared", "DROP TABLE old"), changelog.scripts().stream()
                .flatMap(s -> s.script().statements().stream()).map(Statement::sql).collect(Collectors.toSet()));
    }

    /** A repository scanned whole: each module's resource folder is a classpath root, as when the modules run. */
    @Test
    void aRelativeIncludeHeldByAnotherModuleOfAFolderScannedWholeIsFoundInThatModulesResources() throws Exception {
        write("commons/src/main/resources/db/common.xml", ChangelogFiles.changelog(
                "<changeSet id=\"1\" author=\"a\">\n  <delete tableName=\"shared\"/>\n</changeSet>"));
        write("commons/target/classes/db/stale.xml", ChangelogFiles.changelog(""));
        write("service/src/main/resources/db/v1/changes.xml", ChangelogFiles.changelog("""
                <include file="../common.xml" relativeToChangelogFile="true"/>
                <include file="../stale.xml" relativeToChangelogFile="true"/>"""));
        Path root = write("service/src/main/resources/db/master.xml",
                ChangelogFiles.changelog("<include file=\"v1/changes.xml\" relativeToChangelogFile=\"true\"/>"));
        Changelog changelog = ChangelogReader.read(root, "service/src/main/resources/db/master.xml",
                new LiquibaseOptions(null, Map.of(), Dialect.AUTO, List.of(base)));
        assertEquals(List.of("service/src/main/resources/db/v1/changes.xml:3:1 missing-include"), changelog.problems()
                .stream().map(p -> p.location() + " " + p.ruleId()).toList());
        assertEquals(List.of("DELETE FROM shared"), changelog.scripts().stream()
                .flatMap(s -> s.script().statements().stream()).map(Statement::sql).toList());
        assertEquals(List.of("commons/src/main/resources/db/common.xml"),
                changelog.scripts().stream().map(ChangelogScript::relativePath).toList());
    }

    @Test
    void anIncludePathWithAnUndefinedPropertyNamesTheProperty() throws Exception {
        Changelog changelog = readRoot(ChangelogFiles.changelog(
                "  <include file=\"modules/${module}.xml\" relativeToChangelogFile=\"true\"/>"),
                LiquibaseOptions.defaults());
        assertEquals(List.of("Included changelog 'modules/${module}.xml' was not found: no property defines"
                + " ${module}, so its changes were not checked."),
                changelog.problems().stream().map(problem -> problem.message()).toList());
        assertEquals("Define ${module} (a <property> of the changelog, or liquibaseProperties / expressionVariables"
                + " of the Liquibase plugin), or write the path out.", changelog.problems().get(0).hint());
    }

    /**
     * A property defined for some databases only is undefined on the others, as Liquibase reads dbms (it names
     * MariaDB mariadb, so a definition for mysql does not reach it): the message names the databases it has.
     */
    @Test
    void anSqlFilePathWithAPropertyDefinedForOtherDatabasesOnlyNamesThem() throws Exception {
        write("src/main/resources/db/upgrade/mysql_1.sql", "DELETE FROM t;\n");
        Changelog changelog = readRoot(ChangelogFiles.changelog("""
                  <property name="db.name" value="mysql" dbms="mysql"/>
                  <property name="db.name" value="postgres" dbms="postgresql"/>
                  <changeSet id="1" author="a">
                    <sqlFile path="upgrade/${db.name}_1.sql" relativeToChangelogFile="true"/>
                  </changeSet>"""),
                new LiquibaseOptions(null, Map.of(), Dialect.MARIADB, List.of(base.resolve("src/main/resources"))));
        assertEquals(List.of("SQL file 'upgrade/${db.name}_1.sql' was not found: ${db.name} is defined only for"
                + " dbms mysql and postgresql, so on other databases the path keeps it as written and its statements"
                + " were not checked."),
                changelog.problems().stream().map(problem -> problem.message()).toList());
        assertEquals("Define ${db.name} for every database the changelog runs on (a <property> whose dbms names it,"
                + " or one without dbms), or write the path out.", changelog.problems().get(0).hint());
    }

    @Test
    void missingIncludeAllFolderIsCalledAFolder() throws Exception {
        Changelog changelog = readRoot(ChangelogFiles.changelog("  <includeAll path=\"changes/\" relativeToChangelogFile=\"true\"/>"),
                LiquibaseOptions.defaults());
        assertEquals(List.of("Included folder 'changes/' was not found, so its changes were not checked."),
                changelog.problems().stream().map(problem -> problem.message()).toList());
    }

    @Test
    void includeAllReadsChangelogsInNameOrderAndIgnoresOtherFiles() throws Exception {
        write("src/main/resources/db/all/b.sql", "--liquibase formatted sql\n--changeset a:b\nDELETE FROM b;\n");
        write("src/main/resources/db/all/a.xml", ChangelogFiles.changelog(
                "<changeSet id=\"a\" author=\"a\"><delete tableName=\"a\"/></changeSet>"));
        write("src/main/resources/db/all/notes.txt", "DELETE FROM nothing;");
        write("src/main/resources/db/all/other.xml", "<project/>");
        Changelog changelog = readRoot(ChangelogFiles.changelog(
                "<includeAll path=\"all\" relativeToChangelogFile=\"true\"/>"), LiquibaseOptions.defaults());
        assertEquals(List.of(), changelog.problems());
        assertEquals(List.of("DELETE FROM a", "DELETE FROM b"), changelog.scripts().stream()
                .flatMap(s -> s.script().statements().stream()).map(Statement::sql).toList());
        assertEquals(Set.of(base.resolve("src/main/resources/db/master.xml"),
                base.resolve("src/main/resources/db/all/a.xml"), base.resolve("src/main/resources/db/all/b.sql")),
                changelog.processedFiles());
    }

    @Test
    void aLeadingSlashInAPathRelativeToTheChangelogStillNamesAFolderNextToIt() throws Exception {
        // Liquibase joins the changelog's folder and the path with a slash and collapses the doubled one
        write("src/main/resources/db/2024-06-30/a.json", """
                {"databaseChangeLog": [{"changeSet": {"id": "a", "author": "a",
                  "changes": [{"dropTable": {"tableName": "a"}}]}}]}
                """);
        write("src/main/resources/db/more/b.sql", "--liquibase formatted sql\n--changeset a:b\nDELETE FROM b;\n");
        Changelog changelog = readRoot(ChangelogFiles.changelog("""
                <includeAll path="/2024-06-30" relativeToChangelogFile="true"/>
                <include file="/more/b.sql" relativeToChangelogFile="true"/>"""), LiquibaseOptions.defaults());
        assertEquals(List.of(), changelog.problems());
        assertEquals(List.of("DROP TABLE a", "DELETE FROM b"), changelog.scripts().stream()
                .flatMap(s -> s.script().statements().stream()).map(Statement::sql).toList());
    }

    @Test
    void includeCyclesEndBecauseEachFileIsReadOnce() throws Exception {
        write("src/main/resources/db/other.xml", ChangelogFiles.changelog(
                "<include file=\"master.xml\" relativeToChangelogFile=\"true\"/>"
                        + "<changeSet id=\"1\" author=\"a\"><dropTable tableName=\"t\"/></changeSet>"));
        Changelog changelog = readRoot(ChangelogFiles.changelog("<include file=\"other.xml\" relativeToChangelogFile=\"true\"/>"),
                LiquibaseOptions.defaults());
        assertEquals(1, changelog.statementCount());
        assertEquals(2, changelog.processedFiles().size());
    }

    @Test
    void sqlFileIsSplitWithItsOwnPositions() throws Exception {
        write("src/main/resources/db/scripts/cleanup.sql", "-- cleanup\n\n  DELETE FROM sessions;\nDROP TABLE x;\n");
        Changelog changelog = readRoot(ChangelogFiles.changelog("""
                <changeSet id="1" author="a">
                  <comment>sqlguard:allow drop-table reason: scratch table</comment>
                  <sqlFile path="scripts/cleanup.sql" relativeToChangelogFile="true"/>
                  <sqlFile path="scripts/absent.sql" relativeToChangelogFile="true"/>
                </changeSet>"""), LiquibaseOptions.defaults());
        ChangelogScript sqlFile = changelog.scripts().stream()
                .filter(s -> s.relativePath().endsWith("cleanup.sql")).findFirst().orElseThrow();
        List<Statement> statements = sqlFile.script().statements();
        assertEquals("src/main/resources/db/scripts/cleanup.sql:3:3", statements.get(0).start().toString());
        assertEquals("changeset a:1", statements.get(0).context().label());
        assertEquals("src/main/resources/db/scripts/cleanup.sql:4:1", statements.get(1).start().toString());
        assertTrue(changelog.processedFiles().contains(base.resolve("src/main/resources/db/scripts/cleanup.sql")));
        assertEquals(1, changelog.problems().size());
        assertEquals("missing-include", changelog.problems().get(0).ruleId());
        assertEquals(5, changelog.problems().get(0).location().line());
        assertEquals("SQL file 'scripts/absent.sql' was not found, so its statements were not checked.",
                changelog.problems().get(0).message());
        assertEquals(List.of(1), sqlFile.script().comments().stream().map(t -> t.line()).toList());
        ChangelogScript master = changelog.scripts().get(0);
        assertEquals(List.of("3:12 -- sqlguard:allow drop-table reason: scratch table -> [3, 4]"),
                ChangelogAcknowledgementTest.attached(master), "the changeset's comment stays in the changelog");
        assertEquals(2, changelog.scripts().size());
    }

    @Test
    void formattedSqlRootFollowsIncludeLinesAndSharesProperties() throws Exception {
        write("src/main/resources/db/more.sql", "--liquibase formatted sql\n--changeset b:1\nDROP TABLE ${t};\n");
        Path root = write("src/main/resources/db/master.sql", """
                --liquibase formatted sql
                --property name:t value:legacy
                --include file:more.sql
                --include file:gone.sql
                --changeset a:1
                DELETE FROM x WHERE id = 1;
                """);
        Changelog changelog = ChangelogReader.read(root, "src/main/resources/db/master.sql",
                LiquibaseOptions.defaults());
        assertEquals(2, changelog.changesets());
        assertEquals(List.of("DELETE FROM x WHERE id = 1", "DROP TABLE legacy"), changelog.scripts().stream()
                .flatMap(s -> s.script().statements().stream()).map(Statement::sql).toList());
        assertEquals(1, changelog.problems().size());
        assertEquals("src/main/resources/db/master.sql:4:1", changelog.problems().get(0).location().toString());
    }

    @Test
    void aGroovyChangelogIsReportedAtItsIncludeAsUncheckedWhetherIncludedByNameOrByFolder() throws Exception {
        String groovy = "databaseChangeLog {\n  changeSet(id: '1', author: 'a') {\n    sql('DELETE FROM t')\n  }\n}\n";
        write("src/main/resources/db/one.groovy", groovy);
        write("src/main/resources/db/all/two.groovy", groovy);
        write("src/main/resources/db/all/three.xml", ChangelogFiles.changelog(
                "<changeSet id=\"3\" author=\"a\">\n  <delete tableName=\"t3\"/>\n</changeSet>"));
        Changelog changelog = readRoot(ChangelogFiles.changelog("""
                <include file="one.groovy" relativeToChangelogFile="true"/>
                <includeAll path="all" relativeToChangelogFile="true"/>"""),
                new LiquibaseOptions(null, Map.of(), Dialect.AUTO, List.of(base.resolve("src/main/resources"))));
        assertEquals(List.of(
                "src/main/resources/db/master.xml:2:1 unchecked-change src/main/resources/db/one.groovy is a Groovy "
                        + "changelog, which sqlguard does not read: none of its changes were checked",
                "src/main/resources/db/master.xml:3:1 unchecked-change src/main/resources/db/all/two.groovy is a "
                        + "Groovy changelog, which sqlguard does not read: none of its changes were checked"),
                changelog.problems().stream().map(p -> p.location() + " " + p.ruleId() + " " + p.message()).toList());
        assertEquals(List.of("DELETE FROM t3"), changelog.scripts().stream()
                .flatMap(s -> s.script().statements().stream()).map(Statement::sql).toList());
    }

    @Test
    void anIncludedChangelogWhoseRootIsWrittenInAnotherCaseIsNamedAtItsRoot() throws Exception {
        write("src/main/resources/db/one.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangelog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a"><dropTable tableName="t"/></changeSet>
                </databaseChangelog>
                """);
        write("src/main/resources/db/two.yaml", """
                # orders
                DatabaseChangeLog:
                  - changeSet: {id: 1, author: a, changes: [{dropTable: {tableName: t}}]}
                """);
        Changelog changelog = readRoot(ChangelogFiles.changelog("""
                <include file="one.xml" relativeToChangelogFile="true"/>
                <include file="two.yaml" relativeToChangelogFile="true"/>"""),
                new LiquibaseOptions(null, Map.of(), Dialect.AUTO, List.of(base.resolve("src/main/resources"))));
        assertEquals(List.of(
                "src/main/resources/db/one.xml:2:1 malformed-changelog Changelog cannot be read, so none of its "
                        + "changes were checked: it is included as a changelog but has no databaseChangeLog root "
                        + "element (its root element is databaseChangelog, and Liquibase matches the name case by "
                        + "case), so Liquibase refuses the include",
                "src/main/resources/db/two.yaml:2:1 malformed-changelog Changelog cannot be read, so none of its "
                        + "changes were checked: it is included as a changelog but has no databaseChangeLog key (its "
                        + "key is DatabaseChangeLog, and Liquibase matches the name case by case), so Liquibase "
                        + "refuses the include"),
                changelog.problems().stream().map(p -> p.location() + " " + p.ruleId() + " " + p.message()).toList());
    }

    @Test
    void anIncludedFileLiquibaseHasNoParserForOrThatIsNoChangelogIsMalformed() throws Exception {
        write("src/main/resources/db/changes.txt", "DELETE FROM t;\n");
        write("src/main/resources/db/settings.yaml", "server:\n  port: 8080\n");
        write("src/main/resources/db/one.xml", "<changeSet>\n  <dropTable tableName=\"t\"/>\n</changeSet>\n");
        Changelog changelog = readRoot(ChangelogFiles.changelog("""
                <include file="changes.txt" relativeToChangelogFile="true"/>
                <include file="settings.yaml" relativeToChangelogFile="true"/>
                <include file="one.xml" relativeToChangelogFile="true"/>"""),
                new LiquibaseOptions(null, Map.of(), Dialect.AUTO, List.of(base.resolve("src/main/resources"))));
        assertEquals(List.of(
                "src/main/resources/db/master.xml:2:1 malformed-changelog Changelog cannot be read, so none of its "
                        + "changes were checked: 'changes.txt' does not end in .xml, .yaml, .yml, .json or .sql, so "
                        + "Liquibase has no parser for it and refuses the include; nothing in it was checked",
                "src/main/resources/db/settings.yaml:1:1 malformed-changelog Changelog cannot be read, so none of its "
                        + "changes were checked: it is included as a changelog but has no databaseChangeLog key, so "
                        + "Liquibase refuses the include",
                "src/main/resources/db/one.xml:1:1 malformed-changelog Changelog cannot be read, so none of its "
                        + "changes were checked: it is included as a changelog but has no databaseChangeLog root "
                        + "element, so Liquibase refuses the include"),
                changelog.problems().stream().map(p -> p.location() + " " + p.ruleId() + " " + p.message()).toList());
    }
}
