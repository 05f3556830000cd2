package io.github.sqlguard.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A schema-upgrade runner's variable directive: a line {@code --ASSIGN:name=column} (or {@code --ASSIGN:name=column!
 * default}) makes the runner read {@code column} of the result of the statement after it and put that value in
 * place of {@code ${name}} in every statement after that, until the script ends. Such a placeholder gets its value
 * from the database the script runs on, so no configuration can give it one here, and a message that says so names
 * the directive rather than the places a project defines its placeholders in. The runner reads the directive only on a
 * line of its own that starts with the dashes and the word glued ({@code -- ASSIGN:} is a comment).
 */
final class AssignedVariables {

    private static final String DIRECTIVE = "--ASSIGN:";

    /** A variable the directive at {@code line}, {@code offset}, sets. */
    private record Assignment(String name, int line, int offset) {
    }

    private final List<Assignment> assignments = new ArrayList<>();

    /** The directives among a script's {@code comments}; {@code text} tells which stand first on their line. */
    AssignedVariables(List<Token> comments, String text) {
        for (Token comment : comments) {
            String written = comment.text().strip();
            if (!written.startsWith(DIRECTIVE) || !BatchSweeps.firstOnLine(comment, text)) {
                continue;
            }
            String[] nameAndColumn = written.substring(DIRECTIVE.length()).split("!")[0].split("=");
            if (nameAndColumn.length == 2 && !nameAndColumn[0].isBlank() && !nameAndColumn[1].isBlank()) {
                assignments.add(new Assignment(nameAndColumn[0].strip(), comment.line(), comment.offset()));
            }
        }
    }

    /** No directive: a script that is not plain, where the runner's directives stay comments. */
    AssignedVariables() {
    }

    /**
     * The placeholder tokens of {@code tokens} that a directive before them sets, by their text, each with why it
     * has no value here: {@code is set only when the script runs, by the --ASSIGN:min_id at line 12 from the result
     * of the statement after it}. The latest directive of a name before the token wins, as the runner's does.
     */
    Map<String, String> in(List<Token> tokens) {
        if (assignments.isEmpty()) {
            return Map.of();
        }
        Map<String, String> found = new HashMap<>();
        for (Token token : tokens) {
            if (token.type() != TokenType.PLACEHOLDER || !token.text().startsWith("${") || !token.text().endsWith("}")) {
                continue;
            }
            String name = token.text().substring(2, token.text().length() - 1);
            Assignment latest = null;
            for (Assignment assignment : assignments) {
                if (assignment.offset() < token.offset() && assignment.name().equals(name)) {
                    latest = assignment;
                }
            }
            if (latest != null) {
                found.put(token.text(), "is set only when the script runs, by the " + DIRECTIVE + name + " at line "
                        + latest.line() + " from the result of the statement after it");
            }
        }
        return found;
    }
}
