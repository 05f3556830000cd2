package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * H2 runs Java inside the database for an alias or a trigger; beyond the SQL an alias's source passes as literals
 * to JDBC (read as its body, {@link H2JavaAliasSqlTest}) sqlguard reads no Java, so each is an
 * {@code unchecked-change} at the code (source or class name), and a trigger's Java source is not read as SQL.
 */
class H2JavaRoutinesTest {

    private static final String NOT_CHECKED = "; sqlguard does not read Java, so a DELETE, UPDATE or DROP it sends"
            + " through its connection was not checked";

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "H2 | CREATE ALIAS PURGE_CUSTOMERS AS $$\\nvoid purge(java.sql.Connection conn) throws Exception {\\n"
                + "    conn.createStatement().executeUpdate(\"DELETE FROM customer\");\\n}\\n$$;\\n"
                + "CALL PURGE_CUSTOMERS(); | 3:43 delete-without-where ERROR DELETE without WHERE removes every row of"
                + " customer (inside alias PURGE_CUSTOMERS body, which this script calls at line 6)",
        "H2 | -- Spring Boot test schema\\nCREATE ALIAS IF NOT EXISTS app.NEXT_PRIME AS '\\nString nextPrime(String v) {"
                + "\\n  return v; // don''t care\\n}'; | 2:46 unchecked-change WARNING CREATE ALIAS app.NEXT_PRIME runs"
                + " Java source that H2 compiles, whenever it is called",
        "H2 | CREATE FORCE ALIAS ARCHIVE_ORDERS FOR \"com.acme.db.Archive.orders\"; | 1:39 unchecked-change WARNING"
                + " CREATE ALIAS ARCHIVE_ORDERS runs the Java code of com.acme.db.Archive.orders, whenever it is called",
        "AUTO | CREATE ALIAS ARCHIVE_ORDERS FOR 'com.acme.db.Archive.orders'; | 1:33 unchecked-change WARNING"
                + " CREATE ALIAS ARCHIVE_ORDERS runs the Java code of com.acme.db.Archive.orders, whenever it is called",
        "H2 | CREATE TRIGGER trg_orders BEFORE INSERT ON orders FOR EACH ROW CALL \"com.acme.db.OrdersTrigger\"; |"
                + " 1:69 unchecked-change WARNING CREATE TRIGGER trg_orders runs the Java code of"
                + " com.acme.db.OrdersTrigger, each time it fires",
        // The body is Java: its // comment with a quote must not open an SQL string, its text is not SQL.
        "H2 | CREATE TRIGGER trg_inline AFTER DELETE ON orders FOR EACH ROW AS $$\\n"
                + "org.h2.api.Trigger create() {\\n  // don't DELETE FROM orders; here\\n  return null;\\n}\\n$$; |"
                + " 1:66 unchecked-change WARNING CREATE TRIGGER trg_inline runs Java source that H2 compiles, each"
                + " time it fires",
        // A changeset for H2 in a project configured for another database: the form is H2's alone.
        "SQLITE | CREATE ALIAS WIPE AS 'void wipe(java.sql.Connection c) {}'; | 1:22 unchecked-change WARNING"
                + " CREATE ALIAS WIPE runs Java source that H2 compiles, whenever it is called",
        "SQLITE | CREATE ALIAS WIPE AS $$ void wipe(java.sql.Connection c) throws Exception {\\n"
                + "  c.createStatement().execute(\"DELETE FROM device\"); } $$; | 1:22 unchecked-change WARNING"
                + " CREATE ALIAS WIPE runs Java source that H2 compiles, whenever it is called",
        // A JDK method gets no connection: nothing to check.
        "H2 | CREATE ALIAS IF NOT EXISTS MY_SQRT FOR \"java.lang.Math.sqrt\"; | -",
        "POSTGRESQL | CREATE TRIGGER t AFTER DELETE ON orders FOR EACH ROW EXECUTE FUNCTION audit_delete(); | -",
        "H2 | CREATE TABLE \"ALIAS\" (id INT); | -",
    })
    void findings(Dialect dialect, String sql, String expected) {
        List<Finding> findings = OneScript.findings(dialect, sql.replace("\\n", "\n"));
        List<String> found = findings.stream().map(f -> f.location().line() + ":" + f.location().column() + " "
                + f.ruleId() + " " + f.severity() + " " + f.message()).toList();
        assertEquals(expected.equals("-") ? List.of()
                : List.of(expected.contains(" unchecked-change ") ? expected + NOT_CHECKED : expected), found);
    }
}
