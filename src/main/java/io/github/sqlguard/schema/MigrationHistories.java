package io.github.sqlguard.schema;

import io.github.sqlguard.source.SourceClassification;
import io.github.sqlguard.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scanned files grouped into the histories {@link MigrationOrder} tells apart, each replayed in the
 * order the tool applies it. Register every file with {@link #add}, then feed the files in
 * {@link #appliedOrder()} to {@link #replay}, then ask {@link #factsFor} about their statements.
 *
 * <p>The files need not all be in memory at once: a caller may replay a few, check them, {@link #forget} their
 * statements and go on with the next ones. Replaying and asking must not overlap in time.
 */
public final class MigrationHistories {

    private record File(String path, MigrationOrder.Place place) {
    }

    private final Map<String, File> files = new LinkedHashMap<>();
    private final Map<Statement, SchemaReplay> replayOf = new IdentityHashMap<>();
    private final Map<String, SchemaReplay> replays = new HashMap<>();
    private final Map<String, String> chains = new HashMap<>();
    private final Map<String, String> historyBefore = new HashMap<>();

    /** Registers a file; ignored when the migration tool does not apply it (undo and down scripts, ..). */
    public void add(String relativePath, SourceClassification classification) {
        MigrationOrder.of(relativePath, classification)
                .ifPresent(place -> files.put(relativePath, new File(relativePath, place)));
    }

    /** True when {@code relativePath} was registered and is replayed. */
    public boolean replays(String relativePath) {
        return files.containsKey(relativePath);
    }

    /** The registered files, each history in the order the tool applies it. */
    public List<String> appliedOrder() {
        return files.values().stream().sorted((a, b) -> MigrationOrder.APPLIED_FIRST.compare(a.place(), b.place()))
                .map(File::path).toList();
    }

    /**
     * Replays a registered file's statements, in the order they run within it, after every file before it in
     * {@link #appliedOrder()}; ignored for a file that was not registered.
     */
    public void replay(String relativePath, List<Statement> statements) {
        File file = files.get(relativePath);
        if (file == null) {
            return;
        }
        String history = file.place().history();
        SchemaReplay replay = replays.computeIfAbsent(history, key -> new SchemaReplay());
        String chain = chains.getOrDefault(history, "");
        historyBefore.put(relativePath, chain);
        StringBuilder text = new StringBuilder(chain);
        for (Statement statement : statements) {
            replay.apply(statement);
            replayOf.put(statement, replay);
            text.append('\n').append(statement.sql());
        }
        chains.put(history, sha256(text.toString()));
    }

    /** Drops what is kept for answering about {@code statements}; they were checked and are asked no more. */
    public void forget(List<Statement> statements) {
        for (Statement statement : statements) {
            SchemaReplay replay = replayOf.remove(statement);
            if (replay != null) {
                replay.forget(statement);
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

    /** What the replay knows for {@code statement}; {@link SchemaFacts#UNKNOWN} for one it did not see. */
    public SchemaFacts factsFor(Statement statement) {
        SchemaReplay replay = replayOf.get(statement);
        return replay == null ? SchemaFacts.UNKNOWN : replay.factsFor(statement);
    }
}
