package io.github.sqlguard.analysis;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TranscodingFunction;
import net.sf.jsqlparser.expression.UserVariable;
import net.sf.jsqlparser.expression.VariableAssignment;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.CosineSimilarity;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsBooleanExpression;
import net.sf.jsqlparser.expression.operators.relational.IsDistinctExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.IsUnknownExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/** Decides from JSqlParser's expression tree whether a condition holds for every row. */
final class ExpressionTruth {

    /** How the statement's database reads a string written alone as a condition. */
    private final TextAsCondition text;
    /** The one table the condition reads, whose columns a bare name and a qualified one both name. */
    private final SoleTableColumns scope;

    private ExpressionTruth(TextAsCondition text, SoleTableColumns scope) {
        this.text = text;
        this.scope = scope;
    }

    /** The truth of {@code expression}; {@code text} says how its database reads a string written alone. */
    static Truth of(Expression expression, TextAsCondition text) {
        return of(expression, text, SoleTableColumns.NONE);
    }

    /**
     * The truth of {@code expression}, a condition that reads the columns of {@code scope}'s table alone, where
     * {@code e.empno = empno} compares a column with itself.
     */
    static Truth of(Expression expression, TextAsCondition text, SoleTableColumns scope) {
        return new ExpressionTruth(text, scope).truth(InListPrecedence.repaired(expression));
    }

    private Truth truth(Expression expression) {
        if (expression instanceof ParenthesedExpressionList<?> list) {
            return list.size() == 1 ? truth(list.get(0)) : Truth.UNKNOWN;
        } else if (expression instanceof Parenthesis parenthesis) {
            return truth(parenthesis.getExpression());
        } else if (expression instanceof OrExpression) {
            List<Expression> terms = new ArrayList<>();
            flatten(expression, OrExpression.class, terms);
            return coversNull(terms) ? Truth.ALWAYS_TRUE : Truth.or(terms.stream().map(this::truth).toList());
        } else if (expression instanceof AndExpression) {
            List<Expression> terms = new ArrayList<>();
            flatten(expression, AndExpression.class, terms);
            return Truth.and(terms.stream().map(this::truth).toList());
        } else if (expression instanceof NotExpression not) {
            return truth(not.getExpression()).not();
        } else if (expression instanceof StringValue string && string.getPrefix() == null) {
            return text.truthOf(string.getValue()); // MySQL's WHERE '1', PostgreSQL's WHERE 't'
        } else if (expression instanceof Column column && column.getTable() == null
                && column.getColumnName().length() > 1 && column.getColumnName().startsWith("\"")
                && column.getColumnName().endsWith("\"")) {
            String name = column.getColumnName();
            return text.truthOfDoubleQuoted(name.substring(1, name.length() - 1)); // MySQL's WHERE "1"
        } else if (expression instanceof BooleanValue bool) {
            return Truth.of(bool.getValue());
        } else if (expression instanceof LongValue || expression instanceof DoubleValue) {
            return Comparison.ofNumber(expression.toString());
        } else if (expression instanceof SignedExpression signed && (signed.getExpression() instanceof LongValue
                || signed.getExpression() instanceof DoubleValue)) {
            return Comparison.ofNumber(signed.getExpression().toString()); // MySQL's WHERE -1: any number but 0 holds
        } else if (expression instanceof IsNullExpression test && test.getLeftExpression() instanceof NullValue) {
            return Truth.of(!test.isNot()); // NULL IS NULL
        } else if (expression instanceof IsNullExpression test) {
            return literalIsNull(test);
        } else if (expression instanceof IsBooleanExpression test) {
            return BooleanTestPredicate.of(possibleValues(test.getLeftExpression()),
                    test.isTrue() ? BooleanTestPredicate.Value.TRUE : BooleanTestPredicate.Value.FALSE, test.isNot());
        } else if (expression instanceof IsUnknownExpression test) {
            return BooleanTestPredicate.of(possibleValues(test.getLeftExpression()), BooleanTestPredicate.Value.NULL,
                    test.isNot()); // NULL IS UNKNOWN, TRUE IS NOT UNKNOWN
        } else if (expression instanceof InExpression in && !in.isNot()) {
            return literalInItsOwnList(in);
        } else if (expression instanceof LikeExpression like && like.getEscape() == null
                && like.getLikeKeyWord() == LikeExpression.KeyWord.LIKE && !like.isUseBinary()) {
            Truth truth = Comparison.like(operand(like.getLeftExpression()), operand(like.getRightExpression()));
            return like.isNot() ? truth.not() : truth; // 'a' LIKE '%', 1 LIKE 1
        } else if (expression instanceof Between between) {
            Comparison.Operand value = operand(between.getLeftExpression());
            Truth truth = Truth.and(List.of(
                    Comparison.evaluate(value, ">=", operand(between.getBetweenExpressionStart())),
                    Comparison.evaluate(value, "<=", operand(between.getBetweenExpressionEnd()))));
            return between.isNot() ? truth.not() : truth;
        } else if (expression instanceof IsDistinctExpression distinct) {
            return Comparison.evaluate(operand(distinct.getLeftExpression()), distinct.isNot() ? "<=>" : "<>",
                    operand(distinct.getRightExpression()));
        } else if (expression instanceof CosineSimilarity nullSafe) {
            // JSqlParser reads MySQL's null-safe equality as pgvector's cosine distance, which is no condition.
            return Comparison.evaluate(operand(nullSafe.getLeftExpression()), "<=>",
                    operand(nullSafe.getRightExpression()));
        } else if (expression instanceof ExistsExpression exists) {
            Truth truth = selectsLiteralsOnly(exists.getRightExpression()) ? Truth.ALWAYS_TRUE : Truth.UNKNOWN;
            return exists.isNot() ? truth.not() : truth;
        } else if (expression instanceof CastExpression cast && cast.getColDataType() != null
                && (cast.getLeftExpression() instanceof StringValue || cast.getLeftExpression() instanceof LongValue)
                && Set.of("BOOLEAN", "BOOL").contains(cast.getColDataType().getDataType().toUpperCase(java.util.Locale.ROOT))) {
            return Comparison.ofBooleanCast(operand(cast.getLeftExpression())); // PostgreSQL 't'::boolean, 1::boolean
        } else if (expression instanceof ComparisonOperator comparison
                && comparison.getLeftExpression() instanceof ExpressionList<?> left
                && comparison.getRightExpression() instanceof ExpressionList<?> right) {
            return Comparison.evaluateRows(operands(left), comparison.getStringExpression(), operands(right));
        } else if (expression instanceof ComparisonOperator comparison) {
            return Comparison.evaluate(operand(comparison.getLeftExpression()), comparison.getStringExpression(),
                    operand(comparison.getRightExpression()));
        } else if (expression instanceof VariableAssignment comparison && comparison.getOperation().equals("=")) {
            // The parser reads WHERE @a = .. as an assignment, which no WHERE can hold: it is a comparison
            return Comparison.evaluate(operand(comparison.getVariable()), "=", operand(comparison.getExpression()));
        }
        return Truth.UNKNOWN;
    }

