package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.sql.StandIns;
import java.util.List;
import java.util.Optional;

/**
 * A re-runnable {@code DROP TABLE IF EXISTS t} ahead of {@code CREATE TABLE t}, where none of the migrations that run
 * before it made t: it stays reported, as where t exists something else made it (by hand, the application, a
 * migration outside the scanned folders) and its rows go, and the finding says why a drop of a table the migrations
 * never made is reported at all.
 */
public final class UncreatedTableDrops {

    private UncreatedTableDrops() {
    }

    /**
     * The note for {@code models[index]} when it is such a drop of one table ({@code DROP TABLE IF EXISTS}, or T-SQL's
     * drop in an IF that requires the table: {@link ExistenceTestedDrop}), else empty; it lowers nothing.
     */
    public static Optional<Guard> noteOf(List<StatementModel> models, int index, SchemaView before) {
        Optional<List<DestructiveClause>> drops = TableDrops.of(models.get(index));
        if (drops.isEmpty() || drops.get().size() != 1 || ExistenceTestedDrop.testedAt(models, index).isEmpty()) {
            return Optional.empty();
        }
        String name = drops.get().get(0).name();
        if (name == null || StandIns.inName(name) || !before.tableNeverSeen(name)) {
            return Optional.empty();
        }
        return Optional.of(new Guard(Guard.Kind.NO_EARLIER_CREATE, "none of the migrations that run before it"
                + " creates " + name + ": where the table exists, something else made it"));
    }
}
