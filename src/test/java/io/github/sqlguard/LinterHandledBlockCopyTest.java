package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A copy made in a block with an EXCEPTION section may not exist afterwards: when it fails, the handler goes on (and
 * PL/pgSQL undoes the whole block), and the script drops what it meant to copy. Such a copy guards nothing; one made
 * outside the block whose handler it is, or in a block without a handler, still does.
 */
class LinterHandledBlockCopyTest {

    private static final String MIGRATION = """
            CREATE TABLE log_new (id int PRIMARY KEY, op varchar(32), repo varchar(255));
            DO $$
            DECLARE
                r RECORD;
            BEGIN
            %s
            END $$;
            DROP TABLE log_entry;
            """;

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            INSERT INTO log_new SELECT * FROM log_entry;                                                        | INFO
            INSERT INTO log_new SELECT * FROM log_entry; EXCEPTION WHEN others THEN RAISE NOTICE 'copy failed'; | ERROR
            INSERT INTO log_new SELECT * FROM log_entry; BEGIN PERFORM 1; EXCEPTION WHEN others THEN NULL; END;  | INFO
            BEGIN INSERT INTO log_new SELECT * FROM log_entry; EXCEPTION WHEN unique_violation THEN NULL; END;  | ERROR
            FOR r IN SELECT * FROM log_entry LOOP INSERT INTO log_new VALUES (r.id, r.op, r.repo); END LOOP; EXCEPTION WHEN others THEN NULL; | ERROR
            """)
    void theDropAfterACopyInABlock(String block, Severity expected) throws IOException {
        TestProject.write(project, "db/V1__init.sql",
                "CREATE TABLE log_entry (id int PRIMARY KEY, op varchar(32), repo varchar(255));\n");
        TestProject.write(project, "db/V2__move.sql", MIGRATION.formatted(block));

        List<Finding> drops = ProjectLint.findings(project, Dialect.POSTGRESQL).stream()
                .filter(f -> f.ruleId().equals("drop-table")).toList();

        assertEquals(1, drops.size(), drops.toString());
        assertEquals(expected, drops.get(0).severity(), drops.get(0).message());
        assertEquals(expected == Severity.INFO, drops.get(0).message().contains("rows copied to log_new"),
                drops.get(0).message());
    }

    @Test
    void aColumnCopiedInAHandledBlockIsLostWhenDropped() throws IOException {
        TestProject.write(project, "db/V1__init.sql",
                "CREATE TABLE log_entry (id int PRIMARY KEY, op varchar(32), repo varchar(255));\n");
        TestProject.write(project, "db/V2__copy.sql", """
                ALTER TABLE log_entry ADD COLUMN repo_name varchar(255);
                DO $$
                BEGIN
                    UPDATE log_entry SET repo_name = repo;
                EXCEPTION WHEN others THEN
                    RAISE NOTICE 'not copied';
                END $$;
                ALTER TABLE log_entry DROP COLUMN repo;
                """);

        List<Finding> drops = ProjectLint.findings(project, Dialect.POSTGRESQL).stream()
                .filter(f -> f.ruleId().equals("drop-column")).toList();

        assertEquals(1, drops.size(), drops.toString());
        assertEquals(Severity.ERROR, drops.get(0).severity(), drops.get(0).message());
        assertEquals(8, drops.get(0).location().line());
    }

    @Test
    void anOracleBlockWhoseHandlerSwallowsAFailedCopyGuardsNothing() throws IOException {
        TestProject.write(project, "db/V1__init.sql",
                "CREATE TABLE log_entry (id NUMBER PRIMARY KEY, op VARCHAR2(32));\n");
        TestProject.write(project, "db/V2__move.sql", """
                CREATE TABLE log_new (id NUMBER PRIMARY KEY, op VARCHAR2(32));
                BEGIN
                    INSERT INTO log_new SELECT * FROM log_entry;
                EXCEPTION WHEN OTHERS THEN
                    NULL;
                END;
                /
                DROP TABLE log_entry;
                """);

        List<Finding> drops = ProjectLint.findings(project, Dialect.ORACLE).stream()
                .filter(f -> f.ruleId().equals("drop-table")).toList();

        assertEquals(1, drops.size(), drops.toString());
        assertEquals(Severity.ERROR, drops.get(0).severity(), drops.get(0).message());
        assertTrue(drops.get(0).message().contains("log_entry"), drops.get(0).message());
    }
}
