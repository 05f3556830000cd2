package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Statement;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns JSqlParser's multi-line error messages (the offending token, its position inside the statement,
 * then dozens of "Was expecting one of" lines) into one short line whose position is in the file.
 */
final class ParserMessages {

    private static final Pattern POSITION = Pattern.compile("at line (\\d+), column (\\d+)");
    private static final Pattern POSITION_IN_TEXT = Pattern.compile("\\s*at line \\d+, column \\d+\\.?\\s*");
    /** JSqlParser names the unexpected token twice: as its kind and as its image, e.g. {@code "(" "("}. */
    private static final Pattern UNEXPECTED_TOKEN =
            Pattern.compile("Encountered unexpected token:\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|<\\w+>)");
    private static final int MAX_LENGTH = 160;

    private ParserMessages() {
    }

    /** A one-line description of why {@code failure} stopped the parse of {@code statement}. */
    static String shorten(Throwable failure, Statement statement) {
        if (failure instanceof StackOverflowError) {
            return "the statement is nested too deeply";
        }
        Throwable cause = failure;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return cause.getClass().getSimpleName();
        }
        Optional<String> unreadTarget = UnreadTargetName.of(statement);
        if (unreadTarget.isPresent()) {
            return unreadTarget.get(); // the parser's own complaint points at the first word, or at a symbol in it
        }
        String firstLine = firstLine(message);
        Matcher token = UNEXPECTED_TOKEN.matcher(firstLine);
        String summary = token.find() ? "unexpected " + token.group(1) : stripPosition(firstLine);
        Matcher position = POSITION.matcher(message);
        if (position.find()) {
            summary += " at " + filePosition(statement, Integer.parseInt(position.group(1)),
                    Integer.parseInt(position.group(2)));
        }
        return summary.length() <= MAX_LENGTH ? summary : summary.substring(0, MAX_LENGTH - 3) + "...";
    }

    /** Line and column in the file of a 1-based position inside the statement text. */
    private static String filePosition(Statement statement, int lineInStatement, int columnInLine) {
        int line = statement.start().line() + lineInStatement - 1;
        int column = lineInStatement == 1 ? statement.start().column() + columnInLine - 1 : columnInLine;
        return "line " + line + ", column " + column;
    }

    private static String firstLine(String message) {
        String trimmed = message.strip();
        int end = 0;
        while (end < trimmed.length() && trimmed.charAt(end) != '\n' && trimmed.charAt(end) != '\r') {
            end++;
        }
        return trimmed.substring(0, end).strip();
    }

    /** "Lexical error at line 1, column 26.  Encountered: x" becomes "Lexical error; Encountered: x". */
    private static String stripPosition(String line) {
        String withoutPosition = POSITION_IN_TEXT.matcher(line).replaceAll("; ").strip();
        while (withoutPosition.endsWith(";") || withoutPosition.endsWith(".") || withoutPosition.endsWith(",")) {
            withoutPosition = withoutPosition.substring(0, withoutPosition.length() - 1).strip();
        }
        return withoutPosition.isEmpty() ? line : withoutPosition;
    }
}
