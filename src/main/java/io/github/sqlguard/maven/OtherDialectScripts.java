package io.github.sqlguard.maven;

import io.github.sqlguard.LintConfig;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.schema.SiblingDatabaseNames;
import io.github.sqlguard.source.DatabaseNames;
import io.github.sqlguard.source.SourcePath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The build log's word on the scripts a configured dialect does not describe: those whose folder or file name names a
 * database of another dialect ({@code db/migration/mysql/} under {@code postgresql}) are read in that database's
 * dialect, and those naming a database no dialect here describes ({@code sybase/}, {@code db2/}) are read in the
 * configured one, which may mean something else by their SQL. A user who set {@code <dialect>} should learn so, and
 * where, from the log rather than from the README.
 */
final class OtherDialectScripts {

    /** Folders named in the line; the rest are counted. */
    private static final int SHOWN_FOLDERS = 5;

    private OtherDialectScripts() {
    }

    /**
     * The log lines, from one pass over the scanned files: a script named for a database of another dialect is read
     * in that dialect, one named for a database no dialect describes in the configured one.
     *
     * @param otherDialect info: the folders whose scripts are read in another dialect than the configured one, with
     *     the dialect and the number of scripts; empty when no dialect is configured or every script is read in it
     * @param undescribed warning: the folders whose scripts name a database no dialect here describes
     *     ({@code sybase/}, {@code db2/}) and are read in the configured dialect all the same, where that database
     *     may mean something else by a statement (Sybase's {@code ALTER TABLE t DROP c} drops a column, SQL
     *     Server's a constraint), so that a finding can be missed; empty when none is
     * @param undescribedInAuto info: under dialect {@code auto}, the folders whose scripts name such a database
     *     ({@code sqlanywhere/}), which no {@code <dialect>} can name: the user learns that they were read by the
     *     forms every dialect shares, or in the project's database's dialect, rather than in their own
     * @param unnamedInAuto info: under dialect {@code auto}, when neither the project's settings nor a script's
     *     folder or file name name the database, how many scripts are read by the forms every dialect shares: a user
     *     who relies on the default learns that no database's own SQL (MySQL's {@code "strings"}) was read
     */
    record Lines(Optional<String> otherDialect, Optional<String> undescribed, Optional<String> undescribedInAuto,
            Optional<String> unnamedInAuto) {

        /** No line at all. */
        static final Lines NONE = new Lines(Optional.empty(), Optional.empty());

        Lines(Optional<String> otherDialect, Optional<String> undescribed) {
            this(otherDialect, undescribed, Optional.empty(), Optional.empty());
        }
    }

    /** @param scannedFiles the scanned files' paths relative to the project, with {@code /} separators */
    static Lines of(LintConfig config, List<String> scannedFiles) {
        Dialect configured = config.dialect();
        if (configured == Dialect.AUTO) {
            // Both lines look at every path and its siblings: worked out once, as this runs on every build.
            List<Path> scannedDirectories = scannedDirectories(config);
            Map<String, String> siblingNamed = SiblingDatabaseNames.of(scannedFiles);
            return new Lines(Optional.empty(), Optional.empty(),
                    undescribedInAutoLine(config, scannedFiles, scannedDirectories, siblingNamed),
                    unnamedInAutoLine(config, scannedFiles, scannedDirectories, siblingNamed));
        }
        Map<String, Integer> otherDialect = new TreeMap<>();
        Map<String, Integer> undescribed = new TreeMap<>();
        List<Path> scannedDirectories = scannedDirectories(config);
        Map<String, String> siblingNamed = SiblingDatabaseNames.of(scannedFiles);
        for (String file : scannedFiles) {
            Optional<SourcePath> scanned = scanned(config.baseDir(), scannedDirectories, file);
            // Each path is read once for what it names: the listing runs on every build, also when nothing changed.
            Optional<DatabaseNames.PathDatabase> byPath = scanned.map(DatabaseNames::of);
            Dialect named = byPath.map(DatabaseNames.PathDatabase::dialect).orElse(Dialect.AUTO);
            Optional<String> undescribedByPath = byPath.flatMap(DatabaseNames.PathDatabase::undescribed);
            // app_mysql.sql beside app_oracle.sql names its database only through its siblings, and the
            // analysis reads it in that database's dialect all the same
            Optional<String> sibling = Optional.ofNullable(siblingNamed.get(file))
                    .filter(word -> scanned.isPresent() && named == Dialect.AUTO && undescribedByPath.isEmpty());
            Dialect read = config.dialectFor(sibling.map(DatabaseNames::dialectOf).orElse(named));
            if (read != configured) {
                otherDialect.merge(sibling.map(word -> siblingPlace(file, word))
                        .orElseGet(() -> place(file, DatabaseNames::dialectOf)) + " (" + read.configName(), 1,
                        Integer::sum);
            } else if (sibling.isPresent()) {
                undescribedBySiblings(sibling.get()).ifPresent(database -> undescribed.merge(
                        siblingPlace(file, sibling.get()) + " (" + database, 1, Integer::sum));
            } else {
                undescribedByPath.ifPresent(database -> undescribed.merge(
                        place(file, DatabaseNames::undescribedDatabaseOf) + " (" + database, 1, Integer::sum));
            }
        }
        return new Lines(otherDialectLine(configured, otherDialect), undescribedLine(configured, undescribed));
    }

