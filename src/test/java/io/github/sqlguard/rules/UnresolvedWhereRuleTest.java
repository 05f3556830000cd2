package io.github.sqlguard.rules;

import static io.github.sqlguard.rules.RuleHarness.messages;
import static io.github.sqlguard.rules.RuleHarness.tokenMessages;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnresolvedWhereRuleTest {

    private static final String FLYWAY_CAUSE = " not among the placeholders (sqlguard's <placeholders>, the "
            + "flyway-maven-plugin's or flyway.placeholders.* properties, flyway.conf, flyway.toml, or Spring Boot's "
            + "spring.flyway.placeholders.*)";

    private static final String FLYWAY = FLYWAY_CAUSE + ", so the WHERE of this ";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "DELETE FROM t WHERE ${cond}                          | ${cond}",
        "DELETE FROM t WHERE (${cond})                        | ${cond}",
        "DELETE FROM t WHERE NOT ${cond}                      | ${cond}",
        "DELETE FROM t WHERE a = 1 AND ${more}                | ${more}",
        "DELETE FROM t WHERE a = 1 OR (${more} AND b = 2)     | ${more}",
        "DELETE FROM t WHERE a = 1 ${more}                    | ${more}",
        "DELETE FROM t WHERE ${a} AND ${b}                    | '${a}, ${b}'",
        "DELETE FROM t WHERE id = ${id}                       |",
        "DELETE FROM t WHERE ${col} = 1                       |",
        "DELETE FROM t WHERE ${col} IS NULL                   |",
        "DELETE FROM t WHERE tenant IN (${tenants})           |",
        "DELETE FROM t WHERE d BETWEEN 1 AND ${max}           |",
        "DELETE FROM t WHERE lower(${col}) = 'x'              |",
        "DELETE FROM t WHERE a = 1 AND (b = ${b} OR c = 2)    |",
        "DELETE FROM t                                        |",
        "DELETE FROM t WHERE x IN (SELECT y FROM u WHERE ${c}) | ${c}",
        "DELETE FROM t WHERE d = (SELECT min(d) FROM ${table}) |",
        "DELETE FROM t WHERE NOT EXISTS (SELECT 1 FROM u JOIN ${other} o ON o.id = u.id WHERE u.id = t.id) |",
        "DELETE FROM t WHERE x IN (SELECT y FROM ${table} WHERE ${c}) | ${c}",
        "DELETE FROM t WHERE '${env}' = 'dev'                 | ${env}",
        "DELETE FROM t WHERE a = 1 AND ('${env}' <> 'prod')   | ${env}",
        "DELETE FROM t WHERE 1 = '${keep}'                    | ${keep}",
        "DELETE FROM t WHERE name = '${env}'                  |",
        "DELETE FROM t WHERE '${env}' = name                  |",
        "DELETE FROM t WHERE '${env}' || name = 'dev'         |",
        "DELETE FROM t WHERE '${env}' = '${env}x'             | ${env}",
        "DELETE FROM t WHERE ${prefix}flag                    |",
        "DELETE FROM t WHERE {objectQualifier}Flag = 1 AND ${cond} | ${cond}",
        "DELETE FROM t WHERE ${a}${b}                         | '${a}, ${b}'",
        "DELETE FROM t WHERE id = 3 AND${more}                | ${more}",
    })
    void reportsAnUnresolvedPlaceholderThatStandsAsACondition(String sql, String expected) {
        List<String> want = expected == null ? List.of()
                : List.of(expected + (expected.contains(",") ? " are" : " is") + FLYWAY
                        + "DELETE could not be judged: it may remove every row of t");
        assertEquals(want, messages(new UnresolvedWhereRule(), Dialect.AUTO, sql), "as the plugin reads it");
        assertEquals(want, tokenMessages(new UnresolvedWhereRule(), Dialect.AUTO, sql), "from the tokens only");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "UPDATE t SET a = 1 WHERE '${flyway:database}' = 'test' | ${flyway:database} is a placeholder Flyway fills in "
                + "itself when it migrates (the database, user or schema it connects to)",
        "UPDATE t SET a = 1 WHERE ${flyway:user} AND ${cond}    | ${cond} is" + FLYWAY_CAUSE + "; ${flyway:user} is a "
                + "placeholder Flyway fills in itself when it migrates (the database, user or schema it connects to)",
    })
    void flywaysOwnPlaceholdersAreNotCalledMissingFromTheConfiguration(String sql, String cause) {
        List<String> want = List.of(cause + ", so the WHERE of this UPDATE could not be judged: it may change every "
                + "row of t");
        assertEquals(want, messages(new UnresolvedWhereRule(), Dialect.AUTO, sql), "as the plugin reads it");
        assertEquals(want, tokenMessages(new UnresolvedWhereRule(), Dialect.AUTO, sql), "from the tokens only");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "POSTGRESQL | DELETE FROM t WHERE :cond                     | :cond is a psql variable, which psql fills in (\\set, -v)",
        "POSTGRESQL | DELETE FROM t WHERE created < now() AND (:tenant_filter) | :tenant_filter is a psql variable, which psql fills in (\\set, -v)",
        "POSTGRESQL | DELETE FROM t WHERE id = :id                  |",
        "POSTGRESQL | DELETE FROM t WHERE :col = 5                  |",
        "POSTGRESQL | DELETE FROM t WHERE kind = :'kind'            |",
        "POSTGRESQL | DELETE FROM t WHERE flag::boolean             |",
        "POSTGRESQL | DELETE FROM t WHERE x = 1 AND flag::boolean   |",
        "ORACLE     | DELETE FROM t WHERE &cond                     | &cond is a SQL*Plus substitution variable, which SQL*Plus fills in (DEFINE, a prompt)",
        "AUTO       | DELETE FROM t WHERE &&cond                    | &&cond is a SQL*Plus substitution variable, which SQL*Plus fills in (DEFINE, a prompt)",
        "ORACLE     | DELETE FROM t WHERE id > 5 AND (&extra)       | &extra is a SQL*Plus substitution variable, which SQL*Plus fills in (DEFINE, a prompt)",
        "ORACLE     | DELETE FROM t WHERE id = &id                  |",
        "AUTO       | DELETE FROM t WHERE &col = 5                  |",
        "AUTO       | DELETE FROM t WHERE flags &mask               |",
        "SQLSERVER  | DELETE FROM t WHERE $(cond)                   | $(cond) is a sqlcmd variable, which sqlcmd or SQLCMD mode fills in (:setvar, -v)",
        "AUTO       | DELETE FROM t WHERE $(cond)                   | $(cond) is a sqlcmd variable, which sqlcmd or SQLCMD mode fills in (:setvar, -v)",
        "SQLSERVER  | DELETE FROM t WHERE id > 5 AND ($(extra))     | $(extra) is a sqlcmd variable, which sqlcmd or SQLCMD mode fills in (:setvar, -v)",
        "SQLSERVER  | DELETE FROM t WHERE id > 5 OR NOT $(cond)     | $(cond) is a sqlcmd variable, which sqlcmd or SQLCMD mode fills in (:setvar, -v)",
        "SQLSERVER  | DELETE FROM t WHERE id = $(id)                |",
        "SQLSERVER  | DELETE FROM t WHERE $(col) = 5                |",
        "SQLSERVER  | DELETE FROM t WHERE $(col) IS NULL            |",
        "SQLSERVER  | DELETE FROM t WHERE x$(suffix) = 1            |",
    })
    void aClientVariableStandingAsTheConditionIsNotJudged(Dialect dialect, String sql, String cause) {
        List<String> want = cause == null ? List.of() : List.of(cause + " only when it runs the script, so the WHERE"
                + " of this DELETE could not be judged: it may remove every row of t");
        assertEquals(want, messages(new UnresolvedWhereRule(), dialect, sql), "as the plugin reads it");
        assertEquals(want, tokenMessages(new UnresolvedWhereRule(), dialect, sql), "from the tokens only");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "DELETE FROM t WHERE '${env}' <> 'prod'",
        "DELETE FROM t WHERE '${env}' = '${env}x'",
        "DELETE FROM t WHERE '${env}' LIKE '%'",
    })
    void aPlaceholderInAStringIsNotAKnownLiteral(String sql) {
        assertEquals(List.of(), messages(new AlwaysTrueWhereRule(), Dialect.AUTO, sql), "as the plugin reads it");
        assertEquals(List.of(), tokenMessages(new AlwaysTrueWhereRule(), Dialect.AUTO, sql), "from the tokens only");
    }
}
