package io.github.sqlguard.suppress;

import io.github.sqlguard.model.LineIndex;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which statements an inline {@code sqlguard:allow} comment covers. In order of precedence:
 * <ol>
 *   <li>a comment followed on its own line by the start of a statement (a block comment written just
 *       before the statement) covers that statement;</li>
 *   <li>a comment on a line where a statement started before it (a trailing comment, or one inside the
 *       statement's first line) covers the last such statement, counting a container and its inner
 *       statements as one;</li>
 *   <li>a comment inside a statement that is not a container (on a later line of a multi-line
 *       statement, or trailing its last line) covers that statement rather than the next one, which
 *       would hide the next statement's finding;</li>
 *   <li>otherwise it covers the next statement after it.</li>
 * </ol>
 * A covered container (a DO block, an anonymous block, a routine, a batch) brings every inner statement
 * that starts before the container ends.
 */
final class CommentTargets {

    private final List<Statement> statements;

    CommentTargets(List<Statement> statements) {
        this.statements = statements;
    }

    /** The statements {@code comment} covers; empty when no statement follows it. */
    List<Statement> coveredBy(Token comment) {
        Position at = new Position(comment.line(), comment.column());
        Statement next = nextStatement(at);
        Statement target = next != null && next.start().line() == at.line() ? next : trailedStatement(at);
        if (target == null) {
            target = enclosingStatement(at);
        }
        if (target == null) {
            target = next;
        }
        return target == null ? List.of() : withInnerStatements(target);
    }

    /** The first statement of the file, by position, or null for a file without statements. */
    Statement first() {
        Statement first = null;
        for (Statement statement : statements) {
            if (first == null || start(statement).compareTo(start(first)) < 0) {
                first = statement;
            }
        }
        return first;
    }

    private Statement trailedStatement(Position at) {
        List<Statement> startedBefore = new ArrayList<>();
        for (Statement statement : statements) {
            if (statement.start().line() == at.line() && start(statement).compareTo(at) < 0) {
                startedBefore.add(statement);
            }
        }
        Statement chosen = null;
        for (Statement candidate : startedBefore) {
            boolean innerOfAnother = startedBefore.stream()
                    .anyMatch(other -> other != candidate && other.container() && contains(other, start(candidate)));
            if (!innerOfAnother) {
                chosen = candidate;
            }
        }
        return chosen;
    }

    private Statement enclosingStatement(Position at) {
        Statement innermost = null;
        for (Statement statement : statements) {
            boolean endsOnThisLine = end(statement).line() == at.line() && end(statement).compareTo(at) <= 0;
            if (!statement.container() && start(statement).compareTo(at) < 0
                    && (contains(statement, at) || endsOnThisLine)
                    && (innermost == null || start(statement).compareTo(start(innermost)) > 0)) {
                innermost = statement;
            }
        }
        return innermost;
    }

    private Statement nextStatement(Position at) {
        Statement next = null;
        for (Statement statement : statements) {
            if (start(statement).compareTo(at) > 0 && (next == null || start(statement).compareTo(start(next)) < 0)) {
                next = statement;
            }
        }
        return next;
    }

    private List<Statement> withInnerStatements(Statement target) {
        if (!target.container()) {
            return List.of(target);
        }
        List<Statement> covered = new ArrayList<>();
        covered.add(target);
        for (Statement statement : statements) {
            if (statement != target && start(statement).compareTo(start(target)) >= 0
                    && contains(target, start(statement))) {
                covered.add(statement);
            }
        }
        return covered;
    }

    private static boolean contains(Statement statement, Position at) {
        return start(statement).compareTo(at) <= 0 && at.compareTo(end(statement)) < 0;
    }

    private static Position start(Statement statement) {
        return new Position(statement.start().line(), statement.start().column());
    }

    /** The position just after the statement's last token. */
    private static Position end(Statement statement) {
        Token last = statement.tokens().isEmpty() ? null : statement.tokens().get(statement.tokens().size() - 1);
        if (last == null) {
            return start(statement);
        }
        LineIndex.Position end = LineIndex.advance(last.line(), last.column(), last.text(), 0, last.text().length());
        return new Position(end.line(), end.column());
    }

    /** A line and column, ordered as in the file. */
    private record Position(int line, int column) implements Comparable<Position> {
        @Override
        public int compareTo(Position other) {
            int byLine = Integer.compare(line, other.line);
            return byLine != 0 ? byLine : Integer.compare(column, other.column);
        }
    }
}
