package io.github.sqlguard.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The literal a variable holds when a script or block runs it as dynamic SQL: T-SQL
 * {@code DECLARE @sql NVARCHAR(MAX) = N'..'} or {@code SET @sql = N'..'}, PL/SQL {@code v_sql VARCHAR2(200) := '..'},
 * PL/pgSQL {@code q := '..'}, MySQL {@code SET @s = '..'}. The text is known only when the variable is assigned
 * exactly once in the whole script or block, from literals alone, before it is run, or when the assignment
 * just before the run reaches it in a straight line (see {@link #reachingAssignment}); anything else
 * ({@code SELECT .. INTO}, an {@code OUTPUT} parameter, a loop variable) leaves it built at run time.
 * Counting too many assignments only costs a diagnostic; counting too few would check the wrong text.
 *
 * <p>A text built partly at run time still shows what it does: {@code v_sql := 'DROP TABLE ' || v_name}, and
 * T-SQL's loop over a catalogue, {@code SELECT @sql += N'DROP TABLE ' + QUOTENAME(name) + N';' FROM sys.tables},
 * drop tables whatever the names turn out to be. Such a text is read with a word standing in for each part that
 * is not a literal, as when the expression stands in the {@code EXECUTE} itself, and stays built at run time.
 * A T-SQL lookup ({@code SELECT @cmd = 'ALTER TABLE t DROP CONSTRAINT ' + name FROM sys.default_constraints ..})
 * that finds no row leaves the variable its earlier text, so after an assignment of anything but {@code NULL} or
 * {@code ''} both texts may run: each is read, and the text stays built at run time unless both are known whole
 * ({@link LookupOrEarlierText}).
 *
 * <p>Where a migration calls the routine with a literal for a parameter ({@code CALL drop_column('orders', 'note')}),
 * the body is read for that call with the parameter holding the literal, unless the body assigns it itself.
 */
final class VariableAssignments {

    /**
     * What the variable is known to hold.
     *
     * @param parts its literals in order, with a stand-in word for each part built at run time; empty when nothing
     *     of it is known
     * @param partlyBuilt true when some of it is only known when the migration runs
     * @param asOneLiteral the whole text as one literal where its parts only read right in their own statement (a
     *     format call's filled-in slots) but the text itself is known, so that it can be joined into another; else
     *     null
     */
    record Value(List<Token> parts, boolean partlyBuilt, Token asOneLiteral) {

        static final Value UNKNOWN = new Value(List.of(), false);

        Value {
            parts = List.copyOf(parts);
        }

        Value(List<Token> parts, boolean partlyBuilt) {
            this(parts, partlyBuilt, null);
        }
    }

    private VariableAssignments() {
    }

    /**
     * What {@code variable} holds when {@code use} runs it: the literals of its one assignment before it; or, when
     * it is assigned once and then only added to ({@code @v += ..}, {@code @v = @v + ..}, {@code v := v || ..})
     * before it runs, or assigned once from literals joined with other parts, those parts read with stand-ins. A text
     * added to in steps is known whole when every step reaches the next, and the last the use, in a straight line
     * ({@link #addedInStraightLine}): each step then ran once, unless a query runs it once for each row it finds.
     */
    static Value valueOf(List<Token> scope, Map<String, Token> arguments, Token variable, Token use,
            DefinedRoutineSpans routines) {
        return valueOf(scope, arguments, variable, use, false, true, routines);
    }

    /**
     * What {@code variable} holds where {@code use} joins it with other text ({@code v_stmt || v_name},
     * {@code CONCAT('DELETE FROM ', @t)}): only the literals of an assignment that reaches the use in a straight
     * line, even when it is the only one. Left unassigned by a branch, a variable run whole runs nothing, but one
     * joined with other parts leaves them to run as a different statement.
     */
    static Value straightLineValue(List<Token> scope, Map<String, Token> arguments, Token variable, Token use) {
        return valueOf(scope, arguments, variable, use, true, false, DefinedRoutineSpans.NONE);
    }

    /**
     * @param arguments the literal a call passes for a parameter of the routine, by the parameter's name in lower
     *     case; empty where the body is not read for one call
     * @param routines where the routines the scope defines stand, whose loops and branches are not its own
     * @param stepsInStraightLine true to read a text added to in steps that all run in a straight line as known whole
     */
    private static Value valueOf(List<Token> scope, Map<String, Token> arguments, Token variable, Token use,
            boolean straightLine, boolean stepsInStraightLine, DefinedRoutineSpans routines) {
        if (variable.text().startsWith("@")) {
            scope = GoBatches.around(scope, use);
        }
        Token argument = arguments.get(variable.text().toLowerCase(Locale.ROOT));
        List<List<Token>> expressions = new ArrayList<>();
        List<Integer> assignedAt = new ArrayList<>();
        List<Boolean> appends = new ArrayList<>();
        // T-SQL's SELECT @v = .. FROM .. that finds no row leaves @v what an earlier assignment gave it.
        List<Boolean> keepsEarlierText = new ArrayList<>();
        // T-SQL's SELECT @v += .. FROM t runs its assignment once for each row the query finds, or not at all.
        List<Boolean> onceEachRow = new ArrayList<>();
        boolean textBefore = false;
        boolean appendedOnly = true;
        boolean allBeforeUse = true;
        boolean assignedByContext = false;
        int lastContextBeforeUse = -1;
        int firstContextAfterUse = -1;
        // A query that finds no row leaves the variable what it held: a catalogue's name counts only where that was
        // nothing but NULL or another such name (SET @s = NULL between two lookups).
        boolean onlyNamesOrNullBefore = true;
        for (int i : ScopeIndex.of(scope).wordsNamed(variable.text())) {
            Token token = scope.get(i);
            int value;
            boolean appended;
            if (ContextAssignments.isCompoundAssignment(scope, i + 1)) {
                value = i + 3;
                appended = true;
            } else if (ContextAssignments.isAssignedByContext(scope, i)) {
                List<Token> named = onlyNamesOrNullBefore ? CatalogueSelectedText.of(scope, i) : null;
                // SELECT IF(..) INTO @s FROM ..: one of its branches, or (no row) what it held before
                named = named == null ? QueriedConditionalText.intoVariable(scope, i, onlyNamesOrNullBefore) : named;
                if (named != null) { // known but for the catalogue's names: as good as a plain assignment
                    appendedOnly &= expressions.isEmpty();
                    allBeforeUse &= token.offset() < use.offset();
                    expressions.add(named);
                    assignedAt.add(i);
                    appends.add(false);
                    keepsEarlierText.add(false);
                    onceEachRow.add(true);
                    continue;
                }
                onlyNamesOrNullBefore = false;
                assignedByContext = true;
                lastContextBeforeUse = token.offset() < use.offset() ? i : lastContextBeforeUse;
                firstContextAfterUse = token.offset() > use.offset() && firstContextAfterUse < 0 ? i
                        : firstContextAfterUse;
                List<Token> selected = ContextAssignments.selectedText(scope, i);
                if (selected != null) { // read as text added to it, as what else it holds is not known
                    expressions.add(selected);
                    assignedAt.add(i);
                    appends.add(true);
                    keepsEarlierText.add(false);
                    onceEachRow.add(true);
                }
                textBefore = true;
                continue;
            } else {
                value = AssignmentSyntax.valueStart(scope, i);
                if (value < 0) {
                    continue;
                }
                if (AssignmentSyntax.isParameter(scope, i)) {
                    if (argument != null) {
                        continue; // the call passes a value: the default does not run
                    }
                    return Value.UNKNOWN;
                }
                appended = addsToItself(scope, value, variable);
                value += appended ? 2 : 0;
            }
            appendedOnly &= expressions.isEmpty() || appended;
            allBeforeUse &= token.offset() < use.offset();
            List<Token> expression = AssignmentSyntax.expressionFrom(scope, value);
            onlyNamesOrNullBefore &= expression.size() == 1 && expression.get(0).isWord("NULL");
            boolean queried = CatalogueNames.isSelectAssignment(scope, i) && value + expression.size() < scope.size()
                    && scope.get(value + expression.size()).isWord("FROM");
            keepsEarlierText.add(textBefore && queried);
            onceEachRow.add(queried);
            textBefore |= !holdsNothing(expression);
            expressions.add(expression);
            assignedAt.add(i);
            appends.add(appended);
        }
        if (assignedByContext) {
            // SELECT .. INTO @t, then SET @t = CONCAT('DROP TABLE ', @t): the plain assignment after it decides.
            // v := 'DELETE ..'; EXECUTE v; SELECT .. INTO v: a later one reaches the use only through a loop.
            int reaching = ReachingAssignments.of(scope, assignedAt, expressions, use, variable, routines);
            boolean afterContext = lastContextBeforeUse < 0
                    ? !LoopWords.mayRunAgain(scope, use, routines) && endsBefore(scope, use, firstContextAfterUse)
                    : reaching >= 0 && assignedAt.get(reaching) > lastContextBeforeUse;
            if (reaching >= 0 && !appends.get(reaching) && !keepsEarlierText.get(reaching) && afterContext) {
                return valueOfOne(scope, arguments, scope.get(assignedAt.get(reaching)), expressions.get(reaching));
            }
            return addedBefore(scope, use, expressions, assignedAt, appends);
        }
        if (expressions.isEmpty()) {
            // Located where the body uses the parameter, which is where its text stands in what the body runs.
            return argument == null ? Value.UNKNOWN : new Value(List.of(new Token(TokenType.STRING, argument.text(),
                    variable.offset(), variable.line(), variable.column())), false);
        }
        if (straightLine || !allBeforeUse || !appendedOnly) {
            int reaching = ReachingAssignments.of(scope, assignedAt, expressions, use, variable, routines);
            if (reaching >= 0 && !appends.get(reaching) && !keepsEarlierText.get(reaching)) {
                return valueOfOne(scope, arguments, scope.get(assignedAt.get(reaching)), expressions.get(reaching));
            }
            if (reaching >= 0 && !appends.get(reaching) && !straightLine) {
                Token lookup = scope.get(assignedAt.get(reaching));
                Value either = LookupOrEarlierText.either(valueOf(scope, arguments, variable, lookup, false, false,
                        routines), valueOfOne(scope, arguments, lookup, expressions.get(reaching)));
                if (either != null) {
                    return either;
                }
            }
            return straightLine ? Value.UNKNOWN : everyTextBefore(scope, use, expressions, assignedAt, appends);
        }
        if (expressions.size() == 1) {
            return valueOfOne(scope, arguments, scope.get(assignedAt.get(0)), expressions.get(0));
        }
        Value stepped = stepsInStraightLine && !onceEachRow.contains(true)
                ? addedInStraightLine(scope, arguments, assignedAt, expressions, appends.get(0), use, variable,
                        routines) : null;
        return stepped != null ? stepped : withStandIns(expressions);
    }

    /**
     * The text of a variable assigned once and then added to ({@code SET @sql = N'IF EXISTS (SELECT 1 FROM '; SET
     * @sql = @sql + QUOTENAME(@t) + N') THROW ..'}), when each step reaches the next in a straight line and the last
     * reaches {@code use}: every step ran, so the text is known whole where each step is; else null. A first step
     * that adds to the variable already adds to what it held before, unknown here (T-SQL's NULL makes it NULL).
     */
    private static Value addedInStraightLine(List<Token> scope, Map<String, Token> arguments,
            List<Integer> assignedAt, List<List<Token>> expressions, boolean firstAdds, Token use, Token variable,
            DefinedRoutineSpans routines) {
        if (firstAdds) {
            return null;
        }
        List<Token> parts = new ArrayList<>();
        for (int k = 0; k < expressions.size(); k++) {
            Token next = k + 1 < expressions.size() ? scope.get(assignedAt.get(k + 1)) : use;
            if (ReachingAssignments.of(scope, assignedAt.subList(0, k + 1), expressions.subList(0, k + 1), next,
                    variable, routines) != k) {
                return null;
            }
            Value step = valueOfOne(scope, arguments, scope.get(assignedAt.get(k)), expressions.get(k));
            if (step.partlyBuilt()) {
                return null;
            }
            if (step.asOneLiteral() != null) {
                parts.add(step.asOneLiteral());
            } else if (BuiltTexts.isOneKnownText(step.parts())) {
                parts.addAll(step.parts());
            } else {
                return null;
            }
        }
        return new Value(parts, false);
    }

    /**
     * True when {@code statement} is a T-SQL assignment and nothing else ({@code SET @v = ..}, {@code DECLARE @v
     * nvarchar(max) = ..}) of a text known whole, once the call's {@code arguments} and the variables it joins are
     * put in: such a statement changes no table, and what it holds is read where the variable runs.
     */
    static boolean assignsKnownText(List<Token> scope, Map<String, Token> arguments, List<Token> statement) {
        if (statement.size() < 4 || !statement.get(0).isAnyWord("SET", "DECLARE")
                || statement.get(1).type() != TokenType.WORD || !statement.get(1).text().startsWith("@")) {
            return false;
        }
        int value = AssignmentSyntax.valueStart(statement, 1);
        List<Token> expression = value < 0 ? List.of() : AssignmentSyntax.expressionFrom(statement, value);
        if (expression.isEmpty() || value + expression.size() != statement.size()) {
            return false;
        }
        Value assigned = valueOfOne(scope, arguments, statement.get(1), expression);
        return !assigned.partlyBuilt() && (assigned.asOneLiteral() != null
                || BuiltTexts.isOneKnownText(assigned.parts()));
    }

    /**
     * What one expression assigned to {@code target} holds: its literals, a format call, each branch of a condition,
     * or stand-ins; a variable joined into it counts with the text it holds there.
     */
    private static Value valueOfOne(List<Token> scope, Map<String, Token> arguments, Token target,
            List<Token> assigned) {
        while (assigned.size() > 2 && assigned.get(0).isSymbol("(")
                && TopLevel.closingParenthesis(assigned, 0) == assigned.size() - 1) {
            assigned = assigned.subList(1, assigned.size() - 1); // SELECT @t = (@tab): the parentheses change nothing
        }
        if (assigned.size() == 1 && arguments.containsKey(assigned.get(0).text().toLowerCase(Locale.ROOT))) {
            // MySQL prepares only a user variable: SET @s = p_sql; PREPARE st FROM @s runs what the call passes.
            return straightLineValue(scope, arguments, assigned.get(0), target);
        }
        // (SELECT IF(COUNT(*) > 0, '..', '..') FROM ..): the query only picks the branch, read as the IF alone
        List<Token> chosen = QueriedConditionalText.ofSubquery(assigned);
        assigned = chosen == null ? assigned : chosen;
        List<Token> selected = chosen == null ? ContextAssignments.subqueryText(assigned) : null;
        if (selected != null) {
            // v := (SELECT string_agg(..) FROM ..): the rows decide how often the text repeats, if at all.
            Value value = withStandIns(List.of(selected));
            return value == Value.UNKNOWN ? value : new Value(value.parts(), true);
        }
        VariableAssignments.Value filled = TemplateSlots.filled(assigned, scope, arguments, target);
        if (filled != null) { // SET @sql = REPLACE(@sql, N'{t}', N'orders'): the template with its slot filled
            return filled;
        }
        List<Token> expression = VariableOperands.substituted(
                CatalogueNames.withNameColumnsAsOneName(scope, target, assigned), scope, arguments, target);
        List<Token> literals = TextParts.literalParts(expression);
        if (!literals.isEmpty()) {
            return new Value(literals, false);
        }
        FormatCall.Formatted formatted = FormatCall.parts(expression, 0);
        if (formatted != null && !formatted.builtAtRunTime()) {
            // format('DROP TABLE %I', 'old_orders'): known whole
            return new Value(formatted.parts(), false, formatted.asOneLiteral());
        }
        ConditionalText.Branches branches = ConditionalText.of(expression, 0);
        if (branches != null) {
            return new Value(branches.parts(), branches.partlyBuilt());
        }
        return withStandIns(List.of(expression));
    }

    /**
     * What a variable the script cannot follow (an {@code OUTPUT} parameter, {@code FETCH .. INTO}) still shows: the
     * text added to it before {@code use}, as T-SQL's uninstall loops add {@code N'DROP TABLE ..'} in one branch
     * and fill it through {@code sp_executesql .. @sql OUTPUT} in the other. Whatever else it holds, what was added
     * runs when that step ran, so it is read with stand-ins and stays built at run time.
     */
    private static Value addedBefore(List<Token> scope, Token use, List<List<Token>> expressions,
            List<Integer> assignedAt, List<Boolean> appends) {
        List<List<Token>> added = new ArrayList<>();
        for (int k = 0; k < expressions.size(); k++) {
            if (appends.get(k) && scope.get(assignedAt.get(k)).offset() < use.offset()) {
                added.add(expressions.get(k));
            }
        }
        if (added.isEmpty()) {
            return Value.UNKNOWN;
        }
        Value value = withStandIns(added);
        return value.parts().isEmpty() ? value : new Value(value.parts(), true);
    }

    /**
     * What a variable assigned in several places may hold where {@code use} runs it, when no one assignment is known
     * to reach it: each whole assignment before it with what is added after it, read as statements of their own.
     * T-SQL procedures reuse one {@code @cmd} for several commands ({@code SET @cmd = 'DELETE FROM ' + @t;} in one
     * branch, {@code SET @cmd = 'SELECT * INTO ' + ..} in another, {@code SET @cmd = @cmd + ..} in steps), and any of
     * them may be what runs; each still shows what it does, and the text stays built at run time.
     */
    private static Value everyTextBefore(List<Token> scope, Token use, List<List<Token>> expressions,
            List<Integer> assignedAt, List<Boolean> appends) {
        List<Token> parts = new ArrayList<>();
        for (int k = 0; k < expressions.size() && scope.get(assignedAt.get(k)).offset() < use.offset(); k++) {
            if (appends.get(k)) {
                continue;
            }
            List<Token> text = new ArrayList<>();
            for (int j = k; j < expressions.size() && (j == k || appends.get(j))
                    && scope.get(assignedAt.get(j)).offset() < use.offset(); j++) {
                text.addAll(partsOrStandIn(expressions.get(j), parts.size() + text.size()));
            }
            if (text.stream().noneMatch(part -> part.type() == TokenType.STRING)) {
                continue;
            }
            if (!parts.isEmpty()) {
                Token first = text.get(0);
                parts.add(new Token(TokenType.WORD, ";", first.offset(), first.line(), first.column()));
            }
            parts.addAll(text);
        }
        return parts.isEmpty() ? Value.UNKNOWN : new Value(parts, true);
    }

    /** The parts of one step of a text; a step without a literal ({@code @cmd + @columns}) as one stand-in. */
    private static List<Token> partsOrStandIn(List<Token> expression, int standInsBefore) {
        if (expression.isEmpty()) {
            return List.of();
        }
        List<Token> known = TextParts.partsWithStandIns(expression, standInsBefore);
        return known.isEmpty() ? List.of(StandIns.forOperand(expression, standInsBefore + 1)) : known;
    }

    /** {@code NULL}, {@code ''} or {@code N''}: a value that runs nothing when a later lookup keeps it. */
    private static boolean holdsNothing(List<Token> expression) {
        if (expression.size() != 1) {
            return false;
        }
        Token value = expression.get(0);
        return value.isWord("NULL") || value.type() == TokenType.STRING && value.stringValue().isEmpty();
    }

    /** The expressions joined in order, each part that is not a literal read as a stand-in word. */
    private static Value withStandIns(List<List<Token>> expressions) {
        List<Token> parts = new ArrayList<>();
        for (List<Token> expression : expressions) {
            int standIns = (int) parts.stream().filter(part -> part.type() == TokenType.WORD).count();
            List<Token> known = TextParts.partsWithStandIns(expression, standIns);
            if (known.isEmpty()) {
                return Value.UNKNOWN;
            }
            parts.addAll(known);
        }
        // Added to in steps, the text depends on which steps ran (a branch may hold the WHERE): never known whole.
        return new Value(parts, expressions.size() > 1 || StandIns.leaveShapeOpen(parts));
    }

    /**
     * True when the statement of {@code use} ends before the token at {@code at}, so that the assignment there is
     * no part of the use's own statement ({@code EXECUTE format(.., v) INTO v} stays unknown).
     */
    private static boolean endsBefore(List<Token> scope, Token use, int at) {
        for (int i = at - 1; i >= 0 && scope.get(i).offset() > use.offset(); i--) {
            if (StatementEnd.isSeparator(scope.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** {@code @v + ..} or {@code v || ..} at {@code at}: the assignment keeps the text and adds to it. */
    private static boolean addsToItself(List<Token> scope, int at, Token variable) {
        return at + 1 < scope.size() && scope.get(at).text().equalsIgnoreCase(variable.text())
                && (scope.get(at + 1).isSymbol("+") || scope.get(at + 1).isSymbol("||"));
    }
}
