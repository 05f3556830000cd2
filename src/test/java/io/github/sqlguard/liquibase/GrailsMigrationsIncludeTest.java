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
 * The Grails database-migration plugin reads its changelogs from {@code grails-app/migrations}, so an include or
 * sqlFile there names its file by the path under that folder ({@code 1.0.x/drop.xml}, {@code views/v.sql}), not
 * under the changelog's own folder. A project or repository scanned above that folder finds them there, as the
 * plugin does, instead of reporting each one missing.
 */
class GrailsMigrationsIncludeTest {

    @TempDir
    Path base;

    private Path write(String relative, String text) throws Exception {
        return ChangelogFiles.write(base, relative, text);
    }

    @Test
    void includesUnderGrailsMigrationsAreFoundThereWhenAFolderAboveIsScanned() throws Exception {
        write("app/grails-app/migrations/1.0.x/drop.xml", ChangelogFiles.changelog(
                "<changeSet id=\"1\" author=\"a\">\n  <dropTable tableName=\"old_orders\"/>\n</changeSet>"));
        write("app/grails-app/migrations/views/v.sql", "DELETE FROM order_cache;\n");
        Path root = write("app/grails-app/migrations/1.0.x/changelog.xml", ChangelogFiles.changelog("""
                <include file="1.0.x/drop.xml"/>
                <changeSet id="2" author="a">
                  <sqlFile path="views/v.sql"/>
                </changeSet>
                <include file="1.0.x/absent.xml"/>"""));
        Changelog changelog = ChangelogReader.read(root, "app/grails-app/migrations/1.0.x/changelog.xml",
                new LiquibaseOptions(null, Map.of(), Dialect.MYSQL, List.of(base)));

        assertEquals(List.of("app/grails-app/migrations/1.0.x/changelog.xml:6:1 missing-include"),
                changelog.problems().stream().map(p -> p.location() + " " + p.ruleId()).toList());
        assertEquals(List.of("DROP TABLE old_orders", "DELETE FROM order_cache"), changelog.scripts().stream()
                .flatMap(s -> s.script().statements().stream()).map(Statement::sql).toList());
    }
}
