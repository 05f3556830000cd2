package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Statement;
import java.util.List;

/** The procedures and functions earlier migrations created, as a statement of a later one may call them. */
public interface EarlierRoutines {

    /** No routine at all. */
    EarlierRoutines NONE = new EarlierRoutines() {
        @Override
        public boolean mayCall(Statement statement) {
            return false;
        }

        @Override
        public List<DefinedRoutine> before(Statement call, String name) {
            return List.of();
        }
    };

    /**
     * False when no word of {@code statement} is the name of a routine any migration created, so it calls none:
     * reading the calls themselves costs far more, on every statement of every migration.
     */
    boolean mayCall(Statement statement);

    /**
     * The routine named {@code name} that the latest migration replayed before {@code call} created, if any: each
     * overload of it when that migration created several (an Oracle package's member of one name).
     */
    List<DefinedRoutine> before(Statement call, String name);
}
