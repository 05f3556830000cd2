package io.github.sqlguard;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.sql.Script;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A script that records each release's version in a table as it goes ({@code INSERT INTO schema_version
 * (version_number, comment) VALUES (16, '..')}, two or more of them): the application that owns it runs only the
 * blocks after the version a database last recorded, one release at a time, so every block is a migration of its
 * own. A table an earlier block created has held the application's rows for releases when a later block drops or
 * empties it, and a column an earlier block added has been written since. Each block's statements are labelled
 * with the version it records ({@link StatementContext#VERSION_BLOCK}), which makes it a run of its own.
 */
final class VersionRecordedBlocks {

    private VersionRecordedBlocks() {
    }

    /**
     * {@code script} with each statement labelled with its block, when it records two or more versions at its top
     * level and is a plain migration (its statements carry no label of their own at the top level); else as it is.
     */
    static Script labelled(Script script) {
        List<Statement> statements = script.statements();
        List<Integer> records = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            Statement statement = statements.get(i);
            StatementContext context = statement.context();
            if (context.kind() != StatementContext.Kind.SCRIPT || context.body() != null) {
                continue;
            }
            if (!context.label().isEmpty()) {
                return script; // a repeatable migration, a callback, a changeset: runs as its own kind says
            }
            Optional<String> version = recordedVersion(statement.tokens());
            if (version.isPresent()) {
                records.add(i);
                versions.add(version.get());
            }
        }
        if (records.size() < 2) {
            return script;
        }
        List<Statement> labelled = new ArrayList<>(statements.size());
        int block = 0;
        for (int i = 0; i < statements.size(); i++) {
            while (block < records.size() && records.get(block) < i) {
                block++;
            }
            String label = block < records.size() ? StatementContext.VERSION_BLOCK + versions.get(block)
                    : StatementContext.VERSION_BLOCK_AFTER + versions.get(versions.size() - 1);
            Statement statement = statements.get(i);
            String own = statement.context().label();
            StatementContext context = statement.context().withLabel(own.isEmpty() ? label : label + ", " + own);
            labelled.add(new Statement(statement.sql(), statement.start(), statement.tokens(), context,
                    statement.dialect(), statement.container(), statement.written(), statement.runtimeSql(),
                    statement.unvaluedPlaceholders()));
        }
        return new Script(labelled, script.comments(), script.lexError());
    }

    /**
     * The version an {@code INSERT INTO <..version(s)> [(columns)] VALUES (..)} of one row records: the value of the
     * first column whose name holds {@code version}, or the first value when no column list is written; a number or
     * a string literal.
     */
    static Optional<String> recordedVersion(List<Token> tokens) {
        if (tokens.size() < 6 || !tokens.get(0).isWord("INSERT") || !tokens.get(1).isWord("INTO")) {
            return Optional.empty();
        }
        int at = 2;
        String table = name(tokens.get(at));
        while (at + 2 < tokens.size() && tokens.get(at + 1).isSymbol(".")) {
            at += 2;
            table = name(tokens.get(at));
        }
        if (!table.endsWith("version") && !table.endsWith("versions")) {
            return Optional.empty();
        }
        at++;
        int position = 0;
        if (tokens.get(at).isSymbol("(")) {
            position = -1;
            int column = 0;
            for (at++; at < tokens.size() && !tokens.get(at).isSymbol(")"); at++) {
                if (tokens.get(at).isSymbol(",")) {
                    column++;
                } else if (position < 0 && name(tokens.get(at)).contains("version")) {
                    position = column;
                }
            }
            at++;
            if (position < 0) {
                return Optional.empty();
            }
        }
        if (at + 1 >= tokens.size() || !tokens.get(at).isWord("VALUES") || !tokens.get(at + 1).isSymbol("(")) {
            return Optional.empty();
        }
        int value = 0;
        for (at += 2; at < tokens.size() && value <= position; at++) {
            Token token = tokens.get(at);
            if (token.isSymbol(",")) {
                value++;
            } else if (value == position) {
                boolean literal = token.type() == TokenType.NUMBER || token.type() == TokenType.STRING;
                boolean alone = at + 1 < tokens.size()
                        && (tokens.get(at + 1).isSymbol(",") || tokens.get(at + 1).isSymbol(")"));
                String version = token.type() == TokenType.STRING ? token.stringValue() : token.text();
                // A label's clauses are joined by ", ": a version holding a comma would cut its block's label short.
                return literal && alone && !version.isBlank() && !version.contains(",") ? Optional.of(version)
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String name(Token token) {
        return ObjectNames.normalize(token.text());
    }
}