    /**
     * The values the operand of {@code IS [NOT] TRUE|FALSE|UNKNOWN} can take: {@code NULL} and a comparison with
     * NULL are NULL, a condition of literals that holds for no row is FALSE when no NULL can be in it.
     */
    private Set<BooleanTestPredicate.Value> possibleValues(Expression operand) {
        Expression bare = unwrapped(operand);
        if (bare instanceof NullValue || bare instanceof ComparisonOperator comparison
                && !comparison.getStringExpression().equals("<=>")
                && (unwrapped(comparison.getLeftExpression()) instanceof NullValue
                        || unwrapped(comparison.getRightExpression()) instanceof NullValue)) {
            return EnumSet.of(BooleanTestPredicate.Value.NULL);
        }
        return BooleanTestPredicate.possibleValues(truth(bare), neverNull(bare));
    }

    /**
     * True for a condition of literals that cannot be NULL: numbers, non-empty strings (Oracle reads '' as NULL),
     * TRUE and FALSE, compared or joined by AND, OR and NOT, and the IS tests, which are never NULL.
     */
    private static boolean neverNull(Expression expression) {
        Expression bare = unwrapped(expression);
        if (bare instanceof LongValue || bare instanceof DoubleValue || bare instanceof BooleanValue
                || bare instanceof IsNullExpression || bare instanceof IsBooleanExpression
                || bare instanceof IsUnknownExpression || bare instanceof IsDistinctExpression) {
            return true;
        } else if (bare instanceof StringValue string) {
            return !string.getValue().isEmpty();
        } else if (bare instanceof NotExpression not) {
            return neverNull(not.getExpression());
        } else if (bare instanceof AndExpression || bare instanceof OrExpression
                || bare instanceof ComparisonOperator) {
            BinaryExpression binary = (BinaryExpression) bare;
            return neverNull(binary.getLeftExpression()) && neverNull(binary.getRightExpression());
        }
        return false;
    }

    /** {@code expression} without the parentheses around it. */
    private static Expression unwrapped(Expression expression) {
        Expression bare = expression;
        while (bare instanceof Parenthesis || bare instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
            bare = bare instanceof Parenthesis parenthesis ? parenthesis.getExpression()
                    : ((ParenthesedExpressionList<?>) bare).get(0);
        }
        return bare;
    }

    /** {@code 'x' IS NOT NULL}: a literal other than '' (which Oracle reads as NULL) is never NULL. */
    private Truth literalIsNull(IsNullExpression test) {
        Comparison.Operand value = operand(test.getLeftExpression());
        boolean literal = value != null && (value.kind() == Comparison.Kind.NUMBER
                || value.kind() == Comparison.Kind.STRING && !value.value().isEmpty());
        return literal ? Truth.of(test.isNot()) : Truth.UNKNOWN;
    }

