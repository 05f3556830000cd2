package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ClauseKind;
import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/**
 * T-SQL's way of writing {@code DROP TABLE IF EXISTS t} before SQL Server 2016, and still the common one: a
 * {@code DROP TABLE t} that an {@code IF} runs only when the table is there, {@code IF OBJECT_ID('dbo.t') IS NOT NULL}
 * (also with {@code 'U'}, the type of a table) or {@code IF EXISTS (SELECT * FROM sys.tables WHERE name = 't')}
 * (also {@code sys.objects} and {@code INFORMATION_SCHEMA.TABLES}), the drop the first statement of the IF's arm.
 * The splitter gives the IF's arm a body of its own, so the IF statement around the drop is what runs in the
 * script's order.
 */
final class ExistenceTestedDrop {

    /** Catalogue views that list tables by name, as {@code schema.view} keys. */
    private static final Set<String> TABLE_CATALOGUES = Set.of("sys.tables", "sys.objects", "sys.all_objects",
            "information_schema.tables");

    /** How far back the IF around a drop may start: its condition and the drop are a few statements at most. */
    private static final int CONTAINER_REACH = 8;

    private ExistenceTestedDrop() {
    }

    /**
     * Where the drop {@code models[index]}, which runs only when its table exists, tests that: the drop itself for
     * {@code DROP TABLE IF EXISTS}, the T-SQL IF around it ({@link #containerOf}); empty for any other statement.
     */
    static OptionalInt testedAt(List<StatementModel> models, int index) {
        List<Token> tokens = models.get(index).statement().tokens();
        boolean ifExists = tokens.size() >= 5 && tokens.get(0).isWord("DROP") && tokens.get(1).isWord("TABLE")
                && tokens.get(2).isWord("IF") && tokens.get(3).isWord("EXISTS");
        return ifExists ? OptionalInt.of(index) : containerOf(models, index);
    }

    /**
     * The index of the T-SQL IF statement whose arm starts with {@code models[index]}, when that is a {@code DROP
     * TABLE} of one table which the IF's condition requires to exist; else empty.
     */
    static OptionalInt containerOf(List<StatementModel> models, int index) {
        StatementModel drop = models.get(index);
        List<Token> tokens = drop.statement().tokens();
        if (tokens.size() < 3 || !tokens.get(0).isWord("DROP") || !tokens.get(1).isWord("TABLE")
                || drop.clauses().size() != 1 || drop.clauses().get(0).kind() != ClauseKind.DROPPED_TABLE
                || drop.clauses().get(0).table() == null || drop.statement().context().branch() == null) {
            return OptionalInt.empty();
        }
        DestructiveClause clause = drop.clauses().get(0);
        String name = SchemaNames.key(clause.table());
        Token first = tokens.get(0);
        for (int i = index - 1; i >= Math.max(0, index - CONTAINER_REACH); i--) {
            StatementModel container = models.get(i);
            List<Token> held = container.statement().tokens();
            if (held.isEmpty() || !held.get(0).isWord("IF")
                    || !container.statement().start().path().equals(drop.statement().start().path())) {
                continue;
            }
            int at = indexOf(held, first);
            if (at < 0) {
                continue;
            }
            int end = held.get(at - 1).isWord("BEGIN") ? at - 1 : at;
            return requiresTable(held.subList(1, end), name) ? OptionalInt.of(i) : OptionalInt.empty();
        }
        return OptionalInt.empty();
    }

    /** The index in {@code tokens} of the token written where {@code token} is, or -1. */
    private static int indexOf(List<Token> tokens, Token token) {
        for (int i = 1; i < tokens.size(); i++) {
            Token candidate = tokens.get(i);
            if (candidate.line() == token.line() && candidate.column() == token.column()) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code condition} holds only when table {@code name} (a key) exists. */
    static boolean requiresTable(List<Token> condition, String name) {
        List<Token> bare = WhereJudgement.unwrapped(condition);
        return objectIdIsNotNull(bare, name) || existsInCatalogue(bare, name);
    }

    /** {@code OBJECT_ID('dbo.t' [, 'U']) IS NOT NULL}. */
    private static boolean objectIdIsNotNull(List<Token> condition, String name) {
        int size = condition.size();
        if (size != 7 && size != 9 || !condition.get(0).isWord("OBJECT_ID") || !condition.get(1).isSymbol("(")
                || !namesTable(condition.get(2), name) || !condition.get(size - 3).isWord("IS")
                || !condition.get(size - 2).isWord("NOT") || !condition.get(size - 1).isWord("NULL")
                || !condition.get(size - 4).isSymbol(")")) {
            return false;
        }
        return size == 7 || condition.get(3).isSymbol(",") && condition.get(4).type() == TokenType.STRING
                && condition.get(4).stringValue().strip().equalsIgnoreCase("U");
    }

    /** {@code EXISTS (SELECT .. FROM sys.tables .. WHERE name = 't' ..)}, with no OR that would widen it. */
    private static boolean existsInCatalogue(List<Token> condition, String name) {
        if (condition.size() < 8 || !condition.get(0).isWord("EXISTS") || !condition.get(1).isSymbol("(")
                || !condition.get(condition.size() - 1).isSymbol(")") || !condition.get(2).isWord("SELECT")) {
            return false;
        }
        boolean catalogue = false;
        boolean named = false;
        for (int i = 3; i < condition.size() - 1; i++) {
            Token token = condition.get(i);
            if (token.isWord("OR")) {
                return false;
            }
            if (token.isWord("FROM") && i + 3 < condition.size() && condition.get(i + 2).isSymbol(".")) {
                String view = SchemaNames.unquoted(condition.get(i + 1).text()) + "."
                        + SchemaNames.unquoted(condition.get(i + 3).text());
                catalogue = catalogue || TABLE_CATALOGUES.contains(view.toLowerCase(Locale.ROOT));
            }
            named = named || token.isSymbol("=") && namesTable(condition.get(i + 1), name);
        }
        return catalogue && named;
    }

    private static boolean namesTable(Token literal, String name) {
        return literal.type() == TokenType.STRING && SchemaNames.key(literal.stringValue()).equals(name);
    }
}
