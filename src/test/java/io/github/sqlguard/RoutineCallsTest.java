package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Routine bodies run when the script calls them, wherever the call stands (a PL/SQL block, a DO block, another
 * routine the script calls), and a MySQL event body runs on its schedule without any call.
 */
class RoutineCallsTest {

    private static final String ZAP = "CREATE OR REPLACE PROCEDURE zap AS\\nBEGIN\\n  DELETE FROM orders;\\nEND;\\n/\\n";
    private static final String CALLED = "3:3 delete-without-where ERROR DELETE without WHERE removes every row of"
            + " orders (inside procedure zap body, which this script calls at line ";
    private static final String NOT_CALLED = "3:3 delete-without-where INFO DELETE without WHERE removes every row"
            + " of orders (inside procedure zap body, which runs only when called)";

    /** A package of three members: one empties invoices, one deletes old lines only, one calls the first. */
    private static final String BILLING = "CREATE OR REPLACE PACKAGE BODY billing AS\\n  PROCEDURE purge_invoices IS"
            + "\\n    PROCEDURE note IS BEGIN INSERT INTO purge_log VALUES (SYSDATE); END;\\n  BEGIN\\n    note;"
            + "\\n    DELETE FROM invoices;\\n  END purge_invoices;\\n\\n  PROCEDURE purge_old(p_days NUMBER) IS"
            + "\\n  BEGIN\\n    IF p_days > 0 THEN\\n      DELETE FROM invoice_lines WHERE created < SYSDATE - p_days;"
            + "\\n    END IF;\\n  END purge_old;\\n\\n  PROCEDURE purge_all IS\\n  BEGIN\\n    purge_invoices;"
            + "\\n  END;\\nEND billing;\\n/\\n";
    private static final String BILLING_NOT_CALLED = "6:5 delete-without-where INFO DELETE without WHERE removes every"
            + " row of invoices (inside package billing body, which runs only when called)";

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        // Oracle: a statement of a PL/SQL block that is just a routine name, with or without arguments, calls it.
        "ORACLE | " + ZAP + "BEGIN\\n  zap;\\nEND;\\n/ | " + CALLED + "7)",
        "ORACLE | " + ZAP + "BEGIN zap(); END;\\n/ | " + CALLED + "6)",
        "ORACLE | " + ZAP + "BEGIN app.zap; END;\\n/ | " + CALLED + "6)",
        "ORACLE | " + ZAP + "DECLARE n NUMBER;\\nBEGIN\\n  n := 1;\\n  zap;\\nEND;\\n/ | " + CALLED + "9)",
        "ORACLE | CREATE OR REPLACE PROCEDURE zap(p NUMBER, q VARCHAR2) AS\\nBEGIN\\n  DELETE FROM orders;\\nEND;"
                + "\\n/\\nBEGIN zap(1, 'x'); END;\\n/ | " + CALLED + "6)",
        // A function used in an expression of a block that runs is called.
        "ORACLE | CREATE OR REPLACE FUNCTION purge RETURN NUMBER AS\\nBEGIN\\n  DELETE FROM orders;\\n  RETURN 1;"
                + "\\nEND;\\n/\\nDECLARE n NUMBER;\\nBEGIN\\n  n := purge();\\nEND;\\n/ | 3:3 delete-without-where ERROR"
                + " DELETE without WHERE removes every row of orders (inside function purge body, which this script"
                + " calls at line 9)",
        // A function without parameters is called without parentheses: n := purge;
        "ORACLE | CREATE OR REPLACE FUNCTION purge RETURN NUMBER AS\\nBEGIN\\n  DELETE FROM orders;\\n  RETURN 1;"
                + "\\nEND;\\n/\\nDECLARE n NUMBER;\\nBEGIN\\n  n := purge;\\nEND;\\n/ | 3:3 delete-without-where ERROR"
                + " DELETE without WHERE removes every row of orders (inside function purge body, which this script"
                + " calls at line 9)",
        // A variable of another name assigned to another calls nothing.
        "ORACLE | " + ZAP + "DECLARE n NUMBER; m NUMBER;\\nBEGIN\\n  n := m;\\nEND;\\n/ | " + NOT_CALLED,
        // A package member called by its qualified name runs the package body.
        "ORACLE | CREATE OR REPLACE PACKAGE BODY maint AS\\n  PROCEDURE wipe IS\\n  BEGIN\\n    DELETE FROM orders;"
                + "\\n  END;\\nEND maint;\\n/\\nBEGIN maint.wipe; END;\\n/ | 4:5 delete-without-where ERROR DELETE"
                + " without WHERE removes every row of orders (inside package maint body, which this script calls"
                + " at line 8)",
        // Only the member called runs: its siblings' bodies stay INFO, a local procedure belongs to its member.
        "ORACLE | " + BILLING + "BEGIN\\n  billing.purge_old(30);\\nEND;\\n/ | " + BILLING_NOT_CALLED,
        "ORACLE | " + BILLING + "EXEC billing.purge_invoices; | 6:5 delete-without-where ERROR DELETE without WHERE"
                + " removes every row of invoices (inside package billing body, which this script calls at line 22)",
        // A member that calls a sibling by its bare name runs the sibling.
        "ORACLE | " + BILLING + "CALL billing.purge_all(); | 6:5 delete-without-where ERROR DELETE without WHERE"
                + " removes every row of invoices (inside package billing body, which this script calls at line 22)",
        // The package's initialization section runs at the first call of any member.
        "ORACLE | CREATE OR REPLACE PACKAGE BODY cfg AS\\n  PROCEDURE ping IS\\n  BEGIN\\n    NULL;\\n  END;\\nBEGIN"
                + "\\n  DELETE FROM cfg_cache;\\nEND cfg;\\n/\\nEXEC cfg.ping | 7:3 delete-without-where ERROR DELETE without"
                + " WHERE removes every row of cfg_cache (inside package cfg body, which this script calls at line 10)",
        // Overloads share a name; which one a call reaches depends on its arguments' types, so each may run.
        "ORACLE | CREATE OR REPLACE PACKAGE BODY arc AS\\n  PROCEDURE wipe(p_all BOOLEAN) IS\\n  BEGIN\\n    DELETE FROM"
                + " arc_rows;\\n  END;\\n  PROCEDURE wipe(p_id NUMBER) IS\\n  BEGIN\\n    DELETE FROM arc_rows WHERE id ="
                + " p_id;\\n  END;\\nEND arc;\\n/\\nBEGIN arc.wipe(42); END;\\n/ | 4:5 delete-without-where ERROR DELETE"
                + " without WHERE removes every row of arc_rows (inside package arc body, which this script calls at"
                + " line 12)",
        // A routine called from a routine that the script calls runs too.
        "ORACLE | " + ZAP + "CREATE OR REPLACE PROCEDURE nightly AS\\nBEGIN\\n  zap;\\nEND;\\n/\\nBEGIN nightly; END;"
                + "\\n/ | " + CALLED + "11)",
        // Not calls: the procedure stays INFO.
        "ORACLE | " + ZAP + " | " + NOT_CALLED,
        "ORACLE | " + ZAP + "BEGIN NULL; END;\\n/ | " + NOT_CALLED,
        "ORACLE | " + ZAP + "BEGIN\\n  dbms_output.put_line('zap');\\n  COMMIT;\\nEND;\\n/ | " + NOT_CALLED,
        "ORACLE | " + ZAP + "CREATE OR REPLACE PROCEDURE nightly AS\\nBEGIN\\n  zap;\\nEND;\\n/ | " + NOT_CALLED,
        // PL/pgSQL: PERFORM in a function that a DO block calls.
        "POSTGRESQL | CREATE FUNCTION zap() RETURNS void AS $$\\nBEGIN\\n  DELETE FROM orders;\\nEND;\\n$$ LANGUAGE"
                + " plpgsql;\\nCREATE FUNCTION nightly() RETURNS void AS $$\\nBEGIN\\n  PERFORM zap();\\nEND;\\n$$"
                + " LANGUAGE plpgsql;\\nDO $$\\nBEGIN\\n  PERFORM nightly();\\nEND $$; | 3:3 delete-without-where"
                + " ERROR DELETE without WHERE removes every row of orders (inside function zap body, which this"
                + " script calls at line 13)",
        // A table the script created is new while the script runs, not when a routine the script does not call runs
        // later: by then it holds rows. One the script calls runs now, on the new table; one the body created is new.
        "POSTGRESQL | CREATE TABLE orders (id int);\\nCREATE FUNCTION zap() RETURNS void AS $function$\\nBEGIN\\n"
                + "  DELETE FROM orders;\\nEND;\\n$function$ LANGUAGE plpgsql; | 4:3 delete-without-where INFO DELETE"
                + " without WHERE removes every row of orders (inside function zap body, which runs only when called)",
        "POSTGRESQL | CREATE TABLE orders (id int);\\nCREATE FUNCTION zap() RETURNS void AS $function$\\nBEGIN\\n"
                + "  DELETE FROM orders;\\nEND;\\n$function$ LANGUAGE plpgsql;\\nSELECT zap(); | -",
        "POSTGRESQL | CREATE FUNCTION zap() RETURNS void AS $$\\nBEGIN\\n  CREATE TEMP TABLE batch (id int);\\n"
                + "  DELETE FROM batch;\\n  DROP TABLE batch;\\nEND;\\n$$ LANGUAGE plpgsql; | -",
        // T-SQL: EXEC inside a batch block.
        "SQLSERVER | CREATE PROCEDURE zap AS\\n  DELETE FROM orders;\\nGO\\nBEGIN\\n  EXEC zap;\\nEND\\nGO | 2:3"
                + " delete-without-where ERROR DELETE without WHERE removes every row of orders (inside procedure"
                + " zap body, which this script calls at line 5)",
        "SQLSERVER | CREATE PROCEDURE zap AS\\n  DELETE FROM orders;\\nGO\\nCREATE PROCEDURE nightly AS\\n  EXEC zap;"
                + "\\nGO\\nDECLARE @rc INT;\\nEXEC @rc = nightly;\\nGO | 2:3 delete-without-where ERROR DELETE without"
                + " WHERE removes every row of orders (inside procedure zap body, which this script calls at line 8)",
        // PostgreSQL: granting, revoking or altering a routine names it with its parameter types, it does not call it.
        "POSTGRESQL | CREATE PROCEDURE zap(p int) AS $$\\nBEGIN\\n  DELETE FROM orders;\\nEND;\\n$$ LANGUAGE plpgsql;"
                + "\\nREVOKE ALL ON PROCEDURE zap(int) FROM PUBLIC;\\nGRANT EXECUTE ON PROCEDURE zap(int) TO app;"
                + "\\nALTER PROCEDURE zap(int) SET search_path = app; | 3:3 delete-without-where INFO DELETE without"
                + " WHERE removes every row of orders (inside procedure zap body, which runs only when called)",
        // PL/pgSQL: CALL in a DO block.
        "POSTGRESQL | CREATE PROCEDURE zap() AS $$\\nBEGIN\\n  DELETE FROM orders;\\nEND;\\n$$ LANGUAGE plpgsql;"
                + "\\nDO $$\\nBEGIN\\n  CALL zap();\\nEND $$; | 3:3 delete-without-where ERROR DELETE without WHERE"
                + " removes every row of orders (inside procedure zap body, which this script calls at line 8)",
        // MySQL: an event body runs on its schedule, without a call, and runs the procedures it calls.
        "MYSQL | CREATE EVENT purge_now ON SCHEDULE AT CURRENT_TIMESTAMP ON COMPLETION NOT PRESERVE DO DELETE FROM"
                + " audit_log; | 1:87 delete-without-where ERROR DELETE without WHERE removes every row of audit_log"
                + " (inside event purge_now body, which runs on the event's schedule)",
        "MYSQL | DELIMITER $$\\nCREATE EVENT purge_all ON SCHEDULE EVERY 1 DAY DO BEGIN\\n  DELETE FROM sessions;\\nEND"
                + " $$\\nDELIMITER ; | 3:3 delete-without-where ERROR DELETE without WHERE removes every row of sessions"
                + " (inside event purge_all body, which runs on the event's schedule)",
        "MYSQL | DELIMITER $$\\nCREATE PROCEDURE zap() BEGIN\\n  DELETE FROM orders;\\nEND $$\\nCREATE EVENT nightly ON"
                + " SCHEDULE EVERY 1 DAY DO CALL zap() $$\\nDELIMITER ; | 3:3 delete-without-where ERROR DELETE"
                + " without WHERE removes every row of orders (inside procedure zap body, which this script calls at"
                + " line 5, from event nightly body, which runs on the event's schedule)",
        "MYSQL | DELIMITER //\\nCREATE TRIGGER trg_purge AFTER DELETE ON orders FOR EACH ROW BEGIN\\n  DELETE FROM"
                + " audit_log;\\nEND //\\nCREATE EVENT cleanup ON SCHEDULE EVERY 1 DAY DO\\n  DELETE FROM orders"
                + " WHERE created < NOW() //\\nDELIMITER ; | 3:3 delete-without-where ERROR DELETE without WHERE"
                + " removes every row of audit_log (inside trigger trg_purge body, which this script calls at line 6,"
                + " through trigger trg_purge, from event cleanup body, which runs on the event's schedule)",
        "MYSQL | CREATE EVENT purge_old ON SCHEDULE EVERY 1 DAY DO BEGIN DELETE FROM sessions WHERE created < NOW()"
                + " - INTERVAL 1 DAY; END | -",
        // MySQL and MariaDB: ALTER EVENT .. DO replaces the body, which runs on the schedule as a new event's does.
        "MARIADB | ALTER EVENT ev_purge DO DELETE FROM logs; | 1:25 delete-without-where ERROR DELETE without WHERE"
                + " removes every row of logs (inside event ev_purge body, which runs on the event's schedule)",
        "MYSQL | DELIMITER //\\nALTER EVENT `ev_purge`\\n  ON SCHEDULE EVERY 1 HOUR\\n  DO BEGIN\\n    TRUNCATE TABLE"
                + " cache;\\n  END //\\nDELIMITER ; | 5:5 truncate-table ERROR TRUNCATE removes every row of table cache"
                + " (inside event `ev_purge` body, which runs on the event's schedule)",
        "MYSQL | ALTER EVENT ev_purge DISABLE; | -",
        "MARIADB | ALTER EVENT ev_purge ON SCHEDULE EVERY 2 DAY RENAME TO ev_purge_daily; | -",
    })
    void findings(Dialect dialect, String sql, String expected) {
        List<String> found = OneScript.findings(dialect, sql.replace("\\n", "\n")).stream()
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.ruleId() + " " + f.severity()
                        + " " + f.message())
                .toList();
        assertEquals(expected.equals("-") ? List.of() : Arrays.asList(expected.split(" \\|\\| ")), found);
    }
}
