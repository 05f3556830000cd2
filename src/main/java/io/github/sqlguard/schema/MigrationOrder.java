package io.github.sqlguard.schema;

import io.github.sqlguard.source.DatabaseNames;
import io.github.sqlguard.source.DownScriptName;
import io.github.sqlguard.source.FlywayScriptName;
import io.github.sqlguard.source.FlywayVersion;
import io.github.sqlguard.source.SourceClassification;
import io.github.sqlguard.source.SourceKind;
import io.github.sqlguard.sql.DatabaseScope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The order in which the migration tool applies scanned files, and which files one database sees together.
 * Flyway runs versioned scripts by version (as Flyway compares them), then repeatable ones by description; a
 * baseline migration stands at its version, when it runs at all ({@link FlywayBaselines});
 * other files run in path order, numbers in the path by their value ({@code upgrade/9/} before {@code upgrade/19/}),
 * except Prisma's migration folders, which Prisma runs by name as text ({@link PrismaMigrationFolders}), and diesel's,
 * whose versions it compares without their dashes ({@link DieselMigrationFolders}).
 * A changelog carries its own order through its includes, so each structured changelog is a history of its own,
 * with the changelogs named to run before and after it ({@link StepWords}: {@code master.pre.xml}, {@code master.xml},
 * {@code master.post.xml}).
 *
 * <p>Projects often keep one set of migrations per database side by side ({@code postgres/V1__..} and
 * {@code h2/V1__..}, {@code x.mysql.up.sql} and {@code x.postgres.up.sql}): those sets never run against the
 * same database, so a database name in the path starts a history of its own. Down, undo and rollback
 * scripts, and PostgreSQL extension downgrades ({@link ExtensionDowngrade}), are not part of any history: the tool
 * does not run them on the way up.
 */
public final class MigrationOrder {

    private static final Set<String> REVERSE_WORDS = Set.of("down", "undo", "rollback", "revert");

    /** {@code down} as a whole part of a path: {@code 12_down.sql}, {@code 2021-01-01_x/down.sql}. */
    private static final java.util.regex.Pattern DOWN_PART = java.util.regex.Pattern.compile(
            "(?<=^|[/\\._-])down(?=[/\\._-])");

    /**
     * Where a file stands: which history it belongs to and its place in it; {@code baseline} for a Flyway baseline
     * migration, which stands at its version among the versioned ones ({@link FlywayBaselines} says which runs).
     */
    public record Place(String history, int group, FlywayVersion version, String sortName, boolean baseline) {

        Place(String history, int group, FlywayVersion version, String sortName) {
            this(history, group, version, sortName, false);
        }

        /** True for a Flyway repeatable migration, which runs after the versioned ones, again on every change. */
        boolean repeatable() {
            return group == 1;
        }

        /** The same place in {@code otherHistory}, where a file for several databases also runs. */
        Place inHistory(String otherHistory) {
            return new Place(otherHistory, group, version, sortName, baseline);
        }
    }

    private MigrationOrder() {
    }

    /** The file's place, or empty when the file is not replayed (undo and down scripts, not a migration). */
    public static Optional<Place> of(String relativePath, SourceClassification classification) {
        SourceKind kind = classification.kind();
        List<String> parts = DatabaseNames.parts(relativePath.toLowerCase(Locale.ROOT));
        if (kind == SourceKind.OTHER || kind == SourceKind.FLYWAY_UNDO
                || parts.stream().anyMatch(REVERSE_WORDS::contains)
                || DownScriptName.isDownScript(relativePath, kind)
                || ExtensionDowngrade.upScript(relativePath).isPresent()) {
            return Optional.empty();
        }
        if (kind.isStructuredChangelog()) {
            // Changelogs named for a step around one changelog run on one database, one after the other
            return Optional.of(new Place("changelog " + StepWords.of(relativePath).stem(), 2, null, relativePath));
        }
        String history = historyOf(parts);
        Optional<FlywayScriptName> flyway = classification.flywayName();
        if ((kind == SourceKind.FLYWAY_VERSIONED || kind == SourceKind.FLYWAY_BASELINE)
                && flyway.flatMap(FlywayScriptName::version).isPresent()) {
            return Optional.of(new Place(history, 0, flyway.get().version().get(), relativePath,
                    kind == SourceKind.FLYWAY_BASELINE));
        }
        if (kind == SourceKind.FLYWAY_REPEATABLE && flyway.isPresent()) {
            return Optional.of(new Place(history, 1, null, flyway.get().description() + "\u0000" + relativePath));
        }
        return Optional.of(new Place(history, 2, null, relativePath));
    }

