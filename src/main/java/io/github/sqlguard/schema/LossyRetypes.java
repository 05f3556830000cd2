package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The columns an ALTER TABLE gives a type that may not keep every value they hold, judged against the schema just
 * before it: a copy of another table kept in such a column no longer holds what it copied
 * ({@code INSERT INTO t_new SELECT * FROM t; ALTER TABLE t_new MODIFY note VARCHAR(10); DROP TABLE t} cuts every
 * longer note, and the drop loses the whole one). A change whose old or new type is not known may lose values.
 */
final class LossyRetypes {

    /**
     * Why a column's new type may lose values.
     *
     * @param reason for a note: {@code "shorter: 200 to 10 characters"}, {@code "its type before is not known"}
     * @param judged true when both types are known and the change is lossy; false when a type is not known
     */
    record Loss(String reason, boolean judged) {
    }

    private LossyRetypes() {
    }

    /**
     * By column of the table {@code statement} alters (as the statement writes it; MySQL's CHANGE: the old name),
     * why its new type may lose values; empty when every change keeps them, or the statement retypes nothing.
     */
    static Map<String, Loss> of(Statement statement, SchemaView before) {
        if (!mayRetype(statement)) {
            return Map.of();
        }
        SchemaHistory seeded = new SchemaHistory();
        seeded.advance(null);
        int main = DdlReplay.mainKeyword(statement.tokens());
        DestroyedTables.of(statement.tokens(), main).forEach(table -> before.table(table).ifPresent(seeded::put));
        int position = seeded.advance(null);
        DdlReplay.replayInto(seeded, statement);
        Map<String, Loss> lossy = new LinkedHashMap<>();
        for (ColumnRetype retype : seeded.retypesAt(position)) {
            // A generated column holds no value of its own that a new type could cut.
            if (retype.generation().wasGenerated()) {
                continue;
            }
            Optional<TypeChange> change = retype.change(statement.dialect());
            if (change.isEmpty()) {
                lossy.putIfAbsent(retype.column(), new Loss(retype.from().isEmpty() ? "its type before is not known"
                        : "its new type could not be read", false));
            } else if (!change.get().lossless()) {
                lossy.putIfAbsent(retype.column(), new Loss(change.get().reason(), true));
            }
        }
        return lossy;
    }

    /**
     * False for an ALTER TABLE that surely gives no column a new type: every form that does writes MODIFY, CHANGE,
     * TYPE or a second ALTER ({@code ALTER COLUMN c VARCHAR(10)}). Most ALTERs of a history add or drop, and the
     * replay of each into a schema of its own is what this spares them.
     */
    private static boolean mayRetype(Statement statement) {
        int alters = 0;
        for (Token token : statement.tokens()) {
            if (token.isAnyWord("MODIFY", "CHANGE", "TYPE") || token.isWord("ALTER") && ++alters > 1) {
                return true;
            }
        }
        return false;
    }
}
