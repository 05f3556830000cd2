package io.github.sqlguard.maven;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Flyway's own configuration files: {@code flyway.conf} and {@code flyway.toml} in the project folder, which
 * the Flyway command line reads when it runs there, and the files {@code flyway.configFiles} (or the plugin's
 * {@code <configFiles>}) names, which {@code mvn flyway:migrate} reads.
 */
final class FlywayConfigFiles {

    private FlywayConfigFiles() {
    }

    /**
     * @param named the files {@code configFiles} names, relative to {@code base} or absolute
     * @param warnings receives a line for each named file that is missing and each file that cannot be read
     */
    static List<FlywaySettingsSource> in(Path base, List<String> named, List<String> warnings) {
        List<Path> files = new ArrayList<>();
        for (String name : List.of("flyway.conf", "flyway.toml")) {
            if (Files.isRegularFile(base.resolve(name))) {
                files.add(base.resolve(name));
            }
        }
        for (String name : named) {
            Path file = base.resolve(name).normalize();
            if (!Files.isRegularFile(file)) {
                warnings.add("sqlguard: the Flyway config file '" + name + "' named by configFiles was not found; "
                        + "the locations it sets are not scanned");
            } else if (!files.contains(file)) {
                files.add(file);
            }
        }
        List<FlywaySettingsSource> sources = new ArrayList<>();
        for (Path file : files) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (file.getFileName().toString().endsWith(".toml")) {
                    TomlSettings.flywaySections(text)
                            .forEach(section -> sources.add(new FlywaySettingsSource(file, section)));
                } else {
                    sources.add(new FlywaySettingsSource(file, confSettings(text)));
                }
            } catch (IOException | RuntimeException unreadable) {
                warnings.add("sqlguard: could not read the Flyway config file " + file + " (" + unreadable.getMessage()
                        + "); the locations it sets are not scanned, list them in sqlguard's <directories>");
            }
        }
        return sources;
    }

    private static Map<String, String> confSettings(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        Map<String, String> settings = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().filter(name -> name.startsWith("flyway.")).sorted()
                .forEach(name -> settings.put(name, properties.getProperty(name)));
        return settings;
    }
}
