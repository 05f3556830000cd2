package io.github.sqlguard;

import io.github.sqlguard.model.ScriptMode;
import java.util.Map;

/**
 * How Liquibase changelogs are read.
 *
 * @param rollbacks what to do with rollback code
 * @param properties values for {@code ${property}} references, besides the changelogs' own {@code <property>}s
 */
public record LiquibaseConfig(ScriptMode rollbacks, Map<String, String> properties) {

    public static final LiquibaseConfig DEFAULTS = new LiquibaseConfig(ScriptMode.SKIP, Map.of());

    public LiquibaseConfig {
        properties = Map.copyOf(properties);
    }
}
