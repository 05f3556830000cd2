package io.github.sqlguard.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.model.BuildBase;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.model.Profile;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The Flyway locations the pom's profiles name, active in this build or not. Teams keep one profile per
 * environment ({@code <flyway.locations>filesystem:sql/common,filesystem:sql/prod</flyway.locations>} in a
 * {@code prod} profile) and deploy with {@code mvn -Pprod flyway:migrate}, while the build that checks runs
 * without the profile: the migrations only that profile names run all the same, so they are scanned as Spring
 * Boot's profile files are. Only locations count; naming and placeholders stay those of the active build.
 */
final class FlywayProfileLocations {

    private static final String GROUP = "org.flywaydb";
    private static final String PLUGIN = "flyway-maven-plugin";
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");

    private FlywayProfileLocations() {
    }

    /**
     * One source per profile, of the project and of its parents, that names Flyway locations in its
     * {@code flyway.locations} property or in the Flyway plugin's {@code <locations>}.
     *
     * @param properties the build's properties, for references the model left as written
     */
    static List<FlywaySettingsSource> in(MavenProject project, Map<String, String> properties) {
        List<FlywaySettingsSource> sources = new ArrayList<>();
        for (MavenProject pom = project; pom != null; pom = pom.getParent()) {
            Path file = pom.getFile() == null ? project.getFile().toPath() : pom.getFile().toPath();
            for (Profile profile : pom.getModel().getProfiles()) {
                Set<String> locations = new LinkedHashSet<>();
                String property = profile.getProperties().getProperty("flyway.locations");
                locations.addAll(ParameterValues.splitList(property));
                BuildBase build = profile.getBuild();
                if (build != null) {
                    build.getPlugins().forEach(plugin -> locations.addAll(locationsOf(plugin)));
                    if (build.getPluginManagement() != null) {
                        build.getPluginManagement().getPlugins().forEach(plugin -> locations.addAll(locationsOf(plugin)));
                    }
                }
                if (!locations.isEmpty()) {
                    List<String> resolved = locations.stream().map(location -> interpolated(location, properties))
                            .toList();
                    sources.add(new FlywaySettingsSource(file, Map.of("flyway.locations", String.join(",", resolved))));
                }
            }
        }
        return sources;
    }

    private static List<String> locationsOf(Plugin plugin) {
        List<String> locations = new ArrayList<>();
        if (!GROUP.equals(plugin.getGroupId()) || !PLUGIN.equals(plugin.getArtifactId())) {
            return locations;
        }
        List<Object> configurations = new ArrayList<>();
        configurations.add(plugin.getConfiguration());
        plugin.getExecutions().stream().map(PluginExecution::getConfiguration).forEach(configurations::add);
        for (Object configuration : configurations) {
            if (configuration instanceof Xpp3Dom dom && dom.getChild("locations") != null) {
                Xpp3Dom element = dom.getChild("locations");
                if (element.getChildCount() > 0) {
                    for (Xpp3Dom child : element.getChildren()) {
                        locations.addAll(ParameterValues.splitList(child.getValue()));
                    }
                } else {
                    locations.addAll(ParameterValues.splitList(element.getValue()));
                }
            }
        }
        return locations;
    }

    /** Maven interpolates a profile that is not active only partly; a pom property left as written is put in. */
    private static String interpolated(String location, Map<String, String> properties) {
        Matcher reference = REFERENCE.matcher(location);
        StringBuilder resolved = new StringBuilder();
        while (reference.find()) {
            String value = properties.get(reference.group(1));
            reference.appendReplacement(resolved, Matcher.quoteReplacement(value != null ? value : reference.group()));
        }
        reference.appendTail(resolved);
        return resolved.toString();
    }
}
