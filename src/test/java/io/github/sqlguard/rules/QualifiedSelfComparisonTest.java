package io.github.sqlguard.rules;

import static io.github.sqlguard.rules.RuleHarness.messages;
import static io.github.sqlguard.rules.RuleHarness.tokenMessages;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A column compared with itself where one side names it by its table or alias and the other does not
 * ({@code DELETE FROM emp e WHERE e.empno = empno}): with one table in scope, the bare name is the same column of
 * the same row, so the WHERE holds for every row. A name another table of the statement could own, or one a
 * routine's variable takes, is no such comparison.
 */
class QualifiedSelfComparisonTest {

    private final Rule rule = new AlwaysTrueWhereRule();

    private static boolean reported(List<String> messages) {
        return messages.stream().anyMatch(message -> message.contains("always-true WHERE"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "AUTO       | DELETE FROM emp e WHERE e.empno = empno                            | true",
        "ORACLE     | DELETE FROM emp e WHERE e.empno = empno                            | true",
        "ORACLE     | DELETE emp e WHERE empno = e.empno                                 | true",
        "POSTGRESQL | DELETE FROM emp AS e WHERE e.empno = empno                         | true",
        "MYSQL      | DELETE FROM emp WHERE emp.empno = empno                            | true",
        "SQLSERVER  | DELETE FROM dbo.emp WHERE dbo.emp.empno = empno                    | true",
        "SQLSERVER  | DELETE FROM dbo.emp WHERE emp.empno = empno                        | true",
        "SQLSERVER  | DELETE e FROM emp e WHERE e.empno = empno                          | true",
        "SQLSERVER  | DELETE e FROM emp AS e WHERE empno = e.empno                       | true",
        "MYSQL      | DELETE e FROM emp e WHERE e.empno = empno                          | true",
        "SQLITE     | DELETE FROM emp WHERE emp.empno = empno                            | true",
        "H2         | DELETE FROM emp e WHERE e.empno = empno                            | true",
        "AUTO       | UPDATE emp e SET sal = 0 WHERE e.id = id                           | true",
        "POSTGRESQL | UPDATE emp AS e SET sal = 0 WHERE e.id = id                        | true",
        "MYSQL      | UPDATE emp SET sal = 0 WHERE emp.id = id                           | true",
        "SQLSERVER  | UPDATE e SET sal = 0 FROM emp e WHERE e.id = id                    | true",
        "ORACLE     | UPDATE emp e SET sal = 0 WHERE e.id = id AND 1 = 1                 | true",
        "AUTO       | DELETE FROM emp e WHERE e.empno = empno OR e.deptno = 10           | true",
        "AUTO       | DELETE FROM emp e WHERE e.empno >= empno                           | true",
        // Not one column compared with itself: a condition of its own, a never-true one, or two columns.
        "AUTO       | DELETE FROM emp e WHERE e.empno = empno AND e.deptno = 10          | false",
        "AUTO       | DELETE FROM emp e WHERE e.empno <> empno                           | false",
        "AUTO       | DELETE FROM emp e WHERE e.empno = mgr                              | false",
        "AUTO       | DELETE FROM emp e WHERE e.empno = e.mgr                            | false",
        // Another qualifier than the target's: a table the statement does not read, or the name an alias hides.
        "AUTO       | DELETE FROM emp e WHERE x.empno = empno                            | false",
        "POSTGRESQL | DELETE FROM emp e WHERE emp.empno = empno                          | false",
        // With a second table in scope the bare name may be that table's column.
        "POSTGRESQL | DELETE FROM emp e USING dept d WHERE e.dept = dept                 | false",
        "POSTGRESQL | DELETE FROM emp e USING dept d WHERE e.dept = d.dept              | false",
        "MYSQL      | DELETE e FROM emp e JOIN dept d ON d.id = e.dept WHERE e.dept = dept | false",
        "POSTGRESQL | UPDATE emp e SET sal = 0 FROM dept d WHERE e.dept = dept           | false",
        "MYSQL      | UPDATE emp e, dept d SET e.sal = 0 WHERE e.dept = dept             | false",
        "SQLSERVER  | UPDATE e SET sal = 0 FROM emp e JOIN dept d ON d.id = e.dept WHERE e.dept = dept | false",
        // A bare name inside a subquery belongs to the subquery's own table first.
        "AUTO       | DELETE FROM emp e WHERE EXISTS (SELECT 1 FROM dept d WHERE e.dept = dept) | false",
        "AUTO       | DELETE FROM emp e WHERE e.dept IN (SELECT dept FROM dept WHERE e.dept = dept) | false",
        // A bare word that calls a function rather than naming the column.
        "POSTGRESQL | DELETE FROM audit a WHERE a.current_user = current_user            | false",
        "ORACLE     | DELETE FROM audit a WHERE a.created = sysdate                      | false",
    })
    void aQualifiedColumnEqualsItsBareNameWhenOneTableIsInScope(Dialect dialect, String sql, boolean alwaysTrue) {
        assertEquals(alwaysTrue, reported(messages(rule, dialect, sql)), "pipeline: " + messages(rule, dialect, sql));
        assertEquals(alwaysTrue, reported(tokenMessages(rule, dialect, sql)),
                "tokens only: " + tokenMessages(rule, dialect, sql));
    }

    /**
     * Inside a routine a bare name may be a parameter or variable of the routine: PL/SQL takes the table's column,
     * so the comparison still holds for every row; PL/pgSQL refuses the ambiguous name (variable_conflict = error),
     * and MySQL takes the variable, so there it compares the column with a value. A PL/pgSQL body that starts with
     * {@code #variable_conflict use_column} takes the column as PL/SQL does; {@code use_variable} takes the variable.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "ORACLE     | CREATE OR REPLACE PROCEDURE purge(empno NUMBER) IS BEGIN DELETE FROM emp e WHERE e.empno = empno; END; | true",
        "ORACLE     | CREATE OR REPLACE PROCEDURE purge(p_no NUMBER) IS empno NUMBER := p_no; BEGIN UPDATE emp e SET sal = 0 WHERE e.empno = empno; END; | true",
        "ORACLE     | CREATE OR REPLACE PROCEDURE purge(p_no NUMBER) IS BEGIN DELETE FROM emp e WHERE e.empno = p_no; END; | false",
        "POSTGRESQL | CREATE FUNCTION purge(empno int) RETURNS void LANGUAGE plpgsql AS $$ BEGIN DELETE FROM emp e WHERE e.empno = empno; END $$ | false",
        "POSTGRESQL | CREATE FUNCTION purge() RETURNS void LANGUAGE plpgsql AS $$ DECLARE empno int := 7; BEGIN DELETE FROM emp e WHERE e.empno = empno; END $$ | false",
        "POSTGRESQL | CREATE FUNCTION purge(p int) RETURNS void LANGUAGE plpgsql AS $$ BEGIN DELETE FROM emp e WHERE e.empno = empno; END $$ | true",
        "POSTGRESQL | CREATE FUNCTION purge(empno int) RETURNS void AS $$ #variable_conflict use_column BEGIN DELETE FROM emp e WHERE e.empno = empno; END $$ LANGUAGE plpgsql | true",
        "POSTGRESQL | CREATE FUNCTION purge(empno int) RETURNS void AS $$\\n#variable_conflict use_column\\nBEGIN\\n  UPDATE emp e SET sal = 0 WHERE e.empno = empno;\\nEND\\n$$ LANGUAGE plpgsql | true",
        "POSTGRESQL | CREATE FUNCTION purge(empno int) RETURNS void AS $$ #print_strict_params on #VARIABLE_CONFLICT USE_COLUMN BEGIN DELETE FROM emp e WHERE e.empno = empno; END $$ LANGUAGE plpgsql | true",
        "POSTGRESQL | CREATE FUNCTION purge() RETURNS void AS $$ #variable_conflict use_column DECLARE empno int := 7; BEGIN DELETE FROM emp e WHERE e.empno = empno; END $$ LANGUAGE plpgsql | true",
        "POSTGRESQL | DO $$ #variable_conflict use_column DECLARE empno int := 7; BEGIN DELETE FROM emp e WHERE e.empno = empno; END $$ | true",
        "AUTO       | CREATE FUNCTION purge(empno int) RETURNS void AS $$ #variable_conflict use_column BEGIN DELETE FROM emp e WHERE e.empno = empno; END $$ LANGUAGE plpgsql | true",
        "POSTGRESQL | CREATE FUNCTION purge(empno int) RETURNS void AS ' #variable_conflict use_column BEGIN DELETE FROM emp e WHERE e.empno = empno; END ' LANGUAGE plpgsql | true",
        "POSTGRESQL | CREATE FUNCTION purge(empno int) RETURNS void AS $$ #variable_conflict use_variable BEGIN DELETE FROM emp e WHERE e.empno = empno; END $$ LANGUAGE plpgsql | false",
        "POSTGRESQL | CREATE FUNCTION purge(empno int) RETURNS void AS $$ #variable_conflict error BEGIN DELETE FROM emp e WHERE e.empno = empno; END $$ LANGUAGE plpgsql | false",
        "POSTGRESQL | CREATE FUNCTION purge(empno int) RETURNS void AS $$ BEGIN DELETE FROM emp e WHERE e.empno = empno; END $$ LANGUAGE plpgsql; CREATE FUNCTION other() RETURNS void AS $$ #variable_conflict use_column BEGIN NULL; END $$ LANGUAGE plpgsql | false",
        "MYSQL      | CREATE PROCEDURE purge(IN empno INT) BEGIN DELETE FROM emp WHERE emp.empno = empno; END | false",
        "MYSQL      | CREATE PROCEDURE purge() BEGIN DECLARE empno INT DEFAULT 7; DELETE FROM emp WHERE emp.empno = empno; END | false",
        "MYSQL      | CREATE PROCEDURE purge(IN p INT) BEGIN DELETE FROM emp WHERE emp.empno = empno; END | true",
    })
    void aRoutineVariableOfTheSameNameDecidesByTheLanguage(Dialect dialect, String written, boolean alwaysTrue) {
        String sql = written.replace("\\n", "\n");
        assertEquals(alwaysTrue, reported(messages(rule, dialect, sql)), "pipeline: " + messages(rule, dialect, sql));
        assertEquals(alwaysTrue, reported(tokenMessages(rule, dialect, sql)),
                "tokens only: " + tokenMessages(rule, dialect, sql));
    }
}
