package io.github.sqlguard.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The column types common PostgreSQL extensions provide. {@code DROP EXTENSION postgis CASCADE} drops every
 * column of type geometry or geography with the extension, so a column the replay knows of such a type is lost.
 * An extension not listed here provides no type sqlguard knows of (its CASCADE is still reported).
 */
final class ExtensionTypes {

    private static final Map<String, List<String>> TYPES = Map.ofEntries(
            Map.entry("postgis", List.of("geometry", "geography", "box2d", "box3d")),
            Map.entry("postgis_raster", List.of("raster")),
            Map.entry("postgis_topology", List.of("topogeometry")),
            Map.entry("hstore", List.of("hstore")),
            Map.entry("citext", List.of("citext")),
            Map.entry("ltree", List.of("ltree", "lquery", "ltxtquery")),
            Map.entry("cube", List.of("cube")),
            Map.entry("earthdistance", List.of("earth")),
            Map.entry("isn", List.of("ean13", "isbn", "isbn13", "ismn", "ismn13", "issn", "issn13", "upc")),
            Map.entry("seg", List.of("seg")),
            Map.entry("vector", List.of("vector", "halfvec", "sparsevec")));

    private ExtensionTypes() {
    }

    /** The types {@code extension} (as written, maybe quoted) provides; empty when none is known. */
    static List<String> of(String extension) {
        String name = ObjectNames.lastPart(extension).replace("\"", "").toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(name, List.of());
    }
}
