package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A migration that moves some columns to a new table, copying them beside a natural key instead of the old table's
 * primary key, or only from the rows a WHERE selects, and then drops them: the drops stay reported, since which row
 * a value belonged to, or the values of the rows left out, may be lost, but each says where the values went.
 */
class LinterCarriedColumnsTest {

    @TempDir
    Path project;

    @BeforeEach
    void schema() throws IOException {
        write("db/V1__init.sql", """
                CREATE TABLE filters (id BIGINT PRIMARY KEY, tenant VARCHAR(40) NOT NULL, name VARCHAR(128) NOT NULL,
                    target BIGINT, weight INT NOT NULL);
                CREATE TABLE rules (id BIGINT PRIMARY KEY, filter_id BIGINT, tenant VARCHAR(40), name VARCHAR(128),
                    target BIGINT, weight INT);
                """);
    }

    @Test
    void aCopyBesideANaturalKeyFromSomeRowsIsNamedOnTheDrops() throws IOException {
        write("db/V2__move.sql", """
                INSERT INTO rules (tenant, name, target, weight)
                SELECT tenant, name, target, weight FROM filters WHERE target IS NOT NULL;
                ALTER TABLE filters DROP COLUMN target, DROP COLUMN weight;
                """);

        assertEquals(List.of(
                "3:21 ERROR ALTER TABLE filters drops column target (values of target copied to rules at line 1,"
                        + " without the key of filters beside them)",
                "3:41 ERROR ALTER TABLE filters drops column weight (values of weight copied to rules at line 1,"
                        + " only from the rows its WHERE selects)"), drops());
    }

    @Test
    void aCopyWithTheKeyFromTheRowsAnotherColumnSelectsMovesOnlyThatColumn() throws IOException {
        write("db/V2__move.sql", """
                INSERT INTO rules (filter_id, target, weight) SELECT id, target, weight FROM filters
                WHERE target IS NOT NULL;
                ALTER TABLE filters DROP COLUMN target;
                ALTER TABLE filters DROP COLUMN weight;
                """);

        assertEquals(List.of(
                "3:21 INFO ALTER TABLE filters drops column target (guarded: values of target copied to rules at"
                        + " line 1)",
                "4:21 ERROR ALTER TABLE filters drops column weight (values of weight copied to rules at line 1,"
                        + " only from the rows its WHERE selects)"), drops());
    }

    /**
     * ORM-written copies test the key and other NOT NULL columns beside the column they move ({@code WHERE f.id IS
     * NOT NULL AND f.target IS NOT NULL}): those tests hold in every row, so the copy keeps every value of the
     * column as one testing it alone does, and one testing only NOT NULL columns keeps every row. A drop in a later
     * migration is then told only that rows written since are not in the copy.
     */
    @Test
    void testsOfNotNullColumnsBesideTheMovedColumnLeaveNoRowOut() throws IOException {
        write("db/V2__move.sql", """
                INSERT INTO rules (filter_id, target, weight) SELECT f.id, f.target, f.weight FROM filters f
                WHERE f.id IS NOT NULL AND f.target IS NOT NULL AND f.tenant IS NOT NULL;
                ALTER TABLE filters DROP COLUMN target;
                """);
        write("db/V3__drop.sql", """
                ALTER TABLE filters DROP COLUMN weight;
                """);
        write("db/V4__copy_every_row.sql", """
                INSERT INTO rules (filter_id, tenant, name) SELECT id, tenant, name FROM filters
                WHERE id IS NOT NULL AND tenant IS NOT NULL;
                """);
        write("db/V5__drop.sql", """
                ALTER TABLE filters DROP COLUMN name;
                """);

        assertEquals(List.of(
                "3:21 INFO ALTER TABLE filters drops column target (guarded: values of target copied to rules at"
                        + " line 1)",
                "1:21 ERROR ALTER TABLE filters drops column weight (values of weight copied to rules at line 1 of"
                        + " V2__move.sql, only from the rows its WHERE selects; that copy was made by an earlier"
                        + " migration, and what was written after it ran is not in it either)",
                "1:21 ERROR ALTER TABLE filters drops column name (values of name copied to rules at line 1 of"
                        + " V4__copy_every_row.sql, an earlier migration; what was written after it ran is not in"
                        + " that copy)"), drops());
    }

