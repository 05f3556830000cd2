package io.github.sqlguard.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Lexer;
import io.github.sqlguard.sql.Token;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A query's first join, read when it joins the first table to one other on one equality, and the query as it reads
 * without it; anything else that could leave rows out is no such join.
 */
class EqualityJoinTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            SELECT d.id FROM devices d JOIN sessions s ON d.session_id = s.id \
                | devices d, sessions s, d.session_id = s.id | SELECT d . id FROM devices d
            SELECT * FROM devices AS d INNER JOIN "sessions" AS s ON s.id = d.session_id ORDER BY 1 \
                | devices d, "sessions" s, s.id = d.session_id | SELECT * FROM devices AS d ORDER BY 1
            SELECT * FROM devices JOIN app.sessions ON devices.session_id = app.sessions.id WHERE x > 0 \
                | devices -, app.sessions -, devices.session_id = app.sessions.id | SELECT * FROM devices WHERE x > 0
            INSERT INTO b (SELECT * FROM t c JOIN p ON c.p_id = p.id) \
                | t c, p -, c.p_id = p.id | INSERT INTO b ( SELECT * FROM t c )
            SELECT * FROM t c JOIN p ON c.p_id = p.id JOIN q ON q.id = c.q_id \
                | t c, p -, c.p_id = p.id | SELECT * FROM t c JOIN q ON q . id = c . q_id
            """)
    void readsTheJoinAndTheQueryWithoutIt(String sql, String expected, String without) {
        List<Token> tokens = tokens(sql);
        EqualityJoin join = EqualityJoin.firstAfter(tokens, 1).orElseThrow();
        assertEquals(expected, shown(join.first()) + ", " + shown(join.joined()) + ", " + join.left() + " = "
                + join.right());
        assertEquals(without, join.removedFrom(tokens).stream().map(Token::text).collect(Collectors.joining(" ")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            SELECT * FROM t c LEFT JOIN p ON c.p_id = p.id
            SELECT * FROM t c CROSS JOIN p
            SELECT * FROM t c JOIN p USING (p_id)
            SELECT * FROM t c JOIN p ON c.p_id = p.id AND p.live = 1
            SELECT * FROM t c JOIN p ON c.p_id = p.id, q
            SELECT * FROM t c JOIN p ON c.p_id > p.id
            SELECT * FROM t c, u JOIN p ON c.p_id = p.id
            SELECT * FROM t c WHERE EXISTS (SELECT 1 FROM u JOIN p ON u.p_id = p.id)
            SELECT * FROM t c
            """)
    void anyOtherJoinIsNone(String sql) {
        assertEquals(Optional.empty(), EqualityJoin.firstAfter(tokens(sql), 1));
    }

    private static String shown(TableReference table) {
        return table.table() + " " + (table.alias() == null ? "-" : table.alias());
    }

    private static List<Token> tokens(String sql) {
        return new Lexer(Dialect.AUTO).tokenize(sql).tokens();
    }
}
