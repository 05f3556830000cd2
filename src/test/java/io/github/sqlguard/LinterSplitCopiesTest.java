package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
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
 * A table split into several by copies that each keep only the rows their WHERE selects, then dropped: the drop is
 * still reported, and its message names every copy, not only the last, so that a reader can tell whether the
 * copies together keep every row.
 */
class LinterSplitCopiesTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            CREATE TABLE open_orders AS SELECT * FROM orders WHERE state = 'open';\\nCREATE TABLE closed_orders AS SELECT * FROM orders WHERE state = 'closed'; | DROP TABLE removes table orders and all its rows (the copy to open_orders at line 2 keeps only the rows its WHERE selects; the copy to closed_orders at line 3 keeps only the rows its WHERE selects)
            CREATE TABLE open_orders AS SELECT * FROM orders WHERE state = 'open';\\nCREATE TABLE some_orders AS SELECT * FROM orders WHERE state = 'open'; | DROP TABLE removes table orders and all its rows (the copy to open_orders at line 2 keeps only the rows its WHERE selects; the copy to some_orders at line 3 keeps only the rows its WHERE selects)
            CREATE TABLE open_orders AS SELECT * FROM orders WHERE state = 'open';\\nSELECT 1; | DROP TABLE removes table orders and all its rows (the copy to open_orders at line 2 keeps only the rows its WHERE selects)
            """)
    void everyCopyThatKeepsSomeRowsIsNamed(String copies, String message) throws IOException {
        Path init = project.resolve("db/V1__init.sql");
        Files.createDirectories(init.getParent());
        Files.writeString(init, "CREATE TABLE orders (id BIGINT PRIMARY KEY, state TEXT NOT NULL);\n",
                StandardCharsets.UTF_8);
        Files.writeString(project.resolve("db/V2__split.sql"), "-- split orders by state\n"
                + copies.replace("\\n", "\n") + "\nDROP TABLE orders;\n", StandardCharsets.UTF_8);

        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), Dialect.POSTGRESQL, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        List<String> drops = result.findings().stream().filter(f -> f.ruleId().equals("drop-table"))
                .map(Finding::message).toList();

        assertEquals(List.of(message), drops);
    }
}
