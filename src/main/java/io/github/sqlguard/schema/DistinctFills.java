package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;
import java.util.Set;

/**
 * The columns an UPDATE of every row earlier in one script run gave a value of its own in each row, from a generator
 * that never gives one twice ({@code SET unit_id = gen_random_uuid()}, {@code nextval('unit_seq')}), by table, each
 * with where that UPDATE stands. Until something else writes them, or adds rows, such a column tells the rows apart as
 * a primary key does: a copy that takes it beside other columns keeps which row each value belonged to.
 */
final class DistinctFills extends MarkedColumns {

    /**
     * Functions that give another value on every call, and so in every row an UPDATE reaches: PostgreSQL's uuid
     * generators, MySQL's UUID(), SQL Server's NEWID(), Oracle's SYS_GUID().
     */
    private static final Set<String> GENERATORS = Set.of("GEN_RANDOM_UUID", "UUID_GENERATE_V1", "UUID_GENERATE_V1MC",
            "UUID_GENERATE_V4", "UUIDV4", "UUIDV7", "UUID", "NEWID", "SYS_GUID");

    /** The keys of the columns of {@code table} (a key) that hold a value of their own in every row. */
    Set<String> in(String table) {
        return Set.copyOf(of(table).keySet());
    }

    /**
     * True when {@code assignment} ({@code c = ..} of a SET list) gives its column the value of one call of a
     * generator, or of a sequence's {@code nextval('s')}, and nothing else: no expression built on it, which could
     * give two rows one value.
     */
    static boolean assignsGenerated(List<Token> assignment) {
        int equals = 0;
        while (equals < assignment.size() && !assignment.get(equals).isSymbol("=")) {
            equals++;
        }
        List<Token> value = assignment.subList(Math.min(equals + 1, assignment.size()), assignment.size());
        // schema.function(..): the schema an extension was installed in
        int name = value.size() > 2 && value.get(1).isSymbol(".") ? 2 : 0;
        if (value.size() < name + 3 || value.get(name).type() != TokenType.WORD
                || !value.get(name + 1).isSymbol("(") || !value.get(value.size() - 1).isSymbol(")")) {
            return false;
        }
        int arguments = value.size() - name - 3;
        if (value.get(name).isWord("NEXTVAL")) {
            return arguments == 1 && value.get(name + 2).type() == TokenType.STRING;
        }
        return arguments == 0 && GENERATORS.contains(value.get(name).upper());
    }
}
