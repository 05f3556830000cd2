package io.github.sqlguard.schema;

import io.github.sqlguard.source.SourceClassification;
import io.github.sqlguard.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The scanned files grouped into the histories {@link MigrationOrder} tells apart, each replayed in the
 * order the tool applies it. Add every file first, then {@link #replay()}, then ask {@link #factsFor}.
 *
 * <p>Within a changelog, changesets for one database ({@code dbms}, see {@link DatabaseVariants}) are
 * replayed only into that database's history, so one database's DDL never shapes the schema another
 * database's changeset is judged against. A down or undo script is replayed on a copy of its history just
 * after the script it reverses, and changes nothing after it.
 */
public final class MigrationHistories {

    private record File(String path, MigrationOrder.Place place, List<Statement> statements) {
    }

    private record Reversing(String path, MigrationOrder.Reversal reversal, List<Statement> statements) {
    }

    private static final String CHANGELOG = "changelog ";

    private final List<File> files = new ArrayList<>();
    private final List<Reversing> reversing = new ArrayList<>();
    private final Map<Statement, Map<String, SchemaReplay>> replayOf = new IdentityHashMap<>();
    private final Map<String, String> historyBefore = new HashMap<>();
    private final Map<String, String> notReplayed = new HashMap<>();

    /** Adds a file's statements, in the order they run within the file; ignored when it is not replayed. */
    public void add(String relativePath, SourceClassification classification, List<Statement> statements) {
        var place = MigrationOrder.of(relativePath, classification);
        if (place.isPresent()) {
            files.add(new File(relativePath, place.get(), List.copyOf(statements)));
            return;
        }
        var reversal = MigrationOrder.reversal(relativePath, classification);
        if (reversal.isPresent()) {
            reversing.add(new Reversing(relativePath, reversal.get(), List.copyOf(statements)));
        } else {
            notReplayed.put(relativePath, classification.kind() == io.github.sqlguard.source.SourceKind.OTHER
                    ? "this file is not a migration the schema replay follows"
                    : "undo, rollback and revert scripts are replayed only when paired with what they reverse");
        }
    }

    /** Replays every history. */
    public void replay() {
        List<File> joined = withGenericFilesJoined(files);
        files.clear();
        files.addAll(joined);
        files.sort((a, b) -> MigrationOrder.APPLIED_FIRST.compare(a.place(), b.place()));
        Map<String, List<String>> variants = DatabaseVariants.of(files.stream()
                .map(file -> Map.entry(file.place().history(), file.statements())).toList());
        Map<String, Map<String, SchemaReplay>> replays = new LinkedHashMap<>();
        Map<String, String> chains = new HashMap<>();
        for (File file : files) {
            String history = file.place().history();
            Map<String, SchemaReplay> group = replays.computeIfAbsent(history, h -> {
                Map<String, SchemaReplay> byDatabase = new LinkedHashMap<>();
                variants.getOrDefault(h, List.of(h.startsWith(CHANGELOG) ? "" : h))
                        .forEach(database -> byDatabase.put(database, new SchemaReplay()));
                return byDatabase;
            });
            String chain = chains.getOrDefault(history, "");
            historyBefore.merge(file.path(), chain, String::concat);
            StringBuilder text = new StringBuilder(chain);
            for (Statement statement : file.statements()) {
                Map<String, SchemaReplay> into = new LinkedHashMap<>();
                group.forEach((database, replay) -> {
                    if (statement.context().databases().includes(database)) {
                        replay.apply(statement);
                        into.put(database, replay);
                    }
                });
                replayOf.computeIfAbsent(statement, s -> new LinkedHashMap<>()).putAll(into);
                text.append('\n').append(statement.sql());
            }
            chains.put(history, sha256(text.toString()));
            replayReversals(file, group, chains.get(history));
        }
        for (Reversing down : reversing) {
            if (!down.statements().isEmpty() && !replayOf.containsKey(down.statements().get(0))) {
                notReplayed.put(down.path(), "no up script for this down script was found to replay it after");
            }
        }
    }

    /**
     * The files with a history per database they belong to: a file that names no database, in the folder
     * where files for several databases live ({@code sql/x.up.sql} next to {@code sql/x.mysql.up.sql}, or
     * {@code db/V1__x.sql} above {@code db/postgres/}), runs on each of them, except on a database that has
     * its own version of the same file.
     */
    private static List<File> withGenericFilesJoined(List<File> files) {
        Map<String, List<String>> rootsByDatabase = new HashMap<>();
        Map<String, java.util.Set<String>> ownVersions = new HashMap<>();
        for (File file : files) {
            String history = file.place().history();
            if (!history.isEmpty() && !history.startsWith(CHANGELOG)) {
                MigrationOrder.databaseFile(file.path()).ifPresent(named -> {
                    List<String> roots = rootsByDatabase.computeIfAbsent(history, h -> new ArrayList<>());
                    if (!roots.contains(named.root())) {
                        roots.add(named.root());
                    }
                    ownVersions.computeIfAbsent(history, h -> new java.util.HashSet<>()).add(named.genericPath());
                });
            }
        }
        List<File> joined = new ArrayList<>();
        for (File file : files) {
            if (!file.place().history().isEmpty()) {
                joined.add(file);
                continue;
            }
            List<String> databases = rootsByDatabase.entrySet().stream()
                    .filter(entry -> entry.getValue().stream().anyMatch(root -> file.path().startsWith(root)))
                    .map(Map.Entry::getKey).sorted().toList();
            if (databases.isEmpty()) {
                joined.add(file);
            }
            for (String database : databases) {
                if (!ownVersions.get(database).contains(file.path())) {
                    MigrationOrder.Place place = file.place();
                    joined.add(new File(file.path(), new MigrationOrder.Place(database, place.group(), place.version(),
                            place.sortName()), file.statements()));
                }
            }
        }
        return joined;
    }

    /** The down and undo scripts that reverse {@code file}, each on its own copy of the schema after it. */
    private void replayReversals(File file, Map<String, SchemaReplay> group, String chainAfter) {
        for (Reversing down : reversing) {
            MigrationOrder.Reversal reversal = down.reversal();
            boolean reverses = reversal.version() == null ? reversal.upPath().equals(file.path())
                    : reversal.history().equals(file.place().history())
                            && Objects.equals(reversal.version(), file.place().version());
            if (!reverses) {
                continue;
            }
            // The schema a down script is checked against is the one after the script it reverses.
            historyBefore.merge(down.path(), chainAfter, String::concat);
            Map<String, SchemaReplay> forks = new LinkedHashMap<>();
            group.forEach((database, replay) -> forks.put(database, replay.fork()));
            for (Statement statement : down.statements()) {
                Map<String, SchemaReplay> into = new LinkedHashMap<>();
                forks.forEach((database, replay) -> {
                    if (statement.context().databases().includes(database)) {
                        replay.apply(statement);
                        into.put(database, replay);
                    }
                });
                replayOf.computeIfAbsent(statement, s -> new LinkedHashMap<>()).putAll(into);
            }
        }
    }

    /**
     * A digest of every statement replayed before {@code relativePath} in its history, in order: the schema
     * that file is checked against is the same while this is. Empty for a file that was not replayed.
     */
    public String historyBefore(String relativePath) {
        return historyBefore.getOrDefault(relativePath, "");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /**
     * What the replay knows for {@code statement}: the schema of the first database history it runs in, and
     * its column type changes as judged in every one of them. Unknown, with the reason, for one not replayed.
     */
    public SchemaFacts factsFor(Statement statement) {
        Map<String, SchemaReplay> replays = replayOf.get(statement);
        if (replays == null) {
            return SchemaFacts.notReplayed(notReplayed.getOrDefault(statement.start().path(),
                    "the schema replay did not see this statement"));
        }
        if (replays.isEmpty()) {
            return SchemaFacts.notReplayed("its changeset runs on no database this changelog names");
        }
        if (replays.size() == 1 && replays.containsKey("")) {
            return replays.get("").factsFor(statement);
        }
        SchemaFacts first = null;
        List<ColumnRetype> retypes = new ArrayList<>();
        for (Map.Entry<String, SchemaReplay> entry : replays.entrySet()) {
            SchemaFacts facts = entry.getValue().factsFor(statement);
            first = first == null ? facts : first;
            facts.retypes().forEach(retype -> retypes.add(retype.on(DatabaseVariants.describe(entry.getKey()))));
        }
        return new SchemaFacts(first.before(), retypes);
    }
}
