package io.github.sqlguard.maven;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.model.PluginManagement;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;

/** Projects as Maven hands them to a mojo (absolute resource and build folders), built in a test's folder. */
final class TestProjects {

    private TestProjects() {
    }

    /** A project in {@code folder} with Maven's default layout: src/main/resources, target, target/classes. */
    static MavenProject project(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path pom = folder.resolve("pom.xml");
        Files.writeString(pom, "<project/>\n");
        Model model = new Model();
        model.setGroupId("test");
        model.setArtifactId("fw2");
        model.setVersion("1");
        Build build = new Build();
        Resource resources = new Resource();
        resources.setDirectory(folder.resolve("src/main/resources").toString());
        build.addResource(resources);
        build.setDirectory(folder.resolve("target").toString());
        build.setOutputDirectory(folder.resolve("target/classes").toString());
        model.setBuild(build);
        MavenProject project = new MavenProject(model);
        project.setFile(pom.toFile());
        return project;
    }

    /**
     * {@code check} on {@code project} as its defaults configure it, under dialect auto and writing only the JSON
     * report to {@code target/sqlguard}, its log kept in {@code log}.
     */
    static CheckMojo checkMojo(MavenProject project, RecordingLog log) {
        CheckMojo mojo = new CheckMojo();
        mojo.project = project;
        mojo.dialect = "auto";
        mojo.undoScripts = "WARN";
        mojo.rollbacks = "SKIP";
        mojo.maxFileSizeMb = 50;
        mojo.failOn = "ERROR";
        mojo.formats = List.of("json");
        mojo.reportDirectory = Path.of(project.getBuild().getDirectory(), "sqlguard").toFile();
        mojo.maxConsoleFindingsPerRule = 25;
        mojo.setLog(log);
        return mojo;
    }

    /** A build log that keeps what a mojo says, by level; debug lines only when asked for. */
    static final class RecordingLog extends SystemStreamLog {

        final List<String> errors = new java.util.ArrayList<>();
        final List<String> warnings = new java.util.ArrayList<>();
        final List<String> infos = new java.util.ArrayList<>();
        final List<String> debugs = new java.util.ArrayList<>();
        private final boolean debug;
        private final boolean quiet;

        RecordingLog(boolean debug) {
            this(debug, false);
        }

        /** @param quiet true for the log of {@code mvn -q}, which shows errors only */
        RecordingLog(boolean debug, boolean quiet) {
            this.debug = debug;
            this.quiet = quiet;
        }

        @Override
        public boolean isInfoEnabled() {
            return !quiet;
        }

        @Override
        public boolean isWarnEnabled() {
            return !quiet;
        }

        @Override
        public boolean isDebugEnabled() {
            return debug;
        }

        @Override
        public void debug(CharSequence content) {
            if (debug) {
                debugs.add(content.toString());
            }
        }

        @Override
        public void info(CharSequence content) {
            if (!quiet) {
                infos.add(content.toString());
            }
        }

        @Override
        public void warn(CharSequence content) {
            if (!quiet) {
                warnings.add(content.toString());
            }
        }

        @Override
        public void error(CharSequence content) {
            errors.add(content.toString());
        }
    }

    /** Adds a plugin whose {@code <configuration>} is {@code configuration} (null for none). */
    static Plugin addPlugin(MavenProject project, String groupId, String artifactId, String configuration) {
        Plugin plugin = plugin(groupId, artifactId, configuration);
        project.getBuild().addPlugin(plugin);
        return plugin;
    }

    /** Adds a plugin to {@code <pluginManagement>} only. */
    static void addManagedPlugin(MavenProject project, String groupId, String artifactId, String configuration) {
        PluginManagement management = new PluginManagement();
        management.addPlugin(plugin(groupId, artifactId, configuration));
        project.getBuild().setPluginManagement(management);
    }

    /** Adds an execution with its own {@code <configuration>}. */
    static void addExecution(Plugin plugin, String id, String configuration) {
        PluginExecution execution = new PluginExecution();
        execution.setId(id);
        execution.setConfiguration(dom(configuration));
        plugin.addExecution(execution);
    }

    /** The project's properties as {@link BuildProperties} holds those of the pom. */
    static Map<String, String> pomProperties(MavenProject project) {
        Map<String, String> map = new LinkedHashMap<>();
        project.getProperties().stringPropertyNames().forEach(name -> map.put(name,
                project.getProperties().getProperty(name)));
        return map;
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** A plugin whose {@code <configuration>} is {@code configuration} (null for none), not yet added anywhere. */
    static Plugin plugin(String groupId, String artifactId, String configuration) {
        Plugin plugin = new Plugin();
        plugin.setGroupId(groupId);
        plugin.setArtifactId(artifactId);
        plugin.setVersion("1");
        if (configuration != null) {
            plugin.setConfiguration(dom(configuration));
        }
        return plugin;
    }

    private static Xpp3Dom dom(String configuration) {
        try {
            return Xpp3DomBuilder.build(new StringReader("<configuration>" + configuration + "</configuration>"));
        } catch (XmlPullParserException | IOException e) {
            throw new IllegalArgumentException(configuration, e);
        }
    }
}
