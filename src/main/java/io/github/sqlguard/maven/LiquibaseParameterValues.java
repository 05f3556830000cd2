package io.github.sqlguard.maven;

import java.util.HashMap;
import java.util.Map;

/**
 * The values of Liquibase {@code ${name}} references as a Liquibase run of this build sees them. Liquibase looks
 * a parameter up in the JVM's system properties before the parameters its runner passes and the changelog's own
 * {@code <property>}, and Maven hands a {@code -Dname=value} of the command line over as a system property: so
 * {@code mvn -Dtable_prefix=acme_ liquibase:update} runs the changelogs with that prefix, whatever the
 * liquibase-maven-plugin's {@code expressionVariables} say. Applications that set their table prefix with
 * {@code System.setProperty} (Gravitee's {@code gravitee_prefix}) rely on exactly this.
 */
final class LiquibaseParameterValues {

    private LiquibaseParameterValues() {
    }

    /**
     * The command line's properties over sqlguard's {@code liquibaseProperties} over the parameters the Liquibase
     * plugin (or Spring Boot) passes.
     *
     * @param configured sqlguard's {@code liquibaseProperties}; null when the pom sets none
     */
    static Map<String, String> of(Map<String, String> pluginParameters, Map<String, String> configured,
            Map<String, String> commandLine) {
        Map<String, String> values = new HashMap<>(pluginParameters);
        if (configured != null) {
            values.putAll(ParameterValues.emptyForNull(configured));
        }
        values.putAll(commandLine);
        return values;
    }
}
