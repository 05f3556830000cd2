package io.github.sqlguard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.source.SourceClassification;
import io.github.sqlguard.source.SourceKind;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A PostgreSQL extension update script that goes down a version is no step on the way up: it reverses the script
 * of the opposite direction, and is replayed after that one only.
 */
class ExtensionDowngradeTest {

    private static final SourceClassification PLAIN = SourceClassification.of(SourceKind.PLAIN_SQL);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ext/updates/3.1.0--3.0.4.sql          | ext/updates/3.0.4--3.1.0.sql
            sql/myext--1.10--1.9.sql              | sql/myext--1.9--1.10.sql
            sql/my-ext--2.0--1.9.1.sql            | sql/my-ext--1.9.1--2.0.sql
            2.1--2.0.9.sql                        | 2.0.9--2.1.sql
            """)
    void aDowngradeReversesTheUpdateOfTheOppositeDirection(String downgrade, String update) {
        assertEquals(Optional.of(update), ExtensionDowngrade.upScript(downgrade));
        assertTrue(MigrationOrder.of(downgrade, PLAIN).isEmpty(), "not replayed on the way up");
        assertEquals(update, MigrationOrder.reversal(downgrade, PLAIN).orElseThrow().upPath());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ext/updates/3.0.4--3.1.0.sql", "sql/myext--1.9--1.10.sql", "sql/myext--1.0.sql",
        "updates/latest-dev.sql", "db/2.0--2.0.sql", "db/V2__drop--1.sql"})
    void anUpdateOrInstallScriptIsAStepOfTheHistory(String path) {
        assertTrue(ExtensionDowngrade.upScript(path).isEmpty(), path);
        assertTrue(MigrationOrder.of(path, PLAIN).isPresent(), path);
    }
}
