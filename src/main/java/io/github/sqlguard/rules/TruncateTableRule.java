package io.github.sqlguard.rules;

import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.schema.CascadeNote;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code truncate-table}: {@code TRUNCATE [TABLE] a, b} in every dialect (PostgreSQL {@code ONLY} and
 * {@code *}, Oracle {@code TRUNCATE CLUSTER}, T-SQL {@code WITH (PARTITIONS ..)}) and
 * {@code ALTER TABLE .. TRUNCATE PARTITION/SUBPARTITION} (MySQL, Oracle), and T-SQL / Azure Synapse
 * {@code ALTER TABLE a SWITCH TO b WITH (TRUNCATE_TARGET = ON)}, which empties b. Scratch tables the script created
 * itself, and T-SQL {@code #temp} tables, are not reported.
 */
public final class TruncateTableRule extends DataLossRule {

    public static final String ID = "truncate-table";

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.ERROR,
            "TRUNCATE removes every row of a table or partition",
            "TRUNCATE empties a table at once, usually without row-level logging, triggers or a way to roll"
                    + " back once committed. A truncate that slipped into a migration erases production data as"
                    + " thoroughly as a DELETE without WHERE, only faster.",
            "Delete only the rows you mean to with a WHERE, or acknowledge a truncate of a table that holds no"
                    + " valuable data: -- sqlguard:allow truncate-table reason: <why>",
            List.of("TRUNCATE TABLE orders;", "TRUNCATE audit_log, sessions;",
                    "ALTER TABLE sales TRUNCATE PARTITION p2019;"),
            List.of("DELETE FROM orders WHERE created_at < DATE '2019-01-01';",
                    "CREATE TABLE import_batch (id INT);\nTRUNCATE TABLE import_batch;"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    List<Violation> check(List<Token> core, Statement statement, ScriptState script) {
        if (core.get(0).isWord("TRUNCATE")) {
            return truncate(core, script);
        }
        return alteredLastingTable(core, script)
                .map(alter -> partitions(alter, statement))
                .orElse(List.of());
    }

    private static List<Violation> truncate(List<Token> core, ScriptState script) {
        int i = 1;
        String what = "table";
        if (i < core.size() && core.get(i).isAnyWord("TABLE", "CLUSTER")) {
            what = core.get(i).isWord("CLUSTER") ? "cluster" : what;
            i++;
        }
        if (i + 1 < core.size() && core.get(i).isWord("IF") && core.get(i + 1).isWord("EXISTS")) {
            i += 2;
        }
        List<ObjectNames.NameAt> read = ObjectNames.readNameList(core, i);
        if (read.isEmpty()) {
            return List.of(new Violation("TRUNCATE removes every row of a table"));
        }
        List<String> names = new ArrayList<>();
        for (ObjectNames.NameAt name : read) {
            if (!ScratchTables.isScratch(name.text(), script)) {
                names.add(name.text());
            }
        }
        if (names.isEmpty()) {
            return List.of();
        }
        return List.of(new Violation("TRUNCATE removes every row of " + counted(what, what + "s", names)
                + (StatementCore.hasTopLevelWord(core, i, "CASCADE") ? CascadeNote.forTruncateCascade(names,
                        script.schemaFacts()) : "")));
    }

    /** Azure Synapse / SQL Server: {@code SWITCH TO t WITH (TRUNCATE_TARGET = ON)} empties t first. */
    private static boolean truncatesTarget(List<Token> clause) {
        for (int i = 0; i + 2 < clause.size(); i++) {
            if (clause.get(i).isWord("TRUNCATE_TARGET") && clause.get(i + 1).isSymbol("=")
                    && clause.get(i + 2).isWord("ON")) {
                return true;
            }
        }
        return false;
    }

    private static List<Violation> partitions(AlterTableClauses alter, Statement statement) {
        for (List<Token> clause : alter.clauses()) {
            if (clause.get(0).isWord("SWITCH") && truncatesTarget(clause)) {
                int to = clause.size() > 1 && clause.get(1).isWord("TO") ? 2 : 1;
                ObjectNames.NameAt target = ObjectNames.readName(clause, to);
                return List.of(new Violation("ALTER TABLE " + alter.table() + " SWITCH with TRUNCATE_TARGET = ON"
                        + " removes every row of table " + (target == null ? "?" : target.text())));
            }
        }
        List<String> names = alter.truncatedPartitions(statement.dialect()).stream()
                .map(AlterTableClauses.Removed::name).toList();
        if (names.isEmpty()) {
            return List.of();
        }
        return List.of(new Violation("ALTER TABLE " + alter.table() + " TRUNCATE PARTITION removes every row of "
                + counted("partition", "partitions", names)));
    }
}
