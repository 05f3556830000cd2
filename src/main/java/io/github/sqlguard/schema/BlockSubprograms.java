package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.RoutineNames;
import io.github.sqlguard.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Oracle: the procedures and functions the anonymous PL/SQL blocks of the migrations declare for themselves. They
 * are no objects of the schema: only a statement of the block that declares one can call it, and it shadows a
 * routine of the schema of the same name there.
 */
final class BlockSubprograms {

    private final List<DefinedRoutine> declared = new ArrayList<>();

    /**
     * The subprograms of {@code block}, an anonymous block that runs with its migration, now remembered; empty for
     * another statement, and for a block nested in one already read, whose subprograms were read with it.
     */
    List<DefinedRoutine> declaredIn(Statement block) {
        if (!declared.isEmpty() && declared.get(declared.size() - 1).reachableFrom(block)) {
            return List.of();
        }
        List<DefinedRoutine> found = RoutineNames.localSubprograms(block.tokens()).stream()
                .map(member -> DefinedRoutine.local(member.name(), block, member.fromOffset(), member.toOffset()))
                .toList();
        declared.addAll(found);
        return found;
    }

    /** The subprogram named {@code name} that {@code call} reaches as a statement of the block declaring it. */
    List<DefinedRoutine> reachedBy(Statement call, String name) {
        for (int i = declared.size() - 1; i >= 0; i--) {
            DefinedRoutine routine = declared.get(i);
            if (routine.name().equals(name) && routine.reachableFrom(call)) {
                return List.of(routine);
            }
        }
        return List.of();
    }
}
