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
                + " names a database of another dialect are read in that database's dialect: "
                + "db/migration/mariadb/ (mariadb,"
                + " 1 script), db/migration/mysql/ (mysql, 2 scripts), sql/*.sqlserver.* (sqlserver, 1 script)"),
                OtherDialectScripts.of(config(Dialect.POSTGRESQL), FILES).otherDialect());
    }

    /**
     * Upgrade scripts of several databases in one folder, each named by the first word of its file name: the line
     * names the files of each database, not the folder once per database as if it named each.
     */
    @Test
    void namesTheFilesWhenTheirNamesNameTheDatabase() {
        List<String> files = List.of("db/upgrade/mysql_engine_7.0_to_7.1.sql", "db/upgrade/mysql_engine_7.1_to_7.2.sql",
                "db/upgrade/oracle_engine_7.0_to_7.1.sql", "db/upgrade/postgres_engine_7.0_to_7.1.sql",
                "db/upgrade/db2_engine_7.0_to_7.1.sql", "db/schema-h2.sql", "db/oracle/V1__a.sql");

        assertEquals(Optional.of("sqlguard: dialect postgresql is configured, but 5 scripts whose folder or file name"
                + " names a database of another dialect are read in that database's dialect: "
                + "db/*-h2.* (h2, 1 script), db/oracle/"
                + " (oracle, 1 script), db/upgrade/mysql_* (mysql, 2 scripts), db/upgrade/oracle_* (oracle,"
                + " 1 script)"), OtherDialectScripts.of(config(Dialect.POSTGRESQL), files).otherDialect());
        assertEquals(Optional.of("sqlguard: dialect postgresql is configured and reads 1 script of a database it does"
                + " not describe: db/upgrade/db2_* (db2, 1 script); where that database's SQL means something else, a"
                + " finding can be missed (with dialect auto they are read in no database's dialect)"),
                OtherDialectScripts.of(config(Dialect.POSTGRESQL), files).undescribed());
    }

    /**
     * Upgrade scripts named for their database by the last word of the file name, which only their siblings show to
     * be one: the analysis reads them in that database's dialect, so the line names them as it names the others.
     */
    @Test
    void namesTheFilesWhoseSiblingsShowTheyNameTheirDatabase() {
        List<String> files = List.of("db/upgrade/9/app_mysql.sql", "db/upgrade/9/app_postgresql.sql",
                "db/upgrade/9/app_db2.sql", "db/upgrade/10/app_mysql.sql", "db/upgrade/10/app_postgresql.sql",
                "db/other/engine_mysql.sql");

        assertEquals(Optional.of("sqlguard: dialect postgresql is configured, but 2 scripts whose folder or file name"
                + " names a database of another dialect are read in that database's dialect: "
                + "db/upgrade/10/*_mysql.* (mysql,"
                + " 1 script), db/upgrade/9/*_mysql.* (mysql, 1 script)"),
                OtherDialectScripts.of(config(Dialect.POSTGRESQL), files).otherDialect());
        assertEquals(Optional.of("sqlguard: dialect postgresql is configured and reads 1 script of a database it does"
                + " not describe: db/upgrade/9/*_db2.* (db2, 1 script); where that database's SQL means something else,"
                + " a finding can be missed (with dialect auto they are read in no database's dialect)"),
                OtherDialectScripts.of(config(Dialect.POSTGRESQL), files).undescribed());
    }

    /**
     * Install scripts that name their database between hyphens, one per database: the line names the files that
     * carry each name in that place, and a lone script whose name only mentions a database in its words is read in
     * the configured dialect.
     */
    @Test
    void namesTheFilesThatNameTheirDatabaseBetweenHyphens() {
        List<String> files = List.of("resources/App-DDL-MySQL-CREATE.sql", "resources/App-DDL-Postgres-CREATE.sql",
                "resources/App-DDL-Oracle-CREATE.sql", "resources/App-DDL-MySQL-DROP.sql",
                "resources/App-DDL-Postgres-DROP.sql", "resources/App-DDL-Oracle-DROP.sql",
                "resources/App-DDL-Derby-DROP.sql", "upgrade/add-mysql-support-flag.sql");

        assertEquals(Optional.of("sqlguard: dialect postgresql is configured, but 4 scripts whose folder or file name"
                + " names a database of another dialect are read in that database's dialect: "
                + "resources/*-mysql-* (mysql, 2 scripts), resources/*-oracle-* (oracle, 2 scripts)"),
                OtherDialectScripts.of(config(Dialect.POSTGRESQL), files).otherDialect());
        assertEquals(Optional.of("sqlguard: dialect postgresql is configured and reads 1 script of a database it does"
                + " not describe: resources/*-derby-* (derby, 1 script); where that database's SQL means something"
                + " else, a finding can be missed (with dialect auto they are read in no database's dialect)"),
                OtherDialectScripts.of(config(Dialect.POSTGRESQL), files).undescribed());
    }

    /**
     * One install script per database, CockroachDB's among them: CockroachDB runs PostgreSQL's SQL, so its script
     * is read in the postgresql dialect, as a {@code jdbc:postgresql} URL to it makes the project's, and the log
     * names it with PostgreSQL's, not among databases no dialect describes.
     */
    @Test
    void readsCockroachDbScriptsAsPostgresql() {
        List<String> files = List.of("database/chat_mysql.sql", "database/chat_postgresql.sql",
                "database/chat_cockroachdb.sql", "database/chat_db2.sql");

        assertEquals(Optional.of("sqlguard: dialect mysql is configured, but 2 scripts whose folder or file name"
                + " names a database of another dialect are read in that database's dialect: "
                + "database/*_cockroachdb.* (postgresql, 1 script), database/*_postgresql.* (postgresql, 1 script)"),
                OtherDialectScripts.of(config(Dialect.MYSQL), files).otherDialect());
        assertEquals(Optional.of("sqlguard: dialect mysql is configured and reads 1 script of a database it does"
                + " not describe: database/*_db2.* (db2, 1 script); where that database's SQL means something else,"
                + " a finding can be missed (with dialect auto they are read in no database's dialect)"),
                OtherDialectScripts.of(config(Dialect.MYSQL), files).undescribed());
    }

    /**
     * Upgrade scripts whose last word abbreviates a database we have no name for ({@code -og} for openGauss,
     * {@code -ob} for OceanBase), beside those for MySQL and PostgreSQL: the configured dialect reads them, and the
     * user learns it, as for a folder named for such a database; under {@code auto} the shared forms read them.
     */
    @Test
    void namesTheFilesWhoseSiblingsShowTheyNameADatabaseWithoutADialect() {
        List<String> files = List.of("db/upgrade/1.0-upgrade-1.1-mysql.sql", "db/upgrade/1.0-upgrade-1.1-pg.sql",
                "db/upgrade/1.0-upgrade-1.1-og.sql", "db/upgrade/1.1-upgrade-1.2-mysql.sql",
                "db/upgrade/1.1-upgrade-1.2-pg.sql", "db/upgrade/1.1-upgrade-1.2-og.sql",
                "db/upgrade/1.1-upgrade-1.2-ob.sql");

        assertEquals(Optional.of("sqlguard: dialect mysql is configured and reads 3 scripts of a database it does"
                + " not describe: db/upgrade/*-ob.* (ob, 1 script), db/upgrade/*-og.* (og, 2 scripts); where that"
                + " database's SQL means something else, a finding can be missed (with dialect auto they are read in no"
                + " database's dialect)"), OtherDialectScripts.of(config(Dialect.MYSQL), files).undescribed());
        assertEquals(Optional.of("sqlguard: dialect mysql is configured, but 2 scripts whose folder or file name names"
                + " a database of another dialect are read in that database's dialect: db/upgrade/*-pg.* (postgresql,"
                + " 2 scripts)"), OtherDialectScripts.of(config(Dialect.MYSQL), files).otherDialect());
        assertEquals(Optional.of("sqlguard: 3 scripts are of a database no dialect here describes, and read by the"
                + " forms the dialects here share: db/upgrade/*-ob.* (ob, 1 script), db/upgrade/*-og.* (og, 2 scripts);"
                + " where that database's SQL means something else, a finding can be missed"),
                OtherDialectScripts.of(config(Dialect.AUTO), files).undescribedInAuto());
    }

    /** The same for a folder beside those named for databases that holds their scripts ({@code og/}). */
    @Test
    void namesTheFolderWhoseSiblingsShowItNamesADatabaseWithoutADialect() {
        List<String> files = List.of("db/init/mysql/schema.sql", "db/init/pg/schema.sql", "db/init/og/schema.sql");

        assertEquals(Optional.of("sqlguard: dialect mysql is configured and reads 1 script of a database it does"
                + " not describe: db/init/og/ (og, 1 script); where that database's SQL means something else, a"
                + " finding can be missed (with dialect auto they are read in no database's dialect)"),
                OtherDialectScripts.of(config(Dialect.MYSQL), files).undescribed());
        assertEquals(Optional.empty(), OtherDialectScripts.of(config(Dialect.AUTO), files).unnamedInAuto());
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

    /**
     * {@code -Dsqlguard.directories=/srv/shared/migrations} outside the project: the analysis reads its
     * {@code mysql/} folder as MySQL (the folders below the scanned one, and its own name, count), so the log says so
     * as it does for a folder within the project; the folders above it ({@code /srv/db2/}) still name nothing.
     */
    @Test
    void namesTheFoldersBelowAScannedDirectoryOutsideTheProject() {
        Path shared = Path.of("/srv/db2/shared/migrations").toAbsolutePath();
        String root = shared.toString().replace('\\', '/');
        List<String> files = List.of(root + "/postgres/0_a.up.sql", root + "/mysql/0_a.up.sql",
                root + "/mysql/1_b.up.sql", root + "/clickhouse/0_a.up.sql", root + "/0_plain.up.sql");
        LintConfig config = config(Dialect.POSTGRESQL, Path.of("project").toAbsolutePath(), List.of(shared));

        assertEquals(Optional.of("sqlguard: dialect postgresql is configured, but 2 scripts whose folder or file name"
                + " names a database of another dialect are read in that database's dialect: "
                + root + "/mysql/ (mysql,"
                + " 2 scripts)"), OtherDialectScripts.of(config, files).otherDialect());
        assertEquals(Optional.of("sqlguard: dialect postgresql is configured and reads 1 script of a database it does"
                + " not describe: " + root + "/clickhouse/ (clickhouse, 1 script); where that database's SQL means"
                + " something else, a finding can be missed (with dialect auto they are read in no database's"
                + " dialect)"), OtherDialectScripts.of(config, files).undescribed());
    }

    @Test
    void theNameOfAScannedDirectoryOutsideTheProjectNamesItsDatabase() {
        Path folder = Path.of("/srv/schema/mysql").toAbsolutePath();
        String root = folder.toString().replace('\\', '/');
        LintConfig config = config(Dialect.POSTGRESQL, Path.of("project").toAbsolutePath(), List.of(folder));

        assertEquals(Optional.of("sqlguard: dialect postgresql is configured, but 1 script whose folder or file name"
                + " names a database of another dialect is read in that database's dialect: "
                + root + "/ (mysql, 1 script)"),
                OtherDialectScripts.of(config, List.of(root + "/V1__a.sql")).otherDialect());
    }

    /**
     * No {@code <dialect>} names SQL Anywhere: under {@code auto} its scripts are read by the forms the dialects share,
     * or in the dialect of the database the project's settings name, and the build log says so, where.
     */
    @Test
    void namesTheFoldersOfDatabasesWithoutADialectUnderAuto() {
        List<String> files = List.of("db/sqlanywhere/xa_core_db_sqlanywhere.sql", "db/sqlanywhere/patches/001-a.sql",
                "db/sqlanywhere/patches/002-b.sql", "db/mysql/patches/001-a.sql", "db/plain.sql");

        assertEquals(Optional.of("sqlguard: 3 scripts are of a database no dialect here describes, and read by the"
                + " forms the dialects here share: db/sqlanywhere/ (sqlanywhere, 1 script), db/sqlanywhere/patches/"
                + " (sqlanywhere, 2 scripts); where that database's SQL means something else, a finding can be missed"),
                OtherDialectScripts.of(config(Dialect.AUTO), files).undescribedInAuto());
        assertEquals(Optional.of("sqlguard: 1 script is of a database no dialect here describes, and read in dialect"
                + " postgresql, the project's database's: db/db2/ (db2, 1 script); where that database's SQL means"
                + " something else, a finding can be missed"),
                OtherDialectScripts.of(projectConfig(Dialect.POSTGRESQL), List.of("db/db2/V1__a.sql", "db/V1__a.sql"))
                        .undescribedInAuto());
        assertEquals(Optional.empty(), OtherDialectScripts.of(config(Dialect.AUTO), FILES.subList(0, 4))
                .undescribedInAuto());
        assertEquals(Optional.empty(), OtherDialectScripts.of(config(Dialect.SQLSERVER), files).undescribedInAuto());
    }

    /**
     * Under {@code auto}, when neither the project's settings nor a script's folder or file name name the database,
     * the log says how many scripts are read by the shared forms and how to read them as their database does.
     */
    @Test
    void saysHowManyScriptsNoDatabaseIsNamedForUnderAuto() {
        List<String> files = List.of("db/migration/V1__a.sql", "db/migration/V2__b.sql", "db/h2/V1__a.sql",
                "db/sybase/V1__a.sql");

        assertEquals(Optional.of("sqlguard: dialect auto: no database URL, driver dependency or folder name tells"
                + " which database 2 scripts run on, so they are read by the forms the dialects here share; set"
                + " <dialect> to read them as that database does"),
                OtherDialectScripts.of(config(Dialect.AUTO), files).unnamedInAuto());
        assertEquals(Optional.empty(), OtherDialectScripts.of(config(Dialect.AUTO), files.subList(2, 4))
                .unnamedInAuto());
        assertEquals(Optional.empty(), OtherDialectScripts.of(projectConfig(Dialect.MYSQL), files).unnamedInAuto());
        assertEquals(Optional.empty(), OtherDialectScripts.of(config(Dialect.MYSQL), files).unnamedInAuto());
    }

    /** Dialect {@code auto}, with the project's settings naming {@code project}'s database. */
    private static LintConfig projectConfig(Dialect project) {
        LintConfig defaults = config(Dialect.AUTO);
        return new LintConfig(defaults.baseDir(), defaults.directories(), defaults.includes(), defaults.excludes(),
                Dialect.AUTO, defaults.encoding(), defaults.ruleLevels(), defaults.disabledRules(), defaults.flyway(),
                defaults.liquibase(), defaults.suppressions(), defaults.baselineFile(), defaults.maxFileBytes(),
                defaults.threads(), project);
    }

    private static LintConfig config(Dialect dialect) {
        return config(dialect, Path.of("."), List.of(Path.of(".")));
    }

    private static LintConfig config(Dialect dialect, Path baseDir, List<Path> directories) {
        LintConfig defaults = LintConfig.defaults(baseDir, directories);
        return new LintConfig(defaults.baseDir(), defaults.directories(), defaults.includes(), defaults.excludes(),
                dialect, defaults.encoding(), defaults.ruleLevels(), defaults.disabledRules(), defaults.flyway(),
                defaults.liquibase(), defaults.suppressions(), defaults.baselineFile(), defaults.maxFileBytes(),
                defaults.threads());
    }
}
