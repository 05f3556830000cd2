package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A PostgreSQL call that names its arguments ({@code tidy(tbl => 'orders')}, or {@code tbl := 'orders'}) passes
 * them as a call by position does: the SQL the body builds from them is read with them at the call.
 */
class LinterNamedCallArgumentsTest {

    private static final String HELPER = """
            CREATE OR REPLACE FUNCTION rebuild(tbl text, col text) RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
              EXECUTE format('ALTER TABLE %I DROP COLUMN %I', tbl, col);
            END;
            $$;
            """;

    @TempDir
    Path project;

    @ParameterizedTest
    @ValueSource(strings = {"=>", ":="})
    void namedArgumentsAreReadAtTheCall(String sign) throws IOException {
        TestProject.write(project, "db/V1__rebuild.sql", HELPER
                + "SELECT rebuild(col " + sign + " 'note', tbl " + sign + " 'orders');\n");

        assertEquals(List.of("db/V1__rebuild.sql:6:1 drop-column ERROR ALTER TABLE orders drops column note"
                + " (at db/V1__rebuild.sql:3:34, in rebuild, which this script created and this statement calls)"),
                describe(lint()).stream().filter(f -> !f.endsWith("INFO")).toList());
    }

    private static List<String> describe(LintResult result) {
        return result.findings().stream()
                .map(f -> f.location() + " " + f.ruleId() + " " + f.severity()
                        + (f.severity() == Severity.INFO ? "" : " " + f.message()))
                .toList();
    }

    private LintResult lint() {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        return new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                Dialect.POSTGRESQL, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 2), null);
    }
}
