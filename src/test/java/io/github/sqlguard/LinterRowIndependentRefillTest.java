package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A column an UPDATE of every row gave a value that reads nothing of the row holds only what the script put there:
 * setting it again loses nothing the script found. SQLite scripts that add a column, fill it, rebuild the table to
 * make it NOT NULL and fill it again rely on that through the copy of the rebuild. Each line: the second script
 * (one statement a line) and its findings as {@code line:column rule SEVERITY guard}.
 */
class LinterRowIndependentRefillTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            SQLITE     | ALTER TABLE token ADD COLUMN tenant CHAR(36) NULL; UPDATE token SET tenant = (SELECT id FROM tenants LIMIT 1); CREATE TABLE token_tmp (sig VARCHAR(64) NOT NULL PRIMARY KEY, note TEXT, tenant CHAR(36) NOT NULL); INSERT INTO token_tmp (sig, note, tenant) SELECT sig, note, tenant FROM token; DROP TABLE token; ALTER TABLE token_tmp RENAME TO token; UPDATE token SET tenant = (SELECT id FROM tenants LIMIT 1); | 2:1 update-without-where INFO column tenant was added earlier in this script and nothing has written it since, 5:1 drop-table INFO rows copied to token_tmp at line 4, 7:1 update-without-where INFO column tenant holds only the value the UPDATE at line 2 gave every row, from nothing the row held
            SQLITE     | ALTER TABLE token ADD COLUMN tenant CHAR(36) NULL; UPDATE token SET tenant = (SELECT id FROM tenants LIMIT 1); CREATE TABLE token_tmp (sig VARCHAR(64) NOT NULL PRIMARY KEY, note TEXT, tenant CHAR(36) NOT NULL); INSERT INTO token_tmp (sig, note, tenant) SELECT sig, note, tenant FROM token; DROP TABLE token; ALTER TABLE token_tmp RENAME TO token; UPDATE token SET note = (SELECT id FROM tenants LIMIT 1); | 2:1 update-without-where INFO column tenant was added earlier in this script and nothing has written it since, 5:1 drop-table INFO rows copied to token_tmp at line 4, 7:1 update-without-where ERROR
            SQLITE     | ALTER TABLE token ADD COLUMN tenant CHAR(36) NULL; UPDATE token SET tenant = (SELECT id FROM tenants LIMIT 1); CREATE TABLE token_tmp (sig VARCHAR(64) NOT NULL PRIMARY KEY, note TEXT, tenant CHAR(36) NOT NULL); INSERT INTO token_tmp (sig, note, tenant) SELECT sig, note, note FROM token; DROP TABLE token; ALTER TABLE token_tmp RENAME TO token; UPDATE token SET tenant = (SELECT id FROM tenants LIMIT 1); | 2:1 update-without-where INFO column tenant was added earlier in this script and nothing has written it since, 5:1 drop-table ERROR, 7:1 update-without-where ERROR
            POSTGRESQL | UPDATE token SET note = 'none'; UPDATE token SET note = 'n/a'; | 1:1 update-without-where ERROR, 2:1 update-without-where INFO column note holds only the value the UPDATE at line 1 gave every row, from nothing the row held
            POSTGRESQL | UPDATE token SET note = sig; UPDATE token SET note = 'n/a'; | 1:1 update-without-where ERROR, 2:1 update-without-where ERROR
            POSTGRESQL | UPDATE token SET note = upper(t.sig) FROM token t; UPDATE token SET note = 'n/a'; | 1:1 update-without-where ERROR, 2:1 update-without-where ERROR
            POSTGRESQL | UPDATE token SET note = (SELECT max(sig) FROM token); UPDATE token SET note = 'n/a'; | 1:1 update-without-where ERROR, 2:1 update-without-where ERROR
            POSTGRESQL | UPDATE token SET note = (SELECT n.text FROM notes n WHERE n.sig = sig); UPDATE token SET note = 'n/a'; | 1:1 update-without-where ERROR, 2:1 update-without-where ERROR
            POSTGRESQL | UPDATE token SET note = 'none' WHERE sig > 'a'; UPDATE token SET note = 'n/a'; | 2:1 update-without-where ERROR
            POSTGRESQL | UPDATE token SET note = (SELECT sig); UPDATE token SET note = 'n/a'; | 1:1 update-without-where ERROR, 2:1 update-without-where ERROR
            MYSQL      | UPDATE token SET note = 'none'; RENAME TABLE token TO token_old, tenants TO token; UPDATE token SET note = 'n/a'; | 1:1 update-without-where ERROR, 2:1 rename-table WARNING, 3:1 update-without-where ERROR
            POSTGRESQL | UPDATE token SET note = (SELECT string_agg(x, ',') FROM unnest(string_to_array(sig, ';')) x); UPDATE token SET note = 'n/a'; | 1:1 update-without-where ERROR, 2:1 update-without-where ERROR
            POSTGRESQL | UPDATE token SET note = (SELECT now()); UPDATE token SET note = 'n/a'; | 1:1 update-without-where ERROR, 2:1 update-without-where INFO column note holds only the value the UPDATE at line 1 gave every row, from nothing the row held
            ORACLE     | UPDATE token SET note = (SELECT lower(sig) FROM dual); UPDATE token SET note = 'n/a'; | 1:1 update-without-where ERROR, 2:1 update-without-where ERROR
            ORACLE     | UPDATE token SET note = (SELECT sys_guid() FROM dual); UPDATE token SET note = 'n/a'; | 1:1 update-without-where ERROR, 2:1 update-without-where INFO column note holds only the value the UPDATE at line 1 gave every row, from nothing the row held
            POSTGRESQL | UPDATE token SET note = 'none'; INSERT INTO token (sig, note) VALUES ('s', 'kept'); UPDATE token SET note = 'n/a'; | 1:1 update-without-where ERROR, 3:1 update-without-where ERROR
            POSTGRESQL | UPDATE token SET note = 'none'; UPDATE token SET note = 'x' WHERE sig = 's'; UPDATE token SET note = 'n/a'; | 1:1 update-without-where ERROR, 3:1 update-without-where ERROR
            POSTGRESQL | DO $$ BEGIN UPDATE token SET note = 'none'; IF random() > 0.5 THEN UPDATE token SET note = sig; END IF; UPDATE token SET note = 'n/a'; END $$; | 1:13 update-without-where ERROR, 2:24 update-without-where INFO column note holds only the value the UPDATE at line 1 gave every row, from nothing the row held, 4:1 update-without-where ERROR
            """)
    void settingAgainAColumnFilledWithAValueThatReadsNothingOfTheRow(Dialect dialect, String sql, String expected)
            throws IOException {
        Path first = project.resolve("db/V1__token.sql");
        Files.createDirectories(first.getParent());
        Files.writeString(first, "CREATE TABLE token (sig VARCHAR(64) NOT NULL PRIMARY KEY, note TEXT);\n"
                + "CREATE TABLE tenants (id CHAR(36) NOT NULL PRIMARY KEY);\n", StandardCharsets.UTF_8);
        Path second = project.resolve("db/V2__tenant.sql");
        Files.writeString(second, sql.strip().replace("; ", ";\n") + "\n", StandardCharsets.UTF_8);

        List<String> findings = ProjectLint.findings(project, dialect).stream()
                .filter(finding -> finding.location().path().endsWith("V2__tenant.sql"))
                .map(ProjectLint::placeAndGuard).toList();

        assertEquals(List.of(expected.split(", (?=\\d+:\\d+ )")), findings);
    }
}
