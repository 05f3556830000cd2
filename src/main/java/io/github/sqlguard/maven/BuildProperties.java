package io.github.sqlguard.maven;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * The properties another plugin of the build reads its settings from, in two layers: those of the pom
 * ({@code <properties>}, profiles and parents included) and those of the command line ({@code -D}, which Maven
 * also hands over as system properties). Both Flyway and Liquibase let the command line win.
 *
 * @param pom the project's properties
 * @param commandLine the system properties with the user ({@code -D}) properties over them
 */
record BuildProperties(Map<String, String> pom, Map<String, String> commandLine) {

    static final BuildProperties NONE = new BuildProperties(Map.of(), Map.of());

    BuildProperties {
        pom = Map.copyOf(pom);
        commandLine = Map.copyOf(commandLine);
    }

    static BuildProperties of(MavenProject project, MavenSession session) {
        Map<String, String> commandLine = new LinkedHashMap<>();
        if (session != null) {
            commandLine.putAll(asMap(session.getSystemProperties()));
            commandLine.putAll(asMap(session.getUserProperties()));
        }
        return new BuildProperties(project == null ? Map.of() : asMap(project.getProperties()), commandLine);
    }

    /** The value of {@code name}: the command line's, else the pom's; null when neither sets it. */
    String value(String name) {
        String given = commandLine.get(name);
        return given != null ? given : pom.get(name);
    }

    /**
     * What Maven's resource filtering puts in for a reference: the pom's properties, the command line's over them,
     * and the project folder.
     */
    Map<String, String> forResourceFiltering(Path basedir) {
        Map<String, String> filtering = new LinkedHashMap<>(pom);
        filtering.putAll(commandLine);
        filtering.putIfAbsent("project.basedir", basedir.toString());
        filtering.putIfAbsent("basedir", basedir.toString());
        return filtering;
    }

    private static Map<String, String> asMap(Properties properties) {
        Map<String, String> map = new LinkedHashMap<>();
        if (properties != null) {
            for (String name : properties.stringPropertyNames()) {
                map.put(name, properties.getProperty(name));
            }
        }
        return map;
    }
}
