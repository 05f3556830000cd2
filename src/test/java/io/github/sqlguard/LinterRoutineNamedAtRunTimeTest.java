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
 * Dynamic SQL that calls a routine whose name is built at run time runs whatever that routine does: a name checked
 * or quoted as one name (Oracle's DBMS_ASSERT, PostgreSQL's %I, T-SQL's QUOTENAME) keeps a table's statement known,
 * but as the routine of a call it is everything the statement does, so it is reported as SQL built at run time.
 */
class LinterRoutineNamedAtRunTimeTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', textBlock = """
            ORACLE     | BEGIN\\n  EXECUTE IMMEDIATE 'begin ' || dbms_assert.sql_object_name(l_parser) || '; end;';\\nEND;\\n/ | runtime-sql WARNING 2:3
            ORACLE     | BEGIN\\n  EXECUTE IMMEDIATE 'begin app.g_result := ' || dbms_assert.sql_object_name(l_parser) || ' (:b1); end;' USING l_text;\\nEND;\\n/ | runtime-sql WARNING 2:3
            ORACLE     | BEGIN\\n  EXECUTE IMMEDIATE 'BEGIN ' || SYS.DBMS_ASSERT.SIMPLE_SQL_NAME(p_pkg) || '.' || SYS.DBMS_ASSERT.SIMPLE_SQL_NAME(p_proc) || '(:1); END;' USING p_id;\\nEND;\\n/ | runtime-sql WARNING 2:3
            ORACLE     | BEGIN\\n  EXECUTE IMMEDIATE 'begin maint.' || dbms_assert.enquote_name(p_step) || '; end;';\\nEND;\\n/ | runtime-sql WARNING 2:3
            ORACLE     | BEGIN\\n  EXECUTE IMMEDIATE 'CALL ' || dbms_assert.qualified_sql_name(p_proc) || '()';\\nEND;\\n/ | runtime-sql WARNING 2:3
            POSTGRESQL | DO $$ BEGIN EXECUTE format('CALL %I()', v_proc); END $$; | runtime-sql WARNING 1:13
            SQLSERVER  | EXEC (N'EXEC ' + QUOTENAME(@proc));                                                       | runtime-sql WARNING 1:1
            MYSQL      | SET @s = CONCAT('CALL `', p_proc, '`()');\\nPREPARE st FROM @s;                          | runtime-sql WARNING 2:1
            ORACLE     | BEGIN\\n  EXECUTE IMMEDIATE 'begin app.log(' || dbms_assert.enquote_literal(l_text) || '); end;';\\nEND;\\n/ | -
            ORACLE     | BEGIN\\n  EXECUTE IMMEDIATE 'begin app.g_result := ' || dbms_assert.enquote_literal(l_text) || '; end;';\\nEND;\\n/ | -
            ORACLE     | BEGIN\\n  EXECUTE IMMEDIATE 'ALTER SESSION SET CURRENT_SCHEMA = ' || dbms_assert.schema_name(p_schema);\\nEND;\\n/ | -
            POSTGRESQL | DO $$ BEGIN EXECUTE format('ANALYZE %I', t); END $$;                                  | -
            SQLSERVER  | EXEC ('ALTER INDEX ALL ON ' + QUOTENAME(@s) + '.' + QUOTENAME(@t) + ' REBUILD');     | -
            """)
    void aCallOfARoutineNamedAtRunTimeIsReported(Dialect dialect, String sql, String expected) throws IOException {
        List<String> runtime = findings(dialect, sql).stream().filter(f -> f.startsWith("runtime-sql")).toList();
        assertEquals(expected.equals("-") ? List.of() : List.of(expected), runtime);
    }

    private List<String> findings(Dialect dialect, String sql) throws IOException {
        Path file = project.resolve("db/V2__change.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql.replace("\\n", "\n") + "\n", StandardCharsets.UTF_8);
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        return result.findings().stream().map(f -> f.ruleId() + " " + f.severity() + " " + f.location().line() + ":"
                + f.location().column()).toList();
    }
}
