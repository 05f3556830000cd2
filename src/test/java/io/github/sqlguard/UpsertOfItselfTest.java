package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An upsert whose SELECT reads every row of its own target rewrites every row, like an UPDATE without WHERE; one of
 * VALUES, of another table's rows, or of a filtered SELECT changes only the rows that collide.
 */
class UpsertOfItselfTest {

    private static final String REPLACES = "update-without-where ERROR INSERT OR REPLACE (REPLACE) reads its rows from"
            + " %1$s itself without WHERE, so it deletes and inserts again every row of %1$s: a column its SELECT does"
            + " not fill loses its value in every row";
    private static final String UPDATES = "update-without-where ERROR Upsert (ON CONFLICT DO UPDATE, ON DUPLICATE KEY"
            + " UPDATE, MERGE .. KEY, UPSERT) reads its rows from %1$s itself without WHERE, so every row collides with itself"
            + " and its update changes every row of %1$s";

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "SQLITE | -- normalise e-mails\\nINSERT OR REPLACE INTO users (id, email)\\n  SELECT id, lower(email) FROM users;"
                + " | 2:1 R users",
        "SQLITE | INSERT INTO users (id, email) SELECT id, lower(email) FROM users WHERE true\\n"
                + "  ON CONFLICT(id) DO UPDATE SET email = excluded.email; | 1:1 U users",
        "POSTGRESQL | INSERT INTO counters AS c (id, n) SELECT id, 0 FROM public.counters ON CONFLICT (id) DO UPDATE"
                + " SET n = 0; | 1:1 U counters",
        // The target's rows read through a CTE of the same statement.
        "POSTGRESQL | WITH src AS (SELECT id, name FROM accounts)\\nINSERT INTO accounts (id, name) SELECT id, upper(name)"
                + " FROM src\\nON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name; | 2:1 U accounts",
        "POSTGRESQL | WITH src (id, name) AS MATERIALIZED (SELECT id, name FROM accounts) INSERT INTO accounts"
                + " SELECT * FROM src ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name; | 1:69 U accounts",
        "POSTGRESQL | WITH src AS (SELECT id, name FROM accounts WHERE id < 10) INSERT INTO accounts"
                + " SELECT * FROM src ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name; | -",
        "POSTGRESQL | WITH src AS (SELECT id, name FROM staging) INSERT INTO accounts"
                + " SELECT * FROM src ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name; | -",
        "MYSQL | REPLACE INTO `users` (id, email) SELECT id, email FROM `users`; | 1:1 R `users`",
        "MYSQL | INSERT INTO stock (sku, qty) SELECT sku, 0 FROM stock ON DUPLICATE KEY UPDATE qty = VALUES(qty); |"
                + " 1:1 U stock",
        "H2 | MERGE INTO customer (id, name) KEY (id) SELECT id, UPPER(name) FROM customer; | 1:1 U customer",
        "AUTO | UPSERT INTO accounts (id, balance)\\n  SELECT id, 0 FROM accounts; | 1:1 U accounts",
        // Only the rows that collide change.
        "AUTO | UPSERT INTO settings (key, value) VALUES ('theme', 'dark'); | -",
        "AUTO | UPSERT INTO accounts (id, balance) SELECT id, 0 FROM accounts WHERE closed; | -",
        "SQLITE | INSERT OR REPLACE INTO settings (key, value) VALUES ('theme', 'dark'); | -",
        "SQLITE | INSERT OR REPLACE INTO users (id, email) SELECT id, email FROM staging_users; | -",
        "SQLITE | INSERT INTO users (id, email) SELECT id, lower(email) FROM users WHERE id > 100\\n"
                + "  ON CONFLICT(id) DO UPDATE SET email = excluded.email; | -",
        "SQLITE | INSERT INTO users (id, email) SELECT id, lower(email) FROM users WHERE true\\n"
                + "  ON CONFLICT(id) DO UPDATE SET email = excluded.email WHERE excluded.email <> users.email; | -",
        "SQLITE | INSERT INTO users (id, email) SELECT id, email FROM users WHERE true ON CONFLICT DO NOTHING; | -",
        "SQLITE | INSERT OR IGNORE INTO users (id, email) SELECT id, email FROM users; | -",
        "SQLITE | INSERT OR REPLACE INTO users (id, email) SELECT u.id, s.email FROM users u JOIN staging s"
                + " ON s.id = u.id; | -",
        "H2 | MERGE INTO customer KEY (id) VALUES (1, 'Admin'); | -",
        "SQLITE | CREATE TABLE tmp_users (id INTEGER PRIMARY KEY, email TEXT);\\n"
                + "INSERT OR REPLACE INTO tmp_users (id) SELECT id FROM tmp_users; | -",
    })
    void findings(Dialect dialect, String sql, String expected) {
        List<Finding> findings = OneScript.findings(dialect, sql.replace("\\n", "\n"));
        // Every REPLACE also gets the replace-into warning (MariaDbRowRemovalTest), except one that rewrites every
        // row: that is this test's update-without-where alone.
        List<String> found = findings.stream()
                .filter(f -> !f.ruleId().equals("replace-into") || everyRow(expected))
                .map(f -> f.location().line() + ":" + f.location().column() + " "
                + f.ruleId() + " " + f.severity() + " " + f.message()).toList();
        assertEquals(expected.equals("-") ? List.of() : List.of(expectation(expected)), found);
    }

    private static boolean everyRow(String expected) {
        return !expected.equals("-");
    }

    /** {@code 2:1 R users}: the position, the form (R for REPLACE, U for an update) and the table. */
    private static String expectation(String shorthand) {
        String[] parts = shorthand.split(" ", 3);
        return parts[0] + " " + String.format(parts[1].equals("R") ? REPLACES : UPDATES, parts[2]);
    }
}