    /**
     * The history the first part of a path that names a database starts, under one spelling of the name: one
     * database's scripts may sit in folders that spell it differently (a project's Flyway scripts in
     * {@code org.postgresql.Driver/}, the later ones in {@code native/1.1.0/postgres/}), and are one history all
     * the same. Empty when no part names a database.
     */
    private static String historyOf(List<String> parts) {
        return parts.stream().filter(DatabaseNames::isDatabase).findFirst().map(DatabaseScope::canonical).orElse("");
    }

    /**
     * What a down or undo script reverses: the up script next to it ({@code 2020_x/down.sql} and
     * {@code 2020_x/up.sql}, {@code x.mysql.down.sql} and {@code x.mysql.up.sql}, {@code 1.1_to_1.2_rollback.sql}
     * and {@code 1.1_to_1.2_upgrade.sql}) or, for a Flyway undo script, the versioned script of the same version in
     * its history.
     *
     * @param upPath the likeliest path of the up script, or empty
     * @param history the history of the script reversed
     * @param version the Flyway version reversed, or null
     * @param reversingPath the path of the reversing script when its name's last word says what it reverses
     *     ({@code _rollback}, {@code _undo}), from which {@link #upPaths} derives the other paths its up script may
     *     have; empty otherwise
     */
    public record Reversal(String upPath, String history, FlywayVersion version, String reversingPath) {

        Reversal(String upPath, String history, FlywayVersion version) {
            this(upPath, history, version, "");
        }

        /**
         * The paths its up script may have, the likeliest first (the first that exists is the one), or the empty
         * path alone. Derived when asked: a project's thousands of down scripts each holding ten candidate names
         * took a tenth of a small heap.
         */
        public List<String> upPaths() {
            List<String> paths = new ArrayList<>(List.of(upPath));
            DownScriptName.forwardScripts(reversingPath).stream().filter(path -> !paths.contains(path))
                    .forEach(paths::add);
            return paths;
        }
    }

    /** The script {@code relativePath} reverses, when it is a down or undo script. */
    public static Optional<Reversal> reversal(String relativePath, SourceClassification classification) {
        String lower = relativePath.toLowerCase(Locale.ROOT);
        List<String> parts = DatabaseNames.parts(lower);
        String history = historyOf(parts);
        if (classification.kind() == SourceKind.FLYWAY_UNDO) {
            return classification.flywayName().flatMap(FlywayScriptName::version)
                    .map(version -> new Reversal("", history, version));
        }
        Optional<String> upgrade = ExtensionDowngrade.upScript(relativePath);
        if (upgrade.isPresent() && classification.kind() != SourceKind.OTHER) {
            return Optional.of(new Reversal(upgrade.get(), history, null));
        }
        if (classification.kind() == SourceKind.OTHER) {
            return Optional.empty();
        }
        java.util.regex.Matcher down = DOWN_PART.matcher(lower);
        int at = -1;
        while (down.find()) {
            at = down.start();
        }
        List<String> forward = DownScriptName.forwardScripts(relativePath);
        if (at < 0 && forward.isEmpty()) {
            return Optional.empty();
        }
        String upPath = at >= 0 ? relativePath.substring(0, at) + "up" + relativePath.substring(at + 4) : forward.get(0);
        return Optional.of(new Reversal(upPath, history, null, forward.isEmpty() ? "" : relativePath));
    }

    /**
     * For a file of one database's history, the folder its set of migrations starts in, where files for
     * every database live ({@code sql/} for {@code sql/x.mysql.up.sql}, {@code db/} for
     * {@code db/postgres/V1__x.sql}), and its path with the database's name taken out
     * ({@code sql/x.up.sql}): a file at that path is the version for every other database.
     */
    public record DatabaseFile(String root, String genericPath) {
    }

