package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A WHERE whose part on variables alone a call decides: {@code DELETE FROM orders WHERE id = @id OR @id IS NULL} in
 * a procedure removes every row only when {@code @id} is NULL, so {@code EXEC purge_orders @id = 5} removes one. Where
 * the values of the variables that part reads are known and make it false, the rest of the condition chooses the
 * rows; where they are unknown, or make it true or leave it open, the statement keeps its facts. So for several such
 * filters joined by AND, one of which the values switch on, and for the fallback {@code id = ISNULL(@id, id)}, which
 * a literal turns into {@code id = 5}.
 */
public final class KnownVariableSwitch {

    private KnownVariableSwitch() {
    }

    /**
     * {@code model} with the variables of {@code values} (literals by lower-case name, as a call passes them) read
     * into the parts of its WHERE that read variables alone: a row change whose every such part they make false has
     * a WHERE that restricts.
     */
    public static StatementModel decided(StatementModel model, Map<String, Token> values) {
        if (values.isEmpty() || model.rowChanges().size() != 1) {
            return model;
        }
        RowChange change = model.rowChanges().get(0);
        if (change.where() != WhereFact.VARIABLE_SWITCH && change.where() != WhereFact.VARIABLES_ONLY
                && change.where() != WhereFact.VARIABLE_FALLBACK) {
            return model;
        }
        StatementTokens tokens = StatementTokens.of(model.statement());
        int verb = verbIndex(tokens, change);
        int where = verb < 0 ? -1 : tokens.indexOfTopLevelWord(verb + 1, tokens.size(), "WHERE");
        if (where < 0) {
            return model;
        }
        int end = TokenDataChanges.conditionEnd(tokens, where, tokens.size());
        // id = ISNULL(@id, id) falls back to the row's own value only while the variable is NULL, which no literal a
        // call passes is.
        boolean restricts = change.where() == WhereFact.VARIABLE_FALLBACK ? holdsEvery(tokens, where + 1, end, values)
                : restrictsWith(tokens, where + 1, end, values);
        return restricts
                ? model.with(model.clauses(), List.of(change.withWhere(WhereFact.PRESENT)), model.scratchTable())
                : model;
    }

    /**
     * True when the condition in {@code [from, to)} chooses rows once {@code values} are read into it: an OR whose
     * every part on variables alone they make false, an AND one of whose terms does, a part that names a column.
     */
    private static boolean restrictsWith(StatementTokens tokens, int from, int to, Map<String, Token> values) {
        if (OtherTablesCondition.namesOnlyVariables(tokens, from, to)) {
            return truthWith(tokens, from, to, values) == Truth.ALWAYS_FALSE;
        }
        List<int[]> parts = TokenConditionTruth.orTerms(tokens, from, to);
        if (parts.size() > 1) {
            return parts.stream().allMatch(part -> !OtherTablesCondition.namesOnlyVariables(tokens, part[0], part[1])
                    || truthWith(tokens, part[0], part[1], values) == Truth.ALWAYS_FALSE);
        }
        List<int[]> terms = TokenConditionTruth.andTerms(tokens, from, to);
        // (@a IS NULL OR a = @a) AND (@b IS NULL OR b = @b): one filter the values switch on chooses the rows.
        return terms.size() > 1 && terms.stream().anyMatch(term -> switchedOn(tokens, term[0], term[1], values));
    }

    /** True when {@code values} hold every variable the condition in {@code [from, to)} reads. */
    private static boolean holdsEvery(StatementTokens tokens, int from, int to, Map<String, Token> values) {
        for (int i = from; i < to; i++) {
            Token token = tokens.tokens().get(i);
            if (OtherTablesCondition.isVariable(tokens, i)
                    && !values.containsKey(token.text().toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    /** True for an OR with a part on variables alone, every such part of which {@code values} make false. */
    private static boolean switchedOn(StatementTokens tokens, int from, int to, Map<String, Token> values) {
        List<int[]> parts = TokenConditionTruth.orTerms(tokens, from, to);
        return parts.size() > 1
                && parts.stream().anyMatch(part -> OtherTablesCondition.namesOnlyVariables(tokens, part[0], part[1]))
                && restrictsWith(tokens, from, to, values);
    }

    /** The index of the verb of {@code change} among the statement's own tokens at their top level, or -1. */
    private static int verbIndex(StatementTokens tokens, RowChange change) {
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.tokens().get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (token.line() == change.at().line() && token.column() == change.at().column()) {
                return depth == 0 && token.isWord(change.verb()) ? i : -1;
            }
        }
        return -1;
    }

    /**
     * The truth of the condition in {@code [from, to)} with each variable that {@code values} holds replaced by its
     * literal; UNKNOWN when it reads a variable they do not hold.
     */
    private static Truth truthWith(StatementTokens tokens, int from, int to, Map<String, Token> values) {
        List<Token> replaced = new ArrayList<>(tokens.tokens());
        for (int i = from; i < to; i++) {
            Token token = replaced.get(i);
            if (!OtherTablesCondition.isVariable(tokens, i)) {
                continue;
            }
            Token value = values.get(token.text().toLowerCase(Locale.ROOT));
            if (value == null) {
                return Truth.UNKNOWN;
            }
            replaced.set(i, new Token(value.type(), value.text(), token.offset(), token.line(), token.column()));
        }
        return TokenConditionTruth.of(tokens.withTokens(replaced), from, to);
    }
}
