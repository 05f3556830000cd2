package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SQL an H2 alias's Java source passes as literals to JDBC runs whenever the alias is called: each statement is
 * judged as one of a routine body, at INFO while nothing calls it and as severe as at the call once a script does,
 * located inside its literal with Java's escapes decoded. What the code may send beside it keeps the alias's
 * {@code unchecked-change}.
 */
class H2JavaAliasSqlTest {

    @TempDir
    Path project;

    private static final String HEAD = "CREATE ALIAS fix AS $$\\nvoid fix(java.sql.Connection conn) throws"
            + " java.sql.SQLException {\\n";
    private static final String TAIL = "}\\n$$;\\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // Called: as severe as the call makes it; the Java's warning gone, since all it sends was read.
        "called by CALL | " + HEAD + "  java.sql.Statement st = conn.createStatement();\\n"
                + "  st.execute(\"ALTER TABLE monitor DROP COLUMN host\");\\n"
                + "  st.executeUpdate(\"UPDATE history SET instance = NULL\");\\n" + TAIL + "CALL fix();"
                + " | 4:35 drop-column ERROR, 5:21 update-without-where ERROR",
        "called by SELECT | " + HEAD + "  conn.createStatement().execute(\"DELETE FROM device\");\\n" + TAIL
                + "SELECT fix(); | 3:35 delete-without-where ERROR",
        "never called | " + HEAD + "  conn.createStatement().execute(\"DELETE FROM device\");\\n" + TAIL
                + " | 3:35 delete-without-where INFO",
        // Escapes decoded: the position counts the characters as written in the file.
        "escapes | " + HEAD + "  conn.createStatement().executeUpdate(\"\\tUPDATE \\\"order\\\"\\u0020SET"
                + " a = 1\");\\n" + TAIL + "CALL fix(); | 3:43 update-without-where ERROR",
        "literals joined | " + HEAD + "  conn.createStatement().executeLargeUpdate(\"DELETE \" +\\n"
                + "      \"FROM device\");\\n" + TAIL + "CALL fix(); | 3:46 delete-without-where ERROR",
        "restricted | " + HEAD + "  conn.prepareStatement(\"DELETE FROM device WHERE id = ?\").executeUpdate();\\n"
                + TAIL + "CALL fix(); | -",
        "batch | " + HEAD + "  java.sql.Statement st = conn.createStatement();\\n"
                + "  st.addBatch(\"TRUNCATE TABLE device\");\\n  st.executeBatch();\\n" + TAIL
                + "CALL fix(); | 4:16 truncate-table ERROR",
        "a comment is no call | " + HEAD + "  // conn.createStatement().execute(\"DROP TABLE device\");\\n"
                + "  conn.createStatement().execute(\"UPDATE device SET a = 1 WHERE id = 2\");\\n" + TAIL
                + "CALL fix(); | -",
        // What the code may send beside the literals keeps the warning at the source.
        "SQL in a variable | " + HEAD + "  String sql = \"DELETE FROM device\";\\n"
                + "  conn.createStatement().execute(sql);\\n" + TAIL + "CALL fix(); | 1:21 unchecked-change WARNING",
        "connection handed away | " + HEAD + "  conn.createStatement().execute(\"DELETE FROM device WHERE id = 1\");\\n"
                + "  com.acme.Cleanup.run(conn);\\n" + TAIL + "CALL fix(); | 1:21 unchecked-change WARNING",
        "literal and variable | " + HEAD + "  String table = \"device\";\\n"
                + "  conn.createStatement().execute(\"DELETE FROM \" + table);\\n" + TAIL
                + "CALL fix(); | 1:21 unchecked-change WARNING, 4:35 delete-without-where ERROR",
        "loop over SQL read at run time | " + HEAD + "  java.sql.Statement st = conn.createStatement();\\n"
                + "  java.sql.ResultSet rs = st.executeQuery(\"SELECT ddl FROM pending_steps\");\\n"
                + "  while (rs.next()) { st.execute(rs.getString(1)); }\\n" + TAIL
                + "CALL fix(); | 1:21 unchecked-change WARNING",
        // Text handed to an alias whose Java may run it is read as what runs, as before any of its SQL was read.
        "text handed to the alias | CREATE ALIAS run_sql AS $$\\nvoid run(java.sql.Connection c, String sql) throws"
                + " Exception {\\n  c.createStatement().execute(\"SET MODE MySQL\");\\n"
                + "  c.createStatement().execute(sql);"
                + "\\n}\\n$$;\\nCALL run_sql('DELETE FROM device'); | 1:25 unchecked-change WARNING, 7:15"
                + " delete-without-where ERROR",
        // A quoted source: H2 compiles it with each '' read as one quote.
        "quoted source | CREATE ALIAS fix AS 'void fix(java.sql.Connection c) throws Exception {\\n"
                + "  c.createStatement().execute(\"UPDATE device SET kind = ''x''\");\\n}';\\nCALL fix();"
                + " | 2:32 update-without-where ERROR",
    })
    void findings(String name, String sql, String expected) {
        List<String> found = OneScript.findings(Dialect.H2, sql.replace("\\n", "\n")).stream()
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.ruleId() + " " + f.severity())
                .toList();
        assertEquals(expected.equals("-") ? List.of() : List.of(expected.split(", ")), found);
    }

    /**
     * The Java's if and else arms are arms of one IF as in a PL/pgSQL body, with or without braces: a column the if
     * arm adds guards nothing the else arm or the code after the if does to a column the table had, while one added
     * in straight line before still does.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "else arm of the adding if | if (renamed) {\\n st.execute(\"ALTER TABLE history ALTER COLUMN instance RENAME TO"
                + " labels\");\\n st.execute(\"ALTER TABLE history ADD COLUMN instance VARCHAR(20)\");\\n} else {\\n"
                + " st.execute(\"UPDATE history SET instance = NULL\");\\n} | ERROR",
        "braceless else arm | if (renamed) {\\n st.execute(\"ALTER TABLE history ALTER COLUMN instance RENAME TO"
                + " labels\");\\n st.execute(\"ALTER TABLE history ADD COLUMN instance VARCHAR(20)\");\\n} else"
                + " st.execute(\"UPDATE history SET instance = NULL\"); | ERROR",
        "after an if that may not run | if (renamed) {\\n st.execute(\"ALTER TABLE history ALTER COLUMN instance"
                + " RENAME TO labels\");\\n st.execute(\"ALTER TABLE history ADD COLUMN instance VARCHAR(20)\");\\n}\\n"
                + "st.execute(\"UPDATE history SET instance = NULL\"); | ERROR",
        // A column the table lacked either is new after the branch or is not there: nothing to lose either way.
        "new column after an if | if (renamed) st.execute(\"ALTER TABLE history ADD COLUMN fresh INT\");\\n"
                + "st.execute(\"UPDATE history SET fresh = 0\"); | INFO",
        "straight line | st.execute(\"ALTER TABLE history ADD COLUMN fresh INT\");\\n"
                + "st.execute(\"UPDATE history SET fresh = 0\"); | INFO",
    })
    void branches(String name, String java, String severity) throws IOException {
        TestProject.write(project, "db/V1__init.sql", "CREATE TABLE history (id INT, instance VARCHAR(20));\n");
        TestProject.write(project, "db/V2__change.sql", ("CREATE ALIAS fix AS $$\nvoid fix(java.sql.Connection conn)"
                + " throws java.sql.SQLException {\n boolean renamed = true;\n java.sql.Statement st ="
                + " conn.createStatement();\n" + java + "\n}\n$$;\nCALL fix();\n").replace("\\n", "\n"));
        List<Finding> updates = ProjectLint.findings(project, Dialect.H2).stream()
                .filter(f -> f.ruleId().equals("update-without-where")).toList();

        assertEquals(1, updates.size(), updates.toString());
        assertEquals(severity, updates.get(0).severity().name(), updates.toString());
    }
}

