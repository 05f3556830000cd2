package io.github.sqlguard.schema;

import io.github.sqlguard.source.FlywayVersion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which Flyway baseline migrations ({@code B1_20_0__baseline.sql}) the replay runs. Flyway applies the latest
 * baseline to an empty database in place of every versioned script up to its version, and never applies one to a
 * database those scripts built. So a history replays its latest baseline, before the versioned scripts above it,
 * only when it holds no versioned script at or below that version; otherwise those scripts build the schema, as on
 * the databases that ran them, and no baseline is replayed. Every baseline is still checked.
 */
final class FlywayBaselines {

    private FlywayBaselines() {
    }

    /** {@code files} without the baselines their history does not replay; {@code placeOf} reads a file's place. */
    static <T> List<T> replayed(List<T> files, Function<T, MigrationOrder.Place> placeOf) {
        Map<String, FlywayVersion> latest = new HashMap<>();
        for (T file : files) {
            MigrationOrder.Place place = placeOf.apply(file);
            if (place.baseline()) {
                latest.merge(place.history(), place.version(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
            }
        }
        if (latest.isEmpty()) {
            return files;
        }
        Map<String, Boolean> versionedBelow = new HashMap<>();
        for (T file : files) {
            MigrationOrder.Place place = placeOf.apply(file);
            FlywayVersion baseline = latest.get(place.history());
            if (baseline != null && !place.baseline() && place.version() != null
                    && place.version().compareTo(baseline) <= 0) {
                versionedBelow.put(place.history(), true);
            }
        }
        return files.stream().filter(file -> {
            MigrationOrder.Place place = placeOf.apply(file);
            return !place.baseline() || !versionedBelow.getOrDefault(place.history(), false)
                    && place.version().equals(latest.get(place.history()));
        }).toList();
    }
}
