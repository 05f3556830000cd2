package io.github.sqlguard.rules;

import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import java.util.List;

/**
 * {@code drop-table}: {@code DROP TABLE} of any list of tables, with {@code IF EXISTS}, {@code PURGE},
 * {@code CASCADE [CONSTRAINTS]}, T-SQL {@code [dbo].[x]} and T-SQL's {@code IF .. DROP TABLE} guard. Not
 * reported: tables the same script created earlier, temporary tables ({@code DROP TEMPORARY TABLE},
 * {@code #temp}) and external or foreign tables, whose data lives outside the database and stays.
 */
public final class DropTableRule extends DataLossRule {

    public static final String ID = "drop-table";

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.ERROR,
            "DROP TABLE removes a table and all its rows",
            "Dropping a table deletes its data together with its definition, and only a backup restore brings"
                    + " it back. Code still deployed during the migration also fails on the missing table.",
            "Keep the table until no release uses it and its data is archived, then acknowledge the drop:"
                    + " -- sqlguard:allow drop-table reason: <why>",
            List.of("DROP TABLE orders;", "DROP TABLE IF EXISTS [dbo].[orders], [dbo].[order_lines];",
                    "IF OBJECT_ID('dbo.orders', 'U') IS NOT NULL DROP TABLE dbo.orders;"),
            List.of("CREATE TABLE tmp_orders (id INT);\nDROP TABLE tmp_orders;",
                    "CREATE TEMPORARY TABLE staging (id INT);\nDROP TABLE staging;",
                    "DROP TABLE #staging;", "DROP VIEW order_summary;"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    List<Violation> check(List<Token> core, Statement statement, ScriptState script) {
        // Oracle: DROP CLUSTER c INCLUDING TABLES drops every table stored in the cluster.
        if (DropStatement.of(core).filter(drop -> drop.kind().equals("CLUSTER")).isPresent()
                && StatementCore.hasTopLevelWord(core, 1, "INCLUDING")) {
            String cluster = DropStatement.of(core).get().names().stream().findFirst().orElse("?");
            return List.of(new Violation("DROP CLUSTER " + cluster
                    + " INCLUDING TABLES removes every table in the cluster and all their rows"));
        }
        return DropStatement.of(core)
                .filter(drop -> drop.kind().equals("TABLE") && !drop.temporary()
                        && !drop.modifiers().contains("EXTERNAL") && !drop.modifiers().contains("FOREIGN"))
                .map(drop -> {
                    List<String> names = drop.names().stream()
                            .filter(name -> !ScratchTables.isScratch(name, script)).toList();
                    if (drop.names().isEmpty()) {
                        return List.of(new Violation(drop.keywords() + " removes a table and all its rows"));
                    }
                    return names.isEmpty() ? List.<Violation>of() : List.of(new Violation(drop.keywords()
                            + " removes " + counted("table", "tables", names)
                            + (names.size() == 1 ? " and all its rows" : " and all their rows")));
                })
                .orElse(List.of());
    }
}
