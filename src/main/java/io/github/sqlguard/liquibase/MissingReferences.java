package io.github.sqlguard.liquibase;

import io.github.sqlguard.model.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The files a changelog names that are missing, one finding per referring element. A path whose properties take
 * one value per database ({@code upgrade/${db.name}_x.sql}) names a file for each: the element's one finding
 * lists every missing file, where naming only the first would hide the others.
 */
final class MissingReferences {

    private record Place(String path, int line, int column) {
    }

    private final Map<Place, List<Reference>> byPlace = new LinkedHashMap<>();

    /** Records that {@code reference}, written in the file at {@code path}, names no file. */
    void add(String path, Reference reference) {
        List<Reference> missing = byPlace.computeIfAbsent(new Place(path, reference.line(), reference.column()),
                place -> new ArrayList<>());
        if (missing.stream().noneMatch(earlier -> earlier.target().equals(reference.target()))) {
            missing.add(reference);
        }
    }

    /**
     * One finding per referring element; {@code databasesDefining} tells the databases a property is defined for
     * when it is defined for some only ({@link PropertyAlternatives#databasesDefining}).
     */
    List<Finding> findings(Function<String, List<String>> databasesDefining) {
        return byPlace.entrySet().stream()
                .map(entry -> ChangelogFindings.missingIncludes(entry.getKey().path(), entry.getValue(),
                        databasesDefining))
                .toList();
    }
}
