package io.github.sqlguard.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@link BuiltText}s of one text, noted as it is split for one call of the routine it defines: each statement
 * of the routine's own body that runs a text known whole, or in T-SQL only assigns one to a variable. A text the
 * body adds to in steps that all run ({@code SET @sql = @sql + ..} outside any branch) is known whole here, as the
 * call runs each step.
 */
final class BuiltTexts {

    private final String file;
    private final boolean backslashEscapes;
    private final List<BuiltText> noted = new ArrayList<>();

    /** Texts of {@code file}, whose strings escape with a backslash when {@code backslashEscapes} is true. */
    BuiltTexts(String file, boolean backslashEscapes) {
        this.file = file;
        this.backslashEscapes = backslashEscapes;
    }

    /** What was noted, in the order the statements were split. */
    List<BuiltText> noted() {
        return List.copyOf(noted);
    }

    /**
     * Notes {@code statement} when it runs what {@code source} reads (its variable not yet looked up) and that is
     * known whole, or when it only assigns a known text to a T-SQL variable.
     *
     * @param use the statement's first token, where a variable it runs is looked up
     */
    void note(Statement statement, DynamicSql.Source source, Token use, List<Token> scope,
            Map<String, Token> arguments, DefinedRoutineSpans routines) {
        if (source == null) {
            if (VariableAssignments.assignsKnownText(scope, arguments, statement.tokens())) {
                noted.add(new BuiltText(statement, null));
            }
            return;
        }
        DynamicSql.Source runs = source.variable() == null ? source : source.resolved(
                VariableAssignments.valueOf(scope, arguments, source.variable(), use, routines));
        if (runs.builtAtRunTime() || runs.eachName() != null || !isOneKnownText(runs.literals())) {
            return;
        }
        QuotedBody text = QuotedBody.of(file, runs.literals(), backslashEscapes, arguments.values());
        if (text != null) {
            noted.add(new BuiltText(statement, text.text()));
        }
    }

    /**
     * True when {@code parts} make one text known whole: literals, and words a format call's slots are filled with;
     * no stand-in for a part built at run time, no {@code ;} between the texts of a condition's branches.
     */
    static boolean isOneKnownText(List<Token> parts) {
        return !parts.isEmpty() && parts.stream().allMatch(part -> part.type() == TokenType.STRING
                || part.type() == TokenType.WORD && !StandIns.is(part) && !part.text().equals(";"));
    }
}
