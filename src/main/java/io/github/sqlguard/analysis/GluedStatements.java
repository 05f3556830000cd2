package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;
import java.util.Optional;

/**
 * Finds a destructive statement written on a later line of a statement sqlguard does not know: {@code frobnicate
 * on} followed by {@code DROP TABLE customers;} on the next line is one statement to sqlguard, of a kind it does
 * not check. When the script's runner reads the first line as a command of its own (a client command sqlguard does
 * not know) or the first statement lacks its terminator, the DROP runs unchecked; a destructive statement's words
 * at the start of a line are what such a joined statement looks like.
 */
final class GluedStatements {

    private static final String[] DROPPED_OBJECTS = {"TABLE", "SCHEMA", "DATABASE", "OWNED", "USER", "TABLESPACE"};

    private GluedStatements() {
    }

    /**
     * The first token of a destructive statement that starts a later line of {@code statement}, when the statement
     * is of {@code kind} {@link StatementKind#OTHER} (its first word is no statement sqlguard knows) or a client
     * command other than a PREPARE; empty otherwise.
     */
    static Optional<Token> destructiveLine(Statement statement, StatementKind kind) {
        List<Token> tokens = statement.tokens();
        // PostgreSQL's PREPARE name AS statement: the prepared statement is read as one of its own (NestedBodies)
        boolean unknown = kind == StatementKind.OTHER || kind == StatementKind.CLIENT_COMMAND;
        if (tokens.isEmpty() || statement.container() || !unknown || tokens.get(0).isWord("PREPARE")) {
            return Optional.empty();
        }
        for (int i = 1; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).line() > tokens.get(i - 1).line() && startsDestructiveStatement(tokens, i)) {
                return Optional.of(tokens.get(i));
            }
        }
        return Optional.empty();
    }

    private static boolean startsDestructiveStatement(List<Token> tokens, int at) {
        Token verb = tokens.get(at);
        Token next = tokens.get(at + 1);
        if (verb.isWord("DROP")) {
            return next.isAnyWord(DROPPED_OBJECTS);
        }
        if (verb.isWord("ALTER")) {
            return next.isWord("TABLE");
        }
        if (verb.isWord("DELETE") || verb.isWord("TRUNCATE")) {
            return next.isWord("FROM") || next.isWord("TABLE") || next.type() == TokenType.WORD
                    && !next.isAnyWord("ON", "CASCADE", "RESTRICT", "OF");
        }
        if (verb.isWord("UPDATE")) {
            return tokens.subList(at + 1, tokens.size()).stream().limit(8).anyMatch(token -> token.isWord("SET"));
        }
        return verb.isWord("MERGE") && next.isWord("INTO");
    }
}
