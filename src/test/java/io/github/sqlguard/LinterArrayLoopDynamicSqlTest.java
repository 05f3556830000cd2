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
 * A PL/pgSQL loop over a written array of table names runs its dynamic SQL once for each: the one finding where the
 * text stands names every table, and the text is no longer unknown. An array of anything but texts, or a variable
 * the loop does not read from a written array, leaves the name to run time.
 */
class LinterArrayLoopDynamicSqlTest {

    private static final String SCHEMA = "CREATE TABLE audit_a (id int);\nCREATE TABLE audit_b (id int);\n";

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', textBlock = """
            DO $$\\nDECLARE t text;\\nBEGIN\\n  FOREACH t IN ARRAY ARRAY['audit_a', 'audit_b'] LOOP\\n    EXECUTE format('DELETE FROM %I', t);\\n  END LOOP;\\nEND $$; | 5:21 delete-without-where DELETE without WHERE removes every row of audit_a or audit_b (inside DO block)
            DO $$\\nDECLARE t text;\\nBEGIN\\n  FOREACH t IN ARRAY ARRAY['audit_a', 'audit_b'] LOOP\\n    EXECUTE 'DROP TABLE ' || t;\\n  END LOOP;\\nEND $$; | 5:14 drop-table DROP TABLE removes table audit_a or audit_b and all its rows (inside DO block)
            DO $$\\nDECLARE t text;\\nBEGIN\\n  FOR t IN SELECT unnest(ARRAY['audit_a']) LOOP\\n    EXECUTE 'TRUNCATE ' || t;\\n  END LOOP;\\nEND $$; | 5:14 truncate-table TRUNCATE removes every row of table audit_a (inside DO block)
            """)
    void eachTableOfTheArrayIsNamed(String sql, String expected) throws IOException {
        assertEquals(List.of(expected), findings(sql));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', textBlock = """
            DO $$\\nDECLARE t text;\\nBEGIN\\n  FOREACH t IN ARRAY (SELECT array_agg(tablename) FROM pg_tables) LOOP\\n    EXECUTE 'DROP TABLE ' || t;\\n  END LOOP;\\nEND $$;
            DO $$\\nDECLARE t text := 'audit_a';\\nBEGIN\\n  FOREACH t IN ARRAY current_setting('app.tables')::text[] LOOP\\n    EXECUTE 'DROP TABLE ' || t;\\n  END LOOP;\\nEND $$;
            """)
    void anArrayNotWrittenOutLeavesTheNameToRunTime(String sql) throws IOException {
        assertEquals(List.of("drop-table DROP TABLE removes table <run-time value> and all its rows (inside DO block)",
                "runtime-sql"), ProjectLint.findingsAfterSchema(project, Dialect.POSTGRESQL, SCHEMA,
                        sql.replace("\\n", "\n") + "\n").stream()
                .map(f -> f.ruleId().equals("runtime-sql") ? f.ruleId() : f.ruleId() + " " + f.message()).sorted()
                .toList());
    }

    private List<String> findings(String sql) throws IOException {
        return ProjectLint.findingsAfterSchema(project, Dialect.POSTGRESQL, SCHEMA, sql.replace("\\n", "\n") + "\n")
                .stream().map(f -> f.location().line() + ":" + f.location().column() + " " + f.ruleId() + " "
                        + f.message()).toList();
    }
}
