package io.github.sqlguard.maven;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The references a value in a Spring Boot application file may hold when it reaches Flyway: Spring's own
 * {@code ${name}} and {@code ${name:default}}, which name another key of the file, and Maven's resource filtering
 * ({@code @name@}, the delimiter Spring Boot's parent pom sets, and {@code ${name}}), which puts a pom property in
 * before the application ever starts. A location such as {@code filesystem:${sql.dir}} would otherwise be a folder
 * that does not exist, and its migrations would go unchecked.
 */
final class SpringPropertyReferences {

    private static final Pattern SPRING = Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}");
    private static final Pattern MAVEN_FILTER = Pattern.compile("@([\\w.-]+)@");
    private static final Pattern UNRESOLVED = Pattern.compile("\\$\\{[^}]*}|@[\\w.-]+@");
    /** Spring resolves references inside resolved values too; a handful of rounds covers real files. */
    private static final int ROUNDS = 5;

    private final List<Map<String, String>> documents;
    private final Map<String, String> buildProperties;

    /**
     * @param documents the file's documents, the one a value comes from first, each as its keys joined with dots
     * @param buildProperties the pom's properties with the command line's over them, as resource filtering sees
     *     them
     */
    SpringPropertyReferences(List<Map<String, String>> documents, Map<String, String> buildProperties) {
        this.documents = List.copyOf(documents);
        this.buildProperties = Map.copyOf(buildProperties);
    }

    /**
     * {@code value} with every reference the file, the pom or a default resolves put in; a reference none of them
     * resolves stays as written.
     */
    String resolve(String value) {
        String resolved = value;
        for (int round = 0; round < ROUNDS; round++) {
            String next = replace(SPRING, replace(MAVEN_FILTER, resolved, this::fromBuild), this::fromSpring);
            if (next.equals(resolved)) {
                break;
            }
            resolved = next;
        }
        return resolved;
    }

    /** The first reference left in {@code value} that nothing resolved, e.g. {@code ${sql.dir}}. */
    static Optional<String> unresolved(String value) {
        Matcher reference = UNRESOLVED.matcher(value);
        return reference.find() ? Optional.of(reference.group()) : Optional.empty();
    }

    private String fromBuild(Matcher reference) {
        return buildProperties.get(reference.group(1));
    }

    /** Another key of the file, else a pom property (resource filtering), else the default written after the colon. */
    private String fromSpring(Matcher reference) {
        String name = reference.group(1).trim();
        for (Map<String, String> document : documents) {
            String value = document.get(name);
            if (value != null) {
                return value;
            }
        }
        String fromPom = buildProperties.get(name);
        return fromPom != null ? fromPom : reference.group(2);
    }

    private static String replace(Pattern pattern, String value, Function<Matcher, String> lookup) {
        Matcher reference = pattern.matcher(value);
        StringBuilder replaced = new StringBuilder();
        while (reference.find()) {
            String found = lookup.apply(reference);
            reference.appendReplacement(replaced, Matcher.quoteReplacement(found != null ? found : reference.group()));
        }
        reference.appendTail(replaced);
        return replaced.toString();
    }
}
