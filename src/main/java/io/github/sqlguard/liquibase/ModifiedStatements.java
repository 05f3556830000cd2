package io.github.sqlguard.liquibase;

import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementSplitter;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a changeset's {@code modifySql} to the statements its changes generate, so that the rules judge what
 * Liquibase sends rather than what it generated first. A modifier that cannot be applied is reported as an
 * {@code unchecked-change} at its element.
 */
final class ModifiedStatements {

    private final ChangelogReader reader;
    private final String path;

    /** Edits for the changelog at {@code path} (relative), reporting through {@code reader}. */
    ModifiedStatements(ChangelogReader reader, String path) {
        this.reader = reader;
        this.path = path;
    }

    /**
     * The statements as the changeset's {@code modifySql} leaves them: an edited statement is replaced, in its
     * file's script too, by the edited text located where the original starts; one edited only on some databases
     * is kept beside its edited form.
     */
    List<Statement> of(List<Statement> statements, List<ModifySql> modifySql, boolean rollback, String label) {
        List<Statement> result = statements;
        for (ModifySql modifier : modifySql) {
            if (rollback && !modifier.appliesToRollback()) {
                continue;
            }
            List<Statement> next = new ArrayList<>();
            for (Statement statement : result) {
                String edited;
                try {
                    edited = modifier.applyTo(statement.sql());
                } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                    reader.report(ChangelogFindings.unchecked(path, modifier.element().line(),
                            modifier.element().column(), "modifySql cannot be applied to '" + statement.firstLine()
                            + "' (" + e.getMessage() + "), so it was checked as generated, not as Liquibase runs it ("
                            + label + ")"));
                    next.add(statement);
                    continue;
                }
                if (edited.equals(statement.sql())) {
                    next.add(statement);
                    continue;
                }
                List<Statement> replacements = statementsOf(edited, statement);
                if (modifier.restricted()) {
                    replacements = new ArrayList<>(replacements);
                    replacements.add(0, statement);
                }
                reader.collector(statement.start().path()).replace(statement, replacements);
                next.addAll(replacements);
            }
            result = next;
        }
        return result;
    }

    /**
     * {@code sql} split into statements whose every token stands where {@code original} starts. The statements
     * inside a container ({@code original} a routine definition, a block) are left out: they follow it in the
     * list and are edited on their own, where they stand, in their body; split again here they would be judged
     * twice, the second time outside their body. An edited container's last token stands where the original's
     * does, so the definition still spans the body that follows it, which a call of the routine runs.
     */
    private List<Statement> statementsOf(String sql, Statement original) {
        Token at = original.firstToken();
        Token end = original.tokens().get(original.tokens().size() - 1);
        return new StatementSplitter(original.dialect(), reader.placeholders())
                .split(original.start().path(), sql, 0, sql.length(), 1, 1, original.context()).statements().stream()
                .filter(s -> !original.container() || s.context().equals(original.context()))
                .map(s -> {
                    List<Token> tokens = new ArrayList<>(s.tokens().stream()
                            .map(t -> new Token(t.type(), t.text(), at.offset(), at.line(), at.column())).toList());
                    if (original.container() && s.container() && !tokens.isEmpty()) {
                        Token last = tokens.get(tokens.size() - 1);
                        tokens.set(tokens.size() - 1, new Token(last.type(), last.text(), end.offset(), end.line(),
                                end.column()));
                    }
                    return new Statement(s.sql(), original.start(), tokens, original.context(), original.dialect(),
                            s.container(), null, s.runtimeSql(), original.unvaluedPlaceholders());
                })
                .toList();
    }
}
