package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A statement of the migration that starts with a word no statement sqlguard knows was not checked, and says so; a
 * known administrative command, a label, a statement inside a block or routine, and one that other rules judge
 * (what it destroys, the script it runs) are not reported here.
 */
class UnknownCommandRuleTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "POSTGRESQL | DELET FROM customers; | 1:1",
        "MYSQL | UPDTE customers SET name = NULL; | 1:1",
        "POSTGRESQL | CREATE TABLE t (id int);\\nfrobnicate the customers; | 2:1",
        "SQLSERVER | DBCC CHECKDB; | -",
        "MYSQL | FLUSH TABLES;\\nCHECK TABLE customers;\\nKILL 42; | -",
        "MYSQL | outer_loop: LOOP\\n  LEAVE outer_loop;\\nEND LOOP; | -",
        "POSTGRESQL | DO $$ BEGIN x := 1; END $$; | -",
        "POSTGRESQL | CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN frobnicate(); END $$; | -",
        "H2 | RUNSCRIPT FROM 'classpath:db/wipe.sql'; | -",
        "POSTGRESQL | REASSIGN OWNED BY app_old TO app;\\nMOVE NEXT IN c; | -",
        "MYSQL | XA START 'x';\\nSTOP REPLICA;\\nHANDLER customers OPEN; | -",
        "SQLSERVER | REVERT; | -",
        "ORACLE | CONN app/secret@db\\nCOL name FORMAT a20\\nDISCONNECT | -",
        "H2 | SCRIPT TO 'backup.sql'; | -",
        "MYSQL | BINLOG 'base64events'; | 1:1",
        "SQLSERVER | WRITETEXT customers.notes @ptr 'x'; | 1:1",
        "POSTGRESQL | DELETE FROM customers WHERE id = 7; | -",
    })
    void reportsAStatementItDoesNotKnow(Dialect dialect, String sql, String expected) {
        List<String> found = RulePipeline.run(dialect, sql.replace("\\n", "\n"), RuleRegistry.all()).stream()
                .filter(hit -> hit.rule().equals("unknown-command"))
                .map(hit -> hit.line() + ":" + hit.column()).toList();
        assertEquals(expected.equals("-") ? List.of() : List.of(expected), found);
    }
}
