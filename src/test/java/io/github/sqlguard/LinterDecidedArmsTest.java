package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A call that passes literals runs only the arms of its routine's IFs and CASEs that those literals choose: a helper
 * told not to drop does not drop, and the text a helper builds from a flag or an empty argument is read whole.
 */
class LinterDecidedArmsTest {

    private static final String TABLE = "CREATE TABLE orders (id INT PRIMARY KEY, note VARCHAR(50));\n";

    private static final String CHANGE_COLUMN = """
            CREATE OR REPLACE FUNCTION change_column(v_table text, v_column text, v_drop boolean) RETURNS void AS $F$
            BEGIN
              IF v_drop THEN
                EXECUTE 'ALTER TABLE ' || v_table || ' DROP COLUMN ' || v_column;
              ELSE
                EXECUTE 'ALTER TABLE ' || v_table || ' RENAME COLUMN ' || v_column || ' TO old_' || v_column;
              END IF;
            END;$F$ LANGUAGE plpgsql;
            """;

    private static final String CREATE_INDEX = """
            CREATE OR REPLACE FUNCTION create_index(v_name text, v_table text, v_where text, v_unique boolean)
            RETURNS void AS $F$
            DECLARE v_sql TEXT;
                    unique_modifier varchar(6);
            BEGIN
              unique_modifier = CASE WHEN v_unique THEN 'UNIQUE' ELSE '' END;
              v_sql := 'CREATE ' || unique_modifier || ' INDEX ' || v_name || ' ON ' || v_table || '(id)';
              IF v_where = '' THEN v_sql := v_sql || ';'; ELSE
                v_sql := v_sql || ' WHERE ' || v_where || ';';
              END IF;
              EXECUTE v_sql;
            END;$F$ LANGUAGE plpgsql;
            """;

    @TempDir
    Path project;

    @Test
    void aFlagThatSaysNotToDropRunsOnlyTheOtherArm() throws IOException {
        write("db/V1__init.sql", TABLE + CHANGE_COLUMN);
        write("db/V2__rename.sql", "SELECT change_column('orders', 'note', false);\n");
        write("db/V3__drop.sql", "SELECT change_column('orders', 'note', TRUE);\n");

        assertEquals(List.of("db/V2__rename.sql:1:1 rename-column WARNING", "db/V3__drop.sql:1:1 drop-column ERROR"),
                atCalls(lint()));
    }

    @Test
    void aTextBuiltFromAFlagAndAnEmptyArgumentIsReadWhole() throws IOException {
        write("db/V1__init.sql", TABLE + CREATE_INDEX);
        write("db/V2__index.sql", "SELECT create_index('orders_note', 'orders', '', false);\n"
                + "SELECT create_index('orders_open', 'orders', 'note IS NULL', true);\n");

        assertEquals(List.of(), atCalls(lint()));
    }

    @Test
    void aTextAHelperAddsToInStepsIsReadWholeAtACallWithLiterals() throws IOException {
        write("db/V1__init.sql", TABLE + """
                CREATE OR REPLACE FUNCTION drop_column(v_table text, v_column text) RETURNS void AS $F$
                DECLARE v_sql TEXT;
                BEGIN
                  v_sql := 'ALTER TABLE ' || v_table || ' DROP COLUMN ' || v_column;
                  v_sql := v_sql || ' CASCADE';
                  EXECUTE v_sql;
                END;$F$ LANGUAGE plpgsql;
                """);
        write("db/V2__drop.sql", "SELECT drop_column('orders', 'note');\n");

        List<String> messages = lint().findings().stream().filter(f -> f.location().path().endsWith("V2__drop.sql"))
                .map(f -> f.ruleId() + " " + f.severity() + " " + f.message()).toList();
        assertEquals(List.of("cascade WARNING ALTER TABLE orders DROP COLUMN note CASCADE also drops every object that"
                + " depends on it (at db/V1__init.sql:6:23, in drop_column, which an earlier migration created and this"
                + " statement calls)", "drop-column ERROR ALTER TABLE orders drops column note (at db/V1__init.sql:5:43,"
                + " in drop_column, which an earlier migration created and this statement calls)"), messages);
    }

    @Test
    void aConditionTheLiteralsDoNotDecideKeepsEveryArm() throws IOException {
        write("db/V1__init.sql", TABLE + CHANGE_COLUMN.replace("IF v_drop THEN",
                "IF v_drop OR EXISTS (SELECT 1 FROM orders) THEN"));
        write("db/V2__rename.sql", "SELECT change_column('orders', 'note', false);\n");

        assertEquals(List.of("db/V2__rename.sql:1:1 drop-column ERROR", "db/V2__rename.sql:1:1 rename-column WARNING"),
                atCalls(lint()));
    }

    /** The findings at the calls, outside the file that defines the routines. */
    private List<String> atCalls(LintResult result) {
        return result.findings().stream().filter(f -> !f.location().path().endsWith("V1__init.sql"))
                .map(f -> f.location() + " " + f.ruleId() + " " + f.severity()).sorted().toList();
    }

    private void write(String path, String text) throws IOException {
        TestProject.write(project, path, text);
    }

    private LintResult lint() {
        return TestProject.lint(project, Dialect.POSTGRESQL);
    }
}
