package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.rules.RuleDocs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's rule table is generated from the rules; this test fails when somebody forgot to regenerate it. */
class ReadmeRuleTableTest {

    @Test
    void readmeRuleTableMatchesTheRules() throws IOException {
        Path readme = Path.of("README.md");
        String current = Files.readString(readme, StandardCharsets.UTF_8);
        assertEquals(RuleDocs.withTable(current, RuleCatalog.all()), current,
                "README.md's rule table is out of date; regenerate it with: mvn -B -q compile exec:java "
                        + "-Dexec.mainClass=io.github.sqlguard.RuleCatalog -Dexec.args=README.md");
    }
}
