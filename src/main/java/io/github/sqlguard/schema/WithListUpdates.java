package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The UPDATEs a statement's WITH list holds (PostgreSQL's data-modifying CTEs), and which verb a statement with or
 * without a WITH list runs: what {@link ColumnWrites} reads of each UPDATE, found where it stands.
 */
final class WithListUpdates {

    private WithListUpdates() {
    }

    /**
     * The bodies of the data-modifying CTEs that update, PostgreSQL's {@code WITH x AS (UPDATE t SET c = 1 RETURNING
     * id) INSERT INTO log SELECT id FROM x}, in the order written; empty without a WITH list this reads.
     */
    static List<List<Token>> cteUpdates(List<Token> tokens) {
        return WithQueries.read(tokens).map(with -> with.queries().stream().map(WithQueries.Named::body)
                .filter(body -> !body.isEmpty() && body.get(0).isWord("UPDATE")).toList()).orElse(List.of());
    }

    /**
     * What the one data-modifying CTE that updates writes, when it is the statement's only DELETE, UPDATE or MERGE
     * ({@code WITH x AS (UPDATE t SET c = 1 RETURNING id) INSERT INTO log SELECT id FROM x}): then every finding of an
     * UPDATE of every row the statement gets is that UPDATE's. Empty for any other statement.
     */
    static Optional<ColumnWrites.Update> onlyCteUpdate(List<Token> tokens) {
        Optional<WithQueries> with = WithQueries.read(tokens);
        if (with.isEmpty() || with.get().end() >= tokens.size()
                || !tokens.get(with.get().end()).isAnyWord("SELECT", "INSERT")
                || changesRows(tokens.subList(with.get().end(), tokens.size()))) {
            return Optional.empty();
        }
        List<List<Token>> changing = with.get().queries().stream().map(WithQueries.Named::body)
                .filter(WithListUpdates::changesRows).toList();
        return changing.size() == 1 && changing.get(0).get(0).isWord("UPDATE") ? ColumnWrites.update(changing.get(0))
                : Optional.empty();
    }

    /** True when {@code tokens} hold a DELETE, UPDATE or MERGE anywhere ({@code ON CONFLICT DO UPDATE} too). */
    private static boolean changesRows(List<Token> tokens) {
        return tokens.stream().anyMatch(token -> token.type() == TokenType.WORD
                && token.isAnyWord("DELETE", "UPDATE", "MERGE"));
    }

    /**
     * The keys of the tables whose written columns {@link ColumnWrites#update} tells, for the statement's own UPDATE or a CTE's:
     * what other UPDATEs change of a table is not known column by column.
     */
    static Set<String> tablesFollowedByUpdate(List<Token> tokens) {
        Set<String> followed = new HashSet<>();
        ColumnWrites.update(tokens).ifPresent(update -> followed.add(SchemaNames.key(update.table())));
        for (List<Token> body : cteUpdates(tokens)) {
            ColumnWrites.update(body).ifPresent(update -> followed.add(SchemaNames.key(update.table())));
        }
        return followed;
    }

    /** True when {@code tokens} are an UPDATE, read by {@link ColumnWrites#update} or not (a join, a table list). */
    static boolean updates(List<Token> tokens) {
        return verbAt(tokens, "UPDATE") >= 0;
    }

    /** Where {@code verb} begins the statement, or follows its WITH list at depth zero; -1 when it does not. */
    static int verbAt(List<Token> tokens, String verb) {
        if (tokens.isEmpty()) {
            return -1;
        }
        if (tokens.get(0).isWord(verb)) {
            return 0;
        }
        if (!tokens.get(0).isWord("WITH")) {
            return -1;
        }
        int depth = 0;
        for (int i = 1; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && token.type() == TokenType.WORD
                    && token.isAnyWord("UPDATE", "INSERT", "DELETE", "MERGE", "SELECT")) {
                return token.isWord(verb) ? i : -1;
            }
        }
        return -1;
    }
}
