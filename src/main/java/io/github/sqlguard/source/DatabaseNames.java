package io.github.sqlguard.source;

import io.github.sqlguard.model.DatabaseDialects;
import io.github.sqlguard.model.Dialect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The database a path names. Projects that run on several databases keep one set of scripts per database:
 * Flyway's {@code {vendor}} locations ({@code db/migration/mysql/V2__x.sql}), Liquibase-style folders
 * ({@code mssql/}, {@code pg/}) and names such as {@code x.mysql.up.sql}. A folder name, a dot-separated
 * part of the file name, the first word of the file name before an underscore (upgrade scripts such as
 * {@code mysql_engine_7.0_to_7.1.sql}) and the first or last word of a file name cut by hyphens (Spring's
 * {@code schema-mysql.sql}, upgrade scripts such as {@code 1.3.0-upgrade-1.4.0-mysql.sql}, {@code mysql-schema.sql})
 * count; the rest of a name ({@code V2__mysql_fix.sql}, {@code V2__fix-mysql.sql}) does not.
 * Case, underscores and hyphens do not matter: projects that name folders after Spring's
 * {@code spring.jpa.database} values keep SQL Server's scripts in {@code SQL_SERVER/}. Nor does a version after
 * the name: projects that support several releases of a database keep {@code mysql5/}, {@code sqlserver2008/},
 * {@code oracle12c/} or {@code db2_v95/} beside each other, nor a storage engine after it: some keep the scripts
 * for MySQL's InnoDB beside those for MySQL 5 in {@code mysqlinnodb/}. Projects that pick their scripts by their
 * Hibernate dialect name the folders after its class ({@code org.example.repo.domain.dialect.PostgreSQLDialect/}).
 */
public final class DatabaseNames {

    /**
     * MySQL's and MariaDB's storage engines and cluster flavours, as a folder may name them after the database
     * ({@code mysqlinnodb}, {@code mysql_ndb}, {@code mariadb-galera}): the scripts are still that database's.
     */
    private static final List<String> ENGINES = List.of("innodb", "myisam", "ndbcluster", "ndb", "rocksdb", "xtradb",
            "aria", "galera", "cluster");

    /** How the name of a Hibernate dialect class ends, as {@link #key} spells it. */
    private static final String DIALECT_CLASS_SUFFIX = "dialect";

    private DatabaseNames() {
    }

    /** Whether {@code part}, one folder or dot-separated part of a file name, names a database. */
    public static boolean isDatabase(String part) {
        return named(part) != null;
    }

    /**
     * The dialect of the database {@code part} names, with or without a release after the name, or as a Hibernate
     * dialect class does; null for none.
     */
    private static Dialect named(String part) {
        String key = key(part);
        Dialect dialect = withRelease(key);
        if (dialect == null) {
            dialect = withEngine(key);
        }
        if (dialect == null && key.length() > DIALECT_CLASS_SUFFIX.length() && key.endsWith(DIALECT_CLASS_SUFFIX)) {
            dialect = dialectClass(key.substring(0, key.length() - DIALECT_CLASS_SUFFIX.length()));
        }
        return dialect;
    }

    /** The dialect of the database {@code key} names, with or without a release after the name; null for none. */
    private static Dialect withRelease(String key) {
        Dialect dialect = DatabaseDialects.of(key);
        if (dialect == null) {
            // db2 and sqlite3 end in digits themselves, so the whole name is looked up first
            int release = releaseStart(key);
            if (release > 0) {
                dialect = DatabaseDialects.of(key.substring(0, release));
            }
        }
        return dialect;
    }

    /**
     * The database's name in {@code part} without the release after it ({@code postgres} of {@code postgres84},
     * {@code mysql} of {@code mysql5}, {@code sqlite3} as it is), in lower case; {@code part} in lower case when
     * it names no database by a release.
     */
    public static String withoutRelease(String part) {
        String key = key(part);
        if (!DatabaseDialects.known(key)) {
            int release = releaseStart(key);
            if (release > 0 && DatabaseDialects.known(key.substring(0, release))) {
                return key.substring(0, release);
            }
        }
        return part.toLowerCase(Locale.ROOT);
    }

    /**
     * The dialect of the database {@code key} names before a storage engine ({@code mysqlinnodb},
     * {@code mysql57ndb}); null for none. Only a database of the MySQL family counts: the engines are its.
     */
    private static Dialect withEngine(String key) {
        for (String engine : ENGINES) {
            if (key.length() > engine.length() && key.endsWith(engine)) {
                Dialect dialect = withRelease(key.substring(0, key.length() - engine.length()));
                if (dialect == Dialect.MYSQL || dialect == Dialect.MARIADB) {
                    return dialect;
                }
            }
        }
        return null;
    }

