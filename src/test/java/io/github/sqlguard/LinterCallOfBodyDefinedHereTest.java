package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A call of a procedure the script defined just before ({@code CREATE PROCEDURE p() BEGIN .. END; CALL p();}, the
 * way MySQL scripts run a loop or a branch once) writes only what its body may write: what the script knew of the
 * other tables and columns (a column added and not written since, a full copy) still holds after it. What a
 * statement of the body in a branch or a loop may write, or a body that runs another routine or SQL text, ends
 * those facts as any unknown call does.
 */
class LinterCallOfBodyDefinedHereTest {

    private static final String EARLIER = """
            CREATE TABLE orders (id INT PRIMARY KEY, total INT);
            CREATE TABLE items (id INT PRIMARY KEY, qty INT);
            """;

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            branch fills another table  | ALTER TABLE orders ADD COLUMN seats INT; ALTER TABLE items ADD COLUMN code INT; DELIMITER //; CREATE PROCEDURE fill() BEGIN IF EXISTS (SELECT 1 FROM items) THEN UPDATE items SET code = id; END IF; END //; DELIMITER ;; CALL fill(); UPDATE orders SET seats = 0; | update-without-where | column seats was added earlier in this script
            branch fills another column | ALTER TABLE orders ADD COLUMN seats INT; ALTER TABLE orders ADD COLUMN code INT; DELIMITER //; CREATE PROCEDURE fill() BEGIN IF EXISTS (SELECT 1 FROM orders) THEN UPDATE orders SET code = id; END IF; END //; DELIMITER ;; CALL fill(); UPDATE orders SET seats = 0; | update-without-where | column seats was added earlier in this script
            loop adds rows elsewhere    | ALTER TABLE orders ADD COLUMN seats INT; DELIMITER //; CREATE PROCEDURE fill() BEGIN DECLARE i INT DEFAULT 0; WHILE i < 3 DO INSERT INTO items VALUES (i, 0); SET i = i + 1; END WHILE; END //; DELIMITER ;; CALL fill(); DROP PROCEDURE fill; UPDATE orders SET seats = 0; | update-without-where | column seats was added earlier in this script
            copy kept through the call  | CREATE TABLE orders_bak AS SELECT * FROM orders; DELIMITER //; CREATE PROCEDURE fill() BEGIN IF EXISTS (SELECT 1 FROM orders) THEN UPDATE items SET qty = 0 WHERE id = 3; END IF; END //; DELIMITER ;; CALL fill(); DROP TABLE orders; | drop-table | rows copied to orders_bak at line 1
            """)
    void factsOfWhatTheBodyLeavesAloneHoldAfterTheCall(String name, String script, String rule, String guard)
            throws IOException {
        Finding finding = findingOfLastLine(script, rule);

        assertEquals(Severity.INFO, finding.severity(), finding.toString());
        assertTrue(finding.message().contains("(guarded: " + guard), finding.message());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            branch fills the column       | ALTER TABLE orders ADD COLUMN seats INT; DELIMITER //; CREATE PROCEDURE fill() BEGIN IF EXISTS (SELECT 1 FROM orders) THEN UPDATE orders SET seats = total WHERE total > 0; END IF; END //; DELIMITER ;; CALL fill(); UPDATE orders SET seats = 0; | update-without-where
            loop fills the column         | ALTER TABLE orders ADD COLUMN seats INT; DELIMITER //; CREATE PROCEDURE fill() BEGIN DECLARE i INT DEFAULT 0; WHILE i < 3 DO UPDATE orders SET seats = i WHERE id = i; SET i = i + 1; END WHILE; END //; DELIMITER ;; CALL fill(); UPDATE orders SET seats = 0; | update-without-where
            branch adds rows to the table | ALTER TABLE orders ADD COLUMN seats INT; DELIMITER //; CREATE PROCEDURE fill() BEGIN IF EXISTS (SELECT 1 FROM items) THEN INSERT INTO orders (id, total, seats) VALUES (1, 2, 3); END IF; END //; DELIMITER ;; CALL fill(); UPDATE orders SET seats = 0; | update-without-where
            body calls another routine    | ALTER TABLE orders ADD COLUMN seats INT; DELIMITER //; CREATE PROCEDURE fill() BEGIN IF EXISTS (SELECT 1 FROM items) THEN CALL fill_seats(); END IF; END //; DELIMITER ;; CALL fill(); UPDATE orders SET seats = 0; | update-without-where
            body runs SQL text            | ALTER TABLE orders ADD COLUMN seats INT; DELIMITER //; CREATE PROCEDURE fill() BEGIN IF EXISTS (SELECT 1 FROM items) THEN PREPARE st FROM @fill; EXECUTE st; END IF; END //; DELIMITER ;; CALL fill(); UPDATE orders SET seats = 0; | update-without-where
            routine defined after the call | ALTER TABLE orders ADD COLUMN seats INT; CALL fill(); DELIMITER //; CREATE PROCEDURE fill() BEGIN IF EXISTS (SELECT 1 FROM items) THEN UPDATE items SET qty = 0; END IF; END //; DELIMITER ;; UPDATE orders SET seats = 0; | update-without-where
            branch adds rows to the copied table | CREATE TABLE orders_bak AS SELECT * FROM orders; DELIMITER //; CREATE PROCEDURE fill() BEGIN IF EXISTS (SELECT 1 FROM items) THEN INSERT INTO orders (id, total) VALUES (1, 2); END IF; END //; DELIMITER ;; CALL fill(); DROP TABLE orders; | drop-table
            """)
    void whatTheBodyMayWriteIsNoLongerKnown(String name, String script, String rule) throws IOException {
        Finding finding = findingOfLastLine(script, rule);

        assertEquals(Severity.ERROR, finding.severity(), finding.toString());
    }

    /** The finding of {@code rule} on the last line of {@code script}, written with a line break after each "; ". */
    private Finding findingOfLastLine(String script, String rule) throws IOException {
        String text = script.replace("; ", ";\n").replace("//;", "//").replace(";;", ";");
        int line = text.split("\n").length;
        TestProject.write(project, "db/V1__init.sql", EARLIER);
        TestProject.write(project, "db/V2__change.sql", text + "\n");
        List<Finding> findings = ProjectLint.findings(project, Dialect.MYSQL).stream()
                .filter(f -> f.ruleId().equals(rule) && f.location().path().endsWith("V2__change.sql")
                        && f.location().line() == line).toList();
        assertEquals(1, findings.size(), ProjectLint.findings(project, Dialect.MYSQL).toString());
        return findings.get(0);
    }
}