    /**
     * Moving columns into a table of one row per field joins a table of field definitions: the values the source's
     * own columns hold went there, with its key, from the rows the join and the WHERE select. The drops stay
     * reported and say so; a column the joined table has too, named without its table, is not said to have moved.
     */
    @Test
    void aCopyThroughAJoinIntoRowsPerFieldIsNamedOnTheDrops() throws IOException {
        write("db/V1_1__fields.sql", """
                CREATE TABLE field_config (id BIGINT PRIMARY KEY, tenant VARCHAR(40) NOT NULL, name VARCHAR(40));
                CREATE TABLE field_value (filter_id BIGINT, config_id BIGINT, value TEXT);
                """);
        write("db/V2__move.sql", """
                INSERT INTO field_value (filter_id, config_id, value)
                SELECT f.id, c.id, f.target FROM filters f INNER JOIN field_config c ON c.tenant = f.tenant
                WHERE c.name = 'target';
                INSERT INTO field_value (filter_id, config_id, value)
                SELECT filters.id, field_config.id, weight FROM filters JOIN field_config USING (tenant);
                INSERT INTO field_value (filter_id, config_id, value)
                SELECT filters.id, field_config.id, name FROM filters JOIN field_config USING (tenant);
                ALTER TABLE filters DROP COLUMN target, DROP COLUMN weight, DROP COLUMN name, DROP COLUMN tenant;
                """);

        assertEquals(List.of(
                "8:21 ERROR ALTER TABLE filters drops column target (values of target copied to field_value at line 1,"
                        + " only from the rows its join with field_config and its WHERE select)",
                "8:41 ERROR ALTER TABLE filters drops column weight (values of weight copied to field_value at line 4,"
                        + " only from the rows its join with field_config matches)",
                "8:61 ERROR ALTER TABLE filters drops column name",
                "8:79 ERROR ALTER TABLE filters drops column tenant"), drops());
    }

    /** A table whose columns went, through a join, to the table that replaces it: its drop says where they went. */
    @Test
    void aDroppedTableSaysWhereTheColumnsCarriedFromItWent() throws IOException {
        write("db/V1_1__fields.sql", """
                CREATE TABLE field_config (id BIGINT PRIMARY KEY, old_id BIGINT, name VARCHAR(40));
                CREATE TABLE field_value (filter_id BIGINT, config_id BIGINT, value TEXT);
                """);
        write("db/V2__move.sql", """
                INSERT INTO field_value (filter_id, config_id, value)
                SELECT f.target, c.id, f.name FROM filters f JOIN field_config c ON c.old_id = f.id;
                DROP TABLE filters;
                """);

        assertEquals(List.of("3:1 ERROR DROP TABLE removes table filters and all its rows (values of name, target"
                + " copied to field_value at line 1, only from the rows its join with field_config matches; columns"
                + " tenant, weight not copied to field_value)"), findings("drop-table"));
    }

    /** A join with a subquery (the first row of each group, as a deduplication writes it) chooses rows too. */
    @Test
    void aCopyThroughAJoinWithASubqueryIsNamedOnTheDrop() throws IOException {
        write("db/V2__move.sql", """
                INSERT INTO rules (filter_id, name) SELECT firsts.id, f.name FROM filters AS f
                JOIN (SELECT id, tenant, row_number() OVER (PARTITION BY tenant ORDER BY id) AS seq FROM filters)
                AS firsts ON firsts.tenant = f.tenant WHERE firsts.seq = 1;
                INSERT INTO rules (filter_id, target) SELECT f.id, f.target FROM filters f
                JOIN LATERAL (SELECT 1 AS one) one_row ON true;
                ALTER TABLE filters DROP COLUMN name, DROP COLUMN target;
                """);

        assertEquals(List.of(
                "6:21 ERROR ALTER TABLE filters drops column name (values of name copied to rules at line 1, only from"
                        + " the rows its join with firsts and its WHERE select)",
                "6:39 ERROR ALTER TABLE filters drops column target (values of target copied to rules at line 4,"
                        + " only from the rows its join with one_row matches)"), drops());
    }

    @Test
    void theNoteSpellsTheColumnAsTheTableDefinesIt() throws IOException {
        write("db/V2__keys.sql", """
                CREATE TABLE "Org" ("Id" BIGINT PRIMARY KEY, "Name" VARCHAR(50), "ApiKey" VARCHAR(30));
                CREATE TABLE "OrgKey" ("OrgId" BIGINT, "ApiKey" VARCHAR(30));
                """);
        write("db/V3__move.sql", """
                INSERT INTO "OrgKey" ("OrgId", "ApiKey") SELECT "Id", "ApiKey" FROM "Org" WHERE "Name" <> 'x';
                ALTER TABLE "Org" DROP COLUMN "ApiKey";
                """);

        assertEquals(List.of("2:19 ERROR ALTER TABLE \"Org\" drops column \"ApiKey\" (values of ApiKey copied to"
                + " OrgKey at line 1, only from the rows its WHERE selects)"), drops());
    }

    @Test
    void aDropOfAColumnCopiedFromSomeRowsOfATableNotKnownInFullSaysWhereItsValuesWent() throws IOException {
        write("db/V2__move.sql", """
                INSERT INTO rules (filter_id, name) SELECT id, name FROM legacy WHERE kind = 2;
                ALTER TABLE legacy DROP COLUMN name;
                ALTER TABLE legacy DROP COLUMN kind;
                """);

        assertEquals(List.of(
                "2:20 ERROR ALTER TABLE legacy drops column name (values of name copied to rules at line 1, only from"
                        + " the rows its WHERE selects)",
                "3:20 ERROR ALTER TABLE legacy drops column kind (the copy to rules at line 1 keeps only the rows its"
                        + " WHERE selects, and lists its columns; sqlguard does not know every column of legacy: those"
                        + " it leaves out are lost)"), drops());
    }