    /**
     * Where a release at the end of {@code key} starts ({@code v?[0-9]+[a-z]?}: {@code 5}, {@code 2008},
     * {@code 12c}, {@code v95}), or -1 for none. Every path part of every file is looked up, so no regular
     * expression runs here.
     */
    private static int releaseStart(String key) {
        int end = key.length();
        if (end > 0 && key.charAt(end - 1) >= 'a' && key.charAt(end - 1) <= 'z') {
            end--;
        }
        int start = end;
        while (start > 0 && key.charAt(start - 1) >= '0' && key.charAt(start - 1) <= '9') {
            start--;
        }
        if (start == end) {
            return -1;
        }
        return start > 0 && key.charAt(start - 1) == 'v' ? start - 1 : start;
    }

    /**
     * The dialect of the database a Hibernate dialect class's name before {@code Dialect} names, as folders named
     * after the class spell it ({@code org.example.repo.domain.dialect.MySQLInnoDBDialect/},
     * {@code PostgreSQL95Dialect/}, {@code CustomSQLServerDialect/}): the longest database name within it, engine
     * and release words around it; a name shorter than four letters ({@code pg}, {@code h2}) only as the whole
     * stem, where inside a longer one it is as likely a piece of another word. Null when it names none, as the
     * generic {@code Dialect} of scripts for every database does.
     */
    private static Dialect dialectClass(String stem) {
        Dialect dialect = withRelease(stem);
        if (dialect != null) {
            return dialect;
        }
        String longest = "";
        for (Map.Entry<String, Dialect> entry : DatabaseDialects.all().entrySet()) {
            String name = entry.getKey();
            if (name.length() >= 4 && name.length() > longest.length() && stem.contains(name)) {
                longest = name;
                dialect = entry.getValue();
            }
        }
        return dialect;
    }

    /**
     * The dialect of the database {@code file}'s path names within the project; for a file outside the project,
     * within the folder it was found in, that folder's own name included: a user who scans
     * {@code schema/mysql} names the database as surely as a {@code mysql/} folder below it does. The folders above
     * never count: a home folder {@code /home/oracle} says nothing about the scripts below it.
     */
    public static Dialect dialectOf(SourcePath file) {
        return dialectOf(namingPath(file));
    }

    /**
     * The name, in lower case, of the database {@code file}'s path names, counted as {@link #dialectOf(SourcePath)}
     * counts it, when no dialect here describes that database; empty otherwise.
     */
    public static Optional<String> undescribedDatabaseOf(SourcePath file) {
        return undescribedDatabase(namingPath(file));
    }

    /**
     * What {@code file}'s path names, read once: the dialect {@link #dialectOf(SourcePath)} gives, and the name
     * {@link #undescribedDatabaseOf(SourcePath)} gives. For callers that want both of every scanned file.
     *
     * @param dialect the dialect of the database the deepest naming part names; AUTO for none, or for a database
     *     no dialect here describes
     * @param undescribed that database's name, in lower case, when no dialect here describes it
     */
    public record PathDatabase(Dialect dialect, Optional<String> undescribed) {
    }

    /** {@code file}'s {@link PathDatabase}. */
    public static PathDatabase of(SourcePath file) {
        return read(namingPath(file));
    }

    /** What the deepest part of {@code path} that names a database names ({@code oracle/h2/V1__x.sql}: H2). */
    private static PathDatabase read(String path) {
        List<String> parts = parts(path);
        for (int i = parts.size() - 1; i >= 0; i--) {
            Dialect dialect = named(parts.get(i));
            if (dialect != null) {
                return new PathDatabase(dialect, dialect == Dialect.AUTO
                        ? Optional.of(parts.get(i).toLowerCase(Locale.ROOT)) : Optional.empty());
            }
        }
        return new PathDatabase(Dialect.AUTO, Optional.empty());
    }

    /** The part of {@code file}'s path whose folders may name its database. */
    private static String namingPath(SourcePath file) {
        boolean outsideProject = file.relativePath().equals(file.file().toString().replace('\\', '/'));
        if (!outsideProject) {
            return file.relativePath();
        }
        Path folder = file.scannedDirectory().getFileName();
        return folder == null ? file.pathInDirectory() : folder + "/" + file.pathInDirectory();
    }

    /**
     * The dialect of the database {@code relativePath} names when it is a path within the project; AUTO for a
     * path outside it (absolute, or climbing out with {@code ../}), whose folders may be anyone's.
     */
    public static Dialect dialectWithinProject(String relativePath) {
        String slashed = relativePath.replace('\\', '/');
        return outsideProject(slashed) ? Dialect.AUTO : dialectOf(slashed);
    }

