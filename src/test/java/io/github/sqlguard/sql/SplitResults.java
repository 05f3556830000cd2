package io.github.sqlguard.sql;

import io.github.sqlguard.model.Dialect;
import java.util.ArrayList;
import java.util.List;

/** Renders split results as short strings so tests can compare whole scripts at once. */
final class SplitResults {

    private SplitResults() {
    }

    static Script split(Dialect dialect, String sql) {
        return new StatementSplitter(dialect, Placeholders.DEFAULT).split("test.sql", sql);
    }

    /**
     * One line per statement: {@code line:column} + a kind mark + the SQL with line breaks shown as spaces.
     * Marks: none for a top-level statement, {@code [C]} for a container, {@code [E label]} for a statement
     * inside an executed block, {@code [R label]} for one inside a routine body.
     */
    static List<String> render(Script script) {
        List<String> lines = new ArrayList<>();
        for (Statement statement : script.statements()) {
            String mark = switch (statement.context().kind()) {
                case SCRIPT -> "";
                case EXECUTED_BLOCK -> "[E " + statement.context().label() + "] ";
                case ROUTINE_BODY -> "[R " + statement.context().label() + "] ";
                case ROLLBACK -> "[B] ";
            };
            if (statement.container()) {
                mark = mark + "[C] ";
            }
            lines.add(statement.start().line() + ":" + statement.start().column() + " " + mark
                    + statement.sql().replaceAll("\\s+", " "));
        }
        return lines;
    }

    static List<String> render(Dialect dialect, String sql) {
        return render(split(dialect, sql));
    }
}
