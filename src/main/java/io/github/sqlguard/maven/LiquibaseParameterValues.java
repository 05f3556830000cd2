package io.github.sqlguard.maven;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of Liquibase {@code ${name}} references as a Liquibase run of this build sees them. Liquibase looks
 * a parameter up in the JVM's system properties before the parameters its runner passes and the changelog's own
 * {@code <property>}, and Maven hands a {@code -Dname=value} of the command line over as a system property: so
 * {@code mvn -Dtable_prefix=acme_ liquibase:update} runs the changelogs with that prefix, whatever the
 * liquibase-maven-plugin's {@code expressionVariables} say. Applications that set their table prefix with
 * {@code System.setProperty} (a {@code product_prefix}) rely on exactly this.
 */
final class LiquibaseParameterValues {

    /**
     * Properties the JVM and Maven set, which no changelog names as a parameter. Every value here is part of the
     * analysis cache's key, and these change from one run to the next: the environment (which Maven lists as
     * {@code env.NAME}, and Liquibase does not read), the command line ({@code sun.java.command}), the log level
     * ({@code org.slf4j.simpleLogger.defaultLogLevel} follows {@code -q} and {@code -X}), the working folder. So do
     * the switches of sqlguard and of the plugins a build commonly runs beside it: {@code mvn verify -DskipTests}
     * after {@code mvn verify} must not analyse every migration again.
     */
    private static final List<String> SET_BY_JVM_OR_MAVEN = List.of("env.", "java.", "jdk.", "sun.", "os.", "user.",
            "file.", "line.separator", "path.separator", "native.encoding", "stdout.encoding", "stderr.encoding",
            "maven.", "org.slf4j.", "jansi.", "library.jansi.", "classworlds.", "guice.", "style.color",
            "sqlguard.", "skipTests", "skipITs", "test", "it.test", "surefire.", "failsafe.", "invoker.", "jacoco.",
            "checkstyle.", "spotbugs.", "pmd.", "cpd.", "enforcer.", "gpg.", "spotless.", "sonar.", "license.",
            "dependency-check.", "quarkus.", "spring-boot.");

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
        for (Map.Entry<String, String> property : commandLine.entrySet()) {
            if (!isSetByJvmOrMaven(property.getKey())) {
                values.put(property.getKey(), property.getValue());
            }
        }
        return values;
    }

    private static boolean isSetByJvmOrMaven(String name) {
        for (String prefix : SET_BY_JVM_OR_MAVEN) {
            // a prefix ends with a dot; a switch is the whole name (-Dtest=..., not -Dtest_schema=...)
            if (prefix.endsWith(".") ? name.startsWith(prefix) : name.equals(prefix)) {
                return true;
            }
        }
        return false;
    }
}
