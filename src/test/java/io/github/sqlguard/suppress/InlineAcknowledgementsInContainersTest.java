package io.github.sqlguard.suppress;

import static io.github.sqlguard.suppress.InlineAcknowledgementsTest.PATH;
import static io.github.sqlguard.suppress.InlineAcknowledgementsTest.apply;
import static io.github.sqlguard.suppress.InlineAcknowledgementsTest.findingAt;
import static io.github.sqlguard.suppress.InlineAcknowledgementsTest.ofRule;
import static io.github.sqlguard.suppress.InlineAcknowledgementsTest.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.Dialect;
import io.github.sqlguard.Finding;
import io.github.sqlguard.Location;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.Script;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.StatementSplitter;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Comments before, inside and after container statements (DO blocks) whose inner statements follow them. */
class InlineAcknowledgementsInContainersTest {

    /** A DO block whose body is split again, as the full splitter does: container first, inner statements next. */
    static Script doBlock(String sql) {
        StatementSplitter splitter = new StatementSplitter(Dialect.POSTGRESQL, Placeholders.DEFAULT);
        Script top = splitter.split(PATH, sql);
        List<Statement> statements = new ArrayList<>();
        List<Token> comments = new ArrayList<>(top.comments());
        for (Statement statement : top.statements()) {
            if (!statement.firstToken().isWord("DO")) {
                statements.add(statement);
                continue;
            }
            statements.add(new Statement(statement.sql(), statement.start(), statement.tokens(), statement.context(),
                    statement.dialect(), true));
            Token body = statement.tokens().stream().filter(t -> t.type() == TokenType.STRING).findFirst()
                    .orElseThrow();
            Script inner = splitter.split(PATH, sql, body.offset() + 2, body.endOffset() - 2, body.line(),
                    body.column() + 2, new StatementContext(StatementContext.Kind.EXECUTED_BLOCK, "DO block"));
            statements.addAll(inner.statements());
            comments.addAll(inner.comments());
        }
        return new Script(statements, comments, top.lexError());
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
