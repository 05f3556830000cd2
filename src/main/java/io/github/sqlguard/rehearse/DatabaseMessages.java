package io.github.sqlguard.rehearse;

import java.sql.SQLException;
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

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
