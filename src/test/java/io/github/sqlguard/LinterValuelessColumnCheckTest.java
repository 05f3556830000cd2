package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A PostgreSQL upgrade script that stops with an error while a column still holds a value, then drops it: {@code IF
 * EXISTS (SELECT 1 FROM t WHERE c IS NOT NULL) THEN RAISE EXCEPTION ..}, or a count read into a variable first. The
 * drop that runs past the check loses nothing, whether it stands in the same block or after the block that checks;
 * a write of the table between them, a check that only warns, a WHERE that tests more, or a block with an exception
 * handler guards nothing.
 */
class LinterValuelessColumnCheckTest {

    private static final String SCHEMA = "CREATE TABLE orders (id int PRIMARY KEY, legacy_ref varchar(40), note text);\n";

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            DO $$ BEGIN IF EXISTS (SELECT 1 FROM orders WHERE legacy_ref IS NOT NULL) THEN RAISE EXCEPTION 'migrate legacy_ref first'; END IF; ALTER TABLE orders DROP COLUMN legacy_ref; END $$;                          | 4 | runs only when no row of orders has a value in legacy_ref
            DO $$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM orders WHERE legacy_ref IS NOT NULL; IF n > 0 THEN RAISE EXCEPTION '% rows use it', n; END IF; ALTER TABLE orders DROP COLUMN legacy_ref; END $$; | 6 | runs only when no row of orders has a value in legacy_ref
            DO $$ BEGIN IF (SELECT count(*) FROM orders WHERE legacy_ref IS NOT NULL) > 0 THEN RAISE 'in use'; END IF; EXECUTE 'ALTER TABLE orders DROP COLUMN legacy_ref'; END $$;                                 | 4 | runs only when no row of orders has a value in legacy_ref
            DO $$ DECLARE found boolean; BEGIN SELECT EXISTS (SELECT 1 FROM orders WHERE legacy_ref IS NOT NULL) INTO found; IF found THEN RAISE EXCEPTION 'in use'; END IF; ALTER TABLE orders DROP COLUMN legacy_ref; END $$; | 6 | runs only when no row of orders has a value in legacy_ref
            DO $$ BEGIN IF EXISTS (SELECT 1 FROM orders WHERE legacy_ref IS NOT NULL) THEN RAISE EXCEPTION 'in use'; END IF; END $$; ALTER TABLE orders DROP COLUMN legacy_ref;                                     | 5 | runs only when no row of orders has a value in legacy_ref (the block at line 2 stops the migration while one has)
            DO $$ BEGIN IF EXISTS (SELECT 1 FROM orders WHERE note IS NOT NULL) THEN RAISE EXCEPTION 'in use'; END IF; IF EXISTS (SELECT 1 FROM orders WHERE legacy_ref IS NOT NULL) THEN RAISE EXCEPTION 'in use'; END IF; END $$; CREATE INDEX orders_id ON other (id); ALTER TABLE orders DROP COLUMN legacy_ref; | 8 | (the block at line 2 stops the migration while one has)
            """)
    void aCheckThatStopsTheMigrationWhileTheColumnHoldsValuesGuardsItsDrop(String script, int line, String note)
            throws IOException {
        List<Finding> drops = drops(script);

        assertEquals(1, drops.size(), drops.toString());
        assertEquals(line, drops.get(0).location().line(), drops.get(0).toString());
        assertEquals(Severity.INFO, drops.get(0).severity(), drops.get(0).message());
        assertTrue(drops.get(0).message().contains(note), drops.get(0).message());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            DO $$ BEGIN IF EXISTS (SELECT 1 FROM orders WHERE legacy_ref IS NOT NULL) THEN RAISE NOTICE 'in use'; END IF; ALTER TABLE orders DROP COLUMN legacy_ref; END $$;
            DO $$ BEGIN IF EXISTS (SELECT 1 FROM orders WHERE legacy_ref IS NOT NULL AND id > 10) THEN RAISE EXCEPTION 'in use'; END IF; ALTER TABLE orders DROP COLUMN legacy_ref; END $$;
            DO $$ BEGIN IF EXISTS (SELECT 1 FROM orders WHERE note IS NOT NULL) THEN RAISE EXCEPTION 'in use'; END IF; ALTER TABLE orders DROP COLUMN legacy_ref; END $$;
            DO $$ BEGIN IF EXISTS (SELECT 1 FROM other WHERE legacy_ref IS NOT NULL) THEN RAISE EXCEPTION 'in use'; END IF; ALTER TABLE orders DROP COLUMN legacy_ref; END $$;
            DO $$ BEGIN IF EXISTS (SELECT 1 FROM orders WHERE legacy_ref IS NOT NULL) THEN RAISE EXCEPTION 'in use'; END IF; UPDATE orders SET legacy_ref = 'x'; ALTER TABLE orders DROP COLUMN legacy_ref; END $$;
            DO $$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM orders WHERE legacy_ref IS NOT NULL; IF n > 1 THEN RAISE EXCEPTION 'in use'; END IF; ALTER TABLE orders DROP COLUMN legacy_ref; END $$;
            DO $$ BEGIN IF EXISTS (SELECT 1 FROM orders WHERE legacy_ref IS NOT NULL) THEN RAISE EXCEPTION 'in use'; END IF; END $$; UPDATE orders SET legacy_ref = note; ALTER TABLE orders DROP COLUMN legacy_ref;
            DO $$ BEGIN IF EXISTS (SELECT 1 FROM orders WHERE legacy_ref IS NOT NULL) THEN RAISE EXCEPTION 'in use'; END IF; EXCEPTION WHEN OTHERS THEN NULL; END $$; ALTER TABLE orders DROP COLUMN legacy_ref;
            DO $$ BEGIN IF EXISTS (SELECT 1 FROM orders WHERE legacy_ref IS NOT NULL) THEN RAISE EXCEPTION 'in use'; END IF; END $$; SELECT refill_orders(); ALTER TABLE orders DROP COLUMN legacy_ref;
            DO $$ BEGIN IF now() > '2020-01-01' THEN IF EXISTS (SELECT 1 FROM orders WHERE legacy_ref IS NOT NULL) THEN RAISE EXCEPTION 'in use'; END IF; END IF; END $$; ALTER TABLE orders DROP COLUMN legacy_ref;
            """)
    void noCheckOrAnUndoneOneGuardsNothing(String script) throws IOException {
        List<Finding> drops = drops(script);

        assertEquals(1, drops.size(), drops.toString());
        assertEquals(Severity.ERROR, drops.get(0).severity(), drops.get(0).message());
    }

    private List<Finding> drops(String script) throws IOException {
        TestProject.write(project, "db/V1__init.sql", SCHEMA);
        TestProject.write(project, "db/V2__drop.sql", "\n" + script.replace("; ", ";\n") + "\n");
        return TestProject.lint(project, Dialect.POSTGRESQL).findings().stream()
                .filter(f -> f.ruleId().equals("drop-column")).toList();
    }
}
