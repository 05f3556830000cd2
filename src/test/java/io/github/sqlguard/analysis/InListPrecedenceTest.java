package io.github.sqlguard.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The condition tree with each IN predicate ending at its list, whatever logical words follow it. */
class InListPrecedenceTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            id IN (1, 2) OR true                     | OR[IN[id (1, 2)] true]
            id NOT IN (SELECT x FROM y) AND b = 1    | AND[NOT IN[id (SELECT x FROM y)] =[b 1]]
            b = 2 AND id IN (1, 2) OR true           | OR[AND[=[b 2] IN[id (1, 2)]] true]
            id IN (1, 2) OR a = 1 AND b = 2          | OR[IN[id (1, 2)] AND[=[a 1] =[b 2]]]
            NOT id IN (1, 2) OR true                 | OR[NOT[IN[id (1, 2)]] true]
            x = 1 AND (id IN (1) OR true)            | AND[=[x 1] (OR[IN[id (1)] true])]
            """)
    void eachInPredicateEndsAtItsList(String condition, String expected) throws JSQLParserException {
        assertEquals(expected, shape(InListPrecedence.repaired(CCJSqlParserUtil.parseCondExpression(condition))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a = 1 OR b = 2 AND c = 3", "id IN (1, 2)", "(a = 1 OR b = 2) AND id IN (3)"})
    void aConditionWithoutMisreadListIsKeptAsParsed(String condition) throws JSQLParserException {
        Expression parsed = CCJSqlParserUtil.parseCondExpression(condition);

        assertSame(parsed, InListPrecedence.repaired(parsed));
    }

    /** The tree as {@code OP[left right]}, so that where each operand hangs shows. */
    private static String shape(Expression expression) {
        if (expression instanceof InExpression in) {
            return (in.isNot() ? "NOT IN[" : "IN[") + shape(in.getLeftExpression()) + " "
                    + in.getRightExpression() + "]";
        }
        if (expression instanceof NotExpression not) {
            return "NOT[" + shape(not.getExpression()) + "]";
        }
        if (expression instanceof ParenthesedExpressionList<?> group && group.size() == 1) {
            return "(" + shape(group.get(0)) + ")";
        }
        if (expression instanceof BinaryExpression binary) {
            return binary.getStringExpression() + "[" + shape(binary.getLeftExpression()) + " "
                    + shape(binary.getRightExpression()) + "]";
        }
        return expression.toString();
    }
}