    /** {@code (SELECT 1)}, {@code (SELECT 'x', NULL)}: literals alone, with no FROM, make one row. */
    private static boolean selectsLiteralsOnly(Expression subquery) {
        if (!(subquery instanceof ParenthesedSelect parenthesed)
                || !(parenthesed.getSelect() instanceof PlainSelect select)) {
            return false;
        }
        if (select.getFromItem() != null || select.getJoins() != null || select.getWhere() != null
                || select.getHaving() != null || select.getGroupBy() != null || select.getQualify() != null
                || select.getTop() != null || select.getDistinct() != null || select.getLimit() != null
                || select.getOffset() != null || select.getFetch() != null || select.getIntoTables() != null
                || select.getWithItemsList() != null || select.getSelectItems() == null) {
            return false;
        }
        for (SelectItem<?> item : select.getSelectItems()) {
            Expression value = item.getExpression();
            boolean literal = value instanceof LongValue || value instanceof DoubleValue
                    || value instanceof StringValue || value instanceof NullValue || value instanceof BooleanValue;
            if (!literal || item.getAlias() != null) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code 1 IN (1, 2)}: a literal that equals a literal of its own list; also {@code id IN (7, id)}, a column
     * listed among its own values, which is {@code id = id} and so holds wherever the column is not NULL.
     */
    private Truth literalInItsOwnList(InExpression in) {
        Comparison.Operand left = operand(in.getLeftExpression());
        if (left == null || !(in.getRightExpression() instanceof ExpressionList<?> list)) {
            return Truth.UNKNOWN;
        }
        for (Object item : list) {
            Comparison.Operand right = item instanceof Expression element ? operand(element) : null;
            if (right != null && Comparison.evaluate(left, "=", right) == Truth.ALWAYS_TRUE) {
                return Truth.ALWAYS_TRUE;
            }
        }
        return Truth.UNKNOWN;
    }

    private static void flatten(Expression expression, Class<? extends BinaryExpression> type, List<Expression> out) {
        if (type.isInstance(expression)) {
            BinaryExpression binary = (BinaryExpression) expression;
            flatten(binary.getLeftExpression(), type, out);
            flatten(binary.getRightExpression(), type, out);
        } else {
            out.add(expression);
        }
    }

    /**
     * True for {@code x IS NULL OR x IS NOT NULL}: together the terms cover every row, also where {@code x} is an
     * expression written alike in both ({@code data->'k'}, {@code lower(note)}).
     */
    private boolean coversNull(List<Expression> terms) {
        Set<String> isNull = new HashSet<>();
        Set<String> isNotNull = new HashSet<>();
        for (Expression term : terms) {
            Expression bare = term;
            while (bare instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
                bare = list.get(0);
            }
            if (bare instanceof IsNullExpression test && !(test.getLeftExpression() instanceof NullValue)) {
                String tested = test.getLeftExpression() instanceof Column column
                        ? scope.key(column.getFullyQualifiedName())
                        : "expression " + test.getLeftExpression().toString();
                (test.isNot() ? isNotNull : isNull).add(tested);
            }
        }
        isNull.retainAll(isNotNull);
        return !isNull.isEmpty();
    }

    /** The values of a row constructor, {@code (a, b)}; a value that is no literal or column is null. */
    private List<Comparison.Operand> operands(ExpressionList<?> row) {
        List<Comparison.Operand> operands = new ArrayList<>();
        row.forEach(value -> operands.add(operand(value)));
        return operands;
    }

    private Comparison.Operand operand(Expression expression) {
        if (expression instanceof LongValue || expression instanceof DoubleValue) {
            return new Comparison.Operand(Comparison.Kind.NUMBER, expression.toString());
        } else if (expression instanceof StringValue string) {
            return new Comparison.Operand(Comparison.Kind.STRING, string.getValue());
        } else if (expression instanceof Column column) {
            return new Comparison.Operand(Comparison.Kind.COLUMN, scope.key(column.getFullyQualifiedName()));
        } else if (expression instanceof UserVariable variable) {
            // @v = @v holds whenever @v has a value, as id = id does; the @ keeps it apart from a column v
            return new Comparison.Operand(Comparison.Kind.COLUMN, variable.toString().toLowerCase(Locale.ROOT));
        } else if (expression instanceof Function function) {
            return Comparison.call(function.toString());
        } else if (expression instanceof CastExpression cast && !cast.isUseCastKeyword()
                && cast.getColDataType() != null) {
            return Comparison.cast(operand(cast.getLeftExpression()), cast.getColDataType().toString()); // id::text
        } else if (expression instanceof CastExpression cast) {
            return Comparison.call(cast.toString()); // CAST(id AS text), as the tokens read it
        } else if (expression instanceof TranscodingFunction convert) {
            return Comparison.call(convert.toString()); // CONVERT(varchar(10), id)
        }
        return null;
    }
}
