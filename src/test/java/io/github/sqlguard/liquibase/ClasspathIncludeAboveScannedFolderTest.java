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
 * check-folder pointed at the master changelog's own folder, inside {@code src/main/resources}: the include, sqlFile
 * and includeAll paths the changelogs give from the classpath root ({@code db/changelog/changes/1.yaml}, as Spring
 * Boot's generated layout writes them) are found in that resource folder, above the scanned one, as Liquibase finds
 * them on the classpath.
 */
class ClasspathIncludeAboveScannedFolderTest {

    private static final String FOLDER = "app/src/main/resources/db/changelog/";

    @TempDir
    Path base;

    private Path write(String relative, String text) throws Exception {
        return ChangelogFiles.write(base, relative, text);
    }

    private Changelog read(Path root, Path scanned) throws Exception {
        return ChangelogReader.read(root, FOLDER + "master.yaml",
                new LiquibaseOptions(null, Map.of(), Dialect.AUTO, List.of(scanned)));
    }

    @Test
    void classpathPathsAreFoundInTheResourceFolderAboveTheScannedFolder() throws Exception {
        write(FOLDER + "changes/1.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - delete:
                            tableName: orders
                        - sqlFile:
                            path: db/changelog/sql/purge.sql
                """);
        write(FOLDER + "sql/purge.sql", "DELETE FROM carts;\n");
        write(FOLDER + "all/2.json", """
                {"databaseChangeLog": [{"changeSet": {"id": "2", "author": "a",
                  "changes": [{"dropTable": {"tableName": "old_orders"}}]}}]}
                """);
        Path root = write(FOLDER + "master.yaml", """
                databaseChangeLog:
                  - include:
                      file: db/changelog/changes/1.yaml
                  - includeAll:
                      path: classpath:db/changelog/all/
                  - include:
                      file: db/changelog/changes/missing.yaml
                """);

        Changelog changelog = read(root, base.resolve(FOLDER));

        assertEquals(List.of(FOLDER + "master.yaml:6:5 missing-include"),
                changelog.problems().stream().map(p -> p.location() + " " + p.ruleId()).toList());
        assertEquals(List.of("DELETE FROM orders", "DELETE FROM carts", "DROP TABLE old_orders"),
                changelog.scripts().stream().flatMap(s -> s.script().statements().stream()).map(Statement::sql)
                        .map(String::strip).toList());
    }
}
