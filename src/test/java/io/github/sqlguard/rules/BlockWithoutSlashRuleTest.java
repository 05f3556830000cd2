package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A statement after the END of an Oracle PL/SQL block or unit that no {@code /} line ended travels with the block:
 * the user is told where, and the statement is still checked.
 */
class BlockWithoutSlashRuleTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ORACLE | begin\\n  null;\\nend;\\n\\ndelete from t1; | 5:1 starts at line 1",
        "ORACLE | declare\\n  n pls_integer;\\nbegin\\n  if n > 0 then\\n    null;\\n  end if;\\nend;\\n"
                + "drop table t2;\\n/ | 8:1 starts at line 1",
        "ORACLE | select 1 from dual;\\nbegin\\n  execute immediate 'drop table t2';\\nend;\\nprompt next\\n"
                + "update t3 set a = 1; | 6:1 starts at line 2",
        "ORACLE | create or replace procedure p as\\nbegin\\n  null;\\nend p;\\ncreate table t4 (id number);\\n/ "
                + "| 5:1 starts at line 1",
        "ORACLE | create or replace package p as\\n  procedure a;\\nend p;\\ncreate or replace package body p as\\n"
                + "  procedure a is begin null; end a;\\nend p;\\n/ | 4:1 starts at line 1",
        "ORACLE | create or replace trigger t_bir before insert on t for each row\\nbegin\\n  :new.id := 1;\\n"
                + "end;\\ndelete from t1 where id = 1; | 5:1 starts at line 1",
        "ORACLE | begin\\n  :done := 1;\\nend;\\ndelete from t1 where id = 1; | 4:1 starts at line 1",
        "ORACLE | begin\\n  null;\\nend;\\n/\\ndelete from t1 where id = 1; | -",
        "ORACLE | begin\\n  null;\\nend;\\n | -",
        "ORACLE | create or replace package body p as\\n  procedure a is\\n  begin\\n    case when 1 = 1 then null; "
                + "end case;\\n  end a;\\nbegin\\n  null;\\nend p;\\n/ | -",
        "ORACLE | create or replace procedure j as language java name 'a.b()';\\n/\\nbegin null; end;\\n/ | -",
        "ORACLE | create or replace type body tp as\\n  member function f return number is\\n  begin\\n"
                + "    return 1;\\n  end;\\nend;\\n/ | -",
        "AUTO | begin\\n  null;\\nend;\\ndelete from t1 where id = 1; | -",
        "POSTGRESQL | do $$ begin null; end $$;\\ndelete from t1 where id = 1; | -",
    })
    void reportsTheStatementAfterTheEnd(Dialect dialect, String sql, String expected) {
        List<String> found = hits(dialect, sql).stream().filter(hit -> hit.rule().equals("block-without-slash"))
                .map(hit -> hit.line() + ":" + hit.column() + " "
                        + hit.message().substring(hit.message().indexOf("starts at"), hit.message().indexOf(",")))
                .toList();
        assertEquals(expected.equals("-") ? List.of() : List.of(expected), found);
    }

    /**
     * Oracle refuses an anonymous block with a statement after its END, so the script fails; a stored unit (a
     * trigger, procedure, function, package or type body) it keeps, with compilation errors, and returns only a
     * warning, which Flyway, Liquibase and SQL*Plus pass: the script counts as run and the statements after the END
     * never run.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "begin\\n  null;\\nend;\\ndelete from t1 where id = 1; | No / line ends the PL/SQL block that starts at line"
                + " 1, so this statement is sent to Oracle as part of that block, which Oracle rejects; put a line holding only / after the block's END;",
        "create or replace trigger t_bir before insert on t for each row\\nbegin\\n  select s.nextval into :new.id from dual;\\nend;\\n"
                + "delete from t1 where id = 1; | No / line ends the CREATE TRIGGER that starts at line 1, so this"
                + " statement is sent to Oracle as part of the trigger's source: Oracle stores the trigger with"
                + " compilation errors and returns only a warning, so the script counts as run, but this statement"
                + " and those after it in the block never run; put a line holding only / after the block's END;",
        "create or replace editionable package body p as\\n  procedure a is begin null; end a;\\nend p;\\n"
                + "update t3 set a = 1 where id = 2; | No / line ends the CREATE PACKAGE BODY that starts at line 1,"
                + " so this statement is sent to Oracle as part of the package body's source: Oracle stores the"
                + " package body with compilation errors and returns only a warning, so the script counts as run, but"
                + " this statement and those after it in the block never run; put a line holding only / after the"
                + " block's END;",
    })
    void saysWhatOracleDoesWithTheText(String sql, String expected) {
        List<String> found = hits(Dialect.ORACLE, sql).stream().filter(hit -> hit.rule().equals("block-without-slash"))
                .map(RulePipeline.Hit::message).toList();
        assertEquals(List.of(expected), found);
    }

    /** What travels with the block is still checked, at its own position. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "begin\\n  null;\\nend;\\n\\ndelete from t1; | 5:1 delete-without-where",
        "begin\\n  null;\\nend;\\n  drop table t2;\\n/ | 4:3 drop-table",
    })
    void theStatementAfterTheEndIsStillChecked(String sql, String expected) {
        List<String> found = hits(Dialect.ORACLE, sql).stream()
                .filter(hit -> !hit.rule().equals("block-without-slash"))
                .map(hit -> hit.line() + ":" + hit.column() + " " + hit.rule()).toList();
        assertEquals(List.of(expected), found);
    }

    private static List<RulePipeline.Hit> hits(Dialect dialect, String sql) {
        return RulePipeline.run(dialect, sql.replace("\\n", "\n"), RuleRegistry.all());
    }
}
