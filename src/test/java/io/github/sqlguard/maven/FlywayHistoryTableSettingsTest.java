package io.github.sqlguard.maven;

import static io.github.sqlguard.maven.TestProjects.addPlugin;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The name of Flyway's history table comes from every place flyway-maven-plugin or Spring Boot takes it from. */
class FlywayHistoryTableSettingsTest {

    @TempDir
    Path folder;

    private MavenProject project;

    @BeforeEach
    void project() throws IOException {
        project = TestProjects.project(folder);
    }

    @Test
    void noSourceNamesNoTable() {
        assertEquals(List.of(), settings(Map.of(), Map.of()).historyTables());
    }

    @Test
    void thePropertyOverridesThePluginsTableSetting() {
        addPlugin(project, "org.flywaydb", "flyway-maven-plugin", "<table>configured_history</table>");
        assertEquals(List.of("configured_history"), settings(Map.of(), Map.of()).historyTables());

        project.getProperties().setProperty("flyway.table", "pom_history");
        assertEquals(List.of("pom_history"), settings(Map.of(), Map.of()).historyTables());
        assertEquals(List.of("cli_history"), settings(Map.of("flyway.table", "cli_history"), Map.of()).historyTables());
        assertEquals(List.of("env_history"), settings(Map.of(), Map.of("FLYWAY_TABLE", "env_history"))
                .historyTables());
    }

    @Test
    void springBootAndFlywayConfigFilesAddTheNamesTheyGive() throws IOException {
        write("src/main/resources/application.yml", """
                spring:
                  flyway:
                    table: app_version
                """);
        write("src/main/resources/application-test.properties", "spring.flyway.table=app_version\n");
        write("flyway.conf", "flyway.table=conf_history\n");
        write("flyway.toml", """
                [flyway]
                table = "toml_history"
                """);

        assertEquals(List.of("app_version", "conf_history", "toml_history"),
                settings(Map.of(), Map.of()).historyTables());
    }

    private void write(String path, String text) throws IOException {
        Path file = folder.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private FlywayPluginSettings settings(Map<String, String> commandLine, Map<String, String> environment) {
        return FlywayPluginSettings.of(project, new BuildProperties(TestProjects.pomProperties(project), commandLine),
                environment, List.of());
    }
}
