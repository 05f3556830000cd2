package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Projects that run on several databases keep one folder of scripts per database (Flyway's {@code {vendor}}
 * locations): under {@code auto} each folder is read in its database's dialect, where one guess cannot fit
 * MySQL's escaped quotes and the nested comments of SQL Server at once. A configured dialect applies to every
 * file but those of a folder for a database of another family.
 */
class LinterVendorFolderTest {

    private static final String MYSQL_ESCAPED_QUOTE = """
            INSERT INTO orders VALUES (2, 'say \\'hi\\' ');
            DELETE FROM orders;
            INSERT INTO orders VALUES (3, 'x'); -- it's fine
            """;

    private static final String TSQL_NESTED_COMMENT = """
            /* outer /* inner */ DELETE FROM orders */
            DELETE FROM orders;
            """;

    private static final String ORACLE_UNNESTED_COMMENT = """
            /* note /* not nested in Oracle */
            DELETE FROM orders;
            /* end */
            """;

    @TempDir
    Path project;

    @Test
    void aMySqlFolderReadsBackslashEscapedQuotes() throws IOException {
        write("src/main/resources/db/migration/mysql/V2__notes.sql", MYSQL_ESCAPED_QUOTE);

        LintResult result = lint(Dialect.AUTO);

        assertEquals(List.of("src/main/resources/db/migration/mysql/V2__notes.sql:2:1 delete-without-where"),
                described(result));
        assertEquals(3, result.statements());
    }

    @Test
    void aSqlServerFolderNestsBlockComments() throws IOException {
        write("db/migration/sqlserver/V2__nest.sql", TSQL_NESTED_COMMENT);

        assertEquals(List.of("db/migration/sqlserver/V2__nest.sql:2:1 delete-without-where"),
                described(lint(Dialect.AUTO)));
    }

    @Test
    void anOracleFolderEndsABlockCommentAtItsFirstClose() throws IOException {
        write("db/migration/oracle/V2__nest.sql", ORACLE_UNNESTED_COMMENT);

        assertEquals(List.of("db/migration/oracle/V2__nest.sql:2:1 delete-without-where"),
                described(lint(Dialect.AUTO)));
    }

    /**
     * Projects that pick scripts by their Hibernate dialect name each folder after its class; a marker line such as
     * {@code --FOREACH} that their runner strips stays a comment in MySQL's dialect where a statement starts.
     */
    @Test
    void aFolderNamedAfterAHibernateDialectClassReadsThatDatabase() throws IOException {
        String markedDrop = "--FOREACH orders.id batchsize\nALTER TABLE orders DROP COLUMN note;\n";
        write("db/upgrade/org.example.dialect.MySQLInnoDBDialect/notes.sql", MYSQL_ESCAPED_QUOTE + markedDrop);
        write("db/upgrade/org.example.dialect.Dialect/notes.sql", markedDrop);

        LintResult result = lint(Dialect.AUTO);

        assertEquals(List.of("db/upgrade/org.example.dialect.Dialect/notes.sql:2:20 drop-column",
                "db/upgrade/org.example.dialect.MySQLInnoDBDialect/notes.sql:2:1 delete-without-where",
                "db/upgrade/org.example.dialect.MySQLInnoDBDialect/notes.sql:5:20 drop-column"), described(result));
        assertEquals(5, result.statements());
    }

    /** Spring's {@code spring.jpa.database} values name the folders of some projects: SQL_SERVER, POSTGRESQL. */
    @Test
    void aFolderSpelledAsSpringsDatabaseEnumIsAHistoryOfItsOwn() throws IOException {
        write("db/migration/MYSQL/V1__init___MYSQL.sql", "CREATE TABLE note (title VARCHAR(50));\n");
        write("db/migration/SQL_SERVER/V1__init___SQL_SERVER.sql", "CREATE TABLE note (title VARCHAR(200));\n");
        write("db/migration/SQL_SERVER/V2__longer___SQL_SERVER.sql",
                "ALTER TABLE note ALTER COLUMN title VARCHAR(100);\n");

        // 200 to 100 characters on SQL Server, whose history the MySQL table does not enter.
        List<String> findings = lint(Dialect.AUTO).findings().stream()
                .map(f -> described(f) + " " + f.message()).toList();
        assertEquals(List.of("db/migration/SQL_SERVER/V2__longer___SQL_SERVER.sql:1:18 alter-column-type ALTER TABLE"
                + " note changes the type of column title from VARCHAR(200) to VARCHAR(100) (shorter: 200 to 100"
                + " characters)"), findings);
    }

