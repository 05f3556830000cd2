package io.github.sqlguard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Which prepared files are checked on their own, and which only through the changelog that reaches them. */
final class CheckedRoots {

    private CheckedRoots() {
    }

    /**
     * The files to check on their own. A changelog another one includes was checked through it, with its
     * properties and the schema the replay built before it; checked again on its own it would only repeat
     * findings without either. Changelogs that include each other (a cycle, which Liquibase refuses) are all
     * reached, so when nothing outside the cycle includes them, the first of them by path is checked as the root
     * that reads the others: a cycle must never hide its files.
     */
    static List<PreparedFile> of(List<PreparedFile> prepared) {
        Map<String, Set<String>> includers = new HashMap<>();
        Map<String, Set<String>> reaches = new HashMap<>();
        for (PreparedFile file : prepared) {
            reaches.put(file.path(), file.reachedFiles());
            for (String reached : file.reachedFiles()) {
                includers.computeIfAbsent(reached, r -> new TreeSet<>()).add(file.path());
            }
        }
        List<PreparedFile> roots = new ArrayList<>();
        for (PreparedFile file : prepared) {
            Set<String> includedBy = includers.getOrDefault(file.path(), Set.of());
            // Every includer is also reached from this file: they all lie on a cycle with it.
            boolean onlyOnCycles = reaches.get(file.path()).containsAll(includedBy);
            if (includedBy.isEmpty() || onlyOnCycles && file.path().compareTo(includedBy.iterator().next()) < 0) {
                roots.add(file);
            }
        }
        return roots;
    }
}
