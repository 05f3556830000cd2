package io.github.sqlguard.maven;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The source files that declare a concrete Flyway Java migration by its type rather than by its name: a class that
 * extends {@code BaseJavaMigration} or implements {@code JavaMigration}, directly or through an abstract class or
 * interface of the same sources. Flyway runs such a class wherever it lies: Spring Boot hands every {@code
 * JavaMigration} bean to Flyway, {@code javaMigrations} names classes outside the locations, and a class in a
 * location's package that gives its version through {@code getVersion()} needs no {@code V1__} name.
 */
final class JavaMigrationClasses {

    private static final Set<String> FLYWAY_TYPES = Set.of("BaseJavaMigration", "JavaMigration");
    private static final Pattern DECLARATION = Pattern.compile("\\b(class|interface)\\s+(\\w+)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][\\w.]*");
    private static final Pattern COMMENT = Pattern.compile("//[^\n]*|/\\*(?s:.*?)\\*/");
    private static final int LONGEST_HEADER = 500;

    /** One class or interface as its header declares it. */
    private record Declaration(Path file, String name, boolean concrete, Set<String> supertypes) {
    }

    private JavaMigrationClasses() {
    }

    /**
     * The {@code .java} and {@code .kt} files under {@code roots} that declare a concrete Java migration. Only a
     * file that mentions a migration type is parsed, so a large code base costs about one read of each file; a
     * second pass is made only when an abstract class or interface of the sources is itself a migration type.
     */
    static List<Path> in(Set<Path> roots) {
        List<Path> sources = sourcesUnder(roots);
        Set<String> migrationTypes = new HashSet<>(FLYWAY_TYPES);
        Set<Path> parsed = new HashSet<>();
        List<Declaration> declarations = new ArrayList<>();
        boolean grew = true;
        while (grew) {
            for (Path file : sources) {
                if (!parsed.contains(file)) {
                    String text = text(file);
                    if (migrationTypes.stream().anyMatch(text::contains)) {
                        parsed.add(file);
                        declarations.addAll(declarations(file, text));
                    }
                }
            }
            grew = false;
            for (Declaration declaration : declarations) {
                if (!migrationTypes.contains(declaration.name())
                        && declaration.supertypes().stream().anyMatch(migrationTypes::contains)) {
                    grew |= migrationTypes.add(declaration.name());
                }
            }
        }
        Set<Path> found = new HashSet<>();
        for (Declaration declaration : declarations) {
            if (declaration.concrete() && !FLYWAY_TYPES.contains(declaration.name())
                    && migrationTypes.contains(declaration.name())) {
                found.add(declaration.file());
            }
        }
        // In the order of the sources, whichever pass parsed them.
        return sources.stream().filter(found::contains).toList();
    }

    private static List<Path> sourcesUnder(Set<Path> roots) {
        List<Path> sources = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(JavaMigrationClasses::isSource).sorted().forEach(sources::add);
            } catch (IOException | RuntimeException unreadable) {
                // A source folder that cannot be listed is one the compiler reports; its SQL is checked all the same.
            }
        }
        return sources;
    }

    /**
     * The classes and interfaces {@code source} declares, each with the simple names its header mentions up to
     * its body (Java's {@code extends} and {@code implements}, Kotlin's {@code :} list).
     */
    private static List<Declaration> declarations(Path file, String written) {
        List<Declaration> found = new ArrayList<>();
        // Prose about a class in a comment is no declaration; blanking comments keeps the offsets.
        String source = COMMENT.matcher(written).replaceAll(" ");
        Matcher declaration = DECLARATION.matcher(source);
        while (declaration.find()) {
            int end = Math.min(source.length(), declaration.end() + LONGEST_HEADER);
            int body = declaration.end();
            while (body < end && source.charAt(body) != '{' && source.charAt(body) != ';') {
                body++;
            }
            Set<String> supertypes = new HashSet<>();
            Matcher name = NAME.matcher(source.substring(declaration.end(), body));
            while (name.find()) {
                String mentioned = name.group();
                supertypes.add(mentioned.substring(mentioned.lastIndexOf('.') + 1));
            }
            int lineStart = source.lastIndexOf('\n', declaration.start()) + 1;
            boolean isAbstract = source.substring(lineStart, declaration.start()).matches(".*\\babstract\\b.*");
            found.add(new Declaration(file, declaration.group(2),
                    declaration.group(1).equals("class") && !isAbstract, supertypes));
        }
        return found;
    }

    private static boolean isSource(Path file) {
        String name = file.getFileName().toString();
        return (name.endsWith(".java") || name.endsWith(".kt")) && Files.isRegularFile(file);
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException notUtf8) {
            try {
                return Files.readString(file, StandardCharsets.ISO_8859_1);
            } catch (IOException unreadable) {
                return "";
            }
        } catch (IOException unreadable) {
            return "";
        }
    }
}
