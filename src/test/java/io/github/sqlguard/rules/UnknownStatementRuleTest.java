package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A destructive statement on a later line of a statement sqlguard does not know (or of a client command) may run
 * on its own without being checked: it is reported where it starts. A known statement, a PREPARE (whose statement
 * is read on its own) and destructive words in the middle of a line are not.
 */
class UnknownStatementRuleTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "POSTGRESQL | frobnicate on\\nDROP TABLE customers; | 2:1",
        "ORACLE | frobnicate on\\nDROP TABLE customers; | 2:1",
        "MYSQL | frobnicate on\\nALTER TABLE t DROP COLUMN c; | 2:1",
        "POSTGRESQL | frobnicate on\\nDROP VIEW v; | -",
        "POSTGRESQL | frobnicate on DROP TABLE customers; | -",
        "POSTGRESQL | frobnicate on;\\nCREATE TABLE customers (id int); | -",
        "POSTGRESQL | PREPARE st AS\\nDELETE FROM t WHERE id = $1; | -",
        "POSTGRESQL | SET search_path = app;\\nDROP TABLE customers; | -",
        "POSTGRESQL | frobnicate\\ndelete on t; | -",
    })
    void reportsTheDestructiveLine(Dialect dialect, String sql, String expected) {
        List<String> found = RulePipeline.run(dialect, sql.replace("\\n", "\n"), RuleRegistry.all()).stream()
                .filter(hit -> hit.rule().equals("unknown-statement"))
                .map(hit -> hit.line() + ":" + hit.column()).toList();
        assertEquals(expected.equals("-") ? List.of() : List.of(expected), found);
    }

    /** Either the destructive statement is split off and checked, or this rule says it was not. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "POSTGRESQL | frobnicate on\\n  DELETE FROM customers; | delete-without-where",
        "POSTGRESQL | frobnicate\\nTRUNCATE TABLE sessions; | truncate-table",
        "POSTGRESQL | frobnicate\\nDROP SCHEMA s CASCADE; | drop-schema",
        "SQLSERVER | frobnicate on\\nUPDATE t SET a = 1 | update-without-where",
        "AUTO | frobnicate on\\nDROP TABLE customers; | unknown-statement",
        "ORACLE | frobnicate on\\nALTER TABLE t DROP COLUMN c; | unknown-statement",
        "SQLITE | frobnicate\\nALTER TABLE t DROP COLUMN c; | drop-column",
    })
    void aDestructiveLineIsCheckedOrReported(Dialect dialect, String sql, String expected) {
        List<String> rules = RulePipeline.run(dialect, sql.replace("\\n", "\n"), RuleRegistry.all()).stream()
                .map(RulePipeline.Hit::rule).filter(rule -> !rule.equals("cascade")).toList();
        // the unknown statement split off before it is unknown-command's (UnknownCommandRuleTest)
        assertEquals(List.of(expected), rules.stream().filter(rule -> !rule.equals("unknown-command")).toList());
    }

    @Test
    void theMessageNamesBothLines() {
        List<RulePipeline.Hit> hits = RulePipeline.run(Dialect.POSTGRESQL, "frobnicate on\nDROP TABLE customers;",
                RuleRegistry.all());

        assertEquals(List.of("The statement at line 1 starts with frobnicate, which sqlguard does not check, and line 2"
                + " starts a destructive statement inside it: if that is a statement of its own (a missing terminator,"
                + " or a command its runner ends at the line), it was not checked"),
                hits.stream().map(RulePipeline.Hit::message).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"POSTGRESQL | true", "MYSQL | true", "ORACLE | false"})
    void aSlashLineOutsideOracleSaysTheScriptMayBeWrittenForOracle(Dialect dialect, boolean hinted) {
        String oracleScript = "BEGIN\n  UPDATE t SET a = 1 WHERE id = 2;\nEND;\n/\n\nDROP TABLE t;\n";

        List<String> messages = RulePipeline.run(dialect, oracleScript, RuleRegistry.all()).stream()
                .filter(hit -> hit.rule().equals("unknown-statement")).map(RulePipeline.Hit::message).toList();

        assertEquals(hinted, messages.stream().anyMatch(message -> message.endsWith("; a line holding only / ends a"
                + " PL/SQL block in Oracle: if the script is written for Oracle, read it in the oracle dialect"
                + " (a folder named oracle/, or <dialect>oracle</dialect>)")), messages.toString());
    }
}
