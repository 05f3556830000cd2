package io.github.sqlguard.maven;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The {@code spring.flyway.*} settings of a Spring Boot application: Spring Boot runs Flyway when the
 * application starts, with the locations, placeholders and naming of {@code application.properties} or
 * {@code application.yml} (and their profile variants such as {@code application-prod.yml}), which may name
 * folders the pom never mentions.
 */
final class SpringFlywaySettings {

    private static final String SPRING_PREFIX = "spring.flyway.";
    private static final Pattern FILE_NAME = Pattern.compile("application(-[^.]+)?\\.(properties|ya?ml)");
    private static final Pattern INDEX = Pattern.compile("\\[\\d+]$");
    private static final String PLACEHOLDERS = "placeholders.";
    private static final String LOCATIONS = "flyway.locations";
    /** The settings that list values, where every profile's value counts, as each runs on some deployment. */
    private static final List<String> LIST_SETTINGS = List.of(LOCATIONS, "flyway.sqlMigrationSuffixes");

    private SpringFlywaySettings() {
    }

    /**
     * One source per document of every application properties or YAML file in the resource folders (and their
     * {@code config/} folders) that sets anything under {@code spring.flyway}.
     *
     * @param buildProperties the pom's properties with the command line's over them, for the references resource
     *     filtering resolves ({@link SpringPropertyReferences})
     * @param warnings receives a line for each file that cannot be read and each location whose references
     *     nothing resolves
     */
    static List<FlywaySettingsSource> in(List<Path> resourceFolders, Map<String, String> buildProperties,
            List<String> warnings) {
        Map<Path, List<Map<String, String>>> files = new LinkedHashMap<>();
        for (Path folder : resourceFolders) {
            for (Path file : applicationFiles(folder)) {
                try {
                    files.put(file, documents(file));
                } catch (IOException | RuntimeException unreadable) {
                    warnings.add("sqlguard: could not read the Spring Boot settings in " + file + " ("
                            + unreadable.getMessage() + "); a spring.flyway.locations there is not scanned, list its "
                            + "folders in sqlguard's <directories>");
                }
            }
        }
        if (files.isEmpty()) {
            return List.of(); // no Spring Boot application here, as on most builds: nothing more to work out
        }
        List<Map<String, String>> everyDocument = files.values().stream().flatMap(List::stream).toList();
        List<FlywaySettingsSource> sources = new ArrayList<>();
        files.forEach((file, documents) -> {
            for (int index = 0; index < documents.size(); index++) {
                List<Map<String, String>> lookupOrder = new ArrayList<>(documents);
                lookupOrder.add(0, lookupOrder.remove(index));
                Map<String, String> document = documents.get(index);
                Predicate<String> aProfileResolves = location -> everyDocument.stream()
                        .filter(profile -> profile != document)
                        .anyMatch(profile -> SpringPropertyReferences.unresolved(
                                profileFirst(profile, lookupOrder, buildProperties).resolve(location)).isEmpty());
                Map<String, String> flyway = flywaySettings(document,
                        new SpringPropertyReferences(lookupOrder, buildProperties), file, warnings, aProfileResolves);
                addProfileValues(flyway, document, lookupOrder, everyDocument, buildProperties, file);
                if (!flyway.isEmpty()) {
                    sources.add(new FlywaySettingsSource(file, flyway));
                }
            }
        });
        return sources;
    }

    /**
     * Adds to the list settings ({@code locations}, {@code sqlMigrationSuffixes}) of {@code document} the values its
     * references take under every other profile: {@code sql-migration-suffixes=${spring.jpa.database}.sql} with
     * {@code spring.jpa.database=MYSQL} in {@code application-mysql.properties} runs the {@code ..MYSQL.sql} scripts
     * when that profile is active, so they are Flyway scripts too, not plain SQL outside the history.
     */
    private static void addProfileValues(Map<String, String> flyway, Map<String, String> document,
            List<Map<String, String>> lookupOrder, List<Map<String, String>> everyDocument,
            Map<String, String> buildProperties, Path file) {
        if (document.entrySet().stream().noneMatch(entry -> entry.getKey().startsWith(SPRING_PREFIX)
                && entry.getValue() != null && entry.getValue().contains("${"))) {
            return;
        }
        for (Map<String, String> profile : everyDocument) {
            if (profile == document) {
                continue;
            }
            Map<String, String> underProfile = flywaySettings(document,
                    profileFirst(profile, lookupOrder, buildProperties), file, new ArrayList<>(), location -> true);
            for (String key : LIST_SETTINGS) {
                List<String> values = new ArrayList<>(ParameterValues.splitList(flyway.get(key)));
                ParameterValues.splitList(underProfile.get(key)).stream()
                        .filter(value -> !values.contains(value)
                                && SpringPropertyReferences.unresolved(value).isEmpty())
                        .forEach(values::add);
                if (!values.isEmpty()) {
                    flyway.put(key, String.join(",", values));
                }
            }
        }
    }

    /**
     * The documents of one application properties or YAML file, each as its keys joined with dots.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when it is not valid YAML
     */
    static List<Map<String, String>> documents(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return file.toString().endsWith(".properties") ? propertiesDocuments(text) : yamlDocuments(text);
    }

