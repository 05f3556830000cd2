package io.github.sqlguard.schema;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * golang-migrate and sqlx read a migration's version from the number its file name starts with
 * ({@code 12_add_owner.up.sql}) and pair the up and the down script of a version by that number alone, so
 * {@code 12_remove_owner.down.sql} reverses {@code 12_add_owner.up.sql}. Leading zeros do not count: {@code 012} is
 * version 12. Only a version with a single up script in the folder pairs this way; two would make the tools refuse
 * the folder.
 */
final class NumberedUpScripts {

    private static final Pattern NUMBERED_UP = Pattern.compile("(\\d+)_[^/\\\\]*\\.up\\.([^/\\\\]+)");

    private final Map<String, List<String>> byVersion = new HashMap<>();

    /** Indexes the numbered up scripts among {@code paths}. */
    NumberedUpScripts(Iterable<String> paths) {
        for (String path : paths) {
            key(path).ifPresent(key -> byVersion.computeIfAbsent(key, k -> new ArrayList<>()).add(path));
        }
    }

    /**
     * The up script of the version {@code upPath} names, when {@code upPath} (the name a down script's partner
     * would have) is a numbered up script's name and its folder holds exactly one up script of that version.
     */
    Optional<String> sameVersionAs(String upPath) {
        return key(upPath).map(byVersion::get).filter(found -> found.size() == 1).map(found -> found.get(0));
    }

    /** Folder, version and what follows {@code .up.}, or empty for a name that is not numbered. */
    private static Optional<String> key(String path) {
        int nameStart = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1;
        Matcher numbered = NUMBERED_UP.matcher(path.substring(nameStart));
        if (!numbered.matches()) {
            return Optional.empty();
        }
        return Optional.of(path.substring(0, nameStart) + "\u0000" + new BigInteger(numbered.group(1)) + "\u0000"
                + numbered.group(2));
    }
}
