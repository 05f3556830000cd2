package io.github.sqlguard.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one statement was replayed on in histories that run apart: folders of one version each
 * ({@link SameVersionFolders}), copies of one folder ({@link MirroredFolders}), lines of upgrade steps
 * ({@link ProductLineSteps}), root changelogs that include the same changelog. A script that runs in several of them
 * (one outside every such folder, beside every line, or included by several roots) is judged in each, under a name
 * that tells them apart: kept under the database alone, one history's schema would replace the other's, and a
 * widening there would hide the narrowing here.
 */
final class ApartHistories {

    /** Between a database and the history it was replayed in, as {@link DatabaseVariants#describe} reads it. */
    static final char SEPARATOR = '\u0000';

    /** How {@link MigrationHistories} names the folder of an install script's own history. */
    private static final String INSTALL = "install ";

    private final Map<StatementKey, List<Sighting>> sightings = new LinkedHashMap<>();

    /** A statement's replays in one history, by database, and how messages name that history. */
    private record Sighting(String label, Map<String, SchemaReplay> into) {
    }

    /** How messages name the history of {@code folder} and {@code line}: empty for one that nothing splits. */
    static String label(String folder, String line) {
        if (!line.isEmpty()) {
            return "the steps from " + line;
        }
        if (folder.startsWith(INSTALL)) {
            return "the install in " + folder.substring(INSTALL.length());
        }
        return folder.isEmpty() ? "" : "the scripts of " + folder;
    }

    /** How messages name the history a root changelog runs, with the changelogs it includes. */
    static String rootLabel(String rootPath) {
        return "the changelog " + rootPath;
    }

    /** Records that {@code key}'s statement was replayed on {@code into} in the history {@code label} names. */
    void add(StatementKey key, String label, Map<String, SchemaReplay> into) {
        sightings.computeIfAbsent(key, k -> new ArrayList<>(1)).add(new Sighting(label, into));
    }

    /** Adds every statement's replays to {@code replayOf}, each database of a history kept apart where two meet. */
    void addTo(Map<StatementKey, Map<String, SchemaReplay>> replayOf) {
        sightings.forEach((key, seen) -> {
            if (seen.size() == 1) {
                MigrationHistories.addReplays(replayOf, key, seen.get(0).into());
                return;
            }
            Map<String, Integer> histories = new HashMap<>();
            seen.forEach(sighting -> sighting.into().keySet().forEach(database -> histories.merge(database, 1,
                    Integer::sum)));
            Map<String, SchemaReplay> all = new LinkedHashMap<>();
            for (Sighting sighting : seen) {
                sighting.into().forEach((database, replay) -> all.put(histories.get(database) > 1
                        && !sighting.label().isEmpty() ? database + SEPARATOR + sighting.label() : database, replay));
            }
            MigrationHistories.addReplays(replayOf, key, Collections.unmodifiableMap(all));
        });
        sightings.clear();
    }
}
