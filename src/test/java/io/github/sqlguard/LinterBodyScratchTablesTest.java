package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A table that a routine or block body creates in straight line, before any branch, loop, handler or inner block,
 * holds only the rows that body put there: the body's later drops lose nothing, as at a script's top level. A table
 * created in a branch may already exist with rows, and one created in another body or dropped outside it may be
 * the application's, so those drops stay reported.
 */
class LinterBodyScratchTablesTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        // The drop before the CREATE is judged as at top level: nothing says the table is new.
        "MYSQL | DELIMITER $$\\nCREATE PROCEDURE p() BEGIN\\n  DROP TABLE IF EXISTS s2;\\n  CREATE TABLE s2 (id INT);\\n"
                + "  INSERT INTO s2 SELECT id FROM person;\\n  DROP TABLE IF EXISTS s2;\\nEND$$\\nDELIMITER ;\\nCALL p();"
                + " | 3:3 drop-table ERROR",
        "MYSQL | DROP TABLE IF EXISTS s2;\\nCREATE TABLE s2 (id INT);\\nINSERT INTO s2 SELECT id FROM person;\\n"
                + "DROP TABLE IF EXISTS s2; | 1:1 drop-table ERROR",
        "MYSQL | DELIMITER $$\\nCREATE PROCEDURE p() BEGIN\\n  CREATE TABLE s2 (id INT);\\n  IF 1 THEN\\n"
                + "    DROP TABLE s2;\\n  END IF;\\nEND$$\\nDELIMITER ;\\nCALL p(); | -",
        "MYSQL | DELIMITER $$\\nCREATE PROCEDURE p() BEGIN\\n  IF 1 THEN CREATE TABLE s2 (id INT); END IF;\\n"
                + "  DROP TABLE s2;\\nEND$$\\nDELIMITER ;\\nCALL p(); | 4:3 drop-table ERROR",
        "MYSQL | DELIMITER $$\\nCREATE PROCEDURE p() BEGIN\\n  WHILE 0 DO CREATE TABLE s2 (id INT); END WHILE;\\n"
                + "  DROP TABLE s2;\\nEND$$\\nDELIMITER ;\\nCALL p(); | 4:3 drop-table ERROR",
        // A CONTINUE handler goes on after a CREATE TABLE that failed because the table was there.
        "MYSQL | DELIMITER $$\\nCREATE PROCEDURE p() BEGIN\\n  DECLARE CONTINUE HANDLER FOR SQLEXCEPTION BEGIN END;\\n"
                + "  CREATE TABLE s2 (id INT);\\n  DROP TABLE s2;\\nEND$$\\nDELIMITER ;\\nCALL p(); | 5:3 drop-table ERROR",
        "MYSQL | DELIMITER $$\\nCREATE PROCEDURE p1() BEGIN\\n  CREATE TABLE s2 (id INT);\\nEND$$\\n"
                + "CREATE PROCEDURE p2() BEGIN\\n  DROP TABLE s2;\\nEND$$\\nDELIMITER ;\\nCALL p1();\\nCALL p2();"
                + " | 6:3 drop-table ERROR",
        "MYSQL | DELIMITER $$\\nCREATE PROCEDURE p() BEGIN\\n  CREATE TABLE s2 (id INT);\\nEND$$\\nDELIMITER ;\\n"
                + "CALL p();\\nDROP TABLE s2; | 7:1 drop-table ERROR",
        "POSTGRESQL | DO $$\\nBEGIN\\n  CREATE TABLE s2 (id int);\\n  INSERT INTO s2 SELECT id FROM person;\\n"
                + "  DROP TABLE s2;\\nEND $$; | -",
        "POSTGRESQL | DO $$\\nBEGIN\\n  IF NOT EXISTS (SELECT 1 FROM pg_tables WHERE tablename = 's2') THEN\\n"
                + "    CREATE TABLE s2 (id int);\\n  END IF;\\n  DROP TABLE s2;\\nEND $$; | 6:3 drop-table ERROR",
        "POSTGRESQL | DO $$\\nBEGIN\\n  CREATE TABLE s2 (id int);\\nEND $$;\\nDO $$\\nBEGIN\\n  DROP TABLE s2;\\nEND $$;"
                + " | 7:3 drop-table ERROR",
        "POSTGRESQL | CREATE FUNCTION f() RETURNS void AS $$\\nDECLARE\\n  n int;\\nBEGIN\\n  CREATE TABLE s2 (id int);\\n"
                + "  DROP TABLE s2;\\nEND $$ LANGUAGE plpgsql;\\nSELECT f(); | -",
        // An inner block's handler swallows the failure of a CREATE TABLE that found the table there.
        "POSTGRESQL | CREATE FUNCTION f() RETURNS void AS $$\\nBEGIN\\n  BEGIN\\n    CREATE TABLE s2 (id int);\\n"
                + "  EXCEPTION WHEN duplicate_table THEN NULL;\\n  END;\\n  DROP TABLE s2;\\nEND $$ LANGUAGE plpgsql;\\n"
                + "SELECT f(); | 7:3 drop-table ERROR",
        "SQLSERVER | ~CREATE PROCEDURE p AS\\nBEGIN\\n  IF OBJECT_ID('s2') IS NOT NULL DROP TABLE s2\\n"
                + "  CREATE TABLE s2 (id INT)\\n  INSERT INTO s2 SELECT id FROM person\\n  DROP TABLE s2\\nEND\\nGO\\n"
                + "EXEC p~ | 3:34 drop-table ERROR",
        "SQLSERVER | ~CREATE PROCEDURE p @x INT AS\\nBEGIN\\n  IF @x = 1 CREATE TABLE s2 (id INT)\\n  DROP TABLE s2\\n"
                + "END\\nGO\\nEXEC p 1~ | 4:3 drop-table ERROR",
        "SQLSERVER | ~CREATE PROCEDURE p AS\\nBEGIN\\n  BEGIN TRY\\n    CREATE TABLE s2 (id INT)\\n  END TRY\\n"
                + "  BEGIN CATCH\\n  END CATCH\\n  DROP TABLE s2\\nEND\\nGO\\nEXEC p~ | 8:3 drop-table ERROR",
        "ORACLE | BEGIN\\n  EXECUTE IMMEDIATE 'CREATE TABLE s2 (id NUMBER)';\\n"
                + "  EXECUTE IMMEDIATE 'INSERT INTO s2 SELECT id FROM person';\\n  EXECUTE IMMEDIATE 'DROP TABLE s2';\\n"
                + "END;\\n/ | -",
        "ORACLE | BEGIN\\n  EXECUTE IMMEDIATE 'CREATE TABLE s2 (id NUMBER)';\\nEND;\\n/\\nBEGIN\\n"
                + "  EXECUTE IMMEDIATE 'DROP TABLE s2';\\nEND;\\n/ | 6:22 drop-table ERROR",
        "ORACLE | DECLARE\\n  n NUMBER;\\nBEGIN\\n  SELECT COUNT(*) INTO n FROM user_tables WHERE table_name = 'S2';\\n"
                + "  IF n = 0 THEN\\n    EXECUTE IMMEDIATE 'CREATE TABLE s2 (id NUMBER)';\\n  END IF;\\n"
                + "  EXECUTE IMMEDIATE 'DROP TABLE s2';\\nEND;\\n/ | 8:22 drop-table ERROR",
        // Within one arm of a PL/pgSQL or PL/SQL branch the CREATE ran, or an error ended the arm before the DROP.
        "POSTGRESQL | DO $$\\nBEGIN\\n  IF to_regclass('app.job') IS NOT NULL THEN\\n"
                + "    CREATE TABLE app.job_seq AS SELECT last_value FROM app.job_id_seq;\\n"
                + "    PERFORM setval('app.job_id_seq', last_value) FROM app.job_seq;\\n    DROP TABLE app.job_seq;\\n"
                + "  END IF;\\nEND $$; | -",
        "POSTGRESQL | DO $$\\nBEGIN\\n  IF to_regclass('app.job') IS NOT NULL THEN\\n"
                + "    CREATE TABLE app.job_seq AS SELECT last_value FROM app.job_id_seq;\\n  ELSE\\n"
                + "    DROP TABLE app.job_seq;\\n  END IF;\\nEND $$; | 6:5 drop-table ERROR",
        "ORACLE | BEGIN\\n  IF 1 = 1 THEN\\n    EXECUTE IMMEDIATE 'CREATE TABLE s2 (id NUMBER)';\\n"
                + "    EXECUTE IMMEDIATE 'DROP TABLE s2';\\n  END IF;\\nEND;\\n/ | -",
        // An IF, loop or CASE inside the arm does not end it: after its END the arm goes on, the CREATE still behind it.
        "POSTGRESQL | DO $$\\nBEGIN\\n  IF to_regclass('app.job') IS NOT NULL THEN\\n"
                + "    CREATE TEMP TABLE s2 (id int) ON COMMIT DROP;\\n    IF 1 = 1 THEN\\n"
                + "      INSERT INTO s2 SELECT id FROM app.job;\\n    END IF;\\n    DROP TABLE s2;\\n  END IF;\\nEND $$; | -",
        "POSTGRESQL | DO $$\\nDECLARE\\n  r record;\\nBEGIN\\n  IF to_regclass('app.job') IS NOT NULL THEN\\n"
                + "    CREATE TABLE s2 (id int);\\n    FOR r IN SELECT id FROM app.job LOOP\\n"
                + "      INSERT INTO s2 VALUES (r.id);\\n      IF r.id = 0 THEN\\n        DELETE FROM s2;\\n      END IF;\\n"
                + "    END LOOP;\\n    DROP TABLE s2;\\n  END IF;\\nEND $$; | -",
        // A loop whose header query is checked as a statement (it changes rows) opens its stretch all the same.
        "POSTGRESQL | DO $$\\nDECLARE\\n  r record;\\nBEGIN\\n  IF to_regclass('app.job') IS NOT NULL THEN\\n"
                + "    CREATE TABLE s2 (id int);\\n    FOR r IN DELETE FROM app.job WHERE done RETURNING id LOOP\\n"
                + "      INSERT INTO s2 VALUES (r.id);\\n      IF r.id = 0 THEN\\n        DELETE FROM s2;\\n      END IF;\\n"
                + "    END LOOP;\\n    DROP TABLE s2;\\n  END IF;\\nEND $$; | -",
        "POSTGRESQL | DO $$\\nDECLARE\\n  r record;\\nBEGIN\\n  IF to_regclass('app.job') IS NOT NULL THEN\\n"
                + "    CREATE TABLE s2 (id int);\\n    FOR r IN WITH gone AS (DELETE FROM app.job WHERE done RETURNING id)"
                + " SELECT id FROM gone LOOP\\n      INSERT INTO s2 VALUES (r.id);\\n    END LOOP;\\n"
                + "    DROP TABLE s2;\\n  END IF;\\nEND $$; | -",
        // The loop's header query opens no stretch of its own: a table the loop creates is not there after it.
        "POSTGRESQL | DO $$\\nDECLARE\\n  r record;\\nBEGIN\\n  IF to_regclass('app.job') IS NOT NULL THEN\\n"
                + "    FOR r IN DELETE FROM app.job WHERE done RETURNING id LOOP\\n      CREATE TABLE s2 (id int);\\n"
                + "    END LOOP;\\n    DROP TABLE s2;\\n  END IF;\\nEND $$; | 9:5 drop-table ERROR",
        // A label that only LEAVE, EXIT or ITERATE name (no GOTO lands on it) goes on in the arm it sits in.
        "MYSQL | DELIMITER $$\\nCREATE PROCEDURE p(IN v INT) BEGIN\\n  IF v > 1 THEN\\n    SET v = 1;\\n  END IF;\\n"
                + "  CREATE TEMPORARY TABLE s2 (id INT);\\n  scan: LOOP\\n    IF v > 3 THEN\\n      LEAVE scan;\\n"
                + "    END IF;\\n    SET v = v + 1;\\n  END LOOP;\\n  DROP TABLE s2;\\nEND$$\\nDELIMITER ;\\n"
                + "CALL p(2); | -",
        "POSTGRESQL | DO $$\\nBEGIN\\n  IF to_regclass('app.job') IS NOT NULL THEN\\n    CREATE TABLE s2 (id int);\\n"
                + "    <<scan>>\\n    LOOP\\n      EXIT scan;\\n    END LOOP;\\n    DROP TABLE s2;\\n  END IF;\\nEND $$; | -",
        // A label a GOTO lands on may be reached past the CREATE.
        "ORACLE | BEGIN\\n  IF 1 = 1 THEN\\n    IF 2 = 2 THEN\\n      GOTO later;\\n    END IF;\\n"
                + "    EXECUTE IMMEDIATE 'CREATE TABLE s2 (id NUMBER)';\\n    <<later>>\\n"
                + "    EXECUTE IMMEDIATE 'DROP TABLE s2';\\n  END IF;\\nEND;\\n/ | 8:24 drop-table ERROR",
        // What an inner IF created may not exist after its END IF, nor in the arm's ELSE after an inner IF.
        "POSTGRESQL | DO $$\\nBEGIN\\n  IF to_regclass('app.job') IS NOT NULL THEN\\n    IF 1 = 1 THEN\\n"
                + "      CREATE TABLE s2 (id int);\\n    END IF;\\n    DROP TABLE s2;\\n  END IF;\\nEND $$; | 7:5 drop-table ERROR",
        "POSTGRESQL | DO $$\\nBEGIN\\n  IF to_regclass('app.job') IS NOT NULL THEN\\n    CREATE TABLE s2 (id int);\\n"
                + "    IF 1 = 1 THEN\\n      NULL;\\n    END IF;\\n  ELSE\\n    IF 1 = 1 THEN\\n      NULL;\\n    END IF;\\n"
                + "    DROP TABLE s2;\\n  END IF;\\nEND $$; | 12:5 drop-table ERROR",
        "ORACLE | BEGIN\\n  IF 1 = 1 THEN\\n    EXECUTE IMMEDIATE 'CREATE TABLE s2 (id NUMBER)';\\n"
                + "    IF 2 = 2 THEN\\n      NULL;\\n    END IF;\\n    EXECUTE IMMEDIATE 'DROP TABLE s2';\\n  END IF;\\nEND;\\n/ | -",
        // MySQL ends the routine at an error that no handler of the body takes, so the arm stops there too; a
        // CONTINUE handler declared before it may go on after the CREATE failed.
        "MYSQL | DELIMITER $$\\nCREATE PROCEDURE p() BEGIN\\n  IF 1 THEN\\n    CREATE TABLE s2 (id INT);\\n"
                + "    DROP TABLE s2;\\n  END IF;\\nEND$$\\nDELIMITER ;\\nCALL p(); | -",
        "MARIADB | DELIMITER $$\\nCREATE PROCEDURE p(IN v INT) BEGIN\\n  IF v > 1 THEN\\n"
                + "    CREATE TABLE s2 (id INT);\\n    INSERT INTO s2 SELECT id FROM person;\\n"
                + "    DROP TABLE IF EXISTS s2;\\n  END IF;\\nEND$$\\nDELIMITER ;\\nCALL p(2); | -",
        "MYSQL | DELIMITER $$\\nCREATE PROCEDURE p() BEGIN\\n  DECLARE CONTINUE HANDLER FOR SQLEXCEPTION BEGIN END;\\n"
                + "  IF 1 THEN\\n    CREATE TABLE s2 (id INT);\\n    DROP TABLE s2;\\n  END IF;\\nEND$$\\n"
                + "DELIMITER ;\\nCALL p(); | 6:5 drop-table ERROR",
        "MYSQL | DELIMITER $$\\nCREATE PROCEDURE p() BEGIN\\n  IF 1 THEN\\n    BEGIN\\n"
                + "      DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN END;\\n      CREATE TABLE s2 (id INT);\\n"
                + "    END;\\n    DROP TABLE s2;\\n  END IF;\\nEND$$\\nDELIMITER ;\\nCALL p(); | 8:5 drop-table ERROR",
        // Read in auto, IF .. THEN is no T-SQL, which goes on after a CREATE that failed.
        "AUTO | DELIMITER //\\nCREATE PROCEDURE p(IN v INT)\\nBEGIN\\n  IF (SELECT v > 1) THEN\\n"
                + "    CREATE TABLE s2 (id INT);\\n    DROP TABLE s2;\\n  END IF;\\nEND;\\n//\\ndelimiter ;\\n"
                + "CALL p(2); | -",
        "AUTO | ~CREATE PROCEDURE p @x INT AS\\nBEGIN\\n  IF @x = 1\\n  BEGIN\\n    CREATE TABLE s2 (id INT)\\n"
                + "    DROP TABLE s2\\n  END\\nEND\\nGO\\nEXEC p 1~ | 6:5 drop-table ERROR",
    })
    void dropsOfWhatTheBodyCreated(Dialect dialect, String sql, String expected) {
        List<String> found = OneScript.placesAndSeverities(dialect, sql);
        assertEquals(expected.equals("-") ? List.of() : List.of(expected.split(" / ")), found, sql);
    }

    /**
     * Two names built at run time read alike, but the running database may fill in two different tables: a table
     * created under one (a partition for the new rows) makes no scratch table of the other (the rows' old table).
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "POSTGRESQL | DO $$\\nBEGIN\\n  EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING ALL)', new_t, old_t);\\n"
                + "  EXECUTE format('DELETE FROM %I', old_t);\\nEND $$; | 4:19 delete-without-where ERROR",
        "POSTGRESQL | DO $$\\nBEGIN\\n  EXECUTE format('CREATE TABLE %I (id int)', new_t);\\n"
                + "  EXECUTE format('TRUNCATE %I', old_t);\\nEND $$; | 4:19 truncate-table ERROR",
        "POSTGRESQL | DO $$\\nBEGIN\\n  CREATE TEMP TABLE s2 (id int);\\n"
                + "  EXECUTE format('DELETE FROM %I', 's2');\\nEND $$; | -",
        "POSTGRESQL | DO $$\\nBEGIN\\n  EXECUTE format('CREATE TEMP TABLE %I (id int)', t);\\n"
                + "  EXECUTE format('DELETE FROM pg_temp.%I', t);\\nEND $$; | -",
    })
    void namesBuiltAtRunTimeMakeNoScratchTable(Dialect dialect, String sql, String expected) {
        List<String> found = OneScript.placesAndSeverities(dialect, sql);
        assertEquals(expected.equals("-") ? List.of() : List.of(expected.split(" / ")), found, sql);
    }
}
