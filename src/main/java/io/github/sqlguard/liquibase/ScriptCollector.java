package io.github.sqlguard.liquibase;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.AttachedComment;
import io.github.sqlguard.sql.LexError;
import io.github.sqlguard.sql.Script;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Gathers the statements and comments of one file while its changesets are read. */
final class ScriptCollector {

    private final String relativePath;
    private final List<Statement> statements = new ArrayList<>();
    private final List<Token> comments = new ArrayList<>();
    private final List<AttachedComment> attached = new ArrayList<>();
    private final List<OtherDatabaseRenditions.Pending> pendingRenditions = new ArrayList<>();
    private LexError lexError;
    private String text = "";
    private int replayedChanges;

    /** The statements of every file of the changelog run, in the order Liquibase runs them. */
    private final List<Statement> runOrder;

    ScriptCollector(String relativePath, List<Statement> runOrder) {
        this.relativePath = relativePath;
        this.runOrder = runOrder;
    }

    String relativePath() {
        return relativePath;
    }

    /** Adds a split script's statements and comments; returns its statements. */
    List<Statement> add(Script script) {
        statements.addAll(script.statements());
        runOrder.addAll(script.statements());
        comments.addAll(script.comments());
        if (lexError == null && script.lexError().isPresent()) {
            lexError = script.lexError().get();
        }
        return script.statements();
    }

    void add(Statement statement) {
        statements.add(statement);
        runOrder.add(statement);
    }

    /**
     * Adds a schema-only statement written for {@code dialect}, which {@code rendering} writes for the other
     * databases the changelog turns out to name ({@link OtherDatabaseRenditions}).
     */
    void add(Statement statement, Dialect dialect, OtherDatabaseRenditions.Rendering rendering) {
        add(statement);
        pendingRenditions.add(new OtherDatabaseRenditions.Pending(statement, dialect, rendering));
    }

    List<OtherDatabaseRenditions.Pending> pendingRenditions() {
        return pendingRenditions;
    }

    /**
     * Puts {@code conditions} (containers written in another file, a changeset's preconditions) just before
     * {@code first}, so the checks of this file see them; the run order already has them.
     */
    void precede(Statement first, List<Statement> conditions) {
        int at = statements.indexOf(first);
        if (at >= 0) {
            statements.addAll(at, conditions);
        }
    }

    /** Puts {@code replacements} where {@code original} stands (compared by identity); nothing if it is not here. */
    void replace(Statement original, List<Statement> replacements) {
        if (replaceIn(statements, original, replacements)) {
            replaceIn(runOrder, original, replacements);
        }
    }

    private static boolean replaceIn(List<Statement> list, Statement original, List<Statement> replacements) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == original) {
                list.remove(i);
                list.addAll(i, replacements);
                return true;
            }
        }
        return false;
    }

    void addComment(Token comment) {
        comments.add(comment);
    }

    /** A comment written in this file that acknowledges the statements it is attached to, wherever they are. */
    void attach(AttachedComment comment) {
        attached.add(comment);
    }

    /** Keeps the text of the file, read once, for the lines reports show. */
    /** How many statements were added so far. */
    int size() {
        return statements.size();
    }

    /** Counts a change that runs no statement a rule reads, but which the replay read. */
    void countReplayedChange() {
        replayedChanges++;
    }

    void text(String fileText) {
        text = fileText;
    }

    boolean isEmpty() {
        return statements.isEmpty() && comments.isEmpty() && attached.isEmpty() && lexError == null;
    }

    ChangelogScript toScript() {
        List<Token> sortedComments = new ArrayList<>(comments);
        sortedComments.sort(Comparator.comparingInt(Token::line).thenComparingInt(Token::column));
        return new ChangelogScript(relativePath, new Script(statements, sortedComments, Optional.ofNullable(lexError)),
                text, attached, replayedChanges);
    }
}
