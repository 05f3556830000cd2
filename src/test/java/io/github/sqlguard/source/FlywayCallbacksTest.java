package io.github.sqlguard.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A callback's finding says when Flyway runs it: a script that runs only when a migrate fails is not every deploy. */
class FlywayCallbacksTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "afterMigrate.sql                         | on every migrate",
        "AFTERMIGRATE__refresh.sql                | on every migrate",
        "beforeEachMigrate.sql                    | before each script of every migrate",
        "afterEachMigrateStatement.sql            | after each statement of every migrate",
        "afterEachMigrateStatementError.sql       | when a statement of a migrate fails",
        "afterEachMigrateError.sql                | when a script of a migrate fails",
        "afterMigrateError.sql                    | when a migrate fails",
        "afterUndoError.sql                       | when an undo fails",
        "afterMigrateApplied.sql                  | after every migrate that applied a migration",
        "beforeRepeatables.sql                    | before the repeatable migrations of every migrate",
        "beforeClean.sql                          | on every clean",
        "createSchema.sql                         | on every creation of the schema",
        "afterVersioned.sql                       | after the versioned migrations of every migrate",
        "afterConnect.sql                         | on every connection Flyway opens",
    })
    void aCallbackSaysWhenItRuns(String fileName, String when) {
        String written = fileName.substring(0, fileName.indexOf('.')).split("__")[0];
        String event = FlywayCallbacks.eventOf(fileName, "__", List.of(".sql")).orElseThrow();

        assertEquals(written.toLowerCase(Locale.ROOT), event.toLowerCase(Locale.ROOT));
        assertEquals(Optional.of("Flyway callback " + event + ", which runs " + when),
                FlywayCallbacks.label(fileName, "__", List.of(".sql")));
    }
}
