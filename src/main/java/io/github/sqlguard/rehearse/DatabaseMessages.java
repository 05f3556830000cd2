package io.github.sqlguard.rehearse;

import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.sql.SQLException;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** The database's own words for an error, in one line, as a user should read them. */
final class DatabaseMessages {

    private DatabaseMessages() {
    }

    static String of(SQLException e) {
        if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            StringBuilder text = new StringBuilder(String.valueOf(server.getMessage()));
            if (server.getDetail() != null) {
                text.append(" (").append(server.getDetail()).append(')');
            }
            if (server.getWhere() != null && !server.getWhere().isBlank()) {
                text.append(" [").append(server.getWhere().lines().findFirst().orElse("")).append(']');
            }
            return oneLine(text.toString());
        }
        return oneLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    /**
     * Where in the file the database put its finger ("line 4, column 12"), when the statement's text is the
     * file's text (no placeholder replaced in it) and the database named a position.
     */
    static Optional<String> position(SQLException e, Statement statement) {
        if (!(e instanceof PSQLException psql) || psql.getServerErrorMessage() == null
                || psql.getServerErrorMessage().getPosition() <= 0
                || statement.tokens().stream().anyMatch(token -> token.type() == TokenType.PLACEHOLDER)) {
            return Optional.empty();
        }
        int offset = statement.firstToken().offset() + psql.getServerErrorMessage().getPosition() - 1;
        Token at = statement.firstToken();
        for (Token token : statement.tokens()) {
            if (token.offset() <= offset) {
                at = token;
            }
        }
        return Optional.of("line " + at.line() + ", column " + at.column());
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
