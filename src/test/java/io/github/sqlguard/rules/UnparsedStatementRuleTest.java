package io.github.sqlguard.rules;

import static io.github.sqlguard.rules.RuleHarness.analyzed;
import static io.github.sqlguard.rules.RuleHarness.messages;
import static io.github.sqlguard.rules.RuleHarness.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.analysis.AnalyzedStatement;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnparsedStatementRuleTest {

    private final Rule rule = new UnparsedStatementRule();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "SQLSERVER  | DELETE t FROM t JOIN u FOR SYSTEM_TIME ALL AS v ON v.id = t.u | unexpected \"FOR\" at line 1, column 24",
        "POSTGRESQL | DELETE FROM t * USING u             | unexpected \"*\" at line 1, column 15",
        "AUTO       | DELETE FROM t WHERE (id = 1           | unexpected <EOF> at line 1, column 27",
        "POSTGRESQL | DELETE FROM t WHERE id IN (SELECT id FROM u)) | unexpected \")\" at line 1, column 45",
    })
    void namesTheParserMessageForAnUnparsedStatement(Dialect dialect, String sql, String parserMessage) {
        assertEquals(List.of("JSqlParser could not parse this statement (" + parserMessage
                + "); it was checked from its tokens only"), messages(rule, dialect, sql));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "POSTGRESQL | UPDATE %(schema)s.jobs SET a = 1 | %(schema)s.jobs at line 1, column 8",
        "POSTGRESQL | DELETE FROM <<schema>>.jobs      | <<schema>>.jobs at line 1, column 13",
        "AUTO       | UPDATE ONLY ?.jobs SET a = 1     | ?.jobs at line 1, column 13",
    })
    void namesATargetThatIsNotSqlInsteadOfTheParsersFirstWord(Dialect dialect, String sql, String target) {
        assertEquals(List.of("JSqlParser could not parse this statement (the table name " + target + " is not SQL"
                + " (a placeholder of another tool? Set its form as Flyway's placeholderPrefix and"
                + " placeholderSuffix)); it was checked from its tokens only"), messages(rule, dialect, sql));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "AUTO       | DELETE FROM t",
        "POSTGRESQL | DELETE FROM t WHERE CURRENT OF c",
        "POSTGRESQL | DELETE FROM ONLY t",
        "AUTO       | CREATE TABLE t (id INT)",
        "POSTGRESQL | SELECT weird syntax here ::: !!",
    })
    void saysNothingForParsedAndUncheckedStatements(Dialect dialect, String sql) {
        assertEquals(List.of(), messages(rule, dialect, sql));
    }

    @Test
    void saysNothingForAContainer() {
        Statement block = only(Dialect.AUTO, "DELETE TOP (1) FROM t");
        Statement container = new Statement(block.sql(), block.start(), block.tokens(), block.context(),
                block.dialect(), true);
        assertEquals(List.of(), messages(rule, container));
    }

    @Test
    void isAWarning() {
        assertEquals(Severity.WARNING, rule.info().defaultSeverity());
        assertEquals("unparsed-statement", rule.info().id());
    }

    @Test
    void itsBadExampleReallyFailsToParse() {
        for (String bad : rule.info().badExamples()) {
            assertEquals(AnalyzedStatement.Unparsed.class, analyzed(Dialect.AUTO, bad).getClass(), bad);
        }
    }
}
