package io.github.sqlguard.schema;

import io.github.sqlguard.source.SourceClassification;
import io.github.sqlguard.sql.Statement;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scanned files grouped into the histories {@link MigrationOrder} tells apart, each replayed in the
 * order the tool applies it. Add every file first, then {@link #replay()}, then ask {@link #factsFor}.
 */
public final class MigrationHistories {

    private record File(MigrationOrder.Place place, List<Statement> statements) {
    }

    private final List<File> files = new ArrayList<>();
    private final Map<Statement, SchemaReplay> replayOf = new IdentityHashMap<>();

    /** Adds a file's statements, in the order they run within the file; ignored when it is not replayed. */
    public void add(String relativePath, SourceClassification classification, List<Statement> statements) {
        MigrationOrder.of(relativePath, classification)
                .ifPresent(place -> files.add(new File(place, List.copyOf(statements))));
    }

    /** Replays every history. */
    public void replay() {
        files.sort((a, b) -> MigrationOrder.APPLIED_FIRST.compare(a.place(), b.place()));
        Map<String, SchemaReplay> replays = new LinkedHashMap<>();
        for (File file : files) {
            SchemaReplay replay = replays.computeIfAbsent(file.place().history(), history -> new SchemaReplay());
            for (Statement statement : file.statements()) {
                replay.apply(statement);
                replayOf.put(statement, replay);
            }
        }
    }

    /** What the replay knows for {@code statement}; {@link SchemaFacts#UNKNOWN} for one it did not see. */
    public SchemaFacts factsFor(Statement statement) {
        SchemaReplay replay = replayOf.get(statement);
        return replay == null ? SchemaFacts.UNKNOWN : replay.factsFor(statement);
    }
}
