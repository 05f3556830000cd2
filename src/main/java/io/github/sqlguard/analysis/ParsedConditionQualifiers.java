package io.github.sqlguard.analysis;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;

/**
 * The tables whose columns a parsed join condition names, by the qualifiers written before them, as
 * {@link OtherTablesCondition} reads them from tokens: an unqualified column or a subquery may name any table.
 */
final class ParsedConditionQualifiers extends ExpressionVisitorAdapter<Void> {

    private final Set<String> qualifiers = new HashSet<>();
    private boolean anyTable;

    private ParsedConditionQualifiers() {
    }

    /** The normalized qualifiers of the columns {@code conditions} name, or null when one may name any table. */
    static Set<String> of(Collection<Expression> conditions) {
        ParsedConditionQualifiers reader = new ParsedConditionQualifiers();
        for (Expression condition : conditions) {
            condition.accept(reader, null);
        }
        return reader.anyTable ? null : reader.qualifiers;
    }

    @Override
    public <S> Void visit(Column column, S context) {
        Table table = column.getTable();
        String qualifier = table == null ? null : table.getFullyQualifiedName();
        if (qualifier == null || qualifier.isEmpty()) {
            anyTable = true;
        } else {
            qualifiers.add(ObjectNames.normalize(qualifier));
        }
        return null;
    }

    @Override
    public <S> Void visit(ParenthesedSelect select, S context) {
        anyTable = true;
        return null;
    }

    @Override
    public <S> Void visit(Select select, S context) {
        anyTable = true;
        return null;
    }
}
