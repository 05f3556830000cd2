package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.Dialect;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * T-SQL changes the rows of a derived table or an APPLY's query when the target is its alias ({@code UPDATE q SET
 * .. FROM #src s JOIN (SELECT * FROM dbo.Work) q ON q.Id = s.Id}): the table changed is the one inside it, and its
 * join condition or correlation with the rest of the FROM list restricts it as a join restricts a table.
 */
class JoinedDerivedTableTargetTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "UPDATE q SET Done = 1\\nFROM #src s JOIN (SELECT * FROM #work) q ON q.Id = s.Id | -",
        "UPDATE sp SET Cnt = 1, Kind = rc.Kind\\nFROM #res rc\\nCROSS APPLY (SELECT TOP 1 * FROM #res r WHERE r.Seq > rc.Seq ORDER BY r.Seq) sp\\nWHERE rc.Kind = 41 | -",
        "UPDATE q SET Done = 1\\nFROM #src s JOIN (SELECT * FROM dbo.Work) q ON q.Id = s.Id | -",
        "UPDATE q SET Done = 1\\nFROM #src s INNER JOIN (SELECT Id, Done FROM dbo.Work WHERE Kind = 2) AS q ON q.Id = s.Id | -",
        "UPDATE x SET Total = 0\\nFROM dbo.Account a\\nCROSS APPLY (SELECT TOP 1 * FROM dbo.Entry e WHERE e.AccountId = a.Id ORDER BY e.Id DESC) x | -",
        "UPDATE x SET Total = 0\\nFROM dbo.Account a\\nOUTER APPLY (SELECT * FROM dbo.Entry e WHERE e.AccountId = a.Id) x\\nWHERE a.Closed = 1 | -",
        "DELETE q\\nFROM #src s JOIN (SELECT * FROM dbo.Work) q ON q.Id = s.Id | -",
        "UPDATE q SET Done = 1\\nFROM #src s CROSS JOIN (SELECT * FROM dbo.Work) q | 1:1 update-without-where UPDATE without WHERE changes every row of dbo.Work",
        "UPDATE x SET Total = 0\\nFROM #src s\\nCROSS APPLY (SELECT * FROM dbo.Entry) x | 1:1 update-without-where UPDATE without WHERE changes every row of dbo.Entry",
        "DELETE x\\nFROM #src s\\nCROSS APPLY (SELECT * FROM dbo.Entry) x | 1:1 delete-without-where DELETE without WHERE removes every row of dbo.Entry",
        "UPDATE q SET Done = 1\\nFROM #src s CROSS JOIN (SELECT * FROM #work) q | -",
        "UPDATE q SET Done = 1\\nFROM #src s LEFT JOIN (SELECT * FROM dbo.Work) q ON q.Id = s.Id | -",
        "UPDATE q SET Done = 1\\nFROM #src s CROSS JOIN (SELECT * FROM dbo.Work) q\\nWHERE q.Kind = s.Kind | -",
        "UPDATE q SET Done = 1\\nFROM #src s CROSS JOIN (SELECT * FROM dbo.Work) q\\nWHERE s.Kind = 1 | 1:1 update-without-where UPDATE whose WHERE names no column of dbo.Work changes every row of dbo.Work as soon as a row of the other tables matches",
    })
    void theTableInsideIsChangedWhereTheJoinRestrictsIt(String sql, String expected) {
        List<String> wanted = expected.equals("-") ? List.of() : List.of(expected);
        String text = sql.replace("\\n", "\n");
        assertEquals(wanted, violations(RuleHarness.models(Dialect.SQLSERVER, text)), "parsed");
        assertEquals(wanted, violations(RuleHarness.tokenModels(Dialect.SQLSERVER, text)), "tokens");
    }

    /** Every rule's violations in {@code models}, each as {@code line:column rule message}. */
    private static List<String> violations(List<StatementModel> models) {
        List<String> found = new ArrayList<>();
        for (StatementModel model : models) {
            for (Rule rule : RuleRegistry.all()) {
                rule.check(model).forEach(v -> found.add(v.at().line() + ":" + v.at().column() + " "
                        + rule.info().id() + " " + v.message()));
            }
        }
        return found;
    }
}
