package io.github.sqlguard.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The database a Spring Boot application runs its migrations on: {@code spring.flyway.url} and
 * {@code spring.liquibase.url} where set, else {@code spring.datasource.url}, which both tools use otherwise. Only
 * the application's own {@code application.properties} or {@code .yml} count, not a profile's file nor a document
 * that a profile activates: tests and local runs often use another database (H2) than the one the migrations are
 * written for, and the test resources are never read.
 */
final class SpringDatabaseUrls {

    private static final List<String> TOOL_URLS = List.of("spring.flyway.url", "spring.liquibase.url");
    private static final String DATASOURCE_URL = "spring.datasource.url";

    private SpringDatabaseUrls() {
    }

    /**
     * @param buildProperties what resource filtering puts in ({@link BuildProperties#forResourceFiltering})
     */
    static List<DatabaseUrl> in(List<Path> resourceFolders, Path base, Map<String, String> buildProperties) {
        List<DatabaseUrl> tools = new ArrayList<>();
        List<DatabaseUrl> datasources = new ArrayList<>();
        for (Path folder : resourceFolders) {
            for (Path file : SpringFlywaySettings.applicationFiles(folder)) {
                if (file.getFileName().toString().contains("-")) {
                    continue;
                }
                try {
                    List<Map<String, String>> documents = SpringFlywaySettings.documents(file);
                    String shown = base.relativize(file).toString().replace('\\', '/');
                    for (Map<String, String> document : documents) {
                        if (activatedByProfile(document)) {
                            continue;
                        }
                        List<Map<String, String>> lookupOrder = new ArrayList<>(documents);
                        lookupOrder.remove(document);
                        lookupOrder.add(0, document);
                        SpringPropertyReferences references = new SpringPropertyReferences(lookupOrder,
                                buildProperties);
                        for (String key : TOOL_URLS) {
                            add(tools, document, key, references, shown);
                        }
                        add(datasources, document, DATASOURCE_URL, references, shown);
                    }
                } catch (IOException | RuntimeException unreadable) {
                    // Reported once, by SpringFlywaySettings, for every application file it cannot read.
                }
            }
        }
        return tools.isEmpty() ? datasources : tools;
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

    private static void add(List<DatabaseUrl> urls, Map<String, String> document, String key,
            SpringPropertyReferences references, String file) {
        String value = document.get(key);
        if (value != null && !value.isBlank()) {
            urls.add(new DatabaseUrl(references.resolve(value), key + " in " + file));
        }
    }
}
