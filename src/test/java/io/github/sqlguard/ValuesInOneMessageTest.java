package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValuesInOneMessageTest {

    @Test
    void messagesThatDifferInAValueNameEveryValue() {
        assertEquals("DROP TABLE removes table a or b and all its rows", ValuesInOneMessage.of(List.of(
                "DROP TABLE removes table a and all its rows", "DROP TABLE removes table b and all its rows")));
        assertEquals("DELETE without WHERE removes every row of app.x, app.y or staging.<run-time value>",
                ValuesInOneMessage.of(List.of("DELETE without WHERE removes every row of app.x",
                        "DELETE without WHERE removes every row of app.y",
                        "DELETE without WHERE removes every row of app.x",
                        "DELETE without WHERE removes every row of staging.<run-time value>")));
    }

    @Test
    void oneMessageOrMessagesThatDifferInMoreThanAValueKeepTheFirst() {
        assertEquals("removes table a", ValuesInOneMessage.of(List.of("removes table a", "removes table a")));
        String one = "DROP TABLE removes table a and all its rows";
        assertEquals(one, ValuesInOneMessage.of(List.of(one, "DROP TABLE removes tables a, b and all their rows")));
        assertEquals(one, ValuesInOneMessage.of(List.of(one, one + " (guarded: created at line 1)")));
        assertEquals("x (inside a)", ValuesInOneMessage.of(List.of("x (inside a)", "x (inside b)")));
        assertEquals("removes a", ValuesInOneMessage.of(List.of("removes a", "removes a b c")));
    }
}