    /**
     * Under {@code auto}: the scripts whose folder or file name names a database no dialect here describes, read in
     * the project's database's dialect when its settings name one, else by the forms every dialect shares.
     */
    private static Optional<String> undescribedInAutoLine(LintConfig config, List<String> scannedFiles,
            List<Path> scannedDirectories, Map<String, String> siblingNamed) {
        Map<String, Integer> undescribed = new TreeMap<>();
        for (String file : scannedFiles) {
            Optional<SourcePath> scanned = scanned(config.baseDir(), scannedDirectories, file);
            Optional<String> byPath = scanned.flatMap(DatabaseNames::undescribedDatabaseOf);
            if (byPath.isPresent()) {
                undescribed.merge(place(file, DatabaseNames::undescribedDatabaseOf) + " (" + byPath.get(), 1,
                        Integer::sum);
            } else if (scanned.isPresent() && siblingNamed.containsKey(file)
                    && DatabaseNames.dialectOf(scanned.get()) == Dialect.AUTO) {
                String word = siblingNamed.get(file);
                undescribedBySiblings(word).ifPresent(database -> undescribed.merge(siblingPlace(file, word) + " ("
                        + database, 1, Integer::sum));
            }
        }
        int scripts = count(undescribed);
        if (scripts == 0) {
            return Optional.empty();
        }
        Dialect project = config.dialectFor(Dialect.AUTO);
        String readIn = project == Dialect.AUTO ? "by the forms the dialects here share"
                : "in dialect " + project.configName() + ", the project's database's";
        return Optional.of("sqlguard: " + scripts + (scripts == 1 ? " script is" : " scripts are") + " of a database"
                + " no dialect here describes, and read " + readIn + ": " + listed(undescribed) + "; where that"
                + " database's SQL means something else, a finding can be missed");
    }

    /**
     * Under {@code auto} with no database named by the project's settings: how many scripts name none either, by
     * folder, file name or siblings, and are read by the forms every dialect shares.
     */
    private static Optional<String> unnamedInAutoLine(LintConfig config, List<String> scannedFiles,
            List<Path> scannedDirectories, Map<String, String> siblingNamed) {
        if (config.dialectFor(Dialect.AUTO) != Dialect.AUTO) {
            return Optional.empty();
        }
        int unnamed = 0;
        for (String file : scannedFiles) {
            Optional<SourcePath> scanned = scanned(config.baseDir(), scannedDirectories, file);
            Optional<DatabaseNames.PathDatabase> byPath = siblingNamed.containsKey(file) ? Optional.empty()
                    : scanned.map(DatabaseNames::of);
            boolean named = siblingNamed.containsKey(file) || byPath.isPresent()
                    && (byPath.get().dialect() != Dialect.AUTO || byPath.get().undescribed().isPresent());
            unnamed += named ? 0 : 1;
        }
        if (unnamed == 0) {
            return Optional.empty();
        }
        return Optional.of("sqlguard: dialect auto: no database URL, driver dependency or folder name tells which"
                + " database " + (unnamed == 1 ? "1 script runs" : unnamed + " scripts run") + " on, so "
                + (unnamed == 1 ? "it is" : "they are") + " read by the forms the dialects here share; set <dialect>"
                + " to read " + (unnamed == 1 ? "it" : "them") + " as that database does");
    }

    /** The configured directories as the scan walked them: absolute, each resolved against the project. */
    private static List<Path> scannedDirectories(LintConfig config) {
        Path base = config.baseDir().toAbsolutePath().normalize();
        return config.directories().stream().map(directory -> base.resolve(directory).normalize()).toList();
    }

    /**
     * The file a report path names, as the scan found it. A path within the project is relative to it; one outside
     * (absolute, as reports show it) lies below the outermost configured directory that holds it, whose own name
     * counts for the database as the analysis counts it. Empty for a path below no configured directory: the folders
     * above it ({@code /home/oracle/}) name no database.
     */
    private static Optional<SourcePath> scanned(Path baseDir, List<Path> directories, String file) {
        Path path = Path.of(file);
        if (!path.isAbsolute() && !file.startsWith("/")) {
            return Optional.of(new SourcePath(baseDir.resolve(path), file, baseDir, file));
        }
        Path absolute = path.toAbsolutePath().normalize();
        return directories.stream().filter(absolute::startsWith).min(Comparator.comparingInt(Path::getNameCount))
                .map(directory -> new SourcePath(absolute, file, directory,
                        directory.relativize(absolute).toString().replace('\\', '/')));
    }

