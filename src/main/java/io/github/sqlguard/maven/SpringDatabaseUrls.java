package io.github.sqlguard.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The database a Spring Boot application runs its migrations on: {@code spring.flyway.url} and
 * {@code spring.liquibase.url} where set, else the application's data source, which both tools use otherwise:
 * {@code spring.datasource.url}, or the URL a pool starter binds in its place (Druid's, the dynamic-datasource
 * starter's primary one). The
 * application's own {@code application.properties} or {@code .yml} count, and the files of the profiles its
 * {@code spring.profiles.active} names there (often a Maven property, {@code @profiles.active@}, that the build's
 * active profile sets), whose values win over it as they do in Spring. Other profiles' files and documents do not:
 * tests and local runs often use another database (H2) than the one the migrations are written for, and the test
 * resources are never read.
 */
final class SpringDatabaseUrls {

    private static final List<String> TOOL_URLS = List.of("spring.flyway.url", "spring.liquibase.url");
    private static final String DATASOURCE_URL = "spring.datasource.url";
    /** Alibaba Druid's starter binds its pool, the application's data source, to its own prefix. */
    private static final String DRUID_URL = "spring.datasource.druid.url";
    /**
     * The dynamic-datasource starter routes to its primary data source (named {@code master} unless
     * {@code spring.datasource.dynamic.primary} says otherwise) whenever no other is chosen, as for Flyway and
     * Liquibase, which Spring Boot gives the application's data source.
     */
    private static final String DYNAMIC_PRIMARY = "spring.datasource.dynamic.primary";
    private static final String DYNAMIC_DEFAULT_PRIMARY = "master";
    private static final List<String> ACTIVATING_KEYS = List.of("spring.profiles.active", "spring.profiles.include");

    private SpringDatabaseUrls() {
    }

    /** The URLs a profile's file names, kept apart so that the active profiles' can win over the application's. */
    private record Found(List<DatabaseUrl> tools, List<DatabaseUrl> datasources, Set<String> activeProfiles) {

        Found() {
            this(new ArrayList<>(), new ArrayList<>(), new LinkedHashSet<>());
        }
    }

    /**
     * @param buildProperties what resource filtering puts in ({@link BuildProperties#forResourceFiltering})
     */
    static List<DatabaseUrl> in(List<Path> resourceFolders, Path base, Map<String, String> buildProperties) {
        Found application = new Found();
        List<Map<String, String>> applicationDocuments = new ArrayList<>();
        read(resourceFolders, base, buildProperties, null, List.of(), application, applicationDocuments);
        Found profiles = new Found();
        for (String profile : application.activeProfiles()) {
            read(resourceFolders, base, buildProperties, profile, applicationDocuments, profiles, new ArrayList<>());
        }
        List<DatabaseUrl> tools = profiles.tools().isEmpty() ? application.tools() : profiles.tools();
        List<DatabaseUrl> datasources = profiles.datasources().isEmpty() ? application.datasources()
                : profiles.datasources();
        return tools.isEmpty() ? datasources : tools;
    }

    /**
     * The URLs the files of profiles that are not active name, so that a log can point at them when nothing
     * else names the database: {@code spring.datasource.url in src/main/resources/application-prod.yml}.
     */
    static List<DatabaseUrl> ofInactiveProfiles(List<Path> resourceFolders, Path base,
            Map<String, String> buildProperties) {
        Found application = new Found();
        read(resourceFolders, base, buildProperties, null, List.of(), application, new ArrayList<>());
        Found others = new Found();
        for (Path folder : resourceFolders) {
            for (Path file : SpringFlywaySettings.applicationFiles(folder)) {
                String name = file.getFileName().toString();
                int dash = name.indexOf('-');
                String profile = dash < 0 ? null : name.substring(dash + 1, name.lastIndexOf('.'));
                if (profile != null && !application.activeProfiles().contains(profile)) {
                    readFile(file, base, buildProperties, List.of(), others, new ArrayList<>());
                }
            }
        }
        List<DatabaseUrl> all = new ArrayList<>(others.tools());
        all.addAll(others.datasources());
        return all;
    }

    /** Reads the application's files ({@code profile} null) or one profile's into {@code found}. */
    private static void read(List<Path> resourceFolders, Path base, Map<String, String> buildProperties,
            String profile, List<Map<String, String>> fallback, Found found, List<Map<String, String>> documents) {
        for (Path folder : resourceFolders) {
            for (Path file : SpringFlywaySettings.applicationFiles(folder)) {
                String name = file.getFileName().toString();
                boolean wanted = profile == null ? !name.contains("-")
                        : name.substring(0, name.lastIndexOf('.')).equals("application-" + profile);
                if (wanted) {
                    readFile(file, base, buildProperties, fallback, found, documents);
                }
            }
        }
    }

    private static void readFile(Path file, Path base, Map<String, String> buildProperties,
            List<Map<String, String>> fallback, Found found, List<Map<String, String>> read) {
        try {
            List<Map<String, String>> documents = SpringFlywaySettings.documents(file);
            read.addAll(documents);
            String shown = base.relativize(file).toString().replace('\\', '/');
            for (Map<String, String> document : documents) {
                if (activatedByProfile(document)) {
                    continue;
                }
                List<Map<String, String>> lookupOrder = new ArrayList<>(documents);
                lookupOrder.remove(document);
                lookupOrder.add(0, document);
                lookupOrder.addAll(fallback);
                SpringPropertyReferences references = new SpringPropertyReferences(lookupOrder, buildProperties);
                for (String key : TOOL_URLS) {
                    add(found.tools(), document, key, references, shown, false);
                }
                add(found.datasources(), document, datasourceUrlKey(document, references), references, shown, true);
                for (String key : ACTIVATING_KEYS) {
                    addProfiles(found.activeProfiles(), document.get(key), references);
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // Reported once, by SpringFlywaySettings, for every application file it cannot read.
        }
    }

    /**
     * The key that names the application's data source in {@code document}: Spring Boot's own, else Druid's, else
     * the dynamic-datasource starter's primary one ({@code spring.datasource.dynamic.datasource.master.url}), else
     * Spring Boot's own again, whose driver class may be set without it.
     */
    private static String datasourceUrlKey(Map<String, String> document, SpringPropertyReferences references) {
        if (document.containsKey(DATASOURCE_URL) || document.containsKey(DRUID_URL)) {
            return document.containsKey(DATASOURCE_URL) ? DATASOURCE_URL : DRUID_URL;
        }
        String primary = references.resolve("${" + DYNAMIC_PRIMARY + ":" + DYNAMIC_DEFAULT_PRIMARY + "}").strip();
        String dynamic = "spring.datasource.dynamic.datasource." + primary + ".url";
        // without a URL in the file, Spring Boot's own driver setting may still name the database
        return document.containsKey(dynamic) ? dynamic : DATASOURCE_URL;
    }

    /** A document that holds only when a profile (or a cloud platform) is active: {@code #---} sections. */
    private static boolean activatedByProfile(Map<String, String> document) {
        for (String key : document.keySet()) {
            if (key.startsWith("spring.config.activate.") || key.equals("spring.profiles")) {
                return true;
            }
        }
        return false;
    }

    /** Adds the profiles a resolved {@code spring.profiles.active} names; one still a reference names none. */
    private static void addProfiles(Set<String> profiles, String value, SpringPropertyReferences references) {
        if (value == null) {
            return;
        }
        String resolved = references.resolve(value);
        if (SpringPropertyReferences.unresolved(resolved).isPresent()) {
            return;
        }
        for (String profile : resolved.split(",")) {
            if (!profile.isBlank()) {
                profiles.add(profile.strip());
            }
        }
    }

    /**
     * Adds the URL {@code key} names and, when that does not tell the database (it comes from the environment,
     * {@code ${DATABASE_URL}}), the one the driver class set beside it ({@code spring.datasource.driver-class-name})
     * connects to. The tools' driver is read only beside their own URL, as Spring uses it only then; the
     * datasource's also without a URL in the file, which the environment then sets
     * ({@code SPRING_DATASOURCE_URL}).
     */
    private static void add(List<DatabaseUrl> urls, Map<String, String> document, String key,
            SpringPropertyReferences references, String file, boolean driverWithoutUrl) {
        String value = document.get(key);
        DatabaseUrl url = null;
        if (value != null && !value.isBlank()) {
            url = new DatabaseUrl(references.resolve(value), key + " in " + file);
            urls.add(url);
        }
        if ((url == null && driverWithoutUrl) || (url != null && url.database().isEmpty())) {
            String driverKey = key.substring(0, key.length() - "url".length()) + "driver-class-name";
            String driver = document.get(driverKey);
            if (driver != null) {
                DatabaseUrl.ofDriverClass(references.resolve(driver), driverKey + " in " + file).ifPresent(urls::add);
            }
        }
    }
}
