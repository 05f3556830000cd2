package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A DELETE whose WHERE picks some rows of a parent table also deletes, through the ON DELETE CASCADE keys the replay
 * knows, every child row of those: the statement shows none of them, so the finding names the tables and keys.
 */
class LinterFilteredDeleteCascadeTest {

    private static final String TYPES = """
            CREATE TABLE integration_type (id SERIAL PRIMARY KEY, name TEXT);
            CREATE TABLE integration (id SERIAL PRIMARY KEY,
              type INT REFERENCES integration_type(id) ON DELETE CASCADE, params JSONB);
            CREATE TABLE integration_log (id SERIAL PRIMARY KEY, integration_id INT,
              CONSTRAINT fk_log_integration FOREIGN KEY (integration_id) REFERENCES integration (id) ON DELETE CASCADE);
            CREATE TABLE note (id SERIAL PRIMARY KEY, type INT REFERENCES integration_type(id));
            """;

    @TempDir
    Path project;

    @Test
    void aFilteredDeleteNamesTheChildTablesAndTheKeysThatCascade() throws IOException {
        List<Finding> findings = findings(Dialect.POSTGRESQL, TYPES, """
                INSERT INTO backup SELECT * FROM integration i JOIN integration_type t ON i.type = t.id
                  WHERE t.name IN ('ldap', 'saml');
                DELETE FROM integration_type WHERE name IN ('ad', 'ldap', 'saml');
                """);

        assertEquals("delete-cascades WARNING 3:1", summary(findings));
        assertEquals("DELETE from integration_type also deletes, through ON DELETE CASCADE, every row of integration"
                + " and integration_log that refers to a deleted row (integration.type references integration_type;"
                + " key fk_log_integration: integration_log.integration_id references integration), though the"
                + " statement names none of them", findings.get(0).message());
    }

