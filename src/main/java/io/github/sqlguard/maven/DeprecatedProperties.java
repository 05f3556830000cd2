package io.github.sqlguard.maven;

import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The property names sqlguard used before every parameter's property became {@code sqlguard.<parameter>}.
 * A build that still passes an old name keeps working, and the log names the property to use instead.
 */
final class DeprecatedProperties {

    /** An old property name and the name that replaced it. */
    record Renamed(String oldName, String newName) {
    }

    static final Renamed SQL_MIGRATION_PREFIX =
            new Renamed("sqlguard.flyway.sqlMigrationPrefix", "sqlguard.sqlMigrationPrefix");
    static final Renamed UNDO_SQL_MIGRATION_PREFIX =
            new Renamed("sqlguard.flyway.undoSqlMigrationPrefix", "sqlguard.undoSqlMigrationPrefix");
    static final Renamed REPEATABLE_SQL_MIGRATION_PREFIX =
            new Renamed("sqlguard.flyway.repeatableSqlMigrationPrefix", "sqlguard.repeatableSqlMigrationPrefix");
    static final Renamed SQL_MIGRATION_SEPARATOR =
            new Renamed("sqlguard.flyway.sqlMigrationSeparator", "sqlguard.sqlMigrationSeparator");
    static final Renamed SQL_MIGRATION_SUFFIXES =
            new Renamed("sqlguard.flyway.sqlMigrationSuffixes", "sqlguard.sqlMigrationSuffixes");

    private final Properties userProperties;
    private final Properties systemProperties;
    private final Consumer<String> warn;

    /**
     * @param userProperties the {@code -D} properties of the build (they win, as they do for Maven itself)
     * @param systemProperties the JVM's and environment's properties
     * @param warn where the deprecation warnings go
     */
    DeprecatedProperties(Properties userProperties, Properties systemProperties, Consumer<String> warn) {
        this.userProperties = userProperties == null ? new Properties() : userProperties;
        this.systemProperties = systemProperties == null ? new Properties() : systemProperties;
        this.warn = warn;
    }

    /** Fills the mojo's parameters still unset from the property names of earlier versions, warning about each. */
    static void fillUnsetParameters(AbstractSqlguardMojo mojo) {
        DeprecatedProperties old = mojo.session != null
                ? new DeprecatedProperties(mojo.session.getUserProperties(), mojo.session.getSystemProperties(),
                        mojo.getLog()::warn)
                : new DeprecatedProperties(null, System.getProperties(), mojo.getLog()::warn);
        mojo.sqlMigrationPrefix = old.valueOf(SQL_MIGRATION_PREFIX, mojo.sqlMigrationPrefix);
        mojo.undoSqlMigrationPrefix = old.valueOf(UNDO_SQL_MIGRATION_PREFIX, mojo.undoSqlMigrationPrefix);
        mojo.repeatableSqlMigrationPrefix = old.valueOf(REPEATABLE_SQL_MIGRATION_PREFIX,
                mojo.repeatableSqlMigrationPrefix);
        mojo.sqlMigrationSeparator = old.valueOf(SQL_MIGRATION_SEPARATOR, mojo.sqlMigrationSeparator);
        mojo.sqlMigrationSuffixes = old.valuesOf(SQL_MIGRATION_SUFFIXES, mojo.sqlMigrationSuffixes);
    }

    /**
     * The parameter's value: {@code current} when it is set (by the pom or the new property), else the value
     * of the old property, if one was given. Either way a given old property is named in a warning.
     */
    String valueOf(Renamed property, String current) {
        String old = userProperties.getProperty(property.oldName(), systemProperties.getProperty(property.oldName()));
        if (old == null) {
            return current;
        }
        boolean used = current == null || current.isBlank();
        warn.accept("sqlguard: the property " + property.oldName() + " is deprecated; use " + property.newName()
                + (used ? "" : " (it is set, so " + property.oldName() + " was ignored)"));
        return used ? old : current;
    }

    /** As {@link #valueOf(Renamed, String)}, for a list parameter; the old value is split at commas. */
    List<String> valuesOf(Renamed property, List<String> current) {
        boolean set = current != null && !current.isEmpty();
        String value = valueOf(property, set ? String.join(",", current) : null);
        if (set && value != null && value.equals(String.join(",", current))) {
            return current;
        }
        return value == null ? current : ParameterValues.splitList(value);
    }
}