    /**
     * As {@link #undescribedDatabaseOf(SourcePath)} for a path relative to the project or to the folder above a
     * scanned one, with {@code /} or {@code \} separators.
     */
    public static Optional<String> undescribedDatabaseOf(String path) {
        return undescribedDatabase(path.replace('\\', '/'));
    }

    /**
     * The name, in lower case, of the database the deepest part of {@code slashed} names when no dialect here
     * describes it ({@code sybase} of {@code db/upgrade-scripts/sybase/x.sql}); empty when that part names a database
     * with a dialect, and when no part names one.
     */
    private static Optional<String> undescribedDatabase(String slashed) {
        return read(slashed).undescribed();
    }

    /** True for an absolute path or one that climbs out with {@code ../}, whose folders may be anyone's. */
    private static boolean outsideProject(String slashed) {
        // Asked for every file on every run, nothing-changed runs included: no regular expression here.
        char first = slashed.isEmpty() ? ' ' : Character.toLowerCase(slashed.charAt(0));
        boolean drive = slashed.length() > 1 && slashed.charAt(1) == ':' && first >= 'a' && first <= 'z';
        return slashed.startsWith("/") || slashed.startsWith("../") || slashed.contains("/../") || drive;
    }

    /**
     * The dialect of the database the deepest part of {@code path} names ({@code oracle/h2/V1__x.sql} is
     * H2's), or AUTO when no part names one or the database it names has no dialect of ours.
     *
     * @param path a path relative to the project or the scanned folder, with {@code /} or {@code \} separators
     */
    public static Dialect dialectOf(String path) {
        return read(path).dialect();
    }

    /**
     * The parts of {@code path} that may name a database, outermost first: each folder, the first word of the
     * file name when an underscore follows it, and each dot-separated part of the file name.
     */
    public static List<String> parts(String path) {
        List<String> parts = splitAt(path, "/\\.");
        String fileName = path.substring(path.replace('\\', '/').lastIndexOf('/') + 1);
        int nameStart = parts.size() - splitAt(fileName, ".").size();
        List<String> words = new ArrayList<>();
        leadingWord(fileName).ifPresent(words::add);
        words.addAll(hyphenatedEnds(fileName));
        parts.addAll(nameStart, words);
        return parts;
    }

    /**
     * {@code text} split at each of the {@code separators} characters, with trailing empty parts left out as
     * {@link String#split} leaves them; written out because a split on a character class compiles a pattern per
     * call, and the histories name every file's parts.
     */
    static List<String> splitAt(String text, String separators) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            if (separators.indexOf(text.charAt(i)) >= 0) {
                parts.add(text.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(text.substring(from));
        int kept = parts.size();
        while (kept > 1 && parts.get(kept - 1).isEmpty()) {
            kept--;
        }
        if (kept == 1 && parts.get(0).isEmpty() && !text.isEmpty()) {
            kept = 0; // only separators: String.split gives no part at all
        }
        return new ArrayList<>(parts.subList(0, kept));
    }

    /**
     * The first word of {@code fileName} when an underscore ends it and something other than a second underscore
     * follows ({@code mysql} of {@code mysql_engine_7.0_to_7.1.sql}); a Flyway name's version ({@code V2__x.sql})
     * is no such word.
     */
    public static Optional<String> leadingWord(String fileName) {
        int underscore = fileName.indexOf('_');
        int dot = fileName.indexOf('.');
        boolean word = underscore > 0 && (dot < 0 || underscore < dot) && fileName.length() > underscore + 1
                && fileName.charAt(underscore + 1) != '_';
        return word ? Optional.of(fileName.substring(0, underscore)) : Optional.empty();
    }

    /**
     * The first and the last word of {@code fileName} without its extension when hyphens cut it ({@code schema} and
     * {@code mysql} of {@code schema-mysql.sql}, {@code 1.3.0} and {@code mysql} of
     * {@code 1.3.0-upgrade-1.4.0-mysql.sql}); none for a Flyway name, whose description names no database.
     */
    public static List<String> hyphenatedEnds(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        int first = stem.indexOf('-');
        if (first < 0 || stem.contains("__")) {
            return List.of();
        }
        return List.of(stem.substring(0, first), stem.substring(stem.lastIndexOf('-') + 1));
    }

    /** A name as the table above spells it: {@code SQL_SERVER} and {@code sql-server} are {@code sqlserver}. */
    private static String key(String part) {
        if (part.indexOf('_') < 0 && part.indexOf('-') < 0) {
            return part.toLowerCase(Locale.ROOT);
        }
        return part.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    }
}
