package io.github.sqlguard.maven;

import io.github.sqlguard.model.EditDistance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The elements of sqlguard's own {@code <configuration>} (the plugin's and each execution's) that name no parameter
 * of any sqlguard goal. Maven before 3.9 drops such an element without a word, so {@code <failon>} or a setting
 * written one level too deep would quietly leave its parameter at the default.
 */
final class UnknownParameters {

    private UnknownParameters() {
    }

    /** One warning for each unknown element of sqlguard's configuration in {@code project}; none without a pom. */
    static List<String> warnings(MavenProject project, MojoExecution execution) {
        if (project == null || execution == null || execution.getMojoDescriptor() == null) {
            return List.of();
        }
        PluginDescriptor plugin = execution.getMojoDescriptor().getPluginDescriptor();
        return PluginConfigurations.of(project, plugin.getGroupId(), plugin.getArtifactId())
                .map(configurations -> warnings(configurations, parameterNames(plugin), plugin.getGoalPrefix()))
                .orElse(List.of());
    }

    /** The warnings for the top-level elements of {@code configurations} that are not in {@code known}. */
    static List<String> warnings(List<Xpp3Dom> configurations, Set<String> known, String goalPrefix) {
        Set<String> unknown = new LinkedHashSet<>();
        for (Xpp3Dom configuration : configurations) {
            for (Xpp3Dom element : configuration.getChildren()) {
                if (!known.contains(element.getName())) {
                    unknown.add(element.getName());
                }
            }
        }
        List<String> warnings = new ArrayList<>();
        for (String name : unknown) {
            warnings.add(goalPrefix + ": <" + name + "> in the plugin's configuration is not a parameter of any "
                    + goalPrefix + " goal, so it is ignored; " + suggestion(name, known));
        }
        return warnings;
    }

    /** Every parameter name and alias of every goal of the plugin: a plugin-level setting may serve any of them. */
    private static Set<String> parameterNames(PluginDescriptor plugin) {
        Set<String> names = new LinkedHashSet<>();
        for (MojoDescriptor mojo : plugin.getMojos()) {
            if (mojo.getParameters() == null) {
                continue;
            }
            for (Parameter parameter : mojo.getParameters()) {
                names.add(parameter.getName());
                if (parameter.getAlias() != null) {
                    names.add(parameter.getAlias());
                }
            }
        }
        return names;
    }

    private static String suggestion(String wrong, Set<String> known) {
        List<String> close = known.stream()
                .filter(name -> EditDistance.between(wrong.toLowerCase(), name.toLowerCase(), true)
                        <= Math.max(2, name.length() / 4))
                .sorted(Comparator.comparingInt((String name) -> EditDistance.between(wrong, name, true))
                        .thenComparing(name -> name))
                .toList();
        return close.isEmpty() ? "the README lists the parameters"
                : "did you mean " + String.join(", ", close.stream().map(name -> "<" + name + ">").toList()) + "?";
    }
}
