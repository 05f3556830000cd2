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

/**
 * The scanned files grouped into the histories {@link MigrationOrder} tells apart, each replayed in the
 * order the tool applies it. Add every file first, then {@link #replay()}, then ask {@link #factsFor}.
 */
public final class MigrationHistories {

    private record File(String path, MigrationOrder.Place place, List<Statement> statements) {
    }

    private final List<File> files = new ArrayList<>();
    private final Map<Statement, SchemaReplay> replayOf = new IdentityHashMap<>();
    private final Map<String, String> historyBefore = new HashMap<>();

    /** Adds a file's statements, in the order they run within the file; ignored when it is not replayed. */
    public void add(String relativePath, SourceClassification classification, List<Statement> statements) {
        MigrationOrder.of(relativePath, classification)
                .ifPresent(place -> files.add(new File(relativePath, place, List.copyOf(statements))));
    }

    /** Replays every history. */
    public void replay() {
        files.sort((a, b) -> MigrationOrder.APPLIED_FIRST.compare(a.place(), b.place()));
        Map<String, SchemaReplay> replays = new LinkedHashMap<>();
        Map<String, String> chains = new HashMap<>();
        for (File file : files) {
            SchemaReplay replay = replays.computeIfAbsent(file.place().history(), history -> new SchemaReplay());
            String chain = chains.getOrDefault(file.place().history(), "");
            historyBefore.put(file.path(), chain);
            StringBuilder text = new StringBuilder(chain);
            for (Statement statement : file.statements()) {
                replay.apply(statement);
                replayOf.put(statement, replay);
                text.append('\n').append(statement.sql());
            }
            chains.put(file.place().history(), sha256(text.toString()));
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
