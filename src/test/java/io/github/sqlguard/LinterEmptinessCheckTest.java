package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A script that checks a table is empty before it drops it: the check guards the drop wherever the script writes it,
 * in the block of the drop, in the body of a routine the script calls, or in an earlier block that stops the
 * migration when the table has rows; and only while nothing between the check and the drop may add rows, the checking
 * block's own statements after its checks included.
 */
class LinterEmptinessCheckTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | DO $$ BEGIN IF EXISTS (SELECT 1 FROM audit_2019) THEN RAISE EXCEPTION 'audit_2019 has rows'; END IF; DROP TABLE audit_2019; END $$;
            POSTGRESQL | DO $$ BEGIN IF (SELECT count(*) FROM audit_2019) > 0 THEN RAISE EXCEPTION 'rows; keep it'; END IF; DROP TABLE audit_2019; END $$;
            POSTGRESQL | DO $$ DECLARE n int; BEGIN SELECT count(*) INTO n FROM audit_2019; IF n = 0 THEN EXECUTE 'DROP TABLE audit_2019'; END IF; END $$;
            POSTGRESQL | CREATE OR REPLACE FUNCTION drop_old() RETURNS void AS $$ DECLARE row_count INT; BEGIN SELECT COUNT(*) INTO row_count FROM audit_2019; IF row_count = 0 THEN DROP TABLE audit_2019; END IF; END $$ LANGUAGE plpgsql; SELECT drop_old(); DROP FUNCTION drop_old();
            POSTGRESQL | CREATE OR REPLACE FUNCTION drop_old() RETURNS void AS $$ DECLARE row_count INT; BEGIN SELECT COUNT(*) INTO row_count FROM audit_2019; IF row_count = 0 THEN EXECUTE 'DROP TABLE audit_2019'; END IF; END $$ LANGUAGE plpgsql; SELECT drop_old(); DROP FUNCTION drop_old();
            POSTGRESQL | CREATE PROCEDURE drop_old() LANGUAGE plpgsql AS $$ BEGIN IF NOT EXISTS (SELECT 1 FROM audit_2019) THEN DROP TABLE audit_2019; END IF; END $$; CALL drop_old();
            POSTGRESQL | DO $$ BEGIN IF EXISTS (SELECT 1 FROM audit_2019) THEN RAISE EXCEPTION 'cannot downgrade'; END IF; END $$; DROP TABLE audit_2019;
            POSTGRESQL | DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_catalog.audit_2019) THEN RAISE EXCEPTION 'cannot downgrade'; END IF; END $$; ALTER TABLE other ADD COLUMN c int; DROP TABLE pg_catalog.audit_2019;
            POSTGRESQL | DO $$ BEGIN IF (SELECT count(*) FROM audit_2019) > 0 THEN RAISE EXCEPTION 'has rows'; END IF; END $$; DROP TABLE audit_2019;
            POSTGRESQL | DO $$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM audit_2019; IF n > 0 THEN RAISE EXCEPTION 'has % rows', n; END IF; END $$; DROP TABLE audit_2019;
            POSTGRESQL | DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM audit_2019) THEN RAISE NOTICE 'empty'; ELSE RAISE EXCEPTION 'has rows'; END IF; END $$; DROP TABLE audit_2019;
            POSTGRESQL | DO $$ BEGIN IF EXISTS (SELECT 1 FROM audit_2019) THEN RAISE EXCEPTION 'has rows'; END IF; END $$; DO $$ BEGIN DROP TABLE audit_2019; END $$;
            POSTGRESQL | DO $$ BEGIN /* checked first, */ IF EXISTS (SELECT 1 FROM audit_2019) THEN RAISE EXCEPTION 'has rows'; END IF; ALTER TABLE other ADD COLUMN c int; DROP TABLE audit_2019; END $$;
            SQLSERVER  | IF EXISTS (SELECT 1 FROM dbo.audit_2019) THROW 50000, 'audit_2019 has rows; keep it', 1;\\nGO\\nDROP TABLE dbo.audit_2019;
            SQLSERVER  | IF EXISTS (SELECT TOP 1 * FROM audit_2019) BEGIN THROW 50000, 'has rows', 1; END\\nGO\\nALTER TABLE other ADD c INT;\\nGO\\nDROP TABLE audit_2019;
            ORACLE     | DECLARE n NUMBER; BEGIN SELECT COUNT(*) INTO n FROM audit_2019; IF n > 0 THEN RAISE_APPLICATION_ERROR(-20001, 'has rows'); END IF; END;\\n/\\nBEGIN EXECUTE IMMEDIATE 'ALTER TABLE other ADD c NUMBER'; END;\\n/\\nDROP TABLE audit_2019;
            SQLSERVER  | IF EXISTS (SELECT 1 FROM audit_2019) THROW 50000, 'has rows', 1;\\nGO\\nEXEC ('ALTER TABLE other ADD c INT');\\nGO\\nDROP TABLE audit_2019;
            ORACLE     | DECLARE n NUMBER; BEGIN SELECT COUNT(*) INTO n FROM audit_2019; IF n > 0 THEN RAISE_APPLICATION_ERROR(-20001, 'audit_2019 has rows'); END IF; END;\\n/\\nDROP TABLE audit_2019;
            ORACLE     | DECLARE v_count NUMBER; BEGIN SELECT COUNT(*) INTO v_count FROM audit_2019; IF v_count > 0 THEN RAISE_APPLICATION_ERROR(-20001, 'has rows'); END IF; EXECUTE IMMEDIATE 'DROP TABLE audit_2019'; END;\\n/
            ORACLE     | DECLARE n NUMBER; BEGIN SELECT COUNT(*) INTO n FROM audit_2019; IF n > 0 THEN RAISE_APPLICATION_ERROR(-20001, 'has rows'); END IF; END;\\n/\\nBEGIN dbms_output.put_line('checked'); COMMIT; NULL; END;\\n/\\nDROP TABLE audit_2019;
            MYSQL      | DELIMITER $$\\nCREATE PROCEDURE drop_old() BEGIN IF (SELECT COUNT(*) FROM audit_2019) > 0 THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'has rows'; END IF; DROP TABLE audit_2019; END$$\\nDELIMITER ;\\nCALL drop_old(); DROP PROCEDURE drop_old;
            MYSQL      | DELIMITER $$\\nCREATE PROCEDURE drop_old() BEGIN IF EXISTS (SELECT 1 FROM audit_2019) THEN SIGNAL SQLSTATE '45000'; END IF; DROP TABLE audit_2019; END$$\\nDELIMITER ;\\nCALL drop_old(); DROP PROCEDURE drop_old;
            MARIADB    | DELIMITER $$\\nBEGIN NOT ATOMIC IF EXISTS (SELECT 1 FROM audit_2019) THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'has rows'; END IF; DROP TABLE audit_2019; END$$\\nDELIMITER ;
            MARIADB    | DELIMITER $$\\nBEGIN NOT ATOMIC IF (SELECT COUNT(*) FROM audit_2019) > 0 THEN SIGNAL SQLSTATE '45000'; END IF; END$$\\nDELIMITER ;\\nDROP TABLE audit_2019;
            SQLSERVER  | IF (SELECT COUNT(*) FROM audit_2019) > 0 THROW 50000, 'has rows', 1;\\nGO\\nDROP TABLE audit_2019;
            SQLSERVER  | IF EXISTS (SELECT 1 FROM audit_2019) BEGIN RAISERROR('has rows', 16, 1); RETURN END\\nDROP TABLE audit_2019;
            SQLSERVER  | IF EXISTS (SELECT 1 FROM audit_2019) BEGIN RAISERROR('has rows', 16, 1); RETURN; END;\\nGO\\nDROP TABLE audit_2019;
            SQLSERVER  | IF EXISTS (SELECT 1 FROM audit_2019) BEGIN ; THROW 50000, 'has rows', 1; END\\nGO\\nDROP TABLE audit_2019;
            SQLSERVER  | CREATE PROCEDURE drop_old AS BEGIN IF EXISTS (SELECT 1 FROM audit_2019) BEGIN RAISERROR('has rows', 16, 1); RETURN; END DROP TABLE audit_2019; END\\nGO\\nEXEC drop_old;
            SQLSERVER  | CREATE PROCEDURE drop_old AS IF (SELECT COUNT(*) FROM audit_2019) > 0 RETURN; DROP TABLE audit_2019;\\nGO\\nEXEC drop_old;
            """)
    void checkedEmptinessGuardsTheDrop(Dialect dialect, String sql) throws IOException {
        List<Finding> findings = lint(dialect, sql.replace("; ", ";\n").replace("\\n", "\n"));

        assertEquals(1, findings.size(), findings.toString());
        assertEquals(Severity.INFO, findings.get(0).severity(), findings.get(0).message());
        assertTrue(findings.get(0).message().contains("runs only when "), findings.get(0).message());
        assertTrue(findings.get(0).message().contains("audit_2019 is empty"), findings.get(0).message());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | DO $$ BEGIN IF EXISTS (SELECT 1 FROM audit_2019) THEN RAISE NOTICE 'has rows'; END IF; END $$; DROP TABLE audit_2019;
            POSTGRESQL | DO $$ BEGIN IF EXISTS (SELECT 1 FROM audit_2019 WHERE year = 2019) THEN RAISE EXCEPTION 'has rows'; END IF; END $$; DROP TABLE audit_2019;
            POSTGRESQL | DO $$ BEGIN IF EXISTS (SELECT 1 FROM other) THEN RAISE EXCEPTION 'has rows'; END IF; END $$; DROP TABLE audit_2019;
            POSTGRESQL | DO $$ BEGIN IF EXISTS (SELECT 1 FROM audit_2019) THEN RAISE EXCEPTION 'has rows'; END IF; END $$; INSERT INTO audit_2019 VALUES (1); DROP TABLE audit_2019;
            POSTGRESQL | DO $$ BEGIN IF EXISTS (SELECT 1 FROM audit_2019) THEN RAISE EXCEPTION 'has rows'; END IF; END $$; SELECT refill(); DROP TABLE audit_2019;
            POSTGRESQL | DO $$ BEGIN IF EXISTS (SELECT 1 FROM audit_2019) THEN RAISE EXCEPTION 'has rows'; END IF; END $$; CALL refill(); DROP TABLE audit_2019;
            POSTGRESQL | DO $$ BEGIN IF EXISTS (SELECT 1 FROM audit_2019) THEN RAISE EXCEPTION 'has rows'; END IF; EXCEPTION WHEN OTHERS THEN NULL; END $$; DROP TABLE audit_2019;
            POSTGRESQL | DO $$ BEGIN IF EXISTS (SELECT 1 FROM audit_2019) THEN RAISE EXCEPTION 'has rows'; END IF; END $$; DO $$ BEGIN INSERT INTO audit_2019 VALUES (1); END $$; DROP TABLE audit_2019;
            POSTGRESQL | DO $$ BEGIN IF EXISTS (SELECT 1 FROM audit_2019) THEN RAISE EXCEPTION 'has rows'; END IF; END $$; DO $$ BEGIN IF now() > '2020-01-01' THEN INSERT INTO audit_2019 VALUES (1); END IF; END $$; DROP TABLE audit_2019;
            POSTGRESQL | DO $$ BEGIN IF EXISTS (SELECT 1 FROM audit_2019) THEN RAISE EXCEPTION 'has rows'; END IF; END $$; DO $$ BEGIN PERFORM refill(); END $$; DROP TABLE audit_2019;
            POSTGRESQL | DO $$ BEGIN IF EXISTS (SELECT 1 FROM audit_2019) THEN RAISE EXCEPTION 'has rows'; END IF; END $$; DROP TABLE audit_2019; ALTER TABLE audit_old RENAME TO audit_2019; DROP TABLE audit_2019;
            POSTGRESQL | DO $$ BEGIN IF EXISTS (SELECT 1 FROM audit_2019) THEN RAISE EXCEPTION 'has rows'; END IF; END $$; COPY audit_2019 FROM '/tmp/a.csv'; DROP TABLE audit_2019;
            POSTGRESQL | DO $$ BEGIN IF EXISTS (SELECT 1 FROM audit_2019) THEN RAISE EXCEPTION 'has rows'; END IF; INSERT INTO audit_2019 SELECT * FROM audit_old; DROP TABLE audit_2019; END $$;
            POSTGRESQL | DO $$ BEGIN /* a comment of some length before the check */ IF EXISTS (SELECT 1 FROM audit_2019) THEN RAISE EXCEPTION 'has rows'; END IF; INSERT INTO audit_2019 VALUES (1); END $$; DROP TABLE audit_2019;
            POSTGRESQL | DO $$ BEGIN IF EXISTS (SELECT 1 FROM audit_2019) THEN RAISE EXCEPTION 'has rows'; END IF; EXECUTE 'INSERT INTO audit_2019 VALUES (1)'; DROP TABLE audit_2019; END $$;
            SQLSERVER  | IF EXISTS (SELECT 1 FROM audit_2019) RAISERROR('has rows', 16, 1);\\nGO\\nDROP TABLE audit_2019;
            SQLSERVER  | IF EXISTS (SELECT 1 FROM audit_2019) THROW 50000, 'has rows', 1;\\nGO\\nEXEC refill;\\nGO\\nDROP TABLE audit_2019;
            SQLSERVER  | IF EXISTS (SELECT 1 FROM audit_2019) THROW 50000, 'has rows', 1;\\nGO\\nEXEC ('INSERT INTO audit_2019 VALUES (1)');\\nGO\\nDROP TABLE audit_2019;
            SQLSERVER  | IF EXISTS (SELECT 1 FROM audit_2019) THROW 50000, 'has rows', 1;\\nGO\\nEXEC (@refill);\\nGO\\nDROP TABLE audit_2019;
            ORACLE     | DECLARE n NUMBER; BEGIN SELECT COUNT(*) INTO n FROM audit_2019; IF n > 0 THEN RAISE_APPLICATION_ERROR(-20001, 'has rows'); END IF; END;\\n/\\nBEGIN EXECUTE IMMEDIATE 'INSERT INTO audit_2019 VALUES (1)'; END;\\n/\\nDROP TABLE audit_2019;
            SQLSERVER  | IF EXISTS (SELECT 1 FROM audit_2019) THROW 50000, 'has rows', 1;\\nGO\\nINSERT INTO audit_2019 VALUES (1);\\nGO\\nDROP TABLE audit_2019;
            SQLSERVER  | IF EXISTS (SELECT 1 FROM audit_2019 WHERE y = 1) THROW 50000, 'has rows', 1;\\nGO\\nDROP TABLE audit_2019;
            POSTGRESQL | DO $$ BEGIN IF vflag THEN IF EXISTS (SELECT 1 FROM audit_2019) THEN RAISE EXCEPTION 'has rows'; END IF; END IF; END $$; DROP TABLE audit_2019;
            POSTGRESQL | DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM audit_2019) THEN INSERT INTO audit_2019 VALUES (1); ELSE RAISE EXCEPTION 'has rows'; END IF; END $$; DROP TABLE audit_2019;
            POSTGRESQL | CREATE FUNCTION check_empty() RETURNS void AS $$ BEGIN IF EXISTS (SELECT 1 FROM audit_2019) THEN RAISE EXCEPTION 'has rows'; END IF; END $$ LANGUAGE plpgsql; DROP TABLE audit_2019;
            POSTGRESQL | CREATE FUNCTION drop_old() RETURNS void AS $$ BEGIN IF EXISTS (SELECT 1 FROM audit_2019) THEN DROP TABLE audit_2019; END IF; END $$ LANGUAGE plpgsql; SELECT drop_old();
            MYSQL      | DELIMITER $$\\nCREATE PROCEDURE drop_old() BEGIN IF EXISTS (SELECT 1 FROM audit_2019) THEN SIGNAL SQLSTATE '01000'; END IF; DROP TABLE audit_2019; END$$\\nDELIMITER ;\\nCALL drop_old();
            MYSQL      | DELIMITER $$\\nCREATE PROCEDURE drop_old() BEGIN DECLARE CONTINUE HANDLER FOR SQLEXCEPTION BEGIN END; IF EXISTS (SELECT 1 FROM audit_2019) THEN SIGNAL SQLSTATE '45000'; END IF; DROP TABLE audit_2019; END$$\\nDELIMITER ;\\nCALL drop_old();
            MYSQL      | DELIMITER $$\\nCREATE PROCEDURE drop_old() BEGIN IF EXISTS (SELECT 1 FROM audit_2019) THEN SIGNAL SQLSTATE '45000'; END IF; INSERT INTO audit_2019 VALUES (1); DROP TABLE audit_2019; END$$\\nDELIMITER ;\\nCALL drop_old();
            MYSQL      | DELIMITER $$\\nCREATE PROCEDURE check_empty() BEGIN IF EXISTS (SELECT 1 FROM audit_2019) THEN SIGNAL SQLSTATE '45000'; END IF; END$$\\nDELIMITER ;\\nDROP TABLE audit_2019;
            MARIADB    | DELIMITER $$\\nBEGIN NOT ATOMIC IF vflag THEN IF EXISTS (SELECT 1 FROM audit_2019) THEN SIGNAL SQLSTATE '45000'; END IF; END IF; END$$\\nDELIMITER ;\\nDROP TABLE audit_2019;
            MARIADB    | DELIMITER $$\\nBEGIN NOT ATOMIC DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN END; IF EXISTS (SELECT 1 FROM audit_2019) THEN SIGNAL SQLSTATE '45000'; END IF; END$$\\nDELIMITER ;\\nDROP TABLE audit_2019;
            MARIADB    | DELIMITER $$\\nBEGIN NOT ATOMIC IF (SELECT COUNT(*) FROM audit_2019) > 0 THEN SIGNAL SQLSTATE '45000'; END IF; END$$\\nDELIMITER ;\\nPREPARE st FROM @refill;\\nEXECUTE st;\\nDROP TABLE audit_2019;
            SQLSERVER  | IF (SELECT COUNT(*) FROM audit_2019) = 0 THROW 50000, 'empty', 1;\\nGO\\nDROP TABLE audit_2019;
            SQLSERVER  | IF (SELECT COUNT(*) FROM audit_2019) > 1 THROW 50000, 'has rows', 1;\\nGO\\nDROP TABLE audit_2019;
            SQLSERVER  | IF EXISTS (SELECT 1 FROM audit_2019) RAISERROR('has rows', 16, 1);\\nDROP TABLE audit_2019;
            SQLSERVER  | IF EXISTS (SELECT 1 FROM audit_2019) BEGIN RAISERROR('has rows', 16, 1); END\\nDROP TABLE audit_2019;
            SQLSERVER  | IF EXISTS (SELECT 1 FROM audit_2019) BEGIN RAISERROR('has rows', 10, 1); RETURN END\\nGO\\nDROP TABLE audit_2019;
            SQLSERVER  | IF EXISTS (SELECT 1 FROM audit_2019) BEGIN RAISERROR('has rows', 16, 1); RETURN END\\nINSERT INTO audit_2019 VALUES (1);\\nDROP TABLE audit_2019;
            SQLSERVER  | IF EXISTS (SELECT 1 FROM audit_2019) BEGIN RAISERROR('has rows', 16, 1); IF @force = 1 RETURN END\\nGO\\nDROP TABLE audit_2019;
            SQLSERVER  | CREATE PROCEDURE drop_old AS BEGIN IF @force = 0 IF EXISTS (SELECT 1 FROM audit_2019) BEGIN RAISERROR('has rows', 16, 1); RETURN; END DROP TABLE audit_2019; END\\nGO\\nEXEC drop_old;
            SQLSERVER  | CREATE PROCEDURE drop_old AS BEGIN IF EXISTS (SELECT 1 FROM audit_2019) BEGIN RAISERROR('has rows', 16, 1); END DROP TABLE audit_2019; END\\nGO\\nEXEC drop_old;
            SQLSERVER  | CREATE PROCEDURE drop_old AS BEGIN IF EXISTS (SELECT 1 FROM audit_2019) BEGIN RETURN; END EXEC refill; DROP TABLE audit_2019; END\\nGO\\nEXEC drop_old;
            MARIADB    | DELIMITER $$\\nBEGIN NOT ATOMIC IF EXISTS (SELECT 1 FROM audit_2019) THEN SIGNAL SQLSTATE '02000'; END IF; END$$\\nDELIMITER ;\\nDROP TABLE audit_2019;
            SQLSERVER  | IF EXISTS (SELECT 1 FROM audit_2019) BEGIN RAISERROR('has rows', 16, 1); END\\nRETURN\\nGO\\nDROP TABLE audit_2019;
            SQLSERVER  | BEGIN TRY IF EXISTS (SELECT 1 FROM audit_2019) THROW 50000, 'has rows', 1; END TRY BEGIN CATCH PRINT 'ignored'; END CATCH\\nGO\\nDROP TABLE audit_2019;
            ORACLE     | DECLARE v_count NUMBER; BEGIN SELECT COUNT(*) INTO v_count FROM audit_2019; IF v_count > 0 THEN RAISE_APPLICATION_ERROR(-20001, 'has rows'); END IF; EXCEPTION WHEN OTHERS THEN NULL; END;\\n/\\nDROP TABLE audit_2019;
            ORACLE     | DECLARE v_count NUMBER; BEGIN SELECT COUNT(*) INTO v_count FROM audit_2019; IF v_count > 1 THEN RAISE_APPLICATION_ERROR(-20001, 'has rows'); END IF; EXECUTE IMMEDIATE 'DROP TABLE audit_2019'; END;\\n/
            ORACLE     | DECLARE n NUMBER; BEGIN SELECT COUNT(*) INTO n FROM audit_2019; IF n > 0 THEN RAISE_APPLICATION_ERROR(-20001, 'has rows'); END IF; END;\\n/\\nBEGIN refill_audit; END;\\n/\\nDROP TABLE audit_2019;
            ORACLE     | DECLARE n NUMBER; BEGIN SELECT COUNT(*) INTO n FROM audit_2019; IF n > 0 THEN RAISE_APPLICATION_ERROR(-20001, 'has rows'); END IF; END;\\n/\\nBEGIN maint.refill('audit'); END;\\n/\\nDROP TABLE audit_2019;
            """)
    void noCheckOrAnUndoneOneGuardsNothing(Dialect dialect, String sql) throws IOException {
        List<Finding> findings = lint(dialect, sql.replace("; ", ";\n").replace("\\n", "\n"));

        assertFalse(findings.isEmpty(), "the drop is still reported");
        Finding last = findings.get(findings.size() - 1);
        assertEquals(Severity.ERROR, last.severity(), last.message());
    }

    private List<Finding> lint(Dialect dialect, String sql) throws IOException {
        Path file = project.resolve("db/V2__change.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql + "\n", StandardCharsets.UTF_8);
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        return result.findings().stream().filter(f -> f.ruleId().equals("drop-table")).toList();
    }
}
