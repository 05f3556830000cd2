package io.github.sqlguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Property names of earlier versions still work, and the log names their replacement. */
class DeprecatedPropertiesTest {

    private final List<String> warnings = new ArrayList<>();

    private DeprecatedProperties with(String name, String value) {
        Properties user = new Properties();
        user.setProperty(name, value);
        return new DeprecatedProperties(user, new Properties(), warnings::add);
    }

    @Test
    void anOldNameFillsAnUnsetParameterAndNamesTheNewProperty() {
        DeprecatedProperties old = with("sqlguard.flyway.sqlMigrationPrefix", "M");

        assertEquals("M", old.valueOf(DeprecatedProperties.SQL_MIGRATION_PREFIX, null));
        assertEquals(List.of("sqlguard: the property sqlguard.flyway.sqlMigrationPrefix is deprecated; use "
                + "sqlguard.sqlMigrationPrefix"), warnings);
    }

    @Test
    void theNewNameWinsAndTheWarningSaysTheOldOneWasIgnored() {
        DeprecatedProperties old = with("sqlguard.flyway.sqlMigrationSeparator", "--");

        assertEquals("__", old.valueOf(DeprecatedProperties.SQL_MIGRATION_SEPARATOR, "__"));
        assertEquals(1, warnings.size());
        assertEquals(true, warnings.get(0).contains("use sqlguard.sqlMigrationSeparator (it is set, so "
                + "sqlguard.flyway.sqlMigrationSeparator was ignored)"), warnings.get(0));
    }

    @Test
    void suffixesFromAnOldNameAreSplitAtCommas() {
        DeprecatedProperties old = with("sqlguard.flyway.sqlMigrationSuffixes", ".sql, .pgsql");

        assertEquals(List.of(".sql", ".pgsql"), old.valuesOf(DeprecatedProperties.SQL_MIGRATION_SUFFIXES, null));
        assertEquals(1, warnings.size());
    }

    @Test
    void withoutOldNamesNothingChangesAndNothingIsLogged() {
        DeprecatedProperties none = new DeprecatedProperties(new Properties(), new Properties(), warnings::add);

        assertEquals(null, none.valueOf(DeprecatedProperties.UNDO_SQL_MIGRATION_PREFIX, null));
        assertEquals(List.of(".sql"), none.valuesOf(DeprecatedProperties.SQL_MIGRATION_SUFFIXES, List.of(".sql")));
        assertEquals(List.of(), warnings);
    }

    @Test
    void aSystemPropertyCountsWhenNoUserPropertyIsGiven() {
        Properties system = new Properties();
        system.setProperty("sqlguard.flyway.repeatableSqlMigrationPrefix", "RR");
        DeprecatedProperties old = new DeprecatedProperties(new Properties(), system, warnings::add);

        assertEquals("RR", old.valueOf(DeprecatedProperties.REPEATABLE_SQL_MIGRATION_PREFIX, null));
    }
}
