package io.github.sqlguard.suppress;

import static io.github.sqlguard.suppress.InlineAcknowledgementsTest.PATH;
import static io.github.sqlguard.suppress.InlineAcknowledgementsTest.apply;
import static io.github.sqlguard.suppress.InlineAcknowledgementsTest.findingAt;
import static io.github.sqlguard.suppress.InlineAcknowledgementsTest.ofRule;
import static io.github.sqlguard.suppress.InlineAcknowledgementsTest.only;
import static io.github.sqlguard.suppress.InlineAcknowledgementsTest.split;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.sql.Script;
import io.github.sqlguard.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Comments before, inside and after container statements (DO blocks) whose inner statements follow them. */
class InlineAcknowledgementsInContainersTest {

    /** The splitter's statements: a DO block as a container first, its inner statements right after it. */
    static Script doBlock(String sql) {
        Script script = split(Dialect.POSTGRESQL, sql);
        Statement block = script.statements().stream().filter(Statement::container).findFirst().orElseThrow();
        assertTrue(block.firstToken().isWord("DO"), block::sql);
        return script;
    }

    static final String DO_BLOCK = """
            %s
            DO $$
              DELETE FROM a;
              %s
              UPDATE b SET x = 1;
            $$;
            DELETE FROM c;
            """;

    @Test
    void commentBeforeAContainerCoversEveryInnerStatement() {
        Script script = doBlock(DO_BLOCK.formatted(
                "-- sqlguard:allow delete-without-where, update-without-where reason: one-off cleanup", ""));
        assertEquals(4, script.statements().size());
        Statement delete = script.statements().get(1);
        Statement update = script.statements().get(2);
        assertEquals(new Location(PATH, 3, 3), delete.start());
        List<Finding> result = apply(script, List.of(findingAt(delete, "delete-without-where"),
                findingAt(update, "update-without-where"),
                findingAt(script.statements().get(3), "delete-without-where")));
        assertTrue(only(result, "update-without-where").isAcknowledged());
        List<Finding> deletes = ofRule(result, "delete-without-where");
        assertTrue(deletes.get(0).isAcknowledged());
        assertFalse(deletes.get(1).isAcknowledged(), "the statement after the block is not covered");
        assertEquals(3, result.size(), result::toString);
    }

    @Test
    void commentInsideAContainerCoversOnlyTheNextInnerStatement() {
        Script script = doBlock(DO_BLOCK.formatted("", "-- sqlguard:allow update-without-where reason: reset"));
        Statement delete = script.statements().get(1);
        Statement update = script.statements().get(2);
        List<Finding> result = apply(script, List.of(findingAt(delete, "delete-without-where"),
                findingAt(update, "update-without-where")));
        assertFalse(only(result, "delete-without-where").isAcknowledged());
        Finding updateFinding = only(result, "update-without-where");
        assertEquals("V1__x.sql:4", updateFinding.acknowledgement().where());
    }

    @Test
    void trailingCommentOnAContainersLineCoversTheContainerAndItsInnerStatements() {
        Script script = doBlock("DO $$ DELETE FROM a; $$; -- sqlguard:allow delete-without-where reason: r\n");
        assertEquals(2, script.statements().size());
        List<Finding> result = apply(script, List.of(findingAt(script.statements().get(1), "delete-without-where")));
        assertTrue(only(result, "delete-without-where").isAcknowledged());
        assertNull(result.stream().filter(f -> f.ruleId().equals("unused-suppression")).findAny().orElse(null));
    }
}
