package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PostgreSQL's {@code SELECT DISTINCT ON (..)} over columns that include the key of the table a copy reads
 * ({@code INSERT INTO t2 (id, b) SELECT DISTINCT ON (b, id) id, b FROM t WHERE b IS NOT NULL}): no two rows share
 * the key, so it merges none, and the copy is the copy of every row its WHERE selects. Of a table the migrations do
 * not create, the key is taken to be the columns the copy fills its target's primary key from, which the reading of
 * that copy asks the reader to check.
 */
final class KeyedDistinctOn {

    private KeyedDistinctOn() {
    }

    /** {@code tokens} without such a DISTINCT ON, or unchanged when its query has none. */
    static List<Token> withoutIt(List<Token> tokens, int main, SchemaView before, boolean selectIntoMakesTable) {
        Optional<Set<String>> columns = RowCopies.distinctOnColumns(tokens, main);
        Optional<RowCopies.WithoutNarrowing> plain = columns.flatMap(c -> RowCopies.withoutDistinct(tokens, main));
        if (plain.isEmpty()) {
            return tokens;
        }
        List<Token> copy = plain.get().tokens();
        List<Token> unfiltered = RowCopies.withoutNarrowing(copy, main).map(RowCopies.WithoutNarrowing::tokens)
                .orElse(copy);
        Optional<CopyShape> shape = CopyShape.of(unfiltered, main, selectIntoMakesTable);
        if (shape.isEmpty()) {
            return tokens;
        }
        String source = SchemaNames.unquoted(shape.get().source().text());
        Optional<Table> table = before.table(source).filter(Table::complete).filter(t -> !t.columns().isEmpty());
        List<List<String>> keys = new ArrayList<>();
        if (table.isPresent()) {
            keys.add(table.get().primaryKey());
            // A NULL equals a NULL to DISTINCT ON: only a unique key of NOT NULL columns tells every row apart
            before.uniqueKeys(source).stream().filter(key -> key.stream().allMatch(column -> before
                    .column(source, column).map(Column::notNull).orElse(false))).forEach(keys::add);
        } else {
            keys.add(List.copyOf(CopyTargetKey.sourceColumns(unfiltered, main, before, selectIntoMakesTable)));
        }
        boolean keyed = keys.stream().anyMatch(key -> !key.isEmpty()
                && key.stream().allMatch(column -> columns.get().contains(SchemaNames.key(column))));
        return keyed ? copy : tokens;
    }
}
