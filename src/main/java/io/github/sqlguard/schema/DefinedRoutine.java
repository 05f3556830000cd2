package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A procedure or function a migration created, as the replay met it: its name, the statement that created
 * it and the statements of its body, which run wherever a later migration calls it.
 */
public final class DefinedRoutine {

    private final String name;
    private final Statement definition;
    private final List<Statement> body = new ArrayList<>();

    DefinedRoutine(String name, Statement definition) {
        this.name = name;
        this.definition = definition;
    }

    /** The normalized last part of the routine's name. */
    public String name() {
        return name;
    }

    /** The {@code CREATE PROCEDURE|FUNCTION} statement. */
    public Statement definition() {
        return definition;
    }

    /** The statements of its body, in source order. */
    public List<Statement> body() {
        return Collections.unmodifiableList(body);
    }

    /** Adds {@code statement} when it lies inside the definition's text: its body follows it. */
    boolean addIfInside(Statement statement) {
        Statement outer = definition;
        boolean inside = outer.start().path().equals(statement.start().path())
                && statement.firstToken().offset() > outer.firstToken().offset()
                && statement.firstToken().offset() < outer.tokens().get(outer.tokens().size() - 1).endOffset();
        if (inside) {
            body.add(statement);
        }
        return inside;
    }
}
