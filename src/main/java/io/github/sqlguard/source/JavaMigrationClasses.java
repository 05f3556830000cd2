package io.github.sqlguard.source;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The source files that declare a concrete Flyway Java migration by its type rather than by its name: a class that
 * extends {@code BaseJavaMigration} or implements {@code JavaMigration}, directly or through an abstract class or
 * interface of the same sources. Flyway runs such a class wherever it lies: Spring Boot hands every {@code
 * JavaMigration} bean to Flyway, {@code javaMigrations} names classes outside the locations, and a class in a
 * location's package that gives its version through {@code getVersion()} needs no {@code V1__} name.
 */
public final class JavaMigrationClasses {

    private static final Set<String> FLYWAY_TYPES = Set.of("BaseJavaMigration", "JavaMigration");
    private static final Pattern DECLARATION = Pattern.compile("\\b(class|interface)\\s+(\\w+)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][\\w.]*");
    private static final Pattern COMMENT = Pattern.compile("//[^\n]*|/\\*(?s:.*?)\\*/");
    private static final int LONGEST_HEADER = 500;

    private JavaMigrationClasses() {
    }

    /**
     * The {@code .java} and {@code .kt} files under {@code roots} that declare a concrete Java migration. Only a
     * file that mentions a migration type is parsed, so a large code base costs about one read of each file; a
     * second pass is made only when an abstract class or interface of the sources is itself a migration type.
     * What was learnt of each file is kept in {@code indexFile} ({@link JavaSourceIndex}), so that the next build
     * reads only the files that changed.
     *
     * @param indexFile where to keep what was learnt of the sources, or null to read every source
     */
    public static List<Path> in(Set<Path> roots, Path indexFile) {
        return declaringMigrations(sourcesUnder(roots), indexFile);
    }

    /**
     * Those of {@code files} (Java and Kotlin sources the scan of the script folders met, see
     * {@link ScanResult#javaSources()}) that declare a concrete Java migration. Each is read on every build: script
     * folders seldom hold more than a few classes.
     */
    public static List<Path> among(List<SourcePath> files) {
        List<JavaSourceIndex.Source> sources = new ArrayList<>(files.size());
        for (SourcePath file : files) {
            // Size and time only tell an index whether a source changed; without an index each is read.
            sources.add(new JavaSourceIndex.Source(file.file(), 0, 0));
        }
        sources.sort(Comparator.comparing(JavaSourceIndex.Source::file));
        return declaringMigrations(sources, null);
    }

    private static List<Path> declaringMigrations(List<JavaSourceIndex.Source> sources, Path indexFile) {
        if (sources.isEmpty()) {
            return List.of(); // a project of scripts alone, asked on every build: no index to read
        }
        JavaSourceIndex index = JavaSourceIndex.read(indexFile);
        Map<Path, JavaSourceIndex.Summary> summaries = new HashMap<>();
        Set<String> migrationTypes = new HashSet<>(FLYWAY_TYPES);
        boolean read = false;
        boolean grew = true;
        while (grew) {
            for (JavaSourceIndex.Source source : sources) {
                JavaSourceIndex.Summary known =
                        summaries.computeIfAbsent(source.file(), file -> index.summaryOf(source));
                if (known != null && (known.parsed() || known.absentNames().containsAll(migrationTypes))) {
                    continue;
                }
                read = true;
                String text = text(source.file());
                Set<String> absent = new HashSet<>(migrationTypes);
                absent.addAll(known == null ? Set.of() : known.absentNames());
                summaries.put(source.file(), migrationTypes.stream().anyMatch(text::contains)
                        ? JavaSourceIndex.Summary.parsed(declarations(text))
                        : JavaSourceIndex.Summary.mentioningNone(absent));
            }
            grew = false;
            for (JavaSourceIndex.Summary summary : summaries.values()) {
                for (JavaSourceIndex.Declaration declaration : summary.declarations()) {
                    if (declaration.supertypes().stream().anyMatch(migrationTypes::contains)) {
                        grew |= migrationTypes.add(declaration.name());
                    }
                }
            }
        }
        if (read) {
            JavaSourceIndex.save(indexFile, sources, summaries);
        }
        // In the order of the sources, whichever pass parsed them.
        return sources.stream().map(JavaSourceIndex.Source::file).filter(file -> {
            JavaSourceIndex.Summary summary = summaries.get(file);
            return summary.declarations().stream().anyMatch(declaration -> declaration.concrete()
                    && !FLYWAY_TYPES.contains(declaration.name()) && migrationTypes.contains(declaration.name()));
        }).toList();
    }

    /** The sources under {@code roots} with their sizes and times, in the order of their paths. */
    private static List<JavaSourceIndex.Source> sourcesUnder(Set<Path> roots) {
        List<JavaSourceIndex.Source> sources = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try {
                // One look at each entry: walkFileTree hands over the attributes it read to tell files from folders.
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                        return !dir.equals(root) && isTestSourceSet(dir) ? FileVisitResult.SKIP_SUBTREE
                                : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        String name = file.getFileName().toString();
                        if (attributes.isRegularFile() && isJavaSource(name)) {
                            sources.add(new JavaSourceIndex.Source(file, attributes.size(),
                                    attributes.lastModifiedTime().toMillis()));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException unreadable) {
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException | RuntimeException unreadable) {
                // A source folder that cannot be listed is one the compiler reports; its SQL is checked all the same.
            }
        }
        sources.sort(Comparator.comparing(JavaSourceIndex.Source::file));
        return sources;
    }

    /**
     * True for a test source set ({@code src/test}, {@code src/testFixtures}, {@code src/integrationTest},
     * {@code src/it}): its classes are never on the application's classpath, so Flyway never runs a migration there.
     */
    private static boolean isTestSourceSet(Path dir) {
        Path parent = dir.getParent();
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        return parent != null && parent.getFileName() != null && isTestSourceSet(parent.getFileName().toString(), name);
    }

    /**
     * True when a file at {@code pathInRoot} ({@code /}-separated, relative to a walked folder named
     * {@code rootName}) lies in a test source set below that folder; the folder itself is walked whatever its name.
     */
    static boolean inTestSourceSet(String rootName, String pathInRoot) {
        String parent = rootName;
        int start = 0;
        for (int slash = pathInRoot.indexOf('/'); slash >= 0; slash = pathInRoot.indexOf('/', start)) {
            String folder = pathInRoot.substring(start, slash);
            if (isTestSourceSet(parent, folder)) {
                return true;
            }
            parent = folder;
            start = slash + 1;
        }
        return false;
    }

    private static boolean isTestSourceSet(String parent, String name) {
        return parent.equals("src")
                && (name.startsWith("test") || name.equals("it") || name.endsWith("Test") || name.endsWith("Tests"));
    }

    /** True for the sources Flyway may run as Java migrations: Java and Kotlin files. */
    static boolean isJavaSource(String fileName) {
        return fileName.endsWith(".java") || fileName.endsWith(".kt");
    }

    /**
     * The classes and interfaces {@code source} declares, each with the simple names its header mentions up to
     * its body (Java's {@code extends} and {@code implements}, Kotlin's {@code :} list).
     */
    private static List<JavaSourceIndex.Declaration> declarations(String written) {
        List<JavaSourceIndex.Declaration> found = new ArrayList<>();
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
            found.add(new JavaSourceIndex.Declaration(declaration.group(2),
                    declaration.group(1).equals("class") && !isAbstract, supertypes));
        }
        return found;
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
