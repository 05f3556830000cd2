package io.github.sqlguard.rules;

import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code rename-table}: {@code ALTER TABLE a RENAME [TO|AS] b}, MySQL {@code RENAME TABLE a TO b, c TO d},
 * Oracle {@code RENAME a TO b} and T-SQL {@code [EXEC] sp_rename 'a', 'b'} (without an object type, or
 * {@code 'OBJECT'}). Renaming a table the same script created is not reported.
 */
public final class RenameTableRule extends DataLossRule {

    public static final String ID = "rename-table";

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.WARNING,
            "Renaming a table breaks code that still uses the old name",
            "During a deploy the previous application version keeps running and still queries the old table"
                    + " name, so it fails until every instance is replaced. A rename is safe only when no"
                    + " running code uses the table.",
            "Create a view with the old name until the last release using it is gone, or acknowledge it:"
                    + " -- sqlguard:allow rename-table reason: <why>",
            List.of("ALTER TABLE orders RENAME TO purchase_orders;", "RENAME TABLE orders TO purchase_orders;",
                    "EXEC sp_rename 'dbo.orders', 'purchase_orders';"),
            List.of("ALTER INDEX orders_pkey RENAME TO purchase_orders_pkey;",
                    "CREATE TABLE orders_new (id INT);\nALTER TABLE orders_new RENAME TO orders_v2;"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    List<Violation> check(List<Token> core, Statement statement, ScriptState script) {
        List<String> renames = new ArrayList<>();
        alteredLastingTable(core, script)
                .ifPresent(alter -> ColumnChanges.tableRename(alter)
                        .ifPresent(newName -> renames.add(alter.table() + " to " + newName)));
        if (core.get(0).isWord("RENAME")) {
            // MySQL: RENAME TABLE a TO b, c TO d; Oracle: RENAME a TO b.
            int i = core.size() > 1 && core.get(1).isWord("TABLE") ? 2 : 1;
            while (i < core.size()) {
                ObjectNames.NameAt from = ObjectNames.readName(core, i);
                if (from == null || from.next() + 1 >= core.size() || !core.get(from.next()).isWord("TO")) {
                    break;
                }
                ObjectNames.NameAt to = ObjectNames.readName(core, from.next() + 1);
                if (to == null) {
                    break;
                }
                if (!ScratchTables.isScratch(from.text(), script)) {
                    renames.add(from.text() + " to " + to.text());
                }
                i = to.next() < core.size() && core.get(to.next()).isSymbol(",") ? to.next() + 1 : core.size();
            }
        }
        SpRenameCall.of(core).filter(SpRenameCall::renamesTable)
                .filter(call -> !ScratchTables.isScratch(call.oldName(), script))
                .ifPresent(call -> renames.add(call.oldName() + " to " + call.newName()));
        return renames.isEmpty() ? List.of()
                : List.of(new Violation("Renames " + counted("table", "tables", renames)));
    }
}