    /**
     * The application properties and YAML files of a resource folder and its {@code config/} folder, each folder's
     * files without a profile first, then by name.
     */
    static List<Path> applicationFiles(Path folder) {
        List<Path> files = new ArrayList<>();
        for (Path place : List.of(folder, folder.resolve("config"))) {
            if (!Files.isDirectory(place)) {
                continue;
            }
            try (Stream<Path> children = Files.list(place)) {
                // The application's own settings first, then its profiles': they hold the values without a profile.
                children.filter(child -> FILE_NAME.matcher(child.getFileName().toString()).matches())
                        .filter(Files::isRegularFile)
                        .sorted(Comparator.comparing((Path child) -> child.getFileName().toString().contains("-"))
                                .thenComparing(Comparator.naturalOrder()))
                        .forEach(files::add);
            } catch (IOException unreadable) {
                // A folder that cannot be listed holds nothing sqlguard could read; the scan reports it.
            }
        }
        return files;
    }

    /** Spring Boot splits a properties file into documents at lines {@code #---} and {@code !---}. */
    private static List<Map<String, String>> propertiesDocuments(String text) throws IOException {
        List<Map<String, String>> documents = new ArrayList<>();
        for (String document : text.split("(?m)^[#!]---\\s*$")) {
            Properties properties = new Properties();
            properties.load(new StringReader(document));
            Map<String, String> values = new LinkedHashMap<>();
            properties.stringPropertyNames().stream().sorted()
                    .forEach(name -> values.put(name, properties.getProperty(name)));
            documents.add(values);
        }
        return documents;
    }

    private static List<Map<String, String>> yamlDocuments(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setAllowRecursiveKeys(false);
        List<Map<String, String>> documents = new ArrayList<>();
        try {
            for (Object document : new Yaml(options).loadAll(text)) {
                Map<String, String> values = new LinkedHashMap<>();
                flatten("", document, values);
                documents.add(values);
            }
        } catch (YAMLException malformed) {
            throw new IllegalArgumentException("not valid YAML: " + malformed.getMessage().lines().findFirst()
                    .orElse(""), malformed);
        }
        return documents;
    }

    /** Nested keys joined with dots as Spring Boot binds them; a list becomes one comma-separated value. */
    private static void flatten(String prefix, Object node, Map<String, String> values) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value,
                    values));
        } else if (node instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(item -> items.add(String.valueOf(item)));
            values.put(prefix, String.join(",", items));
        } else if (node != null && !prefix.isEmpty()) {
            values.put(prefix, String.valueOf(node));
        }
    }

    /** The references as they resolve when {@code profile} is active: its keys over those of the file. */
    private static SpringPropertyReferences profileFirst(Map<String, String> profile,
            List<Map<String, String>> lookupOrder, Map<String, String> buildProperties) {
        List<Map<String, String>> order = new ArrayList<>(lookupOrder);
        order.add(0, profile);
        return new SpringPropertyReferences(order, buildProperties);
    }

    /**
     * The {@code spring.flyway.*} entries under their Flyway names: Spring's kebab-case ({@code
     * sql-migration-prefix}) becomes Flyway's camel case, indexed list entries ({@code locations[0]}) one
     * comma-separated value, and references are resolved. A location whose reference nothing resolves is left
     * out, with a warning unless a profile resolves it, rather than read as a folder of that literal name.
     */
    private static Map<String, String> flywaySettings(Map<String, String> document,
            SpringPropertyReferences references, Path file, List<String> warnings, Predicate<String> aProfileResolves) {
        Map<String, String> settings = new LinkedHashMap<>();
        document.forEach((name, value) -> {
            if (!name.startsWith(SPRING_PREFIX) || value == null) {
                return;
            }
            String key = INDEX.matcher(name.substring(SPRING_PREFIX.length())).replaceFirst("");
            String flywayName = key.startsWith(PLACEHOLDERS) ? PLACEHOLDERS + mapKey(key.substring(PLACEHOLDERS.length()))
                    : camelCase(key);
            settings.merge("flyway." + flywayName, references.resolve(value), (first, next) -> first + "," + next);
        });
        String locations = settings.get(LOCATIONS);
        if (locations != null) {
            List<String> resolved = new ArrayList<>();
            for (String location : ParameterValues.splitList(locations)) {
                Optional<String> unresolved = SpringPropertyReferences.unresolved(location);
                if (unresolved.isEmpty()) {
                    resolved.add(location);
                } else if (!aProfileResolves.test(location)) {
                    warnings.add("sqlguard: spring.flyway.locations in " + file + " names '" + location + "', but "
                            + "neither the application's files nor the pom's properties define " + unresolved.get()
                            + "; the migrations there are not checked, list their folder in sqlguard's <directories>");
                }
            }
            settings.put(LOCATIONS, String.join(",", resolved));
        }
        return settings;
    }

    /**
     * A map key as Spring Boot binds it: a key with dots is written in brackets ({@code placeholders.[a.b]}, in YAML
     * {@code "[a.b]": ..}) so that it stays one key, and the brackets are not part of it.
     */
    private static String mapKey(String written) {
        return written.length() > 2 && written.startsWith("[") && written.endsWith("]")
                ? written.substring(1, written.length() - 1) : written;
    }

    private static String camelCase(String kebab) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }
}
