package io.github.sqlguard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * A snapshot changelog named for a release starts the history of a root changelog whose updates begin with the
 * changelog of updates named for that same release, its counterpart.
 */
class ChangelogSnapshotsTest {

    private static final String SCHEMA_1_0 = "db/snapshots/schema/shop-schema-1.0.x.xml";
    private static final String DATA_1_0 = "db/snapshots/data/shop-data-1.0.x.xml";
    private static final String UPDATES_1_0 = "db/updates/shop-update-to-latest-1.0.x.xml";
    private static final String UPDATES_1_1 = "db/updates/shop-update-to-latest-1.1.x.xml";
    private static final String UPDATES_1_10 = "db/updates/shop-update-to-latest-1.10.x.xml";

    @ParameterizedTest
    @CsvSource({
        "db/snapshots/schema/shop-schema-1.0.x.xml, 1.0.x",
        "db/baseline/shop-2.3.1.yaml, 2.3.1",
        "db/snapshot-shop-v4.0.json, 4.0",
        "db/schema/shop-schema-1.0.x.xml, ''",
        "db/snapshots/shop-schema.xml, ''",
        "db/snapshots/shop-update-1.0.x.xml, ''"})
    void aSnapshotIsAChangelogUnderASnapshotWordNamedForOneRelease(String path, String release) {
        assertEquals(release.isEmpty() ? Optional.empty() : Optional.of(release),
                ChangelogSnapshots.snapshotRelease(path));
    }

    @ParameterizedTest
    @CsvSource({
        "db/updates/shop-update-to-latest-1.9.x.xml, 1.9.x",
        "db/changes-2.0.xml, 2.0",
        "db/upgrade_v3.1.yaml, 3.1",
        "db/shop-1.0.xml, ''",
        "db/update-12.xml, ''"})
    void aChangelogOfUpdatesNamesAChangeWordThenOneRelease(String path, String release) {
        assertEquals(release.isEmpty() ? Optional.empty() : Optional.of(release),
                ChangelogSnapshots.updatesRelease(path));
    }

    @Test
    void theSnapshotsOfTheFirstUpdatesReleaseStartTheRootSchemaBeforeRows() {
        assertEquals(Map.of("db/from-1.0.x.xml", List.of(SCHEMA_1_0, DATA_1_0)),
                ChangelogSnapshots.startingHistories(Map.of(DATA_1_0, Set.of(), SCHEMA_1_0, Set.of(),
                        "db/from-1.0.x.xml", Set.of(UPDATES_1_10, UPDATES_1_1, UPDATES_1_0))));
    }

    @Test
    void aRootWhoseUpdatesBeginAtAnotherReleaseStartsFromNoSnapshot() {
        assertEquals(Map.of(), ChangelogSnapshots.startingHistories(Map.of(SCHEMA_1_0, Set.of(),
                "db/latest.xml", Set.of(UPDATES_1_1, UPDATES_1_10))));
    }

    @Test
    void aRootThatIncludesASnapshotItselfGetsNoOtherBeforeIt() {
        assertEquals(Map.of(), ChangelogSnapshots.startingHistories(Map.of(SCHEMA_1_0, Set.of(),
                "db/install.xml", Set.of("db/snapshots/schema/shop-schema-1.1.x.xml", UPDATES_1_0))));
    }

    @Test
    void aSnapshotThatIncludesUpdatesIsAFullHistoryAndStartsNoOther() {
        assertEquals(Map.of(), ChangelogSnapshots.startingHistories(Map.of(SCHEMA_1_0, Set.of(UPDATES_1_1),
                "db/from-1.0.x.xml", Set.of(UPDATES_1_0))));
    }
}
