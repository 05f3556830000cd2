package io.github.sqlguard.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Flyway and Spring Boot replace a {@code {vendor}} folder in a location with the name of the database they
 * connect to ({@code db/{vendor}} is {@code db/postgresql} on PostgreSQL). The build does not know which
 * database that is, so every folder standing in that place is a location: each of them runs somewhere.
 */
final class VendorFolders {

    private static final String VENDOR = "{vendor}";

    private VendorFolders() {
    }

    /**
     * The folders a location stands for: itself when it has no {@code {vendor}} part, else every existing folder
     * in that place (sorted by name). When none exists, the location as written, so the missing folder is reported.
     */
    static List<Path> expand(Path location) {
        int index = vendorIndex(location);
        if (index < 0) {
            return List.of(location);
        }
        Path parent = index == 0 ? location.getRoot() : location.getRoot() == null
                ? location.subpath(0, index) : location.getRoot().resolve(location.subpath(0, index));
        Path rest = index + 1 < location.getNameCount() ? location.subpath(index + 1, location.getNameCount()) : null;
        List<Path> expanded = new ArrayList<>();
        if (parent != null && Files.isDirectory(parent)) {
            try (Stream<Path> children = Files.list(parent)) {
                for (Path vendor : children.filter(Files::isDirectory).sorted().toList()) {
                    expanded.addAll(expand(rest == null ? vendor : vendor.resolve(rest.toString())));
                }
            } catch (IOException unreadable) {
                return List.of(location);
            }
        }
        return expanded.isEmpty() ? List.of(location) : expanded;
    }

    private static int vendorIndex(Path location) {
        for (int i = 0; i < location.getNameCount(); i++) {
            if (location.getName(i).toString().equals(VENDOR)) {
                return i;
            }
        }
        return -1;
    }
}
