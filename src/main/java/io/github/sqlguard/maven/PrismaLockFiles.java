package io.github.sqlguard.maven;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.source.DatabaseNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The databases Prisma Migrate's lock files name. Every Prisma migrations folder holds a {@code migration_lock.toml}
 * whose {@code provider} is the database its {@code migration.sql} scripts were written for, and {@code prisma
 * migrate deploy} refuses to apply them to another: the provider names the project's database as surely as a
 * Flyway URL does, also for a folder checked without a pom.
 */
final class PrismaLockFiles {

    static final String FILE_NAME = "migration_lock.toml";

    /** Deep enough for {@code packages/prisma/migrations/migration_lock.toml} below a monorepo's root. */
    private static final int MAX_DEPTH = 5;

    /** Folders that hold dependencies or build output, never a project's own migrations. */
    private static final Set<String> SKIPPED = Set.of("node_modules", "target", "build", "dist", ".git");

    private static final Pattern PROVIDER = Pattern.compile("^\\s*provider\\s*=\\s*[\"']([A-Za-z0-9_-]+)[\"']",
            Pattern.MULTILINE);

    private PrismaLockFiles() {
    }

    /**
     * The provider of each lock file in {@code directories} or below them, as a database setting whose origin is
     * the file's path relative to {@code base}; a file that cannot be read, names no provider, or sits in a folder
     * named for a database (whose scripts that name already decides) is left out.
     */
    static List<DatabaseUrl> in(List<Path> directories, Path base) {
        Map<Path, String> found = new LinkedHashMap<>();
        for (Path directory : directories) {
            if (Files.isDirectory(directory)) {
                collect(directory.toAbsolutePath().normalize(), found);
            }
        }
        return providers(found, base);
    }

    /**
     * As {@link #in}, but only the lock files where a checked folder is Prisma's migrations folder or holds it as
     * {@code migrations/} or {@code prisma/migrations/}: no walk of the tree, which on a large one costs tens of
     * milliseconds that a run with nothing changed should not pay to confirm a configured dialect.
     */
    static List<DatabaseUrl> beside(List<Path> directories, Path base) {
        Map<Path, String> found = new LinkedHashMap<>();
        for (Path directory : directories) {
            Path folder = directory.toAbsolutePath().normalize();
            for (String below : new String[] {"", "migrations", "prisma/migrations"}) {
                Path file = folder.resolve(below).resolve(FILE_NAME);
                if (Files.isRegularFile(file)) {
                    found.putIfAbsent(file, namedFrom(folder, file));
                }
            }
        }
        return providers(found, base);
    }

    private static List<DatabaseUrl> providers(Map<Path, String> found, Path base) {
        Path project = base.toAbsolutePath().normalize();
        List<DatabaseUrl> providers = new ArrayList<>();
        for (Map.Entry<Path, String> lockFile : found.entrySet()) {
            Path file = lockFile.getKey();
            boolean inProject = file.startsWith(project);
            String path = (inProject ? project.relativize(file) : file).toString().replace('\\', '/');
            if (namesDatabase(inProject ? path : lockFile.getValue())) {
                continue; // db/mysql/migrations/: the folder already names the database of its scripts
            }
            try {
                Matcher provider = PROVIDER.matcher(Files.readString(file, StandardCharsets.UTF_8));
                if (provider.find()) {
                    providers.add(DatabaseUrl.named(provider.group(1), "provider in " + path));
                }
            } catch (IOException | RuntimeException e) {
                // An unreadable lock file decides nothing; the scripts stay read as without it.
            }
        }
        return providers;
    }

    /**
     * True when a folder of {@code path} names a database; {@code path} is relative to the project, or for a
     * folder checked outside it, to the folder above the checked one, whose name counts as the scripts' does.
     */
    private static boolean namesDatabase(String path) {
        return DatabaseNames.dialectOf(path) != Dialect.AUTO
                || DatabaseNames.undescribedDatabaseOf(path).isPresent();
    }

    /** {@code file}'s path from the folder named by {@code directory}, with {@code /} separators. */
    private static String namedFrom(Path directory, Path file) {
        Path named = directory.getFileName() == null ? directory.relativize(file)
                : directory.getFileName().resolve(directory.relativize(file));
        return named.toString().replace('\\', '/');
    }

    /** Adds each lock file in or below {@code directory}, with its path from the folder named by {@code directory}. */
    private static void collect(Path directory, Map<Path, String> found) {
        try {
            Files.walkFileTree(directory, EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_DEPTH,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                            Path name = dir.getFileName();
                            return !dir.equals(directory) && name != null && SKIPPED.contains(name.toString())
                                    ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                            if (file.getFileName().toString().equals(FILE_NAME) && attributes.isRegularFile()) {
                                found.putIfAbsent(file, namedFrom(directory, file));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            // A folder that cannot be listed holds no lock file sqlguard could read.
        }
    }
}