    private static Optional<String> otherDialectLine(Dialect configured, Map<String, Integer> byFolder) {
        int scripts = count(byFolder);
        if (scripts == 0) {
            return Optional.empty();
        }
        return Optional.of("sqlguard: dialect " + configured.configName() + " is configured, but " + scripts
                + (scripts == 1 ? " script whose" : " scripts whose") + " folder or file name names a database of"
                + " another dialect " + (scripts == 1 ? "is" : "are") + " read in that database's dialect: "
                + listed(byFolder));
    }

    private static Optional<String> undescribedLine(Dialect configured, Map<String, Integer> byFolder) {
        int scripts = count(byFolder);
        if (scripts == 0) {
            return Optional.empty();
        }
        return Optional.of("sqlguard: dialect " + configured.configName() + " is configured and reads " + scripts
                + (scripts == 1 ? " script" : " scripts") + " of a database it does not describe: " + listed(byFolder)
                + "; where that database's SQL means something else, a finding can be missed (with dialect auto"
                + " they are read in no database's dialect)");
    }

    private static int count(Map<String, Integer> byFolder) {
        return byFolder.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Where {@code file}'s database is named, as the line shows it: its folder ({@code db/mysql/}), or, when only its
     * file name names the database, the names of that folder's files that do so ({@code upgrade/mysql_*},
     * {@code sql/*.mysql.*}, {@code sql/*-mysql.*}): a folder holding the scripts of several databases, each named by
     * a word of its file names, is otherwise listed once per database, as if it named each.
     *
     * @param database what a path names, compared between the folder and its words
     */
    private static String place(String file, Function<String, ?> database) {
        String folder = folder(file);
        Object named = database.apply(file);
        if (Objects.equals(database.apply(folder), named)) {
            return folder;
        }
        String fileName = file.substring(file.lastIndexOf('/') + 1);
        Optional<String> leading = DatabaseNames.leadingWord(fileName);
        if (leading.isPresent() && Objects.equals(database.apply(leading.get()), named)) {
            return folder + leading.get() + "_*";
        }
        List<String> ends = DatabaseNames.hyphenatedEnds(fileName);
        if (!ends.isEmpty() && Objects.equals(database.apply(ends.get(1)), named)) {
            return folder + "*-" + ends.get(1) + ".*";
        }
        if (!ends.isEmpty() && Objects.equals(database.apply(ends.get(0)), named)) {
            return folder + ends.get(0) + "-*";
        }
        List<String> dotted = List.of(fileName.split("\\."));
        for (int i = dotted.size() - 2; i > 0; i--) {
            if (Objects.equals(database.apply(dotted.get(i)), named)) {
                return folder + "*." + dotted.get(i) + ".*";
            }
        }
        return folder;
    }

    /**
     * The database no dialect here describes that {@code word}, standing where its siblings name their databases,
     * names: a name we know ({@code db2}), or one we do not, since the siblings show it to be a database all the same
     * ({@code og} for openGauss beside {@code -mysql} and {@code -pg}); empty for a database a dialect describes.
     */
    private static Optional<String> undescribedBySiblings(String word) {
        return DatabaseNames.isDatabase(word) ? DatabaseNames.undescribedDatabaseOf(word) : Optional.of(word);
    }

    /**
     * Where a file that names its database only as its siblings show is listed: the names of its folder's files
     * that carry the word in the same place ({@code db/upgrade/*-og.*}, {@code db/upgrade/9/*_db2.*},
     * {@code resources/*-mysql-*}), or the folder
     * whose name it is ({@code db/init/og/}).
     */
    private static String siblingPlace(String file, String word) {
        String folder = folder(file);
        int named = ("/" + folder.toLowerCase(Locale.ROOT)).lastIndexOf("/" + word.toLowerCase(Locale.ROOT) + "/");
        if (named >= 0) {
            return folder.substring(0, named + word.length() + 1);
        }
        String fileName = file.substring(file.lastIndexOf('/') + 1);
        List<String> ends = DatabaseNames.hyphenatedEnds(fileName);
        if (!ends.isEmpty() && ends.get(1).equalsIgnoreCase(word)) {
            return folder(file) + "*-" + ends.get(1) + ".*";
        }
        if (!ends.isEmpty() && ends.get(0).equalsIgnoreCase(word)) {
            return folder(file) + ends.get(0) + "-*";
        }
        if (fileName.toLowerCase(Locale.ROOT).contains("-" + word.toLowerCase(Locale.ROOT) + "-")) {
            return folder(file) + "*-" + word + "-*";
        }
        return folder(file) + "*_" + word + ".*";
    }

    private static String folder(String file) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? "./" : file.substring(0, slash + 1);
    }

    /** The first folders with their counts, {@code db/mysql/ (mysql, 2 scripts)}, and how many more there are. */
    private static String listed(Map<String, Integer> byFolder) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Integer> folder : byFolder.entrySet()) {
            if (parts.size() == SHOWN_FOLDERS) {
                break;
            }
            int count = folder.getValue();
            parts.add(folder.getKey() + ", " + count + (count == 1 ? " script)" : " scripts)"));
        }
        int more = byFolder.size() - parts.size();
        return String.join(", ", parts) + (more > 0 ? " and " + more + " more folder(s)" : "");
    }
}
