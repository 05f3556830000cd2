package io.github.sqlguard;

import io.github.sqlguard.model.ScriptMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How Liquibase changelogs are read.
 *
 * @param rollbacks what to do with rollback code
 * @param properties values for {@code ${property}} references, besides the changelogs' own {@code <property>}s
 * @param classpathFolders the project's own resource folders and those of the other modules of the build on its
 *     classpath: an include that is not relative to its changelog is found there when the scanned directories lack
 *     it, as Liquibase finds it on the classpath or in the module's jar
 */
public record LiquibaseConfig(ScriptMode rollbacks, Map<String, String> properties, List<Path> classpathFolders) {

    public static final LiquibaseConfig DEFAULTS = new LiquibaseConfig(ScriptMode.SKIP, Map.of());

    public LiquibaseConfig {
        properties = Map.copyOf(properties);
        classpathFolders = List.copyOf(classpathFolders);
    }

    /** A configuration without other modules on the classpath. */
    public LiquibaseConfig(ScriptMode rollbacks, Map<String, String> properties) {
        this(rollbacks, properties, List.of());
    }
}
