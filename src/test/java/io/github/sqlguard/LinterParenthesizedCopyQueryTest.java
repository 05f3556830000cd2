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
 * A copy whose query stands in parentheses ({@code INSERT INTO t (a, b) (SELECT a, b FROM s WHERE ..)}, PostgreSQL's
 * {@code CREATE TABLE t AS (SELECT ..)}) copies what the same query without them does: a drop of its source is judged
 * by that copy, guarded when it took every row and column, and told where the values went when it took only some.
 */
class LinterParenthesizedCopyQueryTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "INSERT INTO ledger (account_id, amount) (SELECT id, balance FROM account WHERE kind = 'A'); ALTER TABLE account DROP COLUMN balance;" | ERROR ALTER TABLE account drops column balance (values of balance copied to ledger at line 1, only from the rows its WHERE selects)
            "INSERT INTO ledger (account_id, amount) SELECT id, balance FROM account WHERE kind = 'A'; ALTER TABLE account DROP COLUMN balance;"   | ERROR ALTER TABLE account drops column balance (values of balance copied to ledger at line 1, only from the rows its WHERE selects)
            "CREATE TABLE account_old AS (SELECT * FROM account); DROP TABLE account;"                                                             | INFO DROP TABLE removes table account and all its rows (guarded: rows copied to account_old at line 1)
            "CREATE TABLE account_old AS SELECT * FROM account; DROP TABLE account;"                                                               | INFO DROP TABLE removes table account and all its rows (guarded: rows copied to account_old at line 1)
            "CREATE TABLE account_old AS (SELECT * FROM account) WITH NO DATA; DROP TABLE account;"                                                | ERROR DROP TABLE removes table account and all its rows
            """)
    void aParenthesizedQueryCopiesAsTheSameQueryWithout(String sql, String expected) throws IOException {
        TestProject.write(project, "db/V1__init.sql", """
                CREATE TABLE account (id BIGINT PRIMARY KEY, kind VARCHAR(4), balance BIGINT);
                CREATE TABLE ledger (id BIGSERIAL PRIMARY KEY, account_id BIGINT, amount BIGINT);
                """);
        TestProject.write(project, "db/V2__move.sql", sql.replace("; ", ";\n") + "\n");

        List<String> findings = ProjectLint.findings(project, Dialect.POSTGRESQL).stream()
                .filter(f -> f.location().path().endsWith("V2__move.sql") && f.location().line() == 2)
                .map(f -> f.severity() + " " + f.message()).toList();

        assertEquals(List.of(expected), findings);
    }
}