    /** Upgrade scripts named {@code <database>_engine_<from>_to_<to>.sql} side by side in one folder. */
    @Test
    void aFileNamesFirstWordNamesItsDatabase() throws IOException {
        write("db/upgrade/mysql_engine_7.0_to_7.1.sql", MYSQL_ESCAPED_QUOTE);

        LintResult result = lint(Dialect.AUTO);

        assertEquals(List.of("db/upgrade/mysql_engine_7.0_to_7.1.sql:2:1 delete-without-where"), described(result));
        assertEquals(3, result.statements());
    }

    @Test
    void filesNamedForDifferentDatabasesByTheirFirstWordAreSeparateHistories() throws IOException {
        write("db/upgrade/mysql_engine_1.0_to_1.1.sql", "CREATE TABLE job (due TIMESTAMP);\n");
        write("db/upgrade/postgres_engine_1.0_to_1.1.sql", "CREATE TABLE job (due TIMESTAMP(6));\n");
        write("db/upgrade/mysql_engine_1.1_to_1.2.sql", "ALTER TABLE job MODIFY due DATETIME;\n");

        // MySQL's TIMESTAMP keeps no fractional seconds, so DATETIME loses nothing; PostgreSQL's table is not MySQL's.
        assertEquals(List.of(), described(lint(Dialect.AUTO)));
    }

    @Test
    void theDeepestFolderNamingADatabaseWins() throws IOException {
        write("db/postgres/legacy/oracle/V2__nest.sql", ORACLE_UNNESTED_COMMENT);

        assertEquals(List.of("db/postgres/legacy/oracle/V2__nest.sql:2:1 delete-without-where"),
                described(lint(Dialect.AUTO)));
    }

    @Test
    void aFolderForAnotherDatabaseIsReadInItsDialectUnderAConfiguredOne() throws IOException {
        write("db/migration/oracle/V2__nest.sql", ORACLE_UNNESTED_COMMENT);
        write("db/migration/sqlserver/V2__nest.sql", ORACLE_UNNESTED_COMMENT);

        // Under SQL Server the second /* opens a nested comment that never closes; the Oracle folder's script
        // never runs there, and in Oracle the comment ends at the first */.
        assertEquals(List.of("db/migration/oracle/V2__nest.sql:2:1 delete-without-where",
                "db/migration/sqlserver/V2__nest.sql:1:1 unterminated-token"), described(lint(Dialect.SQLSERVER)));
    }

    @Test
    void aSqlServerFolderNestsCommentsUnderAConfiguredOracle() throws IOException {
        write("db/migration/sqlserver/V2__nest.sql", TSQL_NESTED_COMMENT);

        // Read as Oracle the comment would end at the first */ and leave the first DELETE out in the open.
        assertEquals(List.of("db/migration/sqlserver/V2__nest.sql:2:1 delete-without-where"),
                described(lint(Dialect.ORACLE)));
    }

    /**
     * {@code postgre}, CodeIgniter's name for PostgreSQL, names the database as {@code postgres} does: read as the
     * configured MySQL, the backslash that ends a Windows path would escape the closing quote and swallow the DELETE.
     */
    @Test
    void aPostgreFolderAndAPostgreFileAreReadAsPostgresqlUnderAConfiguredMySql() throws IOException {
        String windowsPath = "INSERT INTO settings VALUES ('upload.dir', 'D:\\');\nDELETE FROM audit_log;\n";
        write("script/sql/postgre/install.sql", windowsPath);
        write("script/sql/jobs.sql", "CREATE TABLE jobs (id bigint);\n");
        write("script/sql/jobs_oracle.sql", "CREATE TABLE jobs (id number(20));\n");
        write("script/sql/jobs_sqlserver.sql", "CREATE TABLE jobs (id bigint)\nGO\n");
        write("script/sql/jobs_postgre.sql", windowsPath);

        assertEquals(List.of("script/sql/jobs_postgre.sql:2:1 delete-without-where",
                "script/sql/postgre/install.sql:2:1 delete-without-where"), described(lint(Dialect.MYSQL)));
    }

    @Test
    void aConfiguredDialectReadsFoldersOfDatabasesWithoutADialectOfTheirOwn() throws IOException {
        write("db/migration/db2/V2__notes.sql", MYSQL_ESCAPED_QUOTE);

        // no dialect here describes Db2, so the configured MySQL reads its \' (auto would end the string there)
        assertEquals(List.of("db/migration/db2/V2__notes.sql:2:1 delete-without-where"),
                described(lint(Dialect.MYSQL)));
    }

