package io.github.sqlguard.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Lexer;
import io.github.sqlguard.sql.Token;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A table reference after FROM: its name and alias as written, and where the next clause starts. */
class TableReferenceTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            FROM orders                          | orders          |         | <end>
            FROM app.orders o WHERE o.id = 1     | app.orders      | o       | WHERE
            FROM "Orders" AS "O" JOIN p          | "Orders"        | "O"     | JOIN
            FROM [dbo].[orders] ord, p           | [dbo].[orders]  | ord     | ,
            FROM orders JOIN p ON p.id = 1       | orders          |         | JOIN
            FROM orders ON                       | orders          |         | ON
            FROM orders LEFT JOIN p              | orders          |         | LEFT
            FROM orders ORDER BY 1               | orders          |         | ORDER
            FROM orders WITH (NOLOCK)            | orders          |         | WITH
            FROM orders AS o ORDER BY 1          | orders          | o       | ORDER
            """)
    void readsTheTableItsAliasAndWhereTheReferenceEnds(String sql, String table, String alias, String next) {
        List<Token> tokens = tokens(sql);
        TableReference reference = TableReference.at(tokens, 1);
        assertEquals(table, reference.table());
        assertEquals(alias, reference.alias());
        assertEquals(next, reference.next() < tokens.size() ? tokens.get(reference.next()).text() : "<end>");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            FROM (SELECT 1) s
            FROM
            FROM ;
            """)
    void noTableNameNoReference(String sql) {
        assertNull(TableReference.at(tokens(sql), 1));
    }

    private static List<Token> tokens(String sql) {
        return new Lexer(Dialect.AUTO).tokenize(sql).tokens();
    }
}
