package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Dynamic SQL joined from literals some of which stand in parentheses ({@code 'SELECT * FROM t ' || ('WHERE id = 1')},
 * as a CASE in parentheses leaves the arm a call decides) is known whole: the parentheses group nothing a join of
 * texts depends on.
 */
class LinterGroupedTextLiteralsTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', textBlock = """
            POSTGRESQL | DO $$ BEGIN EXECUTE 'DELETE FROM t' || (' WHERE id = 1'); END $$;                 | ""
            POSTGRESQL | DO $$ BEGIN EXECUTE ('DELETE FROM t ' || ('WHERE ' || 'id = 1')); END $$;         | ""
            POSTGRESQL | DO $$ BEGIN EXECUTE 'DELETE FROM t' || (''); END $$;                              | 1:22 delete-without-where ERROR
            POSTGRESQL | DO $$ BEGIN EXECUTE 'DELETE FROM t' || ((' ')) || 'WHERE 1 = 1'; END $$;          | 1:22 always-true-where ERROR
            SQLSERVER  | EXEC ('DELETE FROM t' + (' WHERE id = 1'));                                       | ""
            SQLSERVER  | EXEC ('DELETE FROM t' + (' '));                                                   | 1:8 delete-without-where ERROR
            """)
    void literalsInParenthesesJoinTheTextAsTheyAre(Dialect dialect, String sql, String expected) throws IOException {
        TestProject.write(project, "db/V1__init.sql", "SELECT 1;\n");
        TestProject.write(project, "db/V2__change.sql", sql + "\n");

        assertEquals(expected(expected), TestProject.findingsIn(TestProject.lint(project, dialect), "V2__change.sql"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', textBlock = """
            SELECT wipe('x') | ""
            SELECT wipe('')  | 6:1 delete-without-where ERROR
            """)
    void aCaseInParenthesesThatACallDecidesLeavesItsArmAsText(String call, String expected) throws IOException {
        TestProject.write(project, "db/V1__init.sql", "SELECT 1;\n");
        TestProject.write(project, "db/V2__change.sql", """
                CREATE FUNCTION wipe(p text) RETURNS void AS $$
                BEGIN
                  EXECUTE 'DELETE FROM t ' || (CASE WHEN p = '' THEN '' ELSE 'WHERE t.k = $1' END) USING p;
                END;
                $$ LANGUAGE plpgsql;
                """ + call + ";\n");
        List<String> found = TestProject.findingsIn(TestProject.lint(project, Dialect.POSTGRESQL), "V2__change.sql")
                .stream().filter(finding -> !finding.endsWith(" INFO")).toList();

        assertEquals(expected(expected), found);
    }

    private static List<String> expected(String finding) {
        return finding == null || finding.isEmpty() ? List.of() : List.of("db/V2__change.sql:" + finding);
    }
}
