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
 * A name a loop reads row by row from the catalogue (a FOR loop's record field, a FETCH target, PL/pgSQL's loop
 * variable) joins dynamic SQL as one name, as one that SELECT .. INTO looks up does: dropping each foreign key the
 * catalogue lists is no runtime-sql, dropping each table it lists is still a drop-table, and a value from any other
 * table, or any other column, stays built at run time.
 */
class LinterCatalogueRowNamesTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', textBlock = """
            oracle | BEGIN\\n  FOR r IN (SELECT constraint_name FROM user_constraints WHERE table_name = 'T' AND constraint_type = 'R') LOOP\\n    EXECUTE IMMEDIATE 'ALTER TABLE t DROP CONSTRAINT ' || r.constraint_name;\\n  END LOOP;\\nEND;\\n/ | -
            oracle | BEGIN\\n  FOR r IN (SELECT owner, constraint_name FROM all_constraints WHERE table_name = 'T') LOOP\\n    EXECUTE IMMEDIATE 'ALTER TABLE ' || r.owner || '.t DROP CONSTRAINT ' || r.constraint_name;\\n  END LOOP;\\nEND;\\n/ | -
            oracle | BEGIN\\n  FOR r IN (SELECT c.constraint_name AS cn FROM user_constraints c WHERE c.table_name = 'T') LOOP\\n    EXECUTE IMMEDIATE 'ALTER TABLE t DROP CONSTRAINT ' || r.cn;\\n  END LOOP;\\nEND;\\n/ | -
            oracle | CREATE OR REPLACE PROCEDURE drop_fks(tab IN VARCHAR2) IS\\nBEGIN\\n  FOR r IN (SELECT constraint_name FROM user_constraints WHERE table_name = tab) LOOP\\n    EXECUTE IMMEDIATE 'ALTER TABLE ' || tab || ' DROP CONSTRAINT ' || r.constraint_name;\\n  END LOOP;\\nEND;\\n/\\nCALL drop_fks('T'); | runtime-sql INFO 4:5
            oracle | BEGIN\\n  FOR r IN (SELECT table_name FROM user_tables WHERE table_name LIKE 'TMP%') LOOP\\n    EXECUTE IMMEDIATE 'DROP TABLE ' || r.table_name;\\n  END LOOP;\\nEND;\\n/ | drop-table ERROR 3:24
            oracle | BEGIN\\n  FOR r IN (SELECT constraint_name FROM app_constraints) LOOP\\n    EXECUTE IMMEDIATE 'ALTER TABLE t DROP CONSTRAINT ' || r.constraint_name;\\n  END LOOP;\\nEND;\\n/ | runtime-sql WARNING 3:5
            oracle | BEGIN\\n  FOR r IN (SELECT c.constraint_name FROM user_constraints c JOIN app_names n ON n.id = 1) LOOP\\n    EXECUTE IMMEDIATE 'ALTER TABLE t DROP CONSTRAINT ' || r.constraint_name;\\n  END LOOP;\\nEND;\\n/ | runtime-sql WARNING 3:5
            oracle | BEGIN\\n  FOR r IN (SELECT search_condition FROM user_constraints WHERE table_name = 'T') LOOP\\n    EXECUTE IMMEDIATE 'ALTER TABLE t DROP CONSTRAINT ' || r.search_condition;\\n  END LOOP;\\nEND;\\n/ | runtime-sql WARNING 3:5
            oracle | BEGIN\\n  FOR r IN (SELECT constraint_name || ' DROP COLUMN a' AS cn FROM user_constraints) LOOP\\n    EXECUTE IMMEDIATE 'ALTER TABLE t DROP CONSTRAINT ' || r.cn;\\n  END LOOP;\\nEND;\\n/ | drop-column ERROR 2:41 ## runtime-sql WARNING 3:5
            """)
    void aFieldOfALoopOverTheCatalogueIsOneName(String dialect, String sql, String expected) throws IOException {
        assertEquals(expected(expected), findings(Dialect.fromConfig(dialect), sql));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', textBlock = """
            mysql | CREATE PROCEDURE p()\\nBEGIN\\n  DECLARE c VARCHAR(64);\\n  DECLARE cur CURSOR FOR SELECT constraint_name FROM information_schema.referential_constraints WHERE table_name = 't';\\n  OPEN cur;\\n  FETCH cur INTO c;\\n  SET @s = CONCAT('ALTER TABLE t DROP FOREIGN KEY ', c);\\n  PREPARE st FROM @s;\\n  EXECUTE st;\\nEND;\\nCALL p(); | -
            mysql | CREATE PROCEDURE p()\\nBEGIN\\n  DECLARE c VARCHAR(64);\\n  DECLARE cur CURSOR FOR SELECT note FROM app_notes;\\n  OPEN cur;\\n  FETCH cur INTO c;\\n  SET @s = CONCAT('ALTER TABLE t DROP FOREIGN KEY ', c);\\n  PREPARE st FROM @s;\\n  EXECUTE st;\\nEND;\\nCALL p(); | runtime-sql WARNING 8:3
            mysql | CREATE PROCEDURE p()\\nBEGIN\\n  DECLARE c VARCHAR(64);\\n  DECLARE cur CURSOR FOR SELECT constraint_name FROM information_schema.referential_constraints;\\n  OPEN cur;\\n  FETCH cur INTO c;\\n  SET c = CONCAT(c, ' DROP COLUMN a');\\n  SET @s = CONCAT('ALTER TABLE t DROP FOREIGN KEY ', c);\\n  PREPARE st FROM @s;\\n  EXECUTE st;\\nEND;\\nCALL p(); | drop-column ERROR 7:23 ## runtime-sql WARNING 9:3
            postgresql | DO $$\\nDECLARE\\n  t text;\\n  c text;\\n  curs CURSOR FOR SELECT table_name, constraint_name FROM information_schema.table_constraints WHERE constraint_type = 'FOREIGN KEY';\\nBEGIN\\n  OPEN curs;\\n  LOOP\\n    FETCH curs INTO t, c;\\n    EXIT WHEN NOT FOUND;\\n    EXECUTE 'ALTER TABLE orders DROP CONSTRAINT ' || c;\\n  END LOOP;\\nEND $$; | -
            postgresql | DO $$\\nDECLARE\\n  t text;\\n  c text;\\n  curs CURSOR FOR SELECT constraint_name, check_clause FROM information_schema.check_constraints;\\nBEGIN\\n  OPEN curs;\\n  LOOP\\n    FETCH curs INTO t, c;\\n    EXIT WHEN NOT FOUND;\\n    EXECUTE 'ALTER TABLE orders DROP CONSTRAINT ' || c;\\n  END LOOP;\\nEND $$; | runtime-sql WARNING 11:5
            postgresql | DO $$\\nDECLARE c text;\\nBEGIN\\n  FOR c IN SELECT constraint_name FROM information_schema.table_constraints WHERE table_name = 'orders' LOOP\\n    EXECUTE 'ALTER TABLE orders DROP CONSTRAINT ' || c;\\n  END LOOP;\\nEND $$; | -
            postgresql | DO $$\\nDECLARE r record;\\nBEGIN\\n  FOR r IN SELECT c.conname FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid WHERE t.relname = 'orders' AND c.contype = 'f' LOOP\\n    EXECUTE 'ALTER TABLE orders DROP CONSTRAINT ' || r.conname;\\n  END LOOP;\\nEND $$; | -
            postgresql | DO $$\\nDECLARE r record;\\nBEGIN\\n  FOR r IN SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = 'staging' LOOP\\n    EXECUTE 'DROP TABLE staging.' || r.tablename;\\n  END LOOP;\\nEND $$; | drop-table ERROR 5:14
            postgresql | DO $$\\nDECLARE r record;\\nBEGIN\\n  FOR r IN SELECT c.conname FROM pg_constraint c, app_names n LOOP\\n    EXECUTE 'ALTER TABLE orders DROP CONSTRAINT ' || r.conname;\\n  END LOOP;\\nEND $$; | runtime-sql WARNING 5:5
            postgresql | DO $$\\nDECLARE c text;\\nBEGIN\\n  FOR c IN SELECT cmd FROM app_jobs LOOP\\n    EXECUTE 'ALTER TABLE orders DROP CONSTRAINT ' || c;\\n  END LOOP;\\nEND $$; | runtime-sql WARNING 5:5
            sqlserver | DECLARE @n SYSNAME;\\nDECLARE c CURSOR FOR SELECT name FROM sys.foreign_keys WHERE parent_object_id = OBJECT_ID('dbo.orders');\\nOPEN c;\\nFETCH NEXT FROM c INTO @n;\\nWHILE @@FETCH_STATUS = 0\\nBEGIN\\n  EXEC ('ALTER TABLE dbo.orders DROP CONSTRAINT ' + @n);\\n  FETCH NEXT FROM c INTO @n;\\nEND | -
            sqlserver | DECLARE @n SYSNAME;\\nDECLARE c CURSOR FOR SELECT name FROM dbo.jobs;\\nOPEN c;\\nFETCH NEXT FROM c INTO @n;\\nWHILE @@FETCH_STATUS = 0\\nBEGIN\\n  EXEC ('ALTER TABLE dbo.orders DROP CONSTRAINT ' + @n);\\n  FETCH NEXT FROM c INTO @n;\\nEND | runtime-sql WARNING 7:3
            """)
    void aNameFetchedFromACursorOverTheCatalogueIsOneName(String dialect, String sql, String expected)
            throws IOException {
        assertEquals(expected(expected), findings(Dialect.fromConfig(dialect), sql));
    }

    private static List<String> expected(String expected) {
        return expected.equals("-") ? List.of() : List.of(expected.split(" ## "));
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
                + f.location().column()).toList();
    }
}
