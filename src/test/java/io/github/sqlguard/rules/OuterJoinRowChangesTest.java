package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An outer join keeps every row of its preserved side, so it limits nothing there; a join of a table to a second copy
 * of itself on one column pairs every row with itself, so it limits nothing at all. MySQL's multi-table UPDATE
 * changes the tables its SET assigns, which need not be the first one it names.
 */
class OuterJoinRowChangesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "MYSQL | DELETE t1 FROM t1 JOIN t2 ON t1.id = t2.id | -",
        "MYSQL | DELETE t1 FROM t1 LEFT JOIN t2 ON t1.id = t2.id | delete-without-where",
        "MYSQL | DELETE t1 FROM t1 LEFT OUTER JOIN t2 ON t1.id = t2.id WHERE t2.id IS NULL | -",
        "MYSQL | DELETE t2 FROM t1 LEFT JOIN t2 ON t1.id = t2.id | -",
        "MYSQL | DELETE t2 FROM t1 RIGHT JOIN t2 ON t1.id = t2.id | delete-without-where",
        "MYSQL | UPDATE orders o LEFT JOIN customers c ON o.cid = c.id SET o.region = c.region | update-without-where",
        "MYSQL | UPDATE orders o JOIN customers c ON o.cid = c.id SET o.region = c.region | -",
        // MySQL's multi-table UPDATE changes the tables its SET assigns, which need not be the first one.
        "MYSQL | UPDATE orders o LEFT JOIN customers c ON o.cid = c.id SET c.region = 'x' | -",
        "MYSQL | UPDATE orders o LEFT JOIN customers c ON o.cid = c.id SET c.region = o.region, c.seen = 1 | -",
        "MYSQL | UPDATE orders, customers SET customers.vip = 1 | update-without-where UPDATE without WHERE changes"
                + " every row of customers",
        "MYSQL | UPDATE orders o JOIN customers c SET c.vip = o.vip | update-without-where UPDATE without WHERE"
                + " changes every row of customers",
        "MYSQL | UPDATE orders o JOIN customers c ON 1 = 1 SET c.vip = 1 | update-without-where UPDATE joined on a"
                + " condition true for every pair of rows (a cross join) and without WHERE changes every row of"
                + " customers",
        "MYSQL | UPDATE orders o RIGHT JOIN customers c ON o.cid = c.id SET o.region = 'x' | -",
        "SQLSERVER | UPDATE o SET region = c.region FROM orders o LEFT JOIN customers c ON o.cid = c.id | update-without-where",
        "SQLSERVER | UPDATE o SET region = c.region FROM orders o INNER JOIN customers c ON o.cid = c.id | -",
        // An outer join after an inner one keeps the rows the inner join left, not every row of the target.
        "MYSQL | UPDATE orders o JOIN customers c ON o.cid = c.id LEFT JOIN regions r ON r.id = c.rid"
                + " SET o.region = COALESCE(r.name, 'none') | -",
        "MYSQL | DELETE o FROM orders o INNER JOIN customers c ON o.cid = c.id LEFT JOIN regions r ON r.id = c.rid | -",
        "SQLSERVER | UPDATE o SET region = r.name FROM orders o JOIN customers c ON o.cid = c.id"
                + " LEFT JOIN regions r ON r.id = c.rid | -",
        "MYSQL | UPDATE orders o LEFT JOIN customers c ON o.cid = c.id JOIN regions r ON r.id = c.rid"
                + " SET o.region = r.name | -",
        "MYSQL | UPDATE orders o LEFT JOIN customers c ON o.cid = c.id LEFT JOIN regions r ON r.id = c.rid"
                + " SET o.region = r.name | update-without-where",
        "MYSQL | UPDATE orders o JOIN customers c ON 1 = 1 LEFT JOIN regions r ON r.id = c.rid"
                + " SET o.region = r.name | update-without-where",
        "MYSQL | DELETE c1 FROM contacts c1 INNER JOIN contacts c2 ON c1.email = c2.email | delete-without-where"
                + " DELETE without WHERE is joined to a second copy of contacts only on the same column email, which"
                + " every row matches in itself: it removes every row of contacts whose email is not NULL (a dedupe"
                + " also needs a tie-breaker such as AND c1.id > c2.id)",
        "MARIADB | DELETE `c1` FROM `shop`.`contacts` `c1` JOIN `shop`.`contacts` `c2` ON `c2`.`Email` = `c1`.`Email`"
                + " | delete-without-where DELETE without WHERE is joined to a second copy of `shop`.`contacts` only on"
                + " the same column `Email`, which every row matches in itself: it removes every row of"
                + " `shop`.`contacts` whose `Email` is not NULL (a dedupe also needs a tie-breaker such as AND c1.id >"
                + " c2.id)",
        "POSTGRESQL | DELETE FROM contacts a USING contacts b WHERE a.email = b.email | always-true-where DELETE whose"
                + " WHERE only equates email of two copies of contacts, which every row matches in itself, removes every"
                + " row of contacts whose email is not NULL (a dedupe also needs a tie-breaker such as AND a.id < b.id)",
        "MYSQL | DELETE c1 FROM contacts c1, contacts c2 WHERE c1.email = c2.email | always-true-where DELETE whose"
                + " WHERE only equates email of two copies of contacts, which every row matches in itself, removes every"
                + " row of contacts whose email is not NULL (a dedupe also needs a tie-breaker such as AND a.id < b.id)",
        "POSTGRESQL | UPDATE contacts SET x = 0 FROM contacts c2 WHERE contacts.id = c2.id | always-true-where UPDATE"
                + " whose WHERE only equates id of two copies of contacts, which every row matches in itself, changes"
                + " every row of contacts whose id is not NULL",
        // An UPDATE that reads the values it writes from the second copy changes every row all the same.
        "MYSQL | UPDATE contacts a JOIN contacts b ON a.id = b.id SET a.x = b.y | update-without-where UPDATE"
                + " without WHERE is joined to a second copy of contacts only on the same column id, which every row"
                + " matches in itself: it changes every row of contacts whose id is not NULL",
        "MYSQL | UPDATE contacts AS a, contacts AS b SET a.x = b.y WHERE a.id = b.id | always-true-where UPDATE"
                + " whose WHERE only equates id of two copies of contacts, which every row matches in itself, changes"
                + " every row of contacts whose id is not NULL",
        "POSTGRESQL | UPDATE contacts SET x = c2.y FROM contacts c2 WHERE contacts.id = c2.id | always-true-where"
                + " UPDATE whose WHERE only equates id of two copies of contacts, which every row matches in itself,"
                + " changes every row of contacts whose id is not NULL",
        "SQLSERVER | UPDATE a SET x = b.y FROM contacts a JOIN contacts b ON a.id = b.id | update-without-where",
        "MYSQL | UPDATE contacts a JOIN contacts b ON a.id = b.id SET a.x = b.y WHERE a.kind = 'p' | -",
        "MYSQL | UPDATE contacts a, contacts b SET a.x = b.y WHERE a.id = b.id AND b.kind = 'p' | -",
        "MYSQL | UPDATE contacts a JOIN contacts b ON a.parent_id = b.id SET a.x = b.y | -",
        "MYSQL | UPDATE contacts a JOIN blocked b ON a.id = b.id SET a.x = b.y | -",
        "MYSQL | DELETE c1 FROM contacts c1, contacts c2 WHERE c1.email = c2.email AND c1.id > c2.id | -",
        "MYSQL | DELETE c1 FROM contacts c1, blocked b WHERE c1.email = b.email | -",
        "MYSQL | DELETE c1 FROM contacts c1 INNER JOIN contacts c2 ON c1.email = c2.email AND c1.id > c2.id | -",
        "MYSQL | DELETE c1 FROM contacts c1 INNER JOIN contacts c2 ON c1.email = c2.phone | -",
        "MYSQL | DELETE c1 FROM contacts c1 INNER JOIN blocked b ON c1.email = b.email | -",
        "POSTGRESQL | DELETE FROM contacts a USING contacts b WHERE a.email = b.email AND a.id < b.id | -",
        "POSTGRESQL | DELETE FROM contacts a USING blocked b WHERE a.email = b.email | -",
        // Pairing the copies on several columns alike matches every row with itself just the same.
        "POSTGRESQL | DELETE FROM grants g1 USING grants g2 WHERE g1.right_name = g2.right_name"
                + " AND g1.user_id = g2.user_id AND g1.site_id = g2.site_id | always-true-where DELETE whose WHERE only"
                + " equates right_name, user_id and site_id of two copies of grants, which every row matches in itself,"
                + " removes every row of grants whose right_name, user_id and site_id are all not NULL (a dedupe also"
                + " needs a tie-breaker such as AND a.id < b.id)",
        "MYSQL | DELETE c1 FROM contacts c1 JOIN contacts c2 ON c1.email = c2.email AND c2.name = c1.name"
                + " | delete-without-where DELETE without WHERE is joined to a second copy of contacts only on the same"
                + " columns email and name, which every row matches in itself: it removes every row of contacts whose"
                + " email and name are all not NULL (a dedupe also needs a tie-breaker such as AND c1.id > c2.id)",
        // A WHERE on literals or variables alone leaves the rows to the join, which pairs each row with itself.
        "MYSQL | DELETE c1 FROM contacts c1 JOIN contacts c2 ON c1.email = c2.email WHERE 1 = 1 | always-true-where"
                + " DELETE with an always-true WHERE is joined to a second copy of contacts only on the same column"
                + " email, which every row matches in itself: it removes every row of contacts whose email is not NULL"
                + " (a dedupe also needs a tie-breaker such as AND c1.id > c2.id)",
        "MYSQL | UPDATE contacts a JOIN contacts b ON a.id = b.id SET a.x = b.y WHERE TRUE | always-true-where UPDATE"
                + " with an always-true WHERE is joined to a second copy of contacts only on the same column id, which"
                + " every row matches in itself: it changes every row of contacts whose id is not NULL",
        "MYSQL | DELETE c1 FROM contacts c1 JOIN contacts c2 ON c1.email = c2.email WHERE @go = 1"
                + " | delete-without-where DELETE whose WHERE names no column of contacts, only variables, is joined to"
                + " a second copy of contacts only on the same column email, which every row matches in itself: it"
                + " removes every row of contacts whose email is not NULL (a dedupe also needs a tie-breaker such as"
                + " AND c1.id > c2.id)",
        "MYSQL | UPDATE contacts a JOIN contacts b ON a.id = b.id SET a.x = b.y WHERE NOW() > '2020-01-01'"
                + " | update-without-where",
        "MYSQL | DELETE c1 FROM contacts c1 JOIN contacts c2 ON c1.email = c2.email AND c1.id > c2.id WHERE 1 = 1 | -",
        "MYSQL | DELETE c1 FROM contacts c1 JOIN contacts c2 ON c1.email = c2.email WHERE c2.kind = 'p' | -",
        "POSTGRESQL | UPDATE contacts a SET x = b.y FROM contacts b WHERE (a.email = b.email AND a.name = b.name)"
                + " | always-true-where",
        "POSTGRESQL | DELETE FROM grants g1 USING grants g2 WHERE g1.right_name = g2.right_name"
                + " AND g1.user_id = g2.user_id AND g1.ctid < g2.ctid | -",
        "POSTGRESQL | DELETE FROM grants g1 USING grants g2 WHERE g1.right_name = g2.right_name"
                + " AND g1.parent_id = g2.id | -",
        "POSTGRESQL | DELETE FROM grants g1 USING grants g2 WHERE g1.right_name = g2.right_name"
                + " AND g1.user_id = g2.user_id AND g2.revoked | -",
        "POSTGRESQL | DELETE FROM grants g USING revoked r WHERE g.right_name = r.right_name"
                + " AND g.user_id = r.user_id | -",
        "MYSQL | DELETE c1 FROM contacts c1 JOIN blocked b ON c1.email = b.email AND c1.name = b.name | -",
    })
    void joinsThatLimitNothingLeaveTheRowsReported(Dialect dialect, String sql, String expected) {
        // A rule id alone, or a rule id and the message it must give.
        boolean withMessages = expected.contains(" ");
        List<String> wanted = expected.equals("-") ? List.of() : List.of(expected);
        assertEquals(wanted, rowRuleHits(RuleHarness.models(dialect, sql), withMessages), "as analysed");
        assertEquals(wanted, rowRuleHits(RuleHarness.tokenModels(dialect, sql), withMessages), "from tokens");
    }

    /** The row rules that report the statements: their ids, or each finding as its rule id and message. */
    private static List<String> rowRuleHits(List<StatementModel> models, boolean withMessages) {
        return RuleRegistry.all().stream()
                .filter(rule -> rule instanceof RowChangeRule)
                .flatMap(rule -> models.stream().flatMap(model -> rule.check(model).stream())
                        .map(violation -> withMessages ? rule.info().id() + " " + violation.message()
                                : rule.info().id()))
                .distinct().toList();
    }
}
