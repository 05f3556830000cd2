package io.github.sqlguard.maven;

import io.github.sqlguard.model.Dialect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * The dialect the scripts are read in: the configured one; under {@code auto}, that of the database the project's
 * own settings connect its migrations to, as Flyway and Liquibase pick their database from the URL, when they name
 * exactly one, else that of the one database its dependencies name ({@link DatabaseDependencies}). Settings that
 * name two databases leave the dialect at auto, since either guess could read the other database's scripts wrong.
 */
final class InferredDialect {

    /**
     * What the URLs decide.
     *
     * @param dialect the dialect to read the scripts in
     * @param note the sentence the build log shows about it, if any
     */
    record Decision(Dialect dialect, Optional<String> note) {
    }

    private InferredDialect() {
    }

    /**
     * The configured dialect, or under auto the one the project's database URLs and the Prisma lock files in or
     * below the {@code scanned} folders name; says in the log where it came from, and warns of a lock file that
     * names a database of another dialect than the configured one (looked for only in a checked folder and its
     * {@code migrations/} and {@code prisma/migrations/}).
     *
     * @throws IllegalArgumentException naming the valid values when {@code configured} is not one of them
     */
    static Dialect of(String configured, MavenProject project, BuildProperties properties,
            FlywayPluginSettings flyway, LiquibasePluginSettings liquibase, Log log, List<Path> scanned, Path base) {
        Dialect dialect = Dialect.fromConfig(configured);
        if (dialect != Dialect.AUTO) {
            List<DatabaseUrl> lockFiles = PrismaLockFiles.beside(scanned, base);
            // Prisma applies a folder's migrations only to its lock file's provider: reading them as another
            // database's is most likely a slip in the configuration, which the user should hear of.
            lockFiles.stream().filter(lock -> lock.dialect() != Dialect.AUTO && !lock.dialect().isSameFamily(dialect))
                    .forEach(lock -> log.warn("sqlguard: dialect " + dialect.configName() + " is configured, but the "
                            + lock.origin() + " is " + lock.databaseName() + ", the only database Prisma applies those"
                            + " migrations to; they are read as " + dialect.configName()));
            return dialect;
        }
        List<DatabaseUrl> lockFiles = PrismaLockFiles.in(scanned, base);
        if (project == null || project.getFile() == null) {
            Decision decision = decide(lockFiles);
            decision.note().ifPresent(log::info);
            return decision.dialect();
        }
        Path projectBase = project.getBasedir().toPath().toAbsolutePath().normalize();
        List<Path> resourceFolders = new ArrayList<>();
        for (Resource resource : project.getResources()) {
            resourceFolders.add(Path.of(resource.getDirectory()).toAbsolutePath().normalize());
        }
        List<DatabaseUrl> urls = new ArrayList<>(lockFiles);
        urls.addAll(flyway.databaseUrls());
        urls.addAll(liquibase.databaseUrls());
        Map<String, String> filtering = properties.forResourceFiltering(projectBase);
        urls.addAll(SpringDatabaseUrls.in(resourceFolders, projectBase, filtering));
        Decision decision = decide(urls);
        if (urls.stream().noneMatch(url -> url.database().isPresent())) {
            decision = DatabaseDependencies.decide(project);
        }
        if (decision.note().isEmpty() && urls.isEmpty()) {
            decision = undecidedAmongProfiles(SpringDatabaseUrls.ofInactiveProfiles(resourceFolders, projectBase,
                    filtering));
        }
        decision.note().ifPresent(log::info);
        return decision.dialect();
    }

    /**
     * Auto, with a note naming the databases of profiles that are not active when those are all that name one,
     * so that a user whose database is set per profile learns why auto did not pick it.
     */
    static Decision undecidedAmongProfiles(List<DatabaseUrl> profileUrls) {
        Map<String, List<String>> origins = new LinkedHashMap<>();
        for (DatabaseUrl url : profileUrls) {
            if (url.database().isPresent()) {
                origins.computeIfAbsent(url.databaseName(), name -> new ArrayList<>()).add(url.origin());
            }
        }
        if (origins.isEmpty()) {
            return new Decision(Dialect.AUTO, Optional.empty());
        }
        List<String> named = new ArrayList<>();
        origins.forEach((name, where) -> named.add(name + " (" + String.join(", ", where) + ")"));
        return new Decision(Dialect.AUTO, Optional.of("sqlguard: dialect auto: only profiles that are not active name "
                + "a database, " + String.join(" and ", named) + "; activate one with spring.profiles.active in "
                + "application.properties or application.yml, or set <dialect> to the one the migrations run on"));
    }

    /** The dialect {@code urls} agree on, auto when they name no database, one sqlguard has no dialect for, or two. */
    static Decision decide(List<DatabaseUrl> urls) {
        Map<String, DatabaseUrl> databases = new LinkedHashMap<>();
        for (DatabaseUrl url : urls) {
            if (url.database().isPresent()) {
                databases.putIfAbsent(url.databaseName(), url);
            }
        }
        if (databases.size() > 1) {
            List<String> named = new ArrayList<>();
            databases.forEach((name, url) -> named.add(name + " (" + url.origin() + ")"));
            return new Decision(Dialect.AUTO, Optional.of("sqlguard: dialect auto: the project names more than one "
                    + "database, " + String.join(" and ", named) + "; set <dialect> to the one the migrations run on"));
        }
        if (databases.isEmpty() || databases.values().iterator().next().dialect() == Dialect.AUTO) {
            return new Decision(Dialect.AUTO, Optional.empty());
        }
        DatabaseUrl url = databases.values().iterator().next();
        return new Decision(url.dialect(), Optional.of("sqlguard: dialect " + url.dialect().configName() + ", from "
                + url.origin() + " (set <dialect> to override)"));
    }
}
