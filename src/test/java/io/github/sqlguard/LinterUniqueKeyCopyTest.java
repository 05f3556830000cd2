package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Columns moved to a new table beside a unique key of the old one instead of its primary key ({@code INSERT INTO rules
 * (tenant, name, target) SELECT tenant, name, target FROM filters WHERE target IS NOT NULL}, where {@code (name,
 * tenant)} is unique and NOT NULL): the key says which row each value came from as surely as the primary key, so the
 * drop of a column whose every value went is guarded. A key the replay cannot be sure of still holds (dropped,
 * partial, over expressions, over a column that may be NULL, without a name to follow it by) guards nothing.
 */
class LinterUniqueKeyCopyTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            CREATE UNIQUE INDEX uk_filters ON filters (name, tenant);                                   | INFO
            CREATE UNIQUE INDEX IF NOT EXISTS uk_filters ON filters USING btree (name ASC, tenant);    | INFO
            ALTER TABLE filters ADD CONSTRAINT uk_filters UNIQUE (tenant, name);                       | INFO
            CREATE UNIQUE INDEX uk_filters ON filters (name, tenant); ALTER INDEX uk_filters RENAME TO uk_new; | INFO
            CREATE UNIQUE INDEX uk_filters ON filters (name, tenant); DROP INDEX uk_filters;           | ERROR
            CREATE UNIQUE INDEX uk_filters ON filters (name, tenant); DROP INDEX IF EXISTS public.uk_filters; | ERROR
            ALTER TABLE filters ADD CONSTRAINT uk_filters UNIQUE (tenant, name); ALTER TABLE filters DROP CONSTRAINT uk_filters; | ERROR
            CREATE UNIQUE INDEX uk_filters ON filters (name, tenant); ALTER INDEX uk_filters RENAME TO uk_new; DROP INDEX uk_new; | ERROR
            ALTER TABLE filters ADD CONSTRAINT uk_filters UNIQUE (tenant, name); ALTER TABLE filters DROP UNIQUE (tenant, name); | ERROR
            CREATE UNIQUE INDEX uk_filters ON filters (name, tenant); ALTER TABLE filters DROP COLUMN name; ALTER TABLE filters ADD COLUMN name VARCHAR(128) NOT NULL DEFAULT ''; | ERROR
            CREATE UNIQUE INDEX uk_filters ON filters (name, tenant); ALTER TABLE filters RENAME COLUMN name TO title; ALTER TABLE filters ADD COLUMN name VARCHAR(128) NOT NULL DEFAULT ''; | ERROR
            CREATE UNIQUE INDEX uk_filters ON filters (name, tenant); ALTER TABLE filters ADD COLUMN code TEXT; ALTER TABLE filters DROP COLUMN code; | INFO
            CREATE UNIQUE INDEX uk_filters ON filters (name, tenant) WHERE weight > 0;                 | ERROR
            CREATE UNIQUE INDEX uk_filters ON filters (lower(name), tenant);                           | ERROR
            CREATE UNIQUE INDEX ON filters (name, tenant);                                             | ERROR
            CREATE UNIQUE INDEX uk_filters ON filters (name, note);                                    | ERROR
            CREATE INDEX ix_filters ON filters (name, tenant);                                         | ERROR
            CREATE UNIQUE INDEX uk_filters ON filters (name, tenant); DROP TABLE filters; CREATE TABLE filters (id BIGINT PRIMARY KEY, tenant VARCHAR(40) NOT NULL, name VARCHAR(128) NOT NULL, target BIGINT, weight INT NOT NULL, note TEXT); | ERROR
            """)
    void theDropOfAColumnCopiedBesideAUniqueKey(String keys, String expected) throws IOException {
        TestProject.write(project, "db/V1__init.sql", """
                CREATE TABLE filters (id BIGINT PRIMARY KEY, tenant VARCHAR(40) NOT NULL, name VARCHAR(128) NOT NULL,
                    target BIGINT, weight INT NOT NULL, note TEXT);
                CREATE TABLE rules (id BIGSERIAL PRIMARY KEY, tenant VARCHAR(40), name VARCHAR(128), target BIGINT,
                    weight INT, note TEXT);
                """);
        TestProject.write(project, "db/V1_1__keys.sql", keys.replace("; ", ";\n") + "\n");
        TestProject.write(project, "db/V2__move.sql", """
                INSERT INTO rules (tenant, name, target, weight, note)
                SELECT tenant, name, target, weight, note FROM filters WHERE target IS NOT NULL;
                ALTER TABLE filters DROP COLUMN target;
                ALTER TABLE filters DROP COLUMN weight;
                """);

        List<String> drops = drops(Dialect.POSTGRESQL);

        assertEquals(2, drops.size(), drops.toString());
        assertEquals(expected, drops.get(0).split(" ")[0], drops.get(0));
        assertEquals("ERROR ALTER TABLE filters drops column weight (values of weight copied to rules at line 1,"
                + " only from the rows its WHERE selects)", drops.get(1));
    }

    /** MySQL names a key in the table's definition (UNIQUE KEY k (..)) and drops it with ALTER TABLE .. DROP INDEX. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            UNIQUE KEY uk_filters (name, tenant) |                                                      | INFO
            CONSTRAINT uk_filters UNIQUE (name, tenant) |                                               | INFO
            UNIQUE KEY uk_filters (name, tenant) | ALTER TABLE filters DROP INDEX uk_filters;           | ERROR
            UNIQUE KEY uk_filters (name, tenant) | ALTER TABLE filters RENAME INDEX uk_filters TO uk_2; | INFO
            UNIQUE KEY uk_filters (name, tenant) | ALTER TABLE filters MODIFY name VARCHAR(128) NULL;   | ERROR
            UNIQUE (name, tenant) |                                                                     | ERROR
            """)
    void aKeyInTheTablesDefinition(String key, String later, String expected) throws IOException {
        TestProject.write(project, "db/V1__init.sql", """
                CREATE TABLE filters (id BIGINT NOT NULL AUTO_INCREMENT, tenant VARCHAR(40) NOT NULL,
                    name VARCHAR(128) NOT NULL, target BIGINT, weight INT NOT NULL, note TEXT, PRIMARY KEY (id), %s);
                CREATE TABLE rules (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, tenant VARCHAR(40),
                    name VARCHAR(128), target BIGINT, weight INT, note TEXT);
                %s
                """.formatted(key, later == null ? "" : later));
        TestProject.write(project, "db/V2__move.sql", """
                INSERT INTO rules (tenant, name, target, weight, note)
                SELECT tenant, name, target, weight, note FROM filters WHERE target IS NOT NULL;
                ALTER TABLE filters DROP COLUMN target;
                ALTER TABLE filters DROP COLUMN weight;
                """);

        List<String> drops = drops(Dialect.MYSQL);

        assertEquals(2, drops.size(), drops.toString());
        assertEquals(expected, drops.get(0).split(" ")[0], drops.get(0));
    }

    private List<String> drops(Dialect dialect) {
        return ProjectLint.findings(project, dialect).stream().filter(f -> f.ruleId().equals("drop-column"))
                .filter(f -> f.location().path().toString().endsWith("V2__move.sql"))
                .map(f -> f.severity() + " " + f.message()).toList();
    }
}