    @Test
    void aFileOutsideDatabaseFoldersIsStillReadInAuto() throws IOException {
        // auto nests comments as PostgreSQL and SQL Server do; "mysql" inside a file name's words names no folder
        write("db/migration/V2__nest.sql", TSQL_NESTED_COMMENT);
        write("db/migration/V3__mysql_nest.sql", TSQL_NESTED_COMMENT);
        write("db/migration/V4__oracle_nest.sql", ORACLE_UNNESTED_COMMENT);

        List<String> findings = described(lint(Dialect.AUTO));

        assertEquals(List.of("db/migration/V2__nest.sql:2:1 delete-without-where",
                "db/migration/V3__mysql_nest.sql:2:1 delete-without-where",
                "db/migration/V4__oracle_nest.sql:1:1 unterminated-token"), findings);
    }

    @Test
    void aLiquibaseFormattedSqlFileInADatabaseFolderIsReadInItsDialect() throws IOException {
        write("db/changelog/mysql/notes.sql", "--liquibase formatted sql\n--changeset alice:2\n"
                + MYSQL_ESCAPED_QUOTE);

        assertEquals(List.of("db/changelog/mysql/notes.sql:4:1 delete-without-where"),
                described(lint(Dialect.AUTO)));
    }

    @Test
    void aLiquibaseFormattedSqlFileInADatabaseFolderIsReadInItsDialectUnderAConfiguredOne() throws IOException {
        write("db/changelog/oracle/nest.sql", "--liquibase formatted sql\n--changeset alice:2\n"
                + ORACLE_UNNESTED_COMMENT);

        assertEquals(List.of("db/changelog/oracle/nest.sql:4:1 delete-without-where"),
                described(lint(Dialect.SQLSERVER)));
    }

    @Test
    void aSingleDbmsOfAChangesetWinsOverItsFolder() throws IOException {
        write("db/changelog/oracle/nest.sql", "--liquibase formatted sql\n--changeset alice:2 dbms:mssql\n"
                + ORACLE_UNNESTED_COMMENT);

        assertEquals(List.of("db/changelog/oracle/nest.sql:3:1 unterminated-token"), described(lint(Dialect.AUTO)));
    }

    @Test
    void sqlFilesAndIncludedScriptsOfAChangelogAreReadInTheDialectOfTheirFolder() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a">
                    <sqlFile path="mysql/notes.sql" relativeToChangelogFile="true"/>
                  </changeSet>
                  <includeAll path="oracle/" relativeToChangelogFile="true"/>
                </databaseChangeLog>
                """);
        write("db/mysql/notes.sql", MYSQL_ESCAPED_QUOTE);
        write("db/oracle/nest.sql", ORACLE_UNNESTED_COMMENT);

        assertEquals(List.of("db/mysql/notes.sql:2:1 delete-without-where",
                "db/oracle/nest.sql:2:1 delete-without-where"), described(lint(Dialect.AUTO)));
    }

    @Test
    void theProjectDatabaseReadsWhatNoFolderNorDbmsNamesAndLeavesTheRestToThem() throws IOException {
        // In MySQL the DELETE is inside the string; in Oracle, and in auto, the string ends at \'.
        String path = "UPDATE notes SET body = 'C:\\Users\\'; DELETE FROM notes; -- was a path' WHERE id = 1;\n";
        write("db/migration/V2__path.sql", path);
        write("db/migration/oracle/V3__path.sql", path);
        write("db/changelog/changes.sql", "--liquibase formatted sql\n--changeset a:1\n" + path
                + "--changeset a:2 dbms:oracle\n" + path);

        List<String> deletes = List.of("db/changelog/changes.sql:5:38 delete-without-where",
                "db/migration/oracle/V3__path.sql:1:38 delete-without-where");
        assertEquals(deletes, deletesIn(lint(Dialect.AUTO, Dialect.MYSQL)));
        assertEquals(List.of("db/changelog/changes.sql:3:38 delete-without-where", deletes.get(0),
                "db/migration/V2__path.sql:1:38 delete-without-where", deletes.get(1)), deletesIn(lint(Dialect.AUTO)));
        assertEquals(deletes, deletesIn(lint(Dialect.MYSQL, Dialect.AUTO)),
                "a configured dialect reads every file but those a folder or dbms names another database for");
    }

    private static List<String> deletesIn(LintResult result) {
        return described(result).stream().filter(f -> f.endsWith("delete-without-where")).toList();
    }

    private static List<String> described(LintResult result) {
        return result.findings().stream().map(LinterVendorFolderTest::described).sorted().toList();
    }

    private static String described(Finding finding) {
        return finding.location().path() + ":" + finding.location().line() + ":" + finding.location().column()
                + " " + finding.ruleId();
    }

    private void write(String path, String text) throws IOException {
        TestProject.write(project, path, text);
    }

    private LintResult lint(Dialect dialect) {
        return lint(dialect, Dialect.AUTO);
    }

    private LintResult lint(Dialect dialect, Dialect projectDialect) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project));
        return new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(), defaults.liquibase(),
                List.of(), null, defaults.maxFileBytes(), 2, projectDialect));
    }
}
