package io.github.sqlguard.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementSplitter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A parenthesised join limits its tables as the same join without parentheses does, nested too; a join's
 * {@code USING (col)} limits as its ON does, and so does MySQL's STRAIGHT_JOIN; a NATURAL join counts as limiting
 * and is handed on, with its two sides, for the schema to tell on which columns it matches. The tokens and the
 * parser (where it reads the statement) agree.
 */
class GroupedAndNaturalJoinsTest {

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
        "UPDATE (t JOIN u ON u.t_id = t.id) SET u.c = 1                            | MYSQL      | [u] join=true",
        "UPDATE ((t JOIN u ON u.t_id = t.id)) SET u.c = 1                          | MARIADB    | [u] join=true",
        "UPDATE ((t JOIN u ON u.t_id = t.id) JOIN v ON v.u_id = u.id) SET v.c = 1  | MYSQL      | [v] join=true",
        "UPDATE (t LEFT JOIN u ON u.t_id = t.id) SET t.c = 1                       | MYSQL      | [t] join=false",
        "UPDATE v JOIN (t JOIN u ON u.t_id = t.id) ON v.u_id = u.id SET v.c = 1    | MYSQL      | [v] join=true",
        "UPDATE v LEFT JOIN (t JOIN u ON u.t_id = t.id) ON v.u_id = u.id SET v.c = 1 | MYSQL    | [v] join=false",
        "UPDATE v LEFT JOIN (t JOIN u ON u.t_id = t.id) ON v.u_id = u.id SET u.c = 1 | MYSQL    | [u] join=true",
        "UPDATE (t JOIN u ON 1 = 1) SET u.c = 1                                    | MYSQL      | [u] join=false",
        "DELETE u FROM (t JOIN u ON u.t_id = t.id)                                 | MYSQL      | [u] join=true",
        "DELETE u FROM ((t JOIN u ON u.t_id = t.id))                               | MARIADB    | [u] join=true",
        "DELETE t FROM (t LEFT JOIN u ON u.t_id = t.id)                            | MYSQL      | [t] join=false",
        "DELETE FROM u USING (t JOIN u ON u.t_id = t.id)                           | MYSQL      | [u] join=true",
        "UPDATE u SET c = 1 FROM (t JOIN u ON u.t_id = t.id)                       | SQLSERVER  | [u] join=true",
        "DELETE u FROM (t JOIN u ON u.t_id = t.id)                                 | SQLSERVER  | [u] join=true",
        "UPDATE u SET c = 1 FROM (t JOIN v ON v.t_id = t.id)                       | POSTGRESQL | [u] join=false",
        "DELETE FROM u USING (t JOIN v ON v.t_id = t.id)                           | POSTGRESQL | [u] join=false",
        "UPDATE t JOIN u USING (t_id) SET u.c = 1                                  | MYSQL      | [u] join=true",
        "UPDATE t LEFT JOIN u USING (t_id) SET t.c = 1                             | MYSQL      | [t] join=false",
        "DELETE u FROM t JOIN u USING (t_id, k)                                    | MYSQL      | [u] join=true",
        "DELETE FROM u USING t JOIN u USING (t_id)                                 | MARIADB    | [u] join=true",
        "UPDATE u SET c = 1 FROM t JOIN u USING (t_id)                             | SQLSERVER  | [u] join=true",
        "UPDATE t STRAIGHT_JOIN u ON u.t_id = t.id SET u.c = 1                     | MYSQL      | [u] join=true",
        "DELETE u FROM t STRAIGHT_JOIN u ON u.t_id = t.id                          | MARIADB    | [u] join=true",
        "UPDATE t STRAIGHT_JOIN u ON 1 = 1 SET u.c = 1                             | MYSQL      | [u] join=false",
        "UPDATE t NATURAL JOIN u SET u.c = 1                                       | MYSQL      | [u] join=true natural=[t]+[u]",
        "DELETE u FROM t NATURAL JOIN u                                            | MYSQL      | [u] join=true natural=[t]+[u]",
        "UPDATE (t NATURAL JOIN u) SET u.c = 1                                     | MARIADB    | [u] join=true natural=[t]+[u]",
        "UPDATE t NATURAL LEFT JOIN u SET t.c = 1                                  | MYSQL      | [t] join=false natural=[t]+[u]",
        "UPDATE t NATURAL JOIN u JOIN v ON v.u_id = u.id SET u.c = 1               | MYSQL      | [u] join=true",
        "UPDATE t NATURAL JOIN u JOIN v ON v.t_id = t.id SET u.c = 1               | MYSQL      | [u] join=true natural=[t]+[u]",
        "DELETE u FROM t NATURAL JOIN u JOIN v ON v.t_id = t.id                    | MYSQL      | [u] join=true natural=[t]+[u]",
        "DELETE u FROM t NATURAL JOIN u JOIN v ON v.id = u.v_id                    | MYSQL      | [u] join=true",
        "UPDATE u SET c = 1 FROM t NATURAL JOIN u                                  | SQLSERVER  | [u] join=true natural=[t]+[u]",
        "DELETE FROM u USING t NATURAL JOIN u                                      | MYSQL      | [u] join=true natural=[t]+[u]",
    })
    void joinsLimitTheirTablesOnBothPaths(String sql, Dialect dialect, String expected) {
        Statement statement = new StatementSplitter(dialect, Placeholders.DEFAULT).split("t.sql", sql).statements()
                .get(0);
        StatementTokens structure = StatementTokens.of(statement);
        List<DataChange> fromTokens = DataChanges.fromTokens(structure);

        assertEquals(List.of(expected), described(DataChanges.in(statement, structure, fromTokens, null)),
                "tokens: " + sql);
        if (new StatementAnalyzer().analyze(statement) instanceof AnalyzedStatement.Parsed parsed) {
            assertEquals(List.of(expected), described(DataChanges.in(statement, structure, fromTokens,
                    parsed.ast())), "parser: " + sql);
        }
    }

    private static List<String> described(List<RowChange> changes) {
        List<String> described = new ArrayList<>();
        for (RowChange change : changes) {
            StringBuilder text = new StringBuilder(change.tables() + " join=" + change.restrictedByJoin());
            if (!change.naturalJoins().isEmpty()) {
                text.append(" natural=");
                change.naturalJoins().forEach(join -> text.append(join.left()).append('+').append(join.right()));
            }
            described.add(text.toString());
        }
        return described;
    }
}