    @Test
    void anOuterJoinAloneChoosesNoRows() throws IOException {
        write("db/V2__move.sql", """
                INSERT INTO rules (filter_id, target) SELECT f.id, f.target FROM filters f LEFT JOIN rules r
                ON r.filter_id = f.id;
                ALTER TABLE filters DROP COLUMN target;
                """);

        assertEquals(List.of("3:21 ERROR ALTER TABLE filters drops column target"), drops());
    }

    /**
     * A copy whose target table was dropped (or emptied) before the source no longer holds the values it took:
     * naming it would tell the reader they survive there.
     */
    @Test
    void aCopyIntoATableDroppedOrEmptiedSinceIsNotNamed() throws IOException {
        write("db/V2__move.sql", """
                INSERT INTO rules (filter_id, weight) SELECT id, weight FROM filters WHERE target IS NOT NULL;
                INSERT INTO rules (tenant, name) SELECT tenant, name FROM filters WHERE target IS NULL;
                """);
        write("db/V3__drop.sql", """
                DROP TABLE rules;
                DROP TABLE filters;
                """);

        assertEquals(List.of("1:1 ERROR DROP TABLE removes table rules and all its rows",
                "2:1 ERROR DROP TABLE removes table filters and all its rows"), findings("drop-table"));

        write("db/V3__drop.sql", """
                TRUNCATE rules;
                DROP TABLE filters;
                """);

        assertEquals(List.of("2:1 ERROR DROP TABLE removes table filters and all its rows"), findings("drop-table"));
    }

    /**
     * A table folded into a new one through a LEFT JOIN that picks up a related row's id keeps every row, so the
     * columns it takes as they are lose nothing but, with the key rebuilt by an expression, which row they belonged to:
     * a drop of the table names that copy beside the columns it left out, instead of calling them not copied at all.
     */
    @Test
    void aCopyOfEveryRowThroughAnOuterJoinIsNamedOnTheDropOfItsTable() throws IOException {
        write("db/V1_1__notes.sql", """
                CREATE TABLE filter_note (id BIGINT PRIMARY KEY, filter_id BIGINT, body TEXT);
                CREATE TABLE policy (id TEXT PRIMARY KEY, legacy_id TEXT, tenant VARCHAR(40), name VARCHAR(128),
                    target BIGINT, note_id BIGINT);
                """);
        write("db/V2__fold.sql", """
                INSERT INTO policy (id, legacy_id, tenant, name, target, note_id)
                SELECT gen_random_uuid(), 'filter_' || f.id, f.tenant, f."name", f.target, n.id
                FROM filters f LEFT JOIN filter_note n ON n.filter_id = f.id;
                DROP TABLE filters;
                """);

        assertEquals(List.of("4:1 ERROR DROP TABLE removes table filters and all its rows (values of name, target,"
                + " tenant copied to policy at line 1, without the key of filters beside them; column weight not"
                + " copied to policy)"), findings("drop-table"));
    }

    /** An outer join alone keeps every row, but a grouping, a limit or a skipped conflict after it does not. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "GROUP BY f.id, f.tenant, f.\"name\", f.target",
        "ORDER BY f.id LIMIT 100",
        "ON CONFLICT DO NOTHING",
        "UNION ALL SELECT 'x', 'y', tenant, name, target, NULL FROM rules"})
    void anOuterJoinedCopyThatMayLeaveRowsOutIsNotSaidToHaveTakenEveryValue(String tail) throws IOException {
        write("db/V1_1__notes.sql", """
                CREATE TABLE filter_note (id BIGINT PRIMARY KEY, filter_id BIGINT, body TEXT);
                CREATE TABLE policy (id TEXT PRIMARY KEY, legacy_id TEXT, tenant VARCHAR(40), name VARCHAR(128),
                    target BIGINT, note_id BIGINT);
                """);
        write("db/V2__fold.sql", """
                INSERT INTO policy (id, legacy_id, tenant, name, target, note_id)
                SELECT gen_random_uuid(), 'filter_' || f.id, f.tenant, f."name", f.target, max(n.id)
                FROM filters f LEFT JOIN filter_note n ON n.filter_id = f.id %s;
                DROP TABLE filters;
                """.formatted(tail));

        assertEquals(List.of("4:1 ERROR DROP TABLE removes table filters and all its rows"), findings("drop-table"));
    }

    private List<String> drops() {
        return findings("drop-column");
    }

    private List<String> findings(String rule) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), Dialect.POSTGRESQL, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        return result.findings().stream().filter(f -> f.ruleId().equals(rule))
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.severity() + " " + f.message())
                .toList();
    }

    private void write(String path, String sql) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql, StandardCharsets.UTF_8);
    }
}
