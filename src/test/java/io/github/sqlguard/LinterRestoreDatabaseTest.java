package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SQL Server's {@code RESTORE DATABASE d FROM ..} overwrites every table of d with the backup's content, with or
 * without {@code REPLACE}, also when built in dynamic SQL; the RESTORE forms that only read a backup
 * ({@code VERIFYONLY}, {@code HEADERONLY}, {@code FILELISTONLY}, {@code LABELONLY}), {@code RESTORE LOG} and a
 * {@code RESTORE DATABASE d WITH RECOVERY} that only brings a restored database online overwrite nothing. Db2's
 * RESTORE DATABASE (or DB) overwrites its database, or the one INTO names, also without FROM (the backup is then
 * read from the current directory), and SAP ASE's LOAD DATABASE overwrites its database with a dump.
 */
class LinterRestoreDatabaseTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', textBlock = """
            SQLSERVER  | RESTORE DATABASE sales FROM DISK = N'x.bak' WITH REPLACE; | drop-database ERROR 1:1 RESTORE DATABASE overwrites database sales and every table in it with the backup's content
            SQLSERVER  | RESTORE DATABASE [sales] FROM DISK = N'x.bak'; | drop-database ERROR 1:1 RESTORE DATABASE overwrites database [sales] and every table in it with the backup's content
            SQLSERVER  | SELECT 1;\\nRESTORE DATABASE sales FROM DISK = N'x.bak'\\n  WITH MOVE N'sales' TO N'D:\\\\sales.mdf', MOVE N'sales_log' TO N'D:\\\\sales.ldf', RECOVERY; | drop-database ERROR 2:1 RESTORE DATABASE overwrites database sales and every table in it with the backup's content
            SQLSERVER  | RESTORE DATABASE @db FROM @device WITH FILE = 1, NORECOVERY | drop-database ERROR 1:1 RESTORE DATABASE overwrites database @db and every table in it with the backup's content
            SQLSERVER  | RESTORE DATABASE sales FROM DATABASE_SNAPSHOT = 'sales_snap'; | drop-database ERROR 1:1 RESTORE DATABASE overwrites database sales and every table in it with the backup's content
            SQLSERVER  | RESTORE DATABASE sales FILEGROUP = 'archive' FROM DISK = 'x.bak' WITH PARTIAL, NORECOVERY; | drop-database ERROR 1:1 RESTORE DATABASE overwrites database sales and every table in it with the backup's content
            SQLSERVER  | EXEC (N'RESTORE DATABASE sales FROM DISK = N''x.bak'' WITH REPLACE'); | drop-database ERROR 1:9 RESTORE DATABASE overwrites database sales and every table in it with the backup's content (inside dynamic SQL)
            SQLSERVER  | DECLARE @sql nvarchar(max) = N'RESTORE DATABASE ' + QUOTENAME(@db) + N' FROM DISK = N''x.bak'' WITH REPLACE';\\nEXEC sp_executesql @sql; | drop-database ERROR 1:32 RESTORE DATABASE overwrites database <run-time value> and every table in it with the backup's content (inside dynamic SQL)
            SQLSERVER  | RESTORE LOG sales FROM DISK = N'x.trn' WITH NORECOVERY; | -
            SQLSERVER  | RESTORE DATABASE sales WITH RECOVERY; | -
            SQLSERVER  | RESTORE VERIFYONLY FROM DISK = N'x.bak'; | -
            SQLSERVER  | RESTORE HEADERONLY FROM DISK = N'x.bak'; | -
            SQLSERVER  | RESTORE FILELISTONLY FROM DISK = N'x.bak'; | -
            SQLSERVER  | RESTORE LABELONLY FROM DISK = N'x.bak'; | -
            SQLSERVER  | BACKUP DATABASE sales TO DISK = N'x.bak' WITH INIT; | -
            AUTO       | RESTORE DATABASE sales WITH RECOVERY; | -
            AUTO       | RESTORE DATABASE sales FROM DISK = N'x.bak' WITH REPLACE; | drop-database ERROR 1:1 RESTORE DATABASE overwrites database sales and every table in it with the backup's content
            AUTO       | RESTORE DATABASE sample FROM /db2/backups TAKEN AT 20240101120000 WITHOUT PROMPTING; | drop-database ERROR 1:1 RESTORE DATABASE overwrites database sample and every table in it with the backup's content
            AUTO       | restore db sample from /db2/backups taken at 20240101120000 into sample2 replace existing; | drop-database ERROR 1:1 RESTORE DATABASE overwrites database sample2 and every table in it with the backup's content
            POSTGRESQL | RESTORE DB sample INCREMENTAL AUTOMATIC FROM /db2/backups; | drop-database ERROR 1:1 RESTORE DATABASE overwrites database sample and every table in it with the backup's content
            AUTO       | RESTORE DATABASE sample TAKEN AT 20240101120000 WITHOUT ROLLING FORWARD; | drop-database ERROR 1:1 RESTORE DATABASE overwrites database sample and every table in it with the backup's content
            AUTO       | SELECT 1;\\nRESTORE DATABASE sample; | drop-database ERROR 2:1 RESTORE DATABASE overwrites database sample and every table in it with the backup's content
            SQLSERVER  | RESTORE DATABASE sample; | -
            SQLSERVER  | RESTORE DB sample; | drop-database ERROR 1:1 RESTORE DATABASE overwrites database sample and every table in it with the backup's content
            AUTO       | RESTORE DATABASE sample CONTINUE; | drop-database ERROR 1:1 RESTORE DATABASE overwrites database sample and every table in it with the backup's content
            AUTO       | RESTORE DB sample ABORT; | -
            AUTO       | RESTORE DATABASE sample LOGS FROM /db2/backups LOGTARGET /db2/logs; | -
            AUTO       | RESTORE DATABASE sample HISTORY FILE FROM /db2/backups; | -
            AUTO       | LOAD DATABASE pubs2 FROM "/dev/nrmt0"; | drop-database ERROR 1:1 LOAD DATABASE overwrites database pubs2 and every table in it with the dump's content
            SQLSERVER  | load database pubs2 from '/backups/pubs2.dmp'\\ngo | drop-database ERROR 1:1 LOAD DATABASE overwrites database pubs2 and every table in it with the dump's content
            MYSQL      | LOAD DATABASE pubs2 FROM '/backups/pubs2.dmp' STRIPE ON '/backups/pubs2b.dmp'; | drop-database ERROR 1:1 LOAD DATABASE overwrites database pubs2 and every table in it with the dump's content
            AUTO       | LOAD DATABASE pubs2 FROM '/backups/pubs2.dmp' WITH HEADERONLY; | -
            AUTO       | LOAD DATABASE pubs2 FROM '/backups/pubs2.dmp' WITH LISTONLY = FULL; | -
            AUTO       | LOAD TRANSACTION pubs2 FROM '/backups/pubs2.trn'; | -
            MYSQL      | LOAD DATA INFILE '/tmp/x.csv' INTO TABLE t; | -
            """)
    void restoringADatabaseOverwritesItsTables(Dialect dialect, String sql, String expected) throws IOException {
        assertEquals(expected.equals("-") ? List.of() : List.of(expected.split(" ## ")), findings(dialect, sql));
    }

    private List<String> findings(Dialect dialect, String sql) throws IOException {
        Path file = project.resolve("db/V2__change.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql.replace("\\n", "\n") + "\n", StandardCharsets.UTF_8);
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        return result.findings().stream().map(f -> f.ruleId() + " " + f.severity() + " " + f.location().line() + ":"
                + f.location().column() + " " + f.message()).toList();
    }
}
