package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A column dropped after a cast (or another expression that reads it) converted its values into another column
 * keeps only what the conversion keeps: the drop
 * stays an ERROR, and its message says where the values went, so the reader judges the cast instead of hunting
 * for a copy sqlguard did not see. Each line: the script (one statement a line) and the drop's message.
 */
class LinterConvertedCopyBeforeDropTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            UPDATE policy SET logic_new = CAST (logic AS DECIMAL); ALTER TABLE policy DROP COLUMN logic; | ALTER TABLE policy drops column logic (values of logic converted to logic_new at line 1 by a cast, which may change them)
            UPDATE policy SET logic_new = logic::int; ALTER TABLE policy DROP COLUMN logic;               | ALTER TABLE policy drops column logic (values of logic converted to logic_new at line 1 by a cast, which may change them)
            UPDATE policy SET logic_new = CAST(logic AS INT) WHERE id > 5; ALTER TABLE policy DROP COLUMN logic; | ALTER TABLE policy drops column logic (values of logic converted to logic_new at line 1 by a cast only in the rows where id > 5, which may change them)
            UPDATE policy SET logic_new = CAST(logic AS INT); UPDATE policy SET logic_new = 0; ALTER TABLE policy DROP COLUMN logic; | ALTER TABLE policy drops column logic
            UPDATE policy SET logic_new = CAST(other AS INT); ALTER TABLE policy DROP COLUMN logic;       | ALTER TABLE policy drops column logic
            UPDATE policy SET logic_new = CASE WHEN (logic = 'SOFT') THEN 1 ELSE 0 END; ALTER TABLE policy DROP COLUMN logic; | ALTER TABLE policy drops column logic (values of logic converted to logic_new at line 1 by a CASE expression, which may change them)
            UPDATE policy SET data = row_to_json(row(id, logic)::policy_t); ALTER TABLE policy DROP COLUMN logic; | ALTER TABLE policy drops column logic (values of logic converted to data at line 1 by row_to_json, which may change them)
            UPDATE policy SET logic_new = (SELECT o.logic FROM other o WHERE o.id = id); ALTER TABLE policy DROP COLUMN logic; | ALTER TABLE policy drops column logic
            UPDATE policy SET logic_new = CASE WHEN logic = 'A' THEN 1 END WHERE id > 5; ALTER TABLE policy DROP COLUMN logic; | ALTER TABLE policy drops column logic (values of logic converted to logic_new at line 1 by a CASE expression only in the rows where id > 5, which may change them)
            UPDATE policy SET logic_new = lower(other.logic); ALTER TABLE policy DROP COLUMN logic;       | ALTER TABLE policy drops column logic
            UPDATE policy SET logic_new = lower(policy.logic); ALTER TABLE policy DROP COLUMN logic;      | ALTER TABLE policy drops column logic (values of logic converted to logic_new at line 1 by lower, which may change them)
            UPDATE policy SET logic_new = (lower(logic)); ALTER TABLE policy DROP COLUMN logic;           | ALTER TABLE policy drops column logic (values of logic converted to logic_new at line 1 by lower, which may change them)
            UPDATE policy SET logic_new = (SELECT lower(logic)); ALTER TABLE policy DROP COLUMN logic;    | ALTER TABLE policy drops column logic (values of logic converted to logic_new at line 1 by lower, which may change them)
            UPDATE policy SET logic_new = (logic::int * 2 + id); ALTER TABLE policy DROP COLUMN logic;     | ALTER TABLE policy drops column logic (values of logic converted to logic_new at line 1 by an expression that reads it, which may change them)
            UPDATE policy p SET logic_new = concat(p.logic, p.kind); ALTER TABLE policy DROP COLUMN kind;  | ALTER TABLE policy drops column kind (values of kind converted to logic_new at line 1 by concat, which may change them)
            UPDATE policy SET kind = 'x', logic_new = logic * 2; ALTER TABLE policy DROP COLUMN logic;      | ALTER TABLE policy drops column logic (values of logic converted to logic_new at line 1 by an expression that reads it, which may change them)
            UPDATE policy SET is_a = logic = 1, is_b = logic = 2; ALTER TABLE policy DROP COLUMN logic;  | ALTER TABLE policy drops column logic (values of logic converted to is_a and is_b at line 1 by expressions that read it, which may change them)
            UPDATE policy SET a = upper(logic), b = kind, c = lower(logic), d = logic + 1, logic = upper(logic); ALTER TABLE policy DROP COLUMN logic; | ALTER TABLE policy drops column logic (values of logic converted to a, c and d at line 1 by expressions that read it, which may change them)
            UPDATE policy p SET logic_new = lower(policy.logic); ALTER TABLE policy DROP COLUMN logic;    | ALTER TABLE policy drops column logic
            UPDATE policy SET owner_id = (SELECT u.id FROM users u WHERE u.name = policy.owner_name); ALTER TABLE policy DROP COLUMN owner_name; | ALTER TABLE policy drops column owner_name (values of owner_name converted to owner_id at line 1 by a subquery, which may change them)
            UPDATE policy p SET owner_id = (SELECT u.id FROM users u WHERE u.name = p.owner_name); ALTER TABLE policy DROP COLUMN owner_name; | ALTER TABLE policy drops column owner_name (values of owner_name converted to owner_id at line 1 by a subquery, which may change them)
            UPDATE policy SET owner_id = (SELECT max(policy.id) FROM policy WHERE policy.owner_name = 'x'); ALTER TABLE policy DROP COLUMN owner_name; | ALTER TABLE policy drops column owner_name
            UPDATE policy SET owner_id = (SELECT u.id FROM users u WHERE u.name = policy.owner_name) WHERE id > 5; ALTER TABLE policy DROP COLUMN owner_name; | ALTER TABLE policy drops column owner_name (values of owner_name converted to owner_id at line 1 by a subquery only in the rows where id > 5, which may change them)
            UPDATE policy SET logic_new = COALESCE(CAST(logic AS DOUBLE PRECISION), 0); ALTER TABLE policy DROP COLUMN logic; | ALTER TABLE policy drops column logic (values of logic converted to logic_new at line 1 by COALESCE, which may change them)
            UPDATE policy SET logic_new = EXTRACT(YEAR FROM created); ALTER TABLE policy DROP COLUMN year; | ALTER TABLE policy drops column year
            UPDATE policy SET logic_new = COALESCE(created::timestamp with time zone, now()); ALTER TABLE policy DROP COLUMN zone; | ALTER TABLE policy drops column zone
            UPDATE policy SET status = 'SUCCESS' WHERE success = TRUE; ALTER TABLE policy DROP COLUMN success; | ALTER TABLE policy drops column success (values of success marked in status at line 1, set to 'SUCCESS' where success = TRUE, which keeps only which rows matched)
            UPDATE policy SET note = NULL, status = 'SUCCESS' WHERE NOT success; ALTER TABLE policy DROP COLUMN success; | ALTER TABLE policy drops column success (values of success marked in status at line 1, set to 'SUCCESS' where NOT success, which keeps only which rows matched)
            UPDATE policy SET status = 'SUCCESS' WHERE id > 5; ALTER TABLE policy DROP COLUMN success;       | ALTER TABLE policy drops column success
            UPDATE policy SET status = kind WHERE success = TRUE; ALTER TABLE policy DROP COLUMN success;     | ALTER TABLE policy drops column success
            UPDATE policy SET success = FALSE WHERE success IS NULL; ALTER TABLE policy DROP COLUMN success;  | ALTER TABLE policy drops column success
            """)
    void theDropSaysWhereACastTookTheValues(String sql, String message) throws IOException {
        List<String> drops = ProjectLint.findingsOfScript(project, Dialect.POSTGRESQL, sql.replace("; ", ";\n"))
                .stream().filter(f -> f.ruleId().equals("drop-column"))
                .map(f -> f.severity() + " " + f.message()).toList();

        assertEquals(List.of("ERROR " + message), drops);
    }

    @Test
    void aColumnDroppedBesideAGuardedOneStillSaysWhereTheCastTookItsValues() throws IOException {
        List<String> drops = ProjectLint.findingsOfScript(project, Dialect.POSTGRESQL, """
                ALTER TABLE policy ADD COLUMN tmp INT;
                UPDATE policy SET logic_new = CAST(logic AS INT);
                ALTER TABLE policy DROP COLUMN tmp, DROP COLUMN logic;
                """).stream().filter(f -> f.ruleId().equals("drop-column"))
                .map(f -> f.severity() + " " + f.message()).toList();

        assertEquals(List.of("INFO ALTER TABLE policy drops column tmp (guarded: column tmp was added earlier in this"
                + " script)", "ERROR ALTER TABLE policy drops column logic (values of logic converted to logic_new at"
                + " line 2 by a cast, which may change them)"), drops);
    }

    @Test
    void aLiquibaseUpdateWithACastInValueComputedIsAConversion() throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog>
                    <changeSet id="1" author="a" dbms="oracle">
                        <addColumn tableName="policy"><column name="logic_new" type="TINYINT"/></addColumn>
                        <update tableName="policy">
                            <column name="logic_new" valueComputed="CAST (logic AS DECIMAL)"/>
                        </update>
                        <dropColumn tableName="policy" columnName="logic"/>
                    </changeSet>
                </databaseChangeLog>
                """);

        List<String> drops = TestProject.lint(project, Dialect.AUTO).findings().stream()
                .filter(f -> f.ruleId().equals("drop-column"))
                .map(f -> f.location() + " " + f.severity() + " " + f.message()).toList();

        assertEquals(List.of("db/changelog.xml:7:9 ERROR ALTER TABLE policy drops column logic (values of logic"
                + " converted to logic_new at line 4 by a cast, which may change them) (changeset a:1)"), drops);
    }
}
