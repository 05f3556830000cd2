package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleDocsTest {

    private static final RuleInfo PIPE = new RuleInfo("demo-rule", Severity.WARNING, "A | B",
            "First line.\nSecond line.", "hint", List.of("x"), List.of("y"));

    @Test
    void tableHasOneRowPerRuleInOrder() {
        List<RuleInfo> rules = DataLossRules.all().stream().map(Rule::info).toList();
        String[] lines = RuleDocs.table(rules).split("\n");
        assertEquals(rules.size() + 2, lines.length);
        assertEquals("| rule | default severity | what it catches | why it matters |", lines[0]);
        assertTrue(lines[2].startsWith("| `truncate-table` | ERROR | TRUNCATE removes every row"), lines[2]);
        assertTrue(lines[lines.length - 1].startsWith("| `cascade` | WARNING |"), lines[lines.length - 1]);
    }

    @Test
    void cellsEscapePipesAndJoinLines() {
        assertEquals("| `demo-rule` | WARNING | A \\| B | First line. Second line. |",
                RuleDocs.table(List.of(PIPE)).split("\n")[2]);
    }

    @Test
    void replacesOnlyTheTextBetweenTheMarkers() {
        String readme = "# Title\n\n<!-- rules:start -->\nold table\n<!-- rules:end -->\n\nAfter.\n";
        String updated = RuleDocs.withTable(readme, List.of(PIPE));
        assertEquals("# Title\n\n<!-- rules:start -->\n" + RuleDocs.table(List.of(PIPE))
                + "<!-- rules:end -->\n\nAfter.\n", updated);
        assertEquals(updated, RuleDocs.withTable(updated, List.of(PIPE)), "regenerating changes nothing");
    }

    @Test
    void keepsWindowsLineEnds() {
        String readme = "a\r\n<!-- rules:start -->\r\n<!-- rules:end -->\r\n";
        String updated = RuleDocs.withTable(readme, List.of(PIPE));
        assertTrue(!updated.replace("\r\n", "").contains("\n"), updated);
    }

    @Test
    void missingMarkersAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RuleDocs.withTable("<!-- rules:end --> <!-- rules:start -->", List.of(PIPE)));
        assertTrue(e.getMessage().contains(RuleDocs.START), e.getMessage());
    }

    @Test
    void rewriteChangesTheFileInPlaceOnce(@TempDir Path dir) throws Exception {
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, "intro\n<!-- rules:start -->\n<!-- rules:end -->\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, RuleDocs.rewrite(new String[] {readme.toString()}, DataLossRules.all().stream().map(Rule::info).toList(),
                new PrintStream(out), System.err));
        String text = Files.readString(readme);
        assertTrue(text.contains("| `drop-table` | ERROR |"), text);
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Rewrote"));
        assertEquals(0, RuleDocs.rewrite(new String[] {readme.toString()}, DataLossRules.all().stream().map(Rule::info).toList(),
                new PrintStream(out), System.err));
        assertEquals(text, Files.readString(readme));
    }

    @Test
    void aMissingFileIsReportedWithoutAStackTrace(@TempDir Path dir) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RuleDocs.rewrite(new String[] {dir.resolve("nope.md").toString()}, List.of(PIPE), System.out,
                new PrintStream(err));
        assertEquals(1, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("Cannot update"), err.toString());
    }
}
