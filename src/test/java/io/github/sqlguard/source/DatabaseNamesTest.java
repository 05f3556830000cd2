package io.github.sqlguard.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatabaseNamesTest {

    @ParameterizedTest
    @CsvSource({
        "src/main/resources/db/migration/mysql/V2__notes.sql, MYSQL",
        "db/migration/MariaDB/V2__x.sql, MARIADB",
        "db/migration/postgresql/V2__x.sql, POSTGRESQL",
        "db/postgres/V2__x.sql, POSTGRESQL",
        "db/pg/V2__x.sql, POSTGRESQL",
        "script/sql/postgre/install.sql, POSTGRESQL",
        "db/upgrade/postgre_engine_7.0_to_7.1.sql, POSTGRESQL",
        "db/migration/sqlserver/V2__x.sql, SQLSERVER",
        "db/migration/SQL_SERVER/V1_2__x___SQL_SERVER.sql, SQLSERVER",
        "db/migration/sql-server/V2__x.sql, SQLSERVER",
        "db/migration/POSTGRESQL/V2__x.sql, POSTGRESQL",
        "db/migration/HANA/V2__x.sql, AUTO",
        "db/migration/cockroachdb/V2__x.sql, POSTGRESQL",
        "db/cockroach/V2__x.sql, POSTGRESQL",
        "sql/2020_x.cockroach.up.sql, POSTGRESQL",
        "database/cockroachdb_chat.sql, POSTGRESQL",
        "db/upgrade/mysql_engine_7.0_to_7.1.sql, MYSQL",
        "db/upgrade/mssql_engine_7.0_to_7.1.sql, SQLSERVER",
        "db/upgrade/postgres_engine_7.0_to_7.1.sql, POSTGRESQL",
        "db/upgrade/db2_engine_7.0_to_7.1.sql, AUTO",
        "oracle/upgrade/h2_engine_7.0_to_7.1.sql, H2",
        "db/migration/V2__mysql_x.sql, AUTO",
        "db/migration/engine_mysql.sql, AUTO",
        "db/upgrade/add_mysql_support_flag.sql, AUTO",
        "db/upgrade/add-mysql-support-flag.sql, AUTO",
        "db/migration/V3__drop_oracle_legacy_table.sql, AUTO",
        "resources/App-DDL-Oracle-DROP.sql, AUTO",
        "db/migration/mysql__x.sql, AUTO",
        "changelog/mssql/2024-01-x.sql, SQLSERVER",
        "db/migration/oracle/V2__x.sql, ORACLE",
        "db/migration/h2/V2__x.sql, H2",
        "db/migration/sqlite/V2__x.sql, SQLITE",
        "sql/2020_x.mysql.up.sql, MYSQL",
        "db\\migration\\oracle\\V2__x.sql, ORACLE",
        "mysql/h2/V1__x.sql, H2",
        "postgres/legacy/db2/V1__x.sql, AUTO",
        "db/migration/hsqldb/V1__x.sql, AUTO",
        "db/migration/V2__mysql_fix.sql, AUTO",
        "db/migration/V2__notes.sql, AUTO",
        "db/mysqlish/V2__notes.sql, AUTO",
        "db/upgrade-scripts/mysql5/app-6.0-to-6.1.sql, MYSQL",
        "db/upgrade-scripts/sqlserver2008/app-6.0-to-6.1.sql, SQLSERVER",
        "db/upgrade-scripts/mysqlinnodb/app-6.0-to-6.1.sql, MYSQL",
        "db/migration/MySQL_InnoDB/V2__x.sql, MYSQL",
        "db/migration/mysql57-ndb/V2__x.sql, MYSQL",
        "db/migration/mariadb-galera/V2__x.sql, MARIADB",
        "db/migration/postgrescluster/V2__x.sql, AUTO",
        "db/migration/innodb/V2__x.sql, AUTO",
        "db/migration/oracle12c/V2__x.sql, ORACLE",
        "db/migration/postgresql-9.5/V2__x.sql, POSTGRESQL",
        "db/migration/db2_v95/V2__x.sql, AUTO",
        "db/migration/sqlite3/V2__x.sql, SQLITE",
        "db/migration/h22/V2__x.sql, AUTO",
        "db/migration/v2/V2__x.sql, AUTO",
        "db/migration/mysqlx5/V2__x.sql, AUTO",
        "db/upgrade/1.3.0-upgrade-1.4.0-mysql.sql, MYSQL",
        "db/upgrade/1.3.0-upgrade-1.4.0-pg.sql, POSTGRESQL",
        "conf/mysql-schema.sql, MYSQL",
        "src/main/resources/schema-h2.sql, H2",
        "db/upgrade/add-oracle-index.sql, AUTO",
        "db/upgrade/add-index-mysqlish.sql, AUTO",
        "db/migration/V2__fix-mysql.sql, AUTO",
        "db/migration/R__views-mysql.sql, AUTO",
        "script/server/db/dm.sql, AUTO",
        "script/server/db/mysql.sql, MYSQL",
        "dbscripts/create/org.example.dialect.MySQLInnoDBDialect/Create.sql, MYSQL",
        "dbscripts/upgrade/4.1/org.example.dialect.PostgreSQLDialect/x.sql, POSTGRESQL",
        "dbscripts/upgrade/4.1/org.example.dialect.Dialect/x.sql, AUTO",
        "dbscripts/upgrade/org.hibernate.dialect.PostgreSQL95Dialect/x.sql, POSTGRESQL",
        "dbscripts/upgrade/org.hibernate.dialect.PostgresPlusDialect/x.sql, POSTGRESQL",
        "dbscripts/upgrade/org.hibernate.dialect.SQLServer2012Dialect/x.sql, SQLSERVER",
        "dbscripts/upgrade/org.example.CustomSQLServerDialect/x.sql, SQLSERVER",
        "dbscripts/upgrade/org.hibernate.dialect.Oracle10gDialect/x.sql, ORACLE",
        "dbscripts/upgrade/org.hibernate.dialect.MariaDB103Dialect/x.sql, MARIADB",
        "dbscripts/upgrade/org.hibernate.dialect.H2Dialect/x.sql, H2",
        "dbscripts/upgrade/org.hibernate.dialect.HSQLDialect/x.sql, AUTO",
        "dbscripts/upgrade/org.hibernate.dialect.DB2400Dialect/x.sql, AUTO",
        "dbscripts/upgrade/org.hibernate.dialect.SQLiteDialect/x.sql, SQLITE",
        "dbscripts/upgrade/org.example.H2LikeDialect/x.sql, AUTO",
        "dbscripts/upgrade/org.example.PgDialect/x.sql, POSTGRESQL",
        "dbscripts/upgrade/org.example.SpgxDialect/x.sql, AUTO",
        "db/dialect/V2__x.sql, AUTO",
    })
    void theDeepestPartNamingADatabaseGivesTheDialect(String path, Dialect expected) {
        assertEquals(expected, DatabaseNames.dialectOf(path));
    }

    @Test
    void foldersAboveTheProjectNameNoDatabase() {
        Path file = Path.of("/home/oracle/shared-migrations/V2__x.sql").toAbsolutePath();
        SourcePath outside = new SourcePath(file, file.toString().replace('\\', '/'), file.getParent(), "V2__x.sql");

        assertEquals(Dialect.AUTO, DatabaseNames.dialectOf(outside));
    }

    @Test
    void theScannedFolderOutsideTheProjectNamesTheDatabaseByItsOwnName() {
        Path folder = Path.of("/home/oracle/workflow/schema/mysql").toAbsolutePath();
        Path file = folder.resolve("v8/workflow/versioned/v1.2/blob_size.sql");
        SourcePath outside = new SourcePath(file, file.toString().replace('\\', '/'), folder,
                "v8/workflow/versioned/v1.2/blob_size.sql");

        assertEquals(Dialect.MYSQL, DatabaseNames.dialectOf(outside));
    }

    @Test
    void foldersWithinTheProjectNameTheDatabaseEvenAboveTheScannedFolder() {
        Path file = Path.of("/home/dev/app/db/mysql/V2__x.sql").toAbsolutePath();
        SourcePath inside = new SourcePath(file, "db/mysql/V2__x.sql", file.getParent(), "V2__x.sql");

        assertEquals(Dialect.MYSQL, DatabaseNames.dialectOf(inside));
    }

    @ParameterizedTest
    @CsvSource({
        "db/changelog/mysql/notes.sql, MYSQL",
        "/home/oracle/changelog/notes.sql, AUTO",
        "../../oracle/changelog/notes.sql, AUTO",
        "db/../../oracle/notes.sql, AUTO",
        "C:/oracle/changelog/notes.sql, AUTO",
        "d:\\oracle\\changelog\\notes.sql, AUTO",
    })
    void onlyPathsWithinTheProjectNameADatabase(String path, Dialect expected) {
        assertEquals(expected, DatabaseNames.dialectWithinProject(path));
    }

    @Test
    void namesDatabasesOneWholePartAtATime() {
        assertTrue(DatabaseNames.isDatabase("cockroachdb"));
        assertTrue(DatabaseNames.isDatabase("PostgreSQL"));
        assertTrue(DatabaseNames.isDatabase("SQL_SERVER"));
        assertTrue(DatabaseNames.isDatabase("hana"));
        assertFalse(DatabaseNames.isDatabase("sql"));
        assertFalse(DatabaseNames.isDatabase("migration"));
        assertTrue(DatabaseNames.isDatabase("mysql5"));
        assertTrue(DatabaseNames.isDatabase("db2_v95"));
        assertFalse(DatabaseNames.isDatabase("migration2"));
        assertFalse(DatabaseNames.isDatabase("2008"));
        assertTrue(DatabaseNames.isDatabase("dm"));
        assertTrue(DatabaseNames.isDatabase("DM8"));
        assertTrue(DatabaseNames.isDatabase("kingbase"));
        assertTrue(DatabaseNames.isDatabase("oscar"));
        assertFalse(DatabaseNames.isDatabase("dms"));
        assertTrue(DatabaseNames.isDatabase("og"));
        assertTrue(DatabaseNames.isDatabase("ob"));
        assertFalse(DatabaseNames.isDatabase("obj"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "db/migration/mysql/V2__notes.sql", "/abs/path.sql", "no-separator", "trailing/", "trailing..", "...",
        "a//b..c", "\\\\win\\path\\x.SQL", "'.'", "'/'", "''", "x.y.z.sql.", "./a/../b.sql"})
    void splitAtCutsAsStringSplitOnTheSameCharactersDoes(String path) {
        assertEquals(java.util.List.of(path.split("[/\\\\.]")), DatabaseNames.splitAt(path, "/\\."));
        assertEquals(java.util.List.of(path.split("\\.")), DatabaseNames.splitAt(path, "."));
    }
    @ParameterizedTest(name = "{0}")
    @CsvSource({"db/mysql/V2__x.sql", "db/sybase/V2__x.sql", "upgrade/mysql_engine_7.0.sql", "sql/schema-db2.sql",
        "migrations/2019-02-26-002946_create_user/up.sql", "oracle/h2/V1__x.sql", "sybase/postgres/x.sql",
        "postgres/sybase/x.sql", "org.example.repo.domain.dialect.PostgreSQLDialect/x.sql"})
    void onePathReadingGivesTheDialectAndTheUndescribedDatabaseAsTheirOwnReadingsDo(String relative) {
        Path file = Path.of("/project").resolve(relative);
        SourcePath source = new SourcePath(file, relative, Path.of("/project"), relative);

        DatabaseNames.PathDatabase read = DatabaseNames.of(source);

        assertEquals(DatabaseNames.dialectOf(source), read.dialect());
        assertEquals(DatabaseNames.undescribedDatabaseOf(source), read.undescribed());
    }
}
