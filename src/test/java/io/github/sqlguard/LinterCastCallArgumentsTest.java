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
 * PostgreSQL scripts cast a helper's arguments to pick an overload ({@code drop_column('orders'::varchar,
 * 'note'::varchar)}), or join literals ({@code 'order_' || 'note'}): the call still passes one known text, and the
 * SQL the helper builds from it names the column at the call instead of a value known at run time only.
 */
class LinterCastCallArgumentsTest {

    private static final String HELPERS = """
            CREATE TABLE orders (id INT PRIMARY KEY, note VARCHAR(20), order_note VARCHAR(20));
            CREATE FUNCTION drop_column(v_table VARCHAR(128), v_column VARCHAR(128)) RETURNS void AS $f$
            DECLARE v_sql TEXT;
            BEGIN
                v_sql := 'ALTER TABLE ' || v_table || ' DROP COLUMN IF EXISTS ' || v_column;
                EXECUTE v_sql;
            END;$f$ LANGUAGE plpgsql;
            """;

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            'orders'::varchar, 'note'::varchar ; note
            'orders'::character varying, CAST('note' AS text) ; note
            'orders'::varchar(128), 'note' ; note
            'orders', 'order_' || 'note' ; order_note
            'orders', 'order_' || 'note'::text ; order_note
            """)
    void aCastOrJoinedLiteralIsPassedAsItsText(String arguments, String column) throws IOException {
        assertEquals(List.of("db/V2__drop.sql:1:1 drop-column ERROR ALTER TABLE orders drops column " + column),
                findings("SELECT drop_column(" + arguments + ");\n"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            'orders'::varchar(3), 'note'
            'orders', lower('NOTE')
            'orders', 'order_' || suffix()
            """)
    void aValueACastMayCutOrACallMakesStaysUnknown(String arguments) throws IOException {
        List<String> found = findings("SELECT drop_column(" + arguments + ");\n");

        assertEquals(List.of("db/V2__drop.sql:1:1 runtime-sql WARNING EXECUTE v_sql runs SQL that is built at run"
                + " time; sqlguard could not read all of it, so what it runs was not fully checked"), found.stream()
                .filter(f -> f.contains("runtime-sql")).toList(), found.toString());
    }

    private List<String> findings(String script) throws IOException {
        TestProject.write(project, "db/V1__helpers.sql", HELPERS);
        TestProject.write(project, "db/V2__drop.sql", script);
        return TestProject.lint(project, Dialect.POSTGRESQL).findings().stream()
                .filter(f -> f.location().path().endsWith("V2__drop.sql"))
                .map(f -> f.location() + " " + f.ruleId() + " " + f.severity() + " "
                        + f.message().replaceAll(" \\(at .*", ""))
                .toList();
    }
}
