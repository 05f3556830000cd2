package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which columns every row holds a value in that is not NULL, as the row changes of a history show it: a top-level
 * {@code UPDATE t SET c = 'x'} without WHERE, or with {@code WHERE c IS NULL}, fills column c of every row, and so
 * does one that gives c the value of another column of t declared NOT NULL ({@code SET batch_id = id}) or of a NOT
 * NULL column of a table that surely holds a row ({@code SET network_id = (SELECT id FROM networks LIMIT 1)},
 * {@link RowHoldingTables}); an insert
 * into t, or an update that may write NULL into c, makes that unknown again. A later
 * {@code MODIFY c .. NOT NULL} then replaces no NULL (MySQL fills NULLs with the type's implicit default). A top-level
 * {@code DELETE FROM t WHERE c IS NULL} leaves no row holding NULL in c either.
 */
final class NullFills {

    private static final String[] NON_NULL_WORDS = {"TRUE", "FALSE", "CURRENT_TIMESTAMP", "CURRENT_DATE",
        "CURRENT_TIME", "LOCALTIMESTAMP", "UTC_TIMESTAMP"};

    /**
     * Functions without arguments that never return NULL, of every dialect: a changelog property often names
     * MySQL's {@code uuid()} for one run and PostgreSQL's {@code uuid_generate_v4()} for another, and the update is
     * replayed with each.
     */
    private static final String[] NON_NULL_FUNCTIONS = {"NOW", "UUID", "CURRENT_TIMESTAMP", "UTC_TIMESTAMP",
        "CURDATE", "CURTIME", "SYSDATE", "UNIX_TIMESTAMP", "UTC_DATE", "UUID_SHORT", "GEN_RANDOM_UUID",
        "UUID_GENERATE_V1", "UUID_GENERATE_V1MC", "UUID_GENERATE_V4", "UUIDV7", "UUIDV4", "STATEMENT_TIMESTAMP",
        "CLOCK_TIMESTAMP", "TRANSACTION_TIMESTAMP", "LOCALTIMESTAMP", "NEWID", "NEWSEQUENTIALID", "GETDATE",
        "GETUTCDATE", "SYSDATETIME", "SYSUTCDATETIME", "SYSDATETIMEOFFSET", "SYS_GUID", "SYSTIMESTAMP",
        "RANDOM_UUID", "RANDOM"};

    /**
     * Text functions that give NULL only for a NULL argument: {@code SUBSTRING_INDEX(ref, ':', 1)} of a NOT NULL
     * column holds a value in every row. Not so in Oracle, where the empty string they may give is NULL.
     */
    private static final String[] NULL_ONLY_FROM_NULL = {"SUBSTRING_INDEX", "SUBSTRING", "SUBSTR", "MID", "LEFT",
        "RIGHT", "UPPER", "LOWER", "UCASE", "LCASE", "TRIM", "LTRIM", "RTRIM", "REPLACE", "CONCAT", "REVERSE",
        "LENGTH", "CHAR_LENGTH", "CHARACTER_LENGTH"};

    private NullFills() {
    }

    /** Applies the UPDATE at {@code start} to what {@code history} knows of filled columns. */
    static void update(List<Token> tokens, int start, StatementContext context, Dialect dialect,
            SchemaHistory history) {
        int i = start + 1;
        while (i < tokens.size() && tokens.get(i).isAnyWord("LOW_PRIORITY", "IGNORE", "ONLY")) {
            i++;
        }
        SchemaNames.Read name = SchemaNames.name(tokens, i);
        if (name == null) {
            return;
        }
        Optional<Table> found = history.current(name.text());
        if (found.isEmpty()) {
            return;
        }
        Table table = found.get();
        int set = name.next();
        String alias = null;
        // One table under an alias (MySQL's UPDATE t a SET a.c = ..) is read as the table itself.
        if (set + 1 < tokens.size() && tokens.get(set).isWord("AS")) {
            set++;
        }
        if (set + 1 < tokens.size() && (tokens.get(set).type() == TokenType.WORD && !tokens.get(set).isWord("SET")
                || tokens.get(set).type() == TokenType.QUOTED_NAME)
                && tokens.get(set + 1).isWord("SET")) {
            alias = tokens.get(set).text();
            set++;
        }
        if (set >= tokens.size() || !tokens.get(set).isWord("SET")) {
            // A join or several tables: which column gets which value is not read here.
            history.put(unfilled(table));
            return;
        }
        int where = endOfAssignments(tokens, set + 1);
        boolean everyRow = context.kind() == StatementContext.Kind.SCRIPT && context.body() == null;
        List<List<Token>> assignments = ObjectNames.splitAtCommas(tokens, set + 1, where);
        Set<String> assigned = assignedColumns(assignments);
        Table result = table;
        for (List<Token> assignment : assignments) {
            SchemaNames.Read column = SchemaNames.name(assignment, 0);
            if (column == null || column.next() >= assignment.size() || !assignment.get(column.next()).isSymbol("=")) {
                history.put(unfilled(table)); // an assignment not read may write NULL anywhere
                return;
            }
            String written = ObjectNames.lastPart(column.text());
            Optional<Column> known = result.column(written);
            if (known.isEmpty()) {
                continue;
            }
            List<Token> value = assignment.subList(column.next() + 1, assignment.size());
            boolean nonNull = valueInEveryRow(value, table, alias, assigned, dialect)
                    || RowHoldingTables.scalarSubqueryYieldsValue(value, history);
            boolean fills = nonNull && everyRow && (where == tokens.size() || asksNullOf(tokens, where, written));
            if (fills) {
                result = result.withColumn(known.get().withFilled(true));
            } else if (!nonNull && known.get().filled()) {
                result = result.withColumn(known.get().withFilled(false));
            }
        }
        if (!result.equals(table)) {
            history.put(result);
        }
    }

    /** The keys of the columns the assignments write, or of none when one of them is not read. */
    private static Set<String> assignedColumns(List<List<Token>> assignments) {
        Set<String> keys = new HashSet<>();
        for (List<Token> assignment : assignments) {
            SchemaNames.Read column = SchemaNames.name(assignment, 0);
            if (column != null) {
                keys.add(SchemaNames.key(column.text()));
            }
        }
        return keys;
    }

    /**
     * True for a value that holds no NULL in any row: a literal or function that is never NULL, a NOT NULL column of
     * the updated table, or a text function of such values that gives NULL only for a NULL argument.
     */
    private static boolean valueInEveryRow(List<Token> value, Table table, String alias, Set<String> assigned,
            Dialect dialect) {
        if (nonNull(value) || readsNonNullColumn(value, table, alias, assigned)) {
            return true;
        }
        if (dialect == Dialect.ORACLE || value.size() < 4 || !value.get(0).isAnyWord(NULL_ONLY_FROM_NULL)
                || !value.get(1).isSymbol("(") || ObjectNames.skipParentheses(value, 1) != value.size()) {
            return false;
        }
        List<List<Token>> arguments = ObjectNames.splitAtCommas(value, 2, value.size() - 1);
        return arguments.stream().allMatch(argument -> !argument.isEmpty()
                && valueInEveryRow(argument, table, alias, assigned, dialect));
    }

    /**
     * True for a value that is a column of the updated table itself (also named by its {@code alias}, when not null),
     * declared NOT NULL or filled before ({@code SET batch_id = id}), that no assignment of the statement writes: MySQL reads an assigned column's new
     * value in the assignments after it ({@code SET id = NULL, batch_id = id}), so only an unwritten one surely holds
     * a value.
     */
    private static boolean readsNonNullColumn(List<Token> value, Table table, String alias, Set<String> assigned) {
        SchemaNames.Read read = SchemaNames.name(value, 0);
        if (read == null || read.next() != value.size()) {
            return false;
        }
        String name = SchemaNames.lastPart(read.text());
        if (name.length() < read.text().strip().length()) {
            String qualifier = read.text().strip().substring(0, read.text().strip().length() - name.length() - 1);
            if (!SchemaNames.key(qualifier).equals(SchemaNames.key(table.name()))
                    && (alias == null || !SchemaNames.key(qualifier).equals(SchemaNames.key(alias)))) {
                return false;
            }
        }
        return !assigned.contains(SchemaNames.key(name))
                && table.column(name).filter(column -> column.notNull() || column.filled()).isPresent();
    }

    /** Applies {@code DELETE FROM t WHERE c IS NULL} at {@code start}: no row left holds NULL in c. */
    static void delete(List<Token> tokens, int start, StatementContext context, SchemaHistory history) {
        int from = start + 1;
        if (from >= tokens.size() || !tokens.get(from).isWord("FROM")
                || context.kind() != StatementContext.Kind.SCRIPT || context.body() != null) {
            return;
        }
        SchemaNames.Read name = SchemaNames.name(tokens, from + 1);
        if (name == null || name.next() >= tokens.size() || !tokens.get(name.next()).isWord("WHERE")
                || tokens.size() != name.next() + 4) {
            return;
        }
        SchemaNames.Read tested = SchemaNames.name(tokens, name.next() + 1);
        Optional<Table> table = history.current(name.text());
        if (tested == null || table.isEmpty() || !asksNullOf(tokens, name.next(), tested.text())) {
            return;
        }
        table.get().column(ObjectNames.lastPart(tested.text()))
                .ifPresent(column -> history.put(table.get().withColumn(column.withFilled(true))));
    }

    /** An INSERT or REPLACE into the table at {@code at} may leave any column NULL. */
    static void insert(List<Token> tokens, int at, SchemaHistory history) {
        SchemaNames.Read name = SchemaNames.name(tokens, at);
        if (name != null) {
            history.current(name.text()).filter(table -> table.columns().values().stream().anyMatch(Column::filled))
                    .ifPresent(table -> history.put(unfilled(table)));
        }
    }

    private static Table unfilled(Table table) {
        Table result = table;
        for (Column column : table.columns().values()) {
            if (column.filled()) {
                result = result.withColumn(column.withFilled(false));
            }
        }
        return result;
    }

    /** The index of the top-level WHERE, ORDER BY or LIMIT after the assignments, or the end of the statement. */
    private static int endOfAssignments(List<Token> tokens, int from) {
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && token.isAnyWord("WHERE", "ORDER", "LIMIT")) {
                return i;
            }
        }
        return tokens.size();
    }

    /** True for {@code WHERE c IS NULL} and nothing else at {@code where}. */
    private static boolean asksNullOf(List<Token> tokens, int where, String column) {
        if (!tokens.get(where).isWord("WHERE") || tokens.size() != where + 4) {
            return false;
        }
        SchemaNames.Read tested = SchemaNames.name(tokens, where + 1);
        return tested != null && tested.next() == where + 2
                && SchemaNames.key(ObjectNames.lastPart(tested.text())).equals(SchemaNames.key(column))
                && tokens.get(where + 2).isWord("IS") && tokens.get(where + 3).isWord("NULL");
    }

    /**
     * True for a value that is never NULL: a literal string or number, TRUE, CURRENT_TIMESTAMP, NOW(), UUID(), or
     * {@code COALESCE(.., 'x')} / {@code IFNULL(.., 'x')} whose last argument is one.
     */
    static boolean nonNull(List<Token> value) {
        if (value.size() == 1) {
            Token token = value.get(0);
            return token.type() == TokenType.STRING || token.type() == TokenType.NUMBER
                    || token.isAnyWord(NON_NULL_WORDS);
        }
        if (value.size() == 2 && value.get(0).isSymbol("-") && value.get(1).type() == TokenType.NUMBER) {
            return true;
        }
        if (value.size() < 3 || !value.get(1).isSymbol("(")
                || ObjectNames.skipParentheses(value, 1) != value.size()) {
            return false;
        }
        if (value.size() == 3) {
            return value.get(0).isAnyWord(NON_NULL_FUNCTIONS);
        }
        if (!value.get(0).isAnyWord("COALESCE", "IFNULL")) {
            return false;
        }
        List<List<Token>> arguments = ObjectNames.splitAtCommas(value, 2, value.size() - 1);
        return arguments.size() > 1 && nonNull(arguments.get(arguments.size() - 1));
    }
}
