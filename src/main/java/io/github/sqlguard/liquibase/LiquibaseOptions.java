package io.github.sqlguard.liquibase;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.ScriptMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to read Liquibase changelogs.
 *
 * @param rollbacks whether rollback code becomes statements
 * @param properties {@code ${name}} values given by the build (the {@code liquibaseProperties} parameter);
 *     they win over {@code <property>} elements of the changelogs, as Liquibase's own parameters do
 * @param dialect the dialect the statements are parsed with
 * @param searchRoots folders where paths that are not relative to the changelog are looked up, in order
 *     (typically {@code src/main/resources}); the including changelog's folder is tried last
 * @param classpathRoots the project's own resource folders and those of the other modules of the build on its
 *     classpath, where such paths are looked up after the search roots, as Liquibase finds a {@code classpath:}
 *     file on the classpath or in a dependency's jar; a file found there may lie outside the scanned directories
 * @param projectDialect under the AUTO dialect, that of the project's database, for the statements whose changeset
 *     and folder name none
 */
public record LiquibaseOptions(ScriptMode rollbacks, Map<String, String> properties, Dialect dialect,
        List<Path> searchRoots, List<Path> classpathRoots, Dialect projectDialect) {

    public LiquibaseOptions {
        rollbacks = rollbacks == null ? ScriptMode.SKIP : rollbacks;
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        dialect = dialect == null ? Dialect.AUTO : dialect;
        searchRoots = searchRoots == null ? List.of() : List.copyOf(searchRoots);
        classpathRoots = classpathRoots == null ? List.of() : List.copyOf(classpathRoots);
        projectDialect = projectDialect == null ? Dialect.AUTO : projectDialect;
    }

    /** Options without a project database. */
    public LiquibaseOptions(ScriptMode rollbacks, Map<String, String> properties, Dialect dialect,
            List<Path> searchRoots, List<Path> classpathRoots) {
        this(rollbacks, properties, dialect, searchRoots, classpathRoots, Dialect.AUTO);
    }

    /** {@code chosen} (by configuration, dbms or folder), else the project's database's dialect. */
    Dialect orProject(Dialect chosen) {
        return chosen == Dialect.AUTO ? projectDialect : chosen;
    }

    /** The dialect a whole file at {@code relativePath} is read in: configured, its folder's, or the project's. */
    Dialect fileDialect(String relativePath) {
        return orProject(DbmsDialect.ofFile(relativePath, dialect));
    }

    /** Options without other modules on the classpath. */
    public LiquibaseOptions(ScriptMode rollbacks, Map<String, String> properties, Dialect dialect,
            List<Path> searchRoots) {
        this(rollbacks, properties, dialect, searchRoots, List.of());
    }

    /** Rollbacks skipped, no properties, dialect AUTO, no search roots. */
    public static LiquibaseOptions defaults() {
        return new LiquibaseOptions(ScriptMode.SKIP, Map.of(), Dialect.AUTO, List.of());
    }

    public LiquibaseOptions withRollbacks(ScriptMode mode) {
        return new LiquibaseOptions(mode, properties, dialect, searchRoots, classpathRoots, projectDialect);
    }
}