    /**
     * Each row: the script; the findings about it (line:column of the parent's DELETE). A DELETE of the child's
     * orphans, the rows that refer to no row of the parent, handles none of the rows the cascade takes.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            DELETE FROM note WHERE type = 3;                                                 | ''
            DELETE FROM integration_log WHERE id < 10;                                       | ''
            DELETE FROM integration_type;                                                    | delete-without-where ERROR 1:1
            CREATE TABLE t2 (id INT, type_id INT REFERENCES integration_type (id) ON DELETE CASCADE); DELETE FROM integration WHERE id = 1; | delete-cascades WARNING 1:91
            DELETE FROM integration WHERE type = 1; DELETE FROM integration_type WHERE id = 1;   | delete-cascades WARNING 1:1, delete-cascades INFO 1:41
            TRUNCATE integration; DELETE FROM integration_type WHERE id = 1;                 | truncate-table ERROR 1:1, delete-cascades INFO 1:23
            UPDATE integration SET type = 2 WHERE type = 1; DELETE FROM integration_type WHERE id = 1; | delete-cascades INFO 1:49
            UPDATE integration SET params = NULL WHERE type = 1; DELETE FROM integration_type WHERE id = 1; | delete-cascades WARNING 1:54
            DELETE FROM integration WHERE type NOT IN (SELECT id FROM integration_type); DELETE FROM integration_type WHERE id = 1; | delete-cascades WARNING 1:1, delete-cascades WARNING 1:78
            DELETE FROM integration i WHERE NOT EXISTS (SELECT 1 FROM integration_type t WHERE t.id = i.type); DELETE FROM integration_type WHERE id = 1; | delete-cascades WARNING 1:1, delete-cascades WARNING 1:100
            DELETE FROM integration WHERE params NOT IN (SELECT id FROM integration_type); DELETE FROM integration_type WHERE id = 1; | delete-cascades WARNING 1:1, delete-cascades INFO 1:80
            DELETE FROM integration WHERE type NOT IN (SELECT id FROM integration_type WHERE id > 5); DELETE FROM integration_type WHERE id = 1; | delete-cascades WARNING 1:1, delete-cascades INFO 1:91
            DELETE FROM integration WHERE type IN (SELECT id FROM integration_type); DELETE FROM integration_type WHERE id = 1; | delete-cascades WARNING 1:1, unfiltered-subquery WARNING 1:1, delete-cascades INFO 1:74
            """)
    void childRowsTheScriptHandledOrCreatedLowerOrEndTheFinding(String script, String expected) throws IOException {
        assertEquals(expected, summary(findings(Dialect.POSTGRESQL, TYPES, script + "\n")));
    }

    @Test
    void aCentralTableNamesTheFirstChildTablesAndKeysAndCountsTheRest() throws IOException {
        StringBuilder tables = new StringBuilder("CREATE TABLE person (id INT PRIMARY KEY, name TEXT);\n");
        for (int i = 1; i <= 10; i++) {
            tables.append("CREATE TABLE t").append(i).append(" (id INT, person_id INT REFERENCES person (id)"
                    + " ON DELETE CASCADE);\n");
        }
        List<Finding> findings = findings(Dialect.POSTGRESQL, tables.toString(),
                "DELETE FROM person WHERE name IS NULL;\n");

        assertEquals("DELETE from person also deletes, through ON DELETE CASCADE, every row of t1, t2, t3, t4, t5, t6,"
                + " t7, t8 and 2 other tables that refers to a deleted row (t1.person_id references person;"
                + " t2.person_id references person; t3.person_id references person; t4.person_id references person;"
                + " and 6 more), though the statement names none of them", findings.get(0).message());
    }

    @Test
    void childTablesTheScriptCreatedHoldNothingToLose() throws IOException {
        List<Finding> findings = findings(Dialect.POSTGRESQL, "CREATE TABLE parent (id INT PRIMARY KEY);\n", """
                CREATE TABLE child (id INT, parent_id INT REFERENCES parent (id) ON DELETE CASCADE);
                INSERT INTO child SELECT 1, id FROM parent;
                DELETE FROM parent WHERE id = 1;
                """);

        assertEquals("", summary(findings));
    }

    /** Each row: a dialect, its parent and child tables, the DELETE's finding. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            MYSQL      | CREATE TABLE p (id INT PRIMARY KEY) ENGINE=InnoDB; CREATE TABLE c (id INT, p_id INT, CONSTRAINT fk_c_p FOREIGN KEY (p_id) REFERENCES p (id) ON DELETE CASCADE) ENGINE=InnoDB;
            SQLSERVER  | CREATE TABLE p (id INT PRIMARY KEY); CREATE TABLE c (id INT, p_id INT CONSTRAINT fk_c_p REFERENCES p (id) ON DELETE CASCADE);
            ORACLE     | CREATE TABLE p (id NUMBER PRIMARY KEY); CREATE TABLE c (id NUMBER, p_id NUMBER, CONSTRAINT fk_c_p FOREIGN KEY (p_id) REFERENCES p (id) ON DELETE CASCADE);
            SQLITE     | CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE c (id INTEGER, p_id INTEGER, CONSTRAINT fk_c_p FOREIGN KEY (p_id) REFERENCES p (id) ON DELETE CASCADE);
            POSTGRESQL | CREATE TABLE p (id INT PRIMARY KEY); CREATE TABLE c (id INT, p_id INT); ALTER TABLE c ADD CONSTRAINT fk_c_p FOREIGN KEY (p_id) REFERENCES p (id) ON DELETE CASCADE;
            """)
    void everyDialectWithOnDeleteCascadeIsJudged(Dialect dialect, String tables) throws IOException {
        List<Finding> findings = findings(dialect, tables.replace("; ", ";\n") + "\n",
                "DELETE FROM p WHERE id = 7;\n");

        assertEquals("delete-cascades WARNING 1:1", summary(findings));
        assertEquals("DELETE from p also deletes, through ON DELETE CASCADE, every row of c that refers to a deleted"
                + " row (key fk_c_p: c.p_id references p), though the statement names none of them",
                findings.get(0).message());
    }

    @Test
    void sqliteWithForeignKeysOffFiresNoKey() throws IOException {
        List<Finding> findings = findings(Dialect.SQLITE, """
                CREATE TABLE p (id INTEGER PRIMARY KEY);
                CREATE TABLE c (id INTEGER, p_id INTEGER REFERENCES p (id) ON DELETE CASCADE);
                """, "PRAGMA foreign_keys = OFF;\nDELETE FROM p WHERE id = 7;\n");

        assertEquals("delete-cascades INFO 2:1", summary(findings));
    }

    private List<Finding> findings(Dialect dialect, String tables, String script) throws IOException {
        TestProject.write(project, "db/V1__tables.sql", tables);
        TestProject.write(project, "db/V2__change.sql", script);
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1), null);
        return result.findings().stream().filter(f -> f.location().path().endsWith("V2__change.sql")).toList();
    }

    private static String summary(List<Finding> findings) {
        return String.join(", ", findings.stream().map(f -> f.ruleId() + " " + f.severity() + " "
                + f.location().line() + ":" + f.location().column()).toList());
    }
}
