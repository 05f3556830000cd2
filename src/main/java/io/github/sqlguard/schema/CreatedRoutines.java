package io.github.sqlguard.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The routines a replay saw created, each at its position, and which of them a call at a position reaches. A fork
 * (a down script's replay) starts with the routines of the replay it came from, shared with every fork taken while
 * they did not change: a project with thousands of down scripts forks its replay thousands of times.
 */
final class CreatedRoutines {

    /**
     * A routine created at a position of the replay.
     *
     * @param repeatable true when a Flyway repeatable migration or callback created it: that runs again on every
     *     deploy, so the routine exists for the versioned migrations that later deploys add, although they run
     *     before it in the replay (a callback is replayed after the migrations)
     */
    record Created(int position, DefinedRoutine routine, boolean repeatable) {
    }

    /** The routines a fork started with; never changed. */
    private final List<Created> inherited;
    /** The routines created since (all of them, outside a fork). */
    private final List<Created> own = new ArrayList<>();
    /** Every routine as one unchanging list for forks to share; null when one is to be made. */
    private List<Created> frozen;

    CreatedRoutines() {
        this(List.of());
    }

    private CreatedRoutines(List<Created> inherited) {
        this.inherited = inherited;
    }

    /** Routines starting as these are now, which later routines of either side do not change. */
    CreatedRoutines fork() {
        if (own.isEmpty()) {
            return new CreatedRoutines(inherited);
        }
        if (frozen == null) {
            frozen = all().toList();
        }
        return new CreatedRoutines(frozen);
    }

    void add(int position, DefinedRoutine routine, boolean repeatable) {
        own.add(new Created(position, routine, repeatable));
        frozen = null;
    }

    Stream<Created> all() {
        return Stream.concat(inherited.stream(), own.stream());
    }

    /**
     * Every routine named {@code name} that the latest statement before {@code position} created (an Oracle package
     * overloads a member name), with the PostgreSQL overloads earlier statements created beside it, else those a
     * Flyway repeatable migration creates later: Flyway runs repeatable migrations after the versioned ones of the
     * same deploy, but a versioned migration added later runs after the repeatable one an earlier deploy ran, and
     * calls what it created.
     */
    List<DefinedRoutine> before(int position, String name) {
        List<Created> latest = new ArrayList<>();
        List<Created> repeatable = new ArrayList<>();
        all().filter(created -> created.routine().name().equals(name)).forEach(created -> {
            if (created.position() < position) {
                // A later creation replaces the earlier ones, but for the overloads it stands beside.
                latest.removeIf(earlier -> earlier.position() != created.position()
                        && !earlier.routine().standsBeside(created.routine()));
                latest.add(created);
            } else if (created.repeatable() && (repeatable.isEmpty()
                    || repeatable.get(0).position() == created.position())) {
                repeatable.add(created);
            }
        });
        return (latest.isEmpty() ? repeatable : latest).stream().map(Created::routine).toList();
    }
}
