package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.schema.SchemaFacts;

import java.util.List;

/**
 * One judgement over the facts of one statement. A rule reads no tokens and no AST: the
 * {@link StatementModel} holds what the statement destroys, where, and which rows it touches, with the
 * scratch tables of the script already marked.
 */
public interface Rule {

    RuleInfo info();

    /** The violations of this rule in {@code statement}, each located at what breaks the rule. */
    List<Violation> check(StatementModel statement);

    /**
     * The violations of this rule in {@code statement}, given what the schema replay knows before it
     * ({@link SchemaFacts#UNKNOWN} when nothing): unknown never passes what {@link #check(StatementModel)}
     * reports, except a type change the replay proves lossless.
     */
    default List<Violation> check(StatementModel statement, SchemaFacts schema) {
        return check(statement);
    }
}
