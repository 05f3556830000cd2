package io.github.sqlguard.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Placeholder values are split as the text they stand for, with positions in the file as written. */
class PlaceholderExpansionTest {

    private final StatementSplitter splitter = new StatementSplitter(Dialect.AUTO, new Placeholders("${", "}",
            Map.of("purge", "DELETE FROM a;\nDELETE FROM b", "schema", "app")));

    @Test
    void aValueOfSeveralStatementsStandsAtItsReferenceAndTheRestKeepsItsPositions() {
        Script script = splitter.split("V1.sql", "\uFEFFSELECT 1; ${purge};\r\n  UPDATE ${schema}.t SET x = 1; -- ok\r\n"
                + "DROP TABLE ${unknown}.t");

        assertEquals(List.of("1:11 DELETE FROM a", "1:11 DELETE FROM b", "2:3 UPDATE app.t SET x = 1",
                "3:1 DROP TABLE ph_unknown.t"), script.statements().stream().skip(1)
                .map(s -> s.start().line() + ":" + s.start().column() + " " + s.sql()).toList());
        assertEquals(List.of("2:3", "2:10", "2:19", "2:20", "2:22", "2:26", "2:28", "2:30"),
                script.statements().get(3).tokens().stream().map(t -> t.line() + ":" + t.column()).toList());
        assertEquals("2:33", script.comments().get(0).line() + ":" + script.comments().get(0).column());
        assertEquals("${purge}", script.statements().get(1).asWritten());
        assertEquals("UPDATE ${schema} . t SET x = 1", script.statements().get(3).asWritten());
    }
}
