package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.AnalyzedStatement;
import io.github.sqlguard.schema.CascadeNote;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The frame of the rules about DELETE and UPDATE: find every row change in the statement (from the AST, or
 * from the tokens when the parser gave up), and let the rule judge each one.
 */
abstract class RowChangeRule implements Rule {

    @Override
    public final List<Violation> check(AnalyzedStatement statement, ScriptState script) {
        List<DataChange> changes = script.sharedByRules(statement.statement(), RowChangeRule.class,
                () -> DataChanges.in(statement));
        List<Violation> violations = new ArrayList<>();
        for (DataChange change : changes) {
            if (!onlyScratchTables(change, script)) {
                violationFor(change).or(() -> changes.size() == 1 ? violationFor(change, statement, script)
                        : Optional.empty()).ifPresent(message -> violations.add(new Violation(message
                        + CascadeNote.forDelete(change.verb(), change.tables(), script.schemaFacts()))));
            }
        }
        return violations;
    }

    /** Rows of a temporary table, or of one this script created, hold nothing that outlives the migration. */
    private static boolean onlyScratchTables(DataChange change, ScriptState script) {
        return !change.tables().isEmpty()
                && change.tables().stream().allMatch(table -> ScratchTables.isScratch(table, script));
    }

    /** The message for a change that breaks this rule only given what the schema replay knows, or empty. */
    Optional<String> violationFor(DataChange change, AnalyzedStatement statement, ScriptState script) {
        return Optional.empty();
    }

    /** The message for a change that breaks this rule, or empty. */
    abstract Optional<String> violationFor(DataChange change);
}
