package io.github.sqlguard.liquibase;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.source.DatabaseNames;
import io.github.sqlguard.sql.DatabaseScope;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Picks the dialect for a changeset from its {@code dbms} attribute: when the build did not configure a
 * dialect (AUTO) and the changeset runs on exactly one known database, its SQL is written for that
 * database and parses best with that dialect. Without such a {@code dbms}, a folder named for a database
 * ({@code changelog/mysql/}) says the same of the files in it.
 */
final class DbmsDialect {

    private DbmsDialect() {
    }

    /** The configured dialect, else that of the changeset's single dbms, else that of its file's folder. */
    static Dialect of(String dbms, Dialect configured, String relativePath) {
        Dialect chosen = of(dbms, configured);
        return chosen == Dialect.AUTO ? ofFile(relativePath, configured) : chosen;
    }

    /** The configured dialect, else that of the database the file's folder (or a part of its name) names. */
    static Dialect ofFile(String relativePath, Dialect configured) {
        return configured == Dialect.AUTO ? DatabaseNames.dialectWithinProject(relativePath) : configured;
    }

    static Dialect of(String dbms, Dialect configured) {
        if (configured != Dialect.AUTO || dbms == null || dbms.isBlank()) {
            return configured;
        }
        List<String> names = Arrays.stream(dbms.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (names.size() != 1 || names.get(0).startsWith("!")) {
            return configured;
        }
        return switch (names.get(0).toLowerCase(Locale.ROOT)) {
            case "postgresql" -> Dialect.POSTGRESQL;
            case "mysql" -> Dialect.MYSQL;
            case "mariadb" -> Dialect.MARIADB;
            case "mssql" -> Dialect.SQLSERVER;
            case "oracle" -> Dialect.ORACLE;
            case "h2" -> Dialect.H2;
            case "sqlite" -> Dialect.SQLITE;
            default -> configured;
        };
    }

    /**
     * The databases whose changelog properties a changeset sees: those its {@code dbms} names, else the
     * database of {@code dialect} (configured, inferred from the project or from the file's folder), unless
     * that one is excluded or unknown (AUTO): then every database the changeset may run on. The MySQL dialect
     * also reads MariaDB's SQL, so it stands for both.
     */
    static DatabaseScope propertyScope(DatabaseScope changeSet, Dialect dialect) {
        if (!changeSet.included().isEmpty()) {
            return changeSet;
        }
        Set<String> databases = switch (dialect) {
            case AUTO -> Set.of();
            case MYSQL -> Set.of("mysql", "mariadb");
            case SQLSERVER -> Set.of("mssql");
            default -> Set.of(dialect.configName());
        };
        DatabaseScope ofDialect = new DatabaseScope(databases, changeSet.excluded());
        return databases.isEmpty() || ofDialect.runsNowhere() ? changeSet : ofDialect;
    }
}
