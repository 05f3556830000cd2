package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A SQL*Plus include runs a file sqlguard does not read through it: it is said, never passed over. */
class SqlPlusIncludeRuleTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ORACLE | @cleanup.sql\\nCREATE TABLE t (id NUMBER); | 1:1 @cleanup.sql runs another file",
        "ORACLE | SET DEFINE OFF\\nPROMPT purging\\n@@purge_all\\nCREATE TABLE t (id NUMBER); | 3:1 @@purge_all runs another file",
        "ORACLE | CREATE TABLE t (id NUMBER);\\n  @scripts/seed/prices.sql\\n/ | 2:3 @scripts/seed/prices.sql runs another file",
        "AUTO | @@purge_all.sql\\nDELETE FROM t WHERE id = 1; | 1:1 @@purge_all.sql runs another file",
        "ORACLE | SELECT 'x' FROM dual WHERE '@a.sql' = 'y'; | -",
        "SQLSERVER | @cleanup.sql\\nSELECT 1; | -",
        "AUTO | SELECT @a = 1,\\n       @b = 2; | -",
        "AUTO | UPDATE t SET x = 1 WHERE id =\\n@id; | -",
    })
    void reportsIncludesOnly(Dialect dialect, String sql, String expected) {
        List<String> found = RulePipeline.run(dialect, sql.replace("\\n", "\n"), RuleRegistry.all()).stream()
                .filter(hit -> hit.rule().equals("sqlplus-include"))
                .map(hit -> hit.line() + ":" + hit.column() + " " + hit.message().substring(0, hit.message().indexOf(",")))
                .toList();
        assertEquals(expected.equals("-") ? List.of() : List.of(expected), found);
    }
}