    /** Where {@code relativePath} names its database, or empty when it names none. */
    public static Optional<DatabaseFile> databaseFile(String relativePath) {
        String lower = relativePath.toLowerCase(Locale.ROOT);
        int start = 0;
        int nameStart = Math.max(lower.lastIndexOf('/'), lower.lastIndexOf('\\')) + 1;
        Optional<String> leading = DatabaseNames.leadingWord(lower.substring(nameStart))
                .filter(DatabaseNames::isDatabase);
        boolean hyphenated = DatabaseNames.hyphenatedEnds(lower.substring(nameStart)).stream()
                .anyMatch(DatabaseNames::isDatabase);
        for (String part : namesAndSeparators(lower)) {
            if (start == nameStart && leading.isPresent()) {
                // mysql_engine_7.0_to_7.1.sql: engine_7.0_to_7.1.sql would be the file for every other database
                return Optional.of(new DatabaseFile(relativePath.substring(0, nameStart), relativePath.substring(0,
                        nameStart) + relativePath.substring(nameStart + leading.get().length() + 1)));
            }
            if (start == nameStart && hyphenated) {
                // Spring runs schema.sql as well as schema-mysql.sql, so no name here is another database's version
                return Optional.of(new DatabaseFile(relativePath.substring(0, nameStart), ""));
            }
            if (DatabaseNames.isDatabase(part)) {
                String root = relativePath.substring(0, Math.max(lower.lastIndexOf('/', start),
                        lower.lastIndexOf('\\', start)) + 1);
                boolean inName = start > 0 && lower.charAt(start - 1) == '.';
                String generic = inName ? relativePath.substring(0, start - 1) + relativePath.substring(start
                        + part.length()) : "";
                return Optional.of(new DatabaseFile(root, generic));
            }
            start += part.length();
        }
        return Optional.empty();
    }

    /** {@code path} cut before and after each {@code /} and {@code .}: {@code a/b.sql} is a, /, b, ., sql. */
    private static List<String> namesAndSeparators(String path) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '/' || c == '.') {
                if (i > from) {
                    parts.add(path.substring(from, i));
                }
                parts.add(String.valueOf(c));
                from = i + 1;
            }
        }
        if (from < path.length()) {
            parts.add(path.substring(from));
        }
        return parts;
    }

    /**
     * Orders places of one history as the tool applies them. The comparator works out each plain file's sort key
     * once and keeps it, so it is meant for one sort: a sort compares each file many times.
     */
    public static Comparator<Place> appliedFirst() {
        Map<String, PlainKey> keys = new HashMap<>();
        return Comparator.comparing(Place::history)
                .thenComparingInt(Place::group)
                .thenComparing(Place::version, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing((a, b) -> a.group() == 2
                        ? keys.computeIfAbsent(a.sortName(), PlainKey::of).compareTo(
                                keys.computeIfAbsent(b.sortName(), PlainKey::of))
                        : a.sortName().compareTo(b.sortName()));
    }

    /**
     * How a plain file sorts: by its path without the database's name, then, for two such twins, by the whole path;
     * siblings named for a step around the same script run before, plain, after ({@link StepWords}); a script named
     * to run before or after the rest of its folder runs first or last in it ({@link FolderStepWords}).
     */
    private record PlainKey(String neutralStem, String stem, int step, String neutralPath, String path)
            implements Comparable<PlainKey> {

        static PlainKey of(String path) {
            StepWords.Named named = StepWords.of(path);
            return new PlainKey(orderKey(DatabaseNeutralPath.of(named.stem())), orderKey(named.stem()), named.step(),
                    orderKey(DatabaseNeutralPath.of(path)), orderKey(path));
        }

        private static String orderKey(String path) {
            return PrismaMigrationFolders.orderKey(DieselMigrationFolders.orderKey(FolderStepWords.orderPath(
                    UpgradeStepNames.orderPath(path))));
        }

        @Override
        public int compareTo(PlainKey other) {
            // By stem first for every pair, not only for siblings, so that the order stays transitive.
            int byStem = pathOrder(neutralStem, stem, other.neutralStem, other.stem);
            if (byStem != 0) {
                return byStem;
            }
            return step != other.step ? Integer.compare(step, other.step)
                    : pathOrder(neutralPath, path, other.neutralPath, other.path);
        }

        private static int pathOrder(String neutralA, String a, String neutralB, String b) {
            int neutral = NumberedPathOrder.INSTANCE.compare(neutralA, neutralB);
            return neutral != 0 ? neutral : NumberedPathOrder.INSTANCE.compare(a, b);
        }
    }
}
