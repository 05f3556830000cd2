package io.github.sqlguard.maven;

import static io.github.sqlguard.maven.TestProjects.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /**
     * Pool starters that bind the application's data source under their own prefix name its database there: Druid's,
     * and the dynamic-datasource starter's primary data source (master unless the application names another),
     * whichever file of the active profile sets it; another routed data source is not the one Flyway runs on.
     */
    @Test
    void thePrimaryDataSourceOfAPoolStarterNamesTheDatabase() throws IOException {
        write(folder.resolve("src/main/resources/application.yml"), "spring.profiles.active: '@profile.name@'\n");
        write(folder.resolve("src/main/resources/application-dev.yml"), """
                spring:
                  datasource:
                    dynamic:
                      datasource:
                        slave:
                          url: jdbc:postgresql://db/report
                        master:
                          url: jdbc:mysql://db/app?characterEncoding=UTF-8
                """);

        assertEquals(List.of(new DatabaseUrl("jdbc:mysql://db/app?characterEncoding=UTF-8",
                "spring.datasource.dynamic.datasource.master.url in src/main/resources/application-dev.yml")),
                urls(Map.of("profile.name", "dev")));
        write(folder.resolve("src/main/resources/application.yml"), """
                spring.profiles.active: dev
                spring.datasource.dynamic.primary: slave
                """);
        assertEquals(List.of("jdbc:postgresql://db/report"), urls(Map.of()).stream().map(DatabaseUrl::url).toList());
        write(folder.resolve("src/main/resources/application-dev.yml"),
                "spring.datasource.druid.url: jdbc:sqlserver://db;databaseName=app\n");
        assertEquals(List.of(new DatabaseUrl("jdbc:sqlserver://db;databaseName=app",
                "spring.datasource.druid.url in src/main/resources/application-dev.yml")), urls(Map.of()));
    }

    /**
     * A URL the environment sets at deploy time names no database, but the driver class the application loads
     * does; one whose URL names the database, or a class not known as a driver, adds nothing.
     */
    @Test
    void theDriverClassNamesTheDatabaseWhenTheUrlComesFromTheEnvironment() throws IOException {
        write(folder.resolve(PROPERTIES), """
                spring.datasource.url=${DATABASE_URL}?stringtype=unspecified
                spring.datasource.driver-class-name=org.postgresql.Driver
                """);

        List<DatabaseUrl> urls = urls(Map.of());
        assertEquals(List.of("${DATABASE_URL}?stringtype=unspecified", "offline:postgresql"),
                urls.stream().map(DatabaseUrl::url).toList());
        assertEquals("spring.datasource.driver-class-name in " + PROPERTIES, urls.get(1).origin());
        assertEquals(Dialect.POSTGRESQL, InferredDialect.decide(urls).dialect());

        write(folder.resolve(PROPERTIES), "spring.datasource.driver-class-name=com.mysql.cj.jdbc.Driver\n");
        assertEquals(Dialect.MYSQL, InferredDialect.decide(urls(Map.of())).dialect());

        write(folder.resolve(PROPERTIES), """
                spring.datasource.url=jdbc:mariadb://db/app
                spring.datasource.driver-class-name=org.mariadb.jdbc.Driver
                spring.flyway.url=${FLYWAY_URL}
                spring.flyway.driver-class-name=com.zaxxer.hikari.HikariDataSource
                """);
        assertEquals(List.of("${FLYWAY_URL}"), urls(Map.of()).stream().map(DatabaseUrl::url).toList());
    }

    private List<DatabaseUrl> urls(Map<String, String> buildProperties) {
        return SpringDatabaseUrls.in(List.of(folder.resolve("src/main/resources")), folder, buildProperties);
    }

    /**
     * The profile the application's own file activates, often through the Maven property the build's active profile
     * sets, counts, and its file wins over the application's; a profile that is not active, or whose name is still
     * a reference, does not.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "@profiles.active@     | profiles.active=standalone | jdbc:mysql://db/app",
        "standalone,cloud      | none=                      | jdbc:mysql://db/app",
        "@profiles.active@     | profiles.active=desktop    | jdbc:h2:/opt/app;MODE=MySQL",
        "@profiles.active@     | none=                      | jdbc:postgresql://db/main",
        "${DE_PROFILE}         | none=                      | jdbc:postgresql://db/main",
    })
    void theProfileTheApplicationActivatesNamesItsDatabase(String active, String buildProperty, String expected)
            throws IOException {
        write(folder.resolve("src/main/resources/application.yml"), """
                spring:
                  profiles:
                    active: '%s'
                  datasource:
                    url: jdbc:postgresql://db/main
                """.formatted(active));
        write(folder.resolve("src/main/resources/application-standalone.yml"),
                "spring.datasource.url: jdbc:mysql://db/app\n");
        write(folder.resolve("src/main/resources/application-desktop.yml"),
                "spring.datasource.url: jdbc:h2:/opt/app;MODE=MySQL\n");
        String[] property = buildProperty.split("=", -1);

        assertEquals(List.of(expected), urls(Map.of(property[0], property[1])).stream().map(DatabaseUrl::url).toList());
    }

    @Test
    void theProfilesThatAreNotActiveAreListedApart() throws IOException {
        write(folder.resolve("src/main/resources/application.yml"), "spring.profiles.active: '@profiles.active@'\n");
        write(folder.resolve("src/main/resources/application-standalone.yml"),
                "spring.datasource.url: jdbc:mysql://db/app\n");
        write(folder.resolve("src/main/resources/application-desktop.yml"), "spring.datasource.url: jdbc:h2:/x\n");
        Path resources = folder.resolve("src/main/resources");

        assertEquals(List.of(), urls(Map.of()));
        assertEquals(List.of(new DatabaseUrl("jdbc:h2:/x", "spring.datasource.url in src/main/resources/"
                + "application-desktop.yml"), new DatabaseUrl("jdbc:mysql://db/app", "spring.datasource.url in "
                + "src/main/resources/application-standalone.yml")),
                SpringDatabaseUrls.ofInactiveProfiles(List.of(resources), folder, Map.of()));
        assertEquals(List.of(new DatabaseUrl("jdbc:h2:/x", "spring.datasource.url in src/main/resources/"
                + "application-desktop.yml")), SpringDatabaseUrls.ofInactiveProfiles(List.of(resources), folder,
                Map.of("profiles.active", "standalone")));
    }
}
