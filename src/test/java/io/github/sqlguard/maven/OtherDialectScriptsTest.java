package io.github.sqlguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.LintConfig;
import io.github.sqlguard.model.Dialect;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OtherDialectScriptsTest {

    private static final List<String> FILES = List.of("db/migration/postgresql/V1__a.sql",
            "db/migration/mysql/V1__a.sql", "db/migration/mysql/V2__b.sql", "db/migration/mariadb/V1__a.sql",
            "db/migration/db2/V1__a.sql", "sql/x.sqlserver.up.sql", "V3__plain.sql");

    @Test
    void namesTheFoldersAConfiguredDialectLeavesToTheirOwnDatabase() {
        assertEquals(Optional.of("sqlguard: dialect postgresql is configured, but 4 scripts whose folder or file name"
                + " names a database of another dialect are read in its dialect: db/migration/mariadb/ (mariadb,"
                + " 1 script), db/migration/mysql/ (mysql, 2 scripts), sql/ (sqlserver, 1 script)"),
                OtherDialectScripts.of(config(Dialect.POSTGRESQL), FILES).otherDialect());
    }

    @Test
    void saysNothingWithoutAConfiguredDialectOrWhenItReadsEveryScript() {
        assertEquals(Optional.empty(), OtherDialectScripts.of(config(Dialect.AUTO), FILES).otherDialect());
        assertEquals(Optional.empty(), OtherDialectScripts.of(config(Dialect.MYSQL), List.of(
                "db/migration/mysql/V1__a.sql", "db/migration/mariadb/V1__a.sql", "db/db2/V1.sql")).otherDialect());
    }

    @Test
    void namesTheFoldersOfDatabasesWithoutADialectThatAConfiguredDialectReads() {
        List<String> files = List.of("db/upgrade-scripts/sqlserver/x.sql", "db/upgrade-scripts/sybase/a.sql",
                "db/upgrade-scripts/sybase/b.sql", "db/upgrade-scripts/db2/a.sql", "/home/db2/a.sql", "db/plain.sql");

        assertEquals(Optional.of("sqlguard: dialect sqlserver is configured and reads 3 scripts of a database it does"
                + " not describe: db/upgrade-scripts/db2/ (db2, 1 script), db/upgrade-scripts/sybase/ (sybase,"
                + " 2 scripts); where that database's SQL means something else, a finding can be missed (with"
                + " dialect auto they are read in no database's dialect)"),
                OtherDialectScripts.of(config(Dialect.SQLSERVER), files).undescribed());
        assertEquals(Optional.empty(), OtherDialectScripts.of(config(Dialect.AUTO), files).undescribed());
        assertEquals(Optional.empty(),
                OtherDialectScripts.of(config(Dialect.MYSQL), FILES.subList(0, 4)).undescribed());
    }

    private static LintConfig config(Dialect dialect) {
        LintConfig defaults = LintConfig.defaults(Path.of("."), List.of(Path.of(".")));
        return new LintConfig(defaults.baseDir(), defaults.directories(), defaults.includes(), defaults.excludes(),
                dialect, defaults.encoding(), defaults.ruleLevels(), defaults.disabledRules(), defaults.flyway(),
                defaults.liquibase(), defaults.suppressions(), defaults.baselineFile(), defaults.maxFileBytes(),
                defaults.threads());
    }
}
