package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
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
 * Statements a migration writes inside other statements are checked where they stand: the statement of a
 * PostgreSQL PREPARE, routine and DO bodies in single quotes, dynamic SQL in a dollar-quoted literal, and the
 * row changes of a MERGE.
 */
class LinterNestedSqlFormsTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | PREPARE p AS DELETE FROM u;\\nEXECUTE p;                                 | delete-without-where ERROR 1:14
            POSTGRESQL | PREPARE p (int) AS UPDATE u SET a = $1;                                 | update-without-where ERROR 1:20
            POSTGRESQL | CREATE FUNCTION wipe() RETURNS void LANGUAGE sql AS 'TRUNCATE u';         | truncate-table INFO 1:54
            POSTGRESQL | CREATE FUNCTION wipe() RETURNS void AS 'TRUNCATE u' LANGUAGE sql;\\nSELECT wipe(); | truncate-table ERROR 1:41
            POSTGRESQL | DO 'BEGIN DELETE FROM t; END';                                            | delete-without-where ERROR 1:11
            POSTGRESQL | DO 'BEGIN\\n  UPDATE t SET note = ''--'' WHERE id = 1;\\nEND';             | -
            POSTGRESQL | DO $$ BEGIN EXECUTE $q$DELETE FROM t$q$; END $$;                          | delete-without-where ERROR 1:24
            POSTGRESQL | DO $$ BEGIN EXECUTE $q$DELETE FROM t WHERE id = 1$q$; END $$;             | -
            POSTGRESQL | PREPARE q AS DELETE FROM u WHERE id = $1;                                 | -
            POSTGRESQL | MERGE INTO u USING t ON true WHEN MATCHED THEN DELETE;                    | always-true-where ERROR 1:48
            SQLSERVER  | MERGE t USING s ON t.id = s.id WHEN NOT MATCHED BY SOURCE THEN DELETE;   | merge-not-matched-by-source ERROR 1:64
            SQLSERVER  | MERGE t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET t.a = s.a;   | -
            """)
    void nestedStatementIsReportedWhereItStands(Dialect dialect, String sql, String expected) throws IOException {
        Path file = project.resolve("db/V1__change.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql.replace("\\n", "\n") + "\n", StandardCharsets.UTF_8);
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        List<String> findings = result.findings().stream().map(f -> f.ruleId() + " " + f.severity() + " "
                + f.location().line() + ":" + f.location().column()).toList();
        assertEquals(expected.equals("-") ? List.of() : List.of(expected), findings);
    }
}
