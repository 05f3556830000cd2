package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The BOOLEAN NOT NULL columns whose rows holding one value a DELETE of one script run removed, by table, each with
 * where that DELETE stands: {@code DELETE FROM project_metadata WHERE deleted = TRUE}. Every row left holds the other
 * value, so until something writes the column or adds rows, it tells no row from another, and dropping it loses
 * nothing (a soft-delete flag retired after its rows were purged). The DELETE is what removes data, and its own
 * WHERE says which rows.
 */
final class PurgedFlags extends MarkedColumns {

    /** A DELETE of the rows of {@code table} (as written) that hold one value of the flag {@code column}. */
    record Purge(String table, String column) {
    }

    /**
     * The purge the statement of {@code tokens} (its main keyword at {@code main}) makes: {@code DELETE FROM t [[AS]
     * alias] WHERE [NOT] [alias.]flag [= TRUE | IS FALSE ..]} of a flag that {@code before} knows as a BOOLEAN NOT
     * NULL column of t; empty for any other statement.
     */
    static Optional<Purge> of(List<Token> tokens, int main, SchemaView before) {
        if (main + 2 >= tokens.size() || !tokens.get(main).isWord("DELETE") || !tokens.get(main + 1).isWord("FROM")) {
            return Optional.empty();
        }
        SchemaNames.Read table = SchemaNames.name(tokens, main + 2);
        if (table == null) {
            return Optional.empty();
        }
        int where = table.next();
        if (where < tokens.size() && tokens.get(where).isWord("AS")) {
            where++;
        }
        if (where < tokens.size() && !tokens.get(where).isWord("WHERE")
                && tokens.get(where).type() != TokenType.SYMBOL) {
            where++; // the alias
        }
        if (where >= tokens.size() || !tokens.get(where).isWord("WHERE")) {
            return Optional.empty();
        }
        Optional<String> flag = FlagCondition.column(tokens.subList(where + 1, tokens.size()));
        return flag.filter(column -> before.table(table.text())
                .filter(known -> FlagCondition.isRequiredFlag(known, column)).isPresent())
                .map(column -> new Purge(SchemaNames.unquoted(table.text()), SchemaNames.unquoted(column)));
    }

    /** The note on a drop of {@code column}, purged at {@code at}. */
    static String note(String column, String at) {
        return "every row left holds one value of " + column + ": the DELETE at " + at
                + " removed the rows holding the other, and nothing has written it since";
    }

    /**
     * A branch that may have run ended: of the purges known before it, only those it left as they were still hold,
     * and one the branch made itself may not have run.
     */
    void branchEnded(PurgedFlags arm) {
        for (String table : tables()) {
            Map<String, String> here = of(table);
            Map<String, String> inArm = arm.of(table);
            here.keySet().removeIf(column -> !here.get(column).equals(inArm.get(column)));
        }
    }
}
