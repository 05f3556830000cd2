package io.github.sqlguard.source;

import java.util.Locale;
import java.util.Set;

/**
 * The suffixes Oracle tools and projects give files that hold one PL/SQL unit ({@code packages/purge.pkb},
 * {@code types/entry.tps}, {@code triggers/audit.trg}): an install script runs them with {@code @@file}, while the
 * default includes select {@code .sql} files alone, so the scan notes those it leaves out.
 */
public final class PlsqlSourceNames {

    /** Package, type, trigger, procedure and function sources. */
    private static final Set<String> SUFFIXES = Set.of("pks", "pkb", "pkg", "pck", "pls", "plb", "tps", "tpb",
            "trg", "prc", "fnc", "spc", "bdy");

    private PlsqlSourceNames() {
    }

    /** True for a file name ending in one of the suffixes, in any case. */
    public static boolean isUnitSource(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 && SUFFIXES.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
