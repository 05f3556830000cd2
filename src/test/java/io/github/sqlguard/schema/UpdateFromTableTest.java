package io.github.sqlguard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.StatementSplitter;
import io.github.sqlguard.sql.Token;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which values an UPDATE copies from another table, and how: as they are, through an expression, by a match. */
class UpdateFromTableTest {

    private static List<Token> tokens(Dialect dialect, String sql) {
        return new StatementSplitter(dialect, Placeholders.DEFAULT).split("V1__t.sql", sql).statements().get(0)
                .tokens();
    }

    /** Each read as {@code source.column>into[=|~|agg]@matchedOn}, joined by spaces. */
    private static String reads(Dialect dialect, String sql) {
        return reads(dialect, sql, SchemaView.UNKNOWN);
    }

    private static String reads(Dialect dialect, String sql, SchemaView before) {
        Optional<UpdateFromTable> update = UpdateFromTable.of(tokens(dialect, sql), 0, before);
        return update.map(u -> u.reads().stream().map(r -> r.source() + "." + String.join("+", r.columns()) + ">"
                + r.into() + (r.asTheyAre() ? "=" : r.aggregate() ? "agg" : "~") + "@"
                + String.join("+", r.matchedOn())).collect(Collectors.joining(" "))).orElse("none");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            POSTGRESQL | "UPDATE plugin AS p SET description = ph.description, version = ph.version FROM plugin_host AS ph WHERE p.public_id = ph.public_id;" | plugin_host.description>description=@public_id plugin_host.version>version=@public_id
            POSTGRESQL | "UPDATE t SET a = s.a FROM s WHERE t.id = s.id AND s.kind = 'x';" | s.a>a=@
            POSTGRESQL | "UPDATE t SET a = upper(s.a) FROM s WHERE s.id = t.s_id;" | s.a>a~@s_id
            MYSQL      | "UPDATE ev JOIN env ON env.uid = ev.env_uid SET ev.c = env.c, ev.n = env.n;" | env.c>c=@env_uid env.n>n=@env_uid
            MYSQL      | "UPDATE ev e, env v SET e.c = v.c WHERE v.uid = e.env_uid;" | env.c>c=@env_uid
            POSTGRESQL | "UPDATE sc SET r = (SELECT tstzrange(min(scs.st), max(scs.st)) FROM scs WHERE scs.cid = sc.id GROUP BY cid);" | scs.st>ragg@id
            POSTGRESQL | "UPDATE sc SET r = (SELECT s.v FROM scs s WHERE s.cid = sc.id);" | scs.v>r=@id
            POSTGRESQL | "UPDATE sc SET (a, b) = (SELECT s.a, s.b + 1 FROM scs s WHERE s.cid = sc.id);" | scs.a>a=@id scs.b>b~@id
            POSTGRESQL | "UPDATE t SET a = 1 WHERE id = 2;" | none
            POSTGRESQL | "UPDATE t SET a = s.a FROM s JOIN u ON u.id = s.u WHERE t.id = s.id;" | none
            """)
    void readsTheValuesAnUpdateCopiesFromAnotherTable(Dialect dialect, String sql, String expected) {
        assertEquals(expected, reads(dialect, sql));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "UPDATE t SET a = t.b;"
            "UPDATE t SET a = (SELECT max(a) FROM t);"
            """)
    void anUpdateReadingOnlyItsOwnTableCopiesNothingElsewhere(String sql) {
        assertTrue(UpdateFromTable.of(tokens(Dialect.POSTGRESQL, sql), 0, SchemaView.UNKNOWN).isEmpty(), sql);
    }

    /**
     * An unqualified name in the condition is the subquery's own table's column when that table has it, and the
     * updated row's only when the replay shows the subquery's table lacks it; without a replay it matches nothing.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "UPDATE job SET x = (SELECT e.x FROM ex e WHERE e.id = exec_id);"              | ex.x>x=@exec_id
            "UPDATE job SET x = (SELECT e.x FROM ex e WHERE exec_id = e.id);"              | ex.x>x=@exec_id
            "UPDATE job SET x = (SELECT ex.x FROM ex WHERE ex.id = exec_id);"              | ex.x>x=@exec_id
            "UPDATE job SET x = (SELECT e.x FROM ex e WHERE e.id = parent_id);"            | ex.x>x=@
            "UPDATE job SET x = (SELECT e.x FROM ex e WHERE e.id = id);"                   | ex.x>x=@
            "UPDATE job SET x = (SELECT e.x FROM ex e WHERE e.id = nowhere);"              | ex.x>x=@
            "UPDATE job SET x = (SELECT e.x FROM partial e WHERE e.id = exec_id);"         | partial.x>x=@
            "UPDATE job SET x = (SELECT e.x FROM ex e WHERE e.id = exec_id AND e.k = 1);" | ex.x>x=@
            "UPDATE job SET x = e.x FROM ex e WHERE e.id = exec_id;"                       | ex.x>x=@exec_id
            """)
    void unqualifiedNameInTheConditionIsPlacedByTheReplay(String sql, String expected) {
        SchemaView before = SchemaReplayTest.replayed(Dialect.SQLSERVER, """
                CREATE TABLE ex (id INT PRIMARY KEY, x INT, parent_id INT, k INT);
                CREATE TABLE job (id INT PRIMARY KEY, exec_id INT, parent_id INT, x INT);
                ALTER TABLE partial ADD x INT;
                """);

        assertEquals(expected, reads(Dialect.SQLSERVER, sql, before));
        assertEquals(expected.replaceAll("@.*", "@"), reads(Dialect.SQLSERVER, sql));
    }
}
