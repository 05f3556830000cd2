package io.github.sqlguard.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The columns a copy of some rows also puts into a narrower type, for the note on what it keeps: {@code ", and
 * copies note into VARCHAR(50) (shorter: 200 to 50 characters), which cannot hold every value"}. A copy that leaves
 * rows out and cuts values loses both, and a note that named only the rows would hide the cut.
 */
final class NarrowedColumns {

    private NarrowedColumns() {
    }

    /**
     * The clause naming each narrowing of {@code conversions} ({@link CopyConversions}, by the source's column);
     * empty when the copy narrows none.
     */
    static String of(Map<String, Conversion> conversions) {
        List<String> cuts = new ArrayList<>();
        conversions.forEach((column, conversion) -> conversion.narrowing().ifPresent(narrowing -> {
            String source = SchemaNames.unquoted(column);
            String into = narrowing.column().equalsIgnoreCase(source) ? narrowing.type()
                    : narrowing.column() + " " + narrowing.type();
            cuts.add(source + " into " + into + " (" + narrowing.reason() + "), which cannot hold every value");
        }));
        return cuts.isEmpty() ? "" : ", and copies " + String.join(" and ", cuts);
    }
}
