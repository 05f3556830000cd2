package io.github.sqlguard.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
     * The clause naming each narrowing of {@code conversions} ({@link CopyConversions}: by the source's column, how
     * its values land, {@code "into note VARCHAR(50) (shorter: ..): .."}); empty when the copy narrows none.
     */
    static String of(Map<String, String> conversions) {
        List<String> cuts = new ArrayList<>();
        conversions.forEach((column, how) -> {
            int reasonStart = how.indexOf(" (");
            int reasonEnd = how.lastIndexOf("): ");
            if (!how.startsWith("into ") || reasonStart < 0 || reasonEnd < reasonStart) {
                return; // a function or a misplaced column, not a narrower type
            }
            String into = how.substring("into ".length(), reasonStart);
            String sameName = SchemaNames.unquoted(column) + " ";
            if (into.toLowerCase(Locale.ROOT).startsWith(sameName.toLowerCase(Locale.ROOT))) {
                into = into.substring(sameName.length());
            }
            cuts.add(SchemaNames.unquoted(column) + " into " + into + " (" + how.substring(reasonStart + 2, reasonEnd)
                    + "), which cannot hold every value");
        });
        return cuts.isEmpty() ? "" : ", and copies " + String.join(" and ", cuts);
    }
}
