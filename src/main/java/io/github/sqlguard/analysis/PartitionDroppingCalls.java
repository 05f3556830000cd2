package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Calls of PostgreSQL extension functions that drop partitions with their rows without any DROP or DELETE in
 * the statement: TimescaleDB's {@code drop_chunks(..)}, and its {@code add_retention_policy(..)} (1.x:
 * {@code add_drop_chunks_policy}) which schedules the same drop for ever; pg_partman's
 * {@code drop_partition_time(..)} and {@code drop_partition_id(..)}, unless told to keep the tables
 * ({@code p_keep_table => true}) or to move them to another schema ({@code p_retention_schema}).
 * They are written in a {@code SELECT} or PL/pgSQL's {@code PERFORM}, qualified by their schema or not.
 */
final class PartitionDroppingCalls {

    /**
     * A call found.
     *
     * @param at the function's name
     * @param function the function's name as written, qualified if it was
     * @param table the hypertable or parent table the call names, or null when it is not a literal
     * @param scheduled true when the call only schedules the drop (a retention policy), which then runs after
     *     the migration
     */
    record Call(Token at, String function, String table, boolean scheduled) {
    }

    /** What each function drops: its name in lower case, whether it schedules the drop, the table's argument. */
    private record Function(boolean scheduled, List<String> tableParameters, boolean partman) {
    }

    private static final Map<String, Function> FUNCTIONS = Map.of(
            "drop_chunks", new Function(false, List.of("relation", "table_name", "hypertable"), false),
            "add_retention_policy", new Function(true, List.of("relation", "hypertable"), false),
            "add_drop_chunks_policy", new Function(true, List.of("hypertable", "relation"), false),
            "drop_partition_time", new Function(false, List.of("p_parent_table"), true),
            "drop_partition_id", new Function(false, List.of("p_parent_table"), true));

    private PartitionDroppingCalls() {
    }

    /** The calls in {@code core}, the tokens of one statement, in written order. */
    static List<Call> of(List<Token> core) {
        List<Call> calls = new ArrayList<>();
        if (core.isEmpty() || !core.get(0).isAnyWord("SELECT", "PERFORM", "WITH", "CALL")) {
            return calls;
        }
        for (int i = 1; i + 1 < core.size(); i++) {
            Token name = core.get(i);
            Function function = name.type() == TokenType.WORD
                    ? FUNCTIONS.get(name.text().toLowerCase(Locale.ROOT)) : null;
            if (function == null || !core.get(i + 1).isSymbol("(")) {
                continue;
            }
            boolean qualified = i >= 2 && core.get(i - 1).isSymbol(".");
            List<List<Token>> arguments = ObjectNames.callArguments(core, i + 1);
            if (function.partman() && keepsTables(arguments)) {
                continue;
            }
            String written = qualified ? core.get(i - 2).text() + "." + name.text() : name.text();
            calls.add(new Call(name, written, table(arguments, function.tableParameters()), function.scheduled()));
        }
        return calls;
    }

    /** pg_partman detaches instead of dropping when told to keep the tables or to move them to a schema. */
    private static boolean keepsTables(List<List<Token>> arguments) {
        for (int i = 0; i < arguments.size(); i++) {
            List<Token> argument = arguments.get(i);
            String parameter = named(argument) ? argument.get(0).text().toLowerCase(Locale.ROOT) : null;
            List<Token> value = parameter == null ? argument : argument.subList(2, argument.size());
            boolean keepTable = parameter == null ? i == 2 : parameter.equals("p_keep_table");
            boolean retentionSchema = parameter == null ? i == 4 : parameter.equals("p_retention_schema");
            boolean isNull = value.size() == 1 && value.get(0).isWord("NULL");
            if (keepTable && value.size() == 1 && value.get(0).isWord("true") || retentionSchema && !isNull) {
                return true;
            }
        }
        return false;
    }

    /**
     * The table the call names: the argument named as the table, else the first argument that is a plain
     * string ({@code 'metrics'}, {@code 'metrics'::regclass}); TimescaleDB 1.x put the interval first.
     */
    private static String table(List<List<Token>> arguments, List<String> tableParameters) {
        for (List<Token> argument : arguments) {
            if (named(argument) && tableParameters.contains(argument.get(0).text().toLowerCase(Locale.ROOT))) {
                return literal(argument.subList(2, argument.size()));
            }
        }
        for (List<Token> argument : arguments) {
            if (!named(argument) && literal(argument) != null) {
                return literal(argument);
            }
        }
        return null;
    }

    private static boolean named(List<Token> argument) {
        // PostgreSQL names an argument with => or, in its older spelling, :=
        return argument.size() > 2 && (argument.get(1).isSymbol("=>") || argument.get(1).isSymbol(":="));
    }

    /** The text of a {@code '..'} argument, possibly cast ({@code ::regclass}), or null. */
    private static String literal(List<Token> argument) {
        if (argument.isEmpty() || argument.get(0).type() != TokenType.STRING) {
            return null;
        }
        String text = argument.get(0).text();
        boolean plain = text.length() >= 2 && text.startsWith("'") && text.endsWith("'");
        boolean cast = argument.size() == 1 || argument.size() == 3 && argument.get(1).isSymbol("::");
        return plain && cast ? text.substring(1, text.length() - 1).replace("''", "'") : null;
    }

}
