package io.github.sqlguard.liquibase;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Statement;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository scanned whole (check-folder on its top folder): an include or includeAll whose path is a classpath
 * path, as Spring Boot applications assembling module changelogs write it, is found in the resource folder of the
 * module that holds it, since each module's resources are on the application's classpath.
 */
class ClasspathIncludeInScannedModulesTest {

    @TempDir
    Path base;

    private Path write(String relative, String text) throws Exception {
        return ChangelogFiles.write(base, relative, text);
    }

    @Test
    void aClasspathIncludeHeldByAnotherModuleOfAFolderScannedWholeIsFollowedThere() throws Exception {
        write("loan/src/main/resources/db/changelog/module/loan/master.xml", ChangelogFiles.changelog(
                "<include file=\"parts/1.xml\" relativeToChangelogFile=\"true\"/>"));
        write("loan/src/main/resources/db/changelog/module/loan/parts/1.xml", ChangelogFiles.changelog(
                "<changeSet id=\"1\" author=\"a\">\n  <delete tableName=\"m_loan\"/>\n</changeSet>"));
        write("loan/src/main/resources/db/changelog/module/all/2.xml", ChangelogFiles.changelog(
                "<changeSet id=\"2\" author=\"a\">\n  <dropTable tableName=\"m_old\"/>\n</changeSet>"));
        write("loan/target/classes/db/changelog/module/stale.xml", ChangelogFiles.changelog(""));
        Path root = write("app/src/main/resources/db/changelog/master.xml", ChangelogFiles.changelog("""
                <include file="db/changelog/module/loan/master.xml"/>
                <includeAll path="classpath:db/changelog/module/all/"/>
                <include file="db/changelog/module/stale.xml"/>"""));
        Changelog changelog = ChangelogReader.read(root, "app/src/main/resources/db/changelog/master.xml",
                new LiquibaseOptions(null, Map.of(), Dialect.AUTO, List.of(base)));
        assertEquals(List.of("app/src/main/resources/db/changelog/master.xml:4:1 missing-include"),
                changelog.problems().stream().map(p -> p.location() + " " + p.ruleId()).toList());
        assertEquals(List.of("DELETE FROM m_loan", "DROP TABLE m_old"), changelog.scripts().stream()
                .flatMap(s -> s.script().statements().stream()).map(Statement::sql).toList());
    }
}
