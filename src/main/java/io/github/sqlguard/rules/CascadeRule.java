package io.github.sqlguard.rules;

import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.schema.CascadeNote;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import java.util.List;

/**
 * {@code cascade}: {@code DROP .. CASCADE} of any object (also Oracle {@code CASCADE CONSTRAINTS} and
 * {@code DROP USER .. CASCADE}), {@code TRUNCATE .. CASCADE}, and an {@code ALTER TABLE .. DROP ..} clause
 * with {@code CASCADE}. The same statement usually also yields the drop or truncate rule's finding. A
 * foreign key's {@code ON DELETE CASCADE} is not this rule. MySQL and MariaDB accept {@code CASCADE} after
 * {@code DROP TABLE/VIEW} and ignore it, so it is not reported there.
 */
public final class CascadeRule extends DataLossRule {

    public static final String ID = "cascade";

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.WARNING,
            "CASCADE silently extends a DROP or TRUNCATE to dependent objects",
            "With CASCADE the database also drops the views, foreign keys and other objects that depend on the"
                    + " target, or empties every table that references it, without naming any of them. What"
                    + " else goes depends on the production schema, not on what the script shows.",
            "Drop or empty the dependent objects explicitly first and leave CASCADE out, or acknowledge it:"
                    + " -- sqlguard:allow cascade reason: <why>",
            List.of("DROP VIEW order_summary CASCADE;",
                    "ALTER TABLE orders DROP CONSTRAINT orders_customer_fk CASCADE;"),
            List.of("DROP VIEW order_summary;",
                    "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id)"
                            + " REFERENCES customers (id) ON DELETE CASCADE;"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /** Oracle: CASCADE CONSTRAINTS drops only the referencing foreign keys, not the dependent objects. */
    private static boolean cascadesConstraints(List<Token> core) {
        for (int i = 1; i + 1 < core.size(); i++) {
            if (core.get(i).isWord("CASCADE") && core.get(i + 1).isWord("CONSTRAINTS")) {
                return true;
            }
        }
        return false;
    }

    @Override
    List<Violation> check(List<Token> core, Statement statement, ScriptState script) {
        if (core.get(0).isWord("TRUNCATE") && StatementCore.hasTopLevelWord(core, 1, "CASCADE")) {
            int from = core.size() > 1 && core.get(1).isWord("TABLE") ? 2 : 1;
            List<String> names = ObjectNames.readNameList(core, from).stream().map(ObjectNames.NameAt::text)
                    .toList();
            return List.of(new Violation("TRUNCATE " + (names.isEmpty() ? "" : ObjectNames.joined(names) + " ")
                    + "CASCADE also empties every table that references " + (names.size() > 1 ? "them" : "it")
                    + CascadeNote.forTruncateCascade(names, script.schemaFacts())));
        }
        if (core.get(0).isWord("DROP")) {
            return DropStatement.of(core)
                    .filter(DropStatement::cascade)
                    .filter(drop -> !statement.dialect().isMySqlFamily())
                    .filter(drop -> drop.names().isEmpty()
                            || !drop.names().stream().allMatch(name -> ScratchTables.isScratch(name, script)))
                    .map(drop -> List.of(new Violation(drop.keywords()
                            + (drop.names().isEmpty() ? "" : " " + ObjectNames.joined(drop.names()))
                            + (cascadesConstraints(core)
                                    ? " CASCADE CONSTRAINTS also drops the foreign keys that reference "
                                    : " CASCADE also drops every object that depends on ")
                            + (drop.names().size() > 1 ? "them" : "it")
                            + (drop.kind().equals("TABLE") ? CascadeNote.forDropCascade(drop.names(), script.schemaFacts())
                                    : ""))))
                    .orElse(List.of());
        }
        return alteredLastingTable(core, script)
                .map(alter -> oneViolation(alter.dropped(statement.dialect()).stream()
                        .filter(AlterTableClauses.Removed::cascade).map(AlterTableClauses.Removed::name).toList(),
                        names -> "ALTER TABLE " + alter.table() + " DROP " + ObjectNames.joined(names)
                                + " CASCADE also drops every object that depends on "
                                + (names.size() > 1 ? "them" : "it")))
                .orElse(List.of());
    }
}
