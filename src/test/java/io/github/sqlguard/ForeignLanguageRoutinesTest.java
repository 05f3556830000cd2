package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PostgreSQL routines and DO blocks in PL/v8, PL/Python, PL/Perl, PL/Tcl or PL/R that send SQL through their
 * language's server interface run statements sqlguard cannot read: each is an {@code unchecked-change} at the
 * body that sends the SQL (a body decoded from a quoted YAML scalar
 * no longer matches the file character by character). Such code that sends no SQL is left alone.
 */
class ForeignLanguageRoutinesTest {

    private static final String NOT_CHECKED = "; sqlguard reads only SQL and PL/pgSQL bodies, so a DELETE, UPDATE"
            + " or DROP it sends was not checked";

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "POSTGRESQL | CREATE OR REPLACE FUNCTION purge_events() RETURNS void LANGUAGE plv8 AS $$\\n"
                + "  plv8.execute('DELETE FROM event');\\n$$; | 1:73 unchecked-change WARNING CREATE FUNCTION"
                + " purge_events defines plv8 code that sends SQL through plv8.execute, whenever it is called",
        "POSTGRESQL | CREATE FUNCTION app.reset_cache() RETURNS void AS $py$\\r\\n# wipe\\r\\n"
                + "    plpy.execute(\"TRUNCATE cache\")\\r\\n$py$ LANGUAGE 'plpython3u'; | 1:51 unchecked-change WARNING"
                + " CREATE FUNCTION app.reset_cache defines plpython3u code that sends SQL through plpy.execute,"
                + " whenever it is called",
        "POSTGRESQL | CREATE PROCEDURE archive() LANGUAGE plperl AS 'spi_exec_query(''DELETE FROM audit'');'; |"
                + " 1:47 unchecked-change WARNING CREATE PROCEDURE archive defines plperl code that sends SQL through"
                + " spi_exec_query, whenever it is called",
        // A DO block runs as the migration runs.
        "AUTO | DO LANGUAGE plpython3u $$\\nfor t in ('a', 'b'):\\n    plpy.execute('DROP TABLE ' + t)\\n$$; |"
                + " 1:24 unchecked-change WARNING DO block runs plpython3u code that sends SQL through plpy.execute,"
                + " as the migration runs",
        // Code that sends no SQL cannot change rows; SQL and PL/pgSQL bodies are split and checked themselves.
        "POSTGRESQL | CREATE FUNCTION encode_uri(text) RETURNS text LANGUAGE plv8 STRICT AS $$\\n"
                + "  return encodeURIComponent($1);\\n$$; | -",
        "POSTGRESQL | CREATE FUNCTION f(language text) RETURNS text LANGUAGE sql AS $$ SELECT 'plpy.execute' $$; | -",
        "POSTGRESQL | CREATE FUNCTION f() RETURNS TABLE (language text) AS $$ BEGIN RAISE NOTICE 'plv8.execute';"
                + " END $$ LANGUAGE plpgsql; | -",
        "POSTGRESQL | SELECT 'plv8.execute(''DELETE FROM t'')' AS language; | -",
    })
    void findings(Dialect dialect, String sql, String expected) {
        List<Finding> findings = OneScript.findings(dialect, sql.replace("\\r", "\r").replace("\\n", "\n"));
        List<String> found = findings.stream().map(f -> f.location().line() + ":" + f.location().column() + " "
                + f.ruleId() + " " + f.severity() + " " + f.message()).toList();
        assertEquals(expected.equals("-") ? List.of() : List.of(expected + NOT_CHECKED), found);
    }
}
