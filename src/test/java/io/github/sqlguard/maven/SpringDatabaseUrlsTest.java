package io.github.sqlguard.maven;

import static io.github.sqlguard.maven.TestProjects.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only the application's own settings name the database its migrations run on; profiles and tests do not. */
class SpringDatabaseUrlsTest {

    private static final String PROPERTIES = "src/main/resources/application.properties";

    @TempDir
    Path folder;

    @Test
    void theDatasourceUrlOfTheApplicationFileIsRead() throws IOException {
        write(folder.resolve(PROPERTIES), "spring.datasource.url=jdbc:postgresql://db/app\n");

        assertEquals(List.of(new DatabaseUrl("jdbc:postgresql://db/app", "spring.datasource.url in " + PROPERTIES)),
                urls(Map.of()));
    }

    @Test
    void theFlywayAndLiquibaseUrlsWinOverTheDatasourceTheyReplace() throws IOException {
        write(folder.resolve(PROPERTIES), """
                spring.datasource.url=jdbc:h2:mem:app
                spring.flyway.url=jdbc:postgresql://db/app
                """);
        write(folder.resolve("src/main/resources/config/application.yml"), """
                spring:
                  liquibase:
                    url: jdbc:postgresql://db/other
                """);

        assertEquals(List.of(new DatabaseUrl("jdbc:postgresql://db/app", "spring.flyway.url in " + PROPERTIES),
                new DatabaseUrl("jdbc:postgresql://db/other",
                        "spring.liquibase.url in src/main/resources/config/application.yml")), urls(Map.of()));
    }

    @Test
    void profileFilesAndProfileDocumentsAreLeftOut() throws IOException {
        write(folder.resolve(PROPERTIES), """
                spring.datasource.url=jdbc:mysql://db/app
                #---
                spring.config.activate.on-profile=test
                spring.datasource.url=jdbc:h2:mem:app
                """);
        write(folder.resolve("src/main/resources/application-local.yml"), "spring.datasource.url: jdbc:h2:mem:x\n");
        write(folder.resolve("src/main/resources/application.yml"), """
                spring.datasource.url: jdbc:mysql://db/app
                ---
                spring.profiles: dev
                spring.datasource.url: jdbc:h2:mem:dev
                """);
        write(folder.resolve("src/test/resources/application.properties"), "spring.datasource.url=jdbc:h2:mem:t\n");

        assertEquals(List.of("jdbc:mysql://db/app", "jdbc:mysql://db/app"),
                urls(Map.of()).stream().map(DatabaseUrl::url).toList());
    }

    @Test
    void referencesAreResolvedAsSpringAndResourceFilteringResolveThem() throws IOException {
        write(folder.resolve(PROPERTIES), """
                db.kind=postgresql
                spring.datasource.url=jdbc:${db.kind}://${DB_HOST:localhost}/app
                spring.flyway.url=jdbc:@flyway.db@://db/app
                """);

        assertEquals(List.of("jdbc:mariadb://db/app"),
                urls(Map.of("flyway.db", "mariadb")).stream().map(DatabaseUrl::url).toList());
        write(folder.resolve(PROPERTIES), "spring.datasource.url=jdbc:${db.kind}://db/app\n");
        assertEquals(List.of("jdbc:${db.kind}://db/app"), urls(Map.of()).stream().map(DatabaseUrl::url).toList());
    }

    private List<DatabaseUrl> urls(Map<String, String> buildProperties) {
        return SpringDatabaseUrls.in(List.of(folder.resolve("src/main/resources")), folder, buildProperties);
    }
}
