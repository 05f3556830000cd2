package io.github.sqlguard;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.source.SourcePath;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The report's note on Oracle PL/SQL sources kept in files of their own ({@code packages/purge.pkb},
 * {@code types/entry.tps}, {@code triggers/audit.trg}) that the includes do not select. An install script runs them
 * with {@code @@file}, so a package body's unrestricted DELETE runs with the migration, yet the default includes read
 * {@code .sql} files alone: without this note such a body would go unchecked without a word. The scan finds them on
 * its one walk of the directories (see {@link io.github.sqlguard.source.PlsqlSourceNames}).
 */
final class UnselectedPlsqlSources {

    /** Files named in the note; the rest are counted. */
    private static final int SHOWN_FILES = 5;

    private UnselectedPlsqlSources() {
    }

    /**
     * The note naming {@code unselected}, less those the run reached all the same ({@code checked}: a Liquibase
     * {@code sqlFile} names one); empty when none are left, or when the dialect is another database's.
     */
    static Optional<String> note(Dialect dialect, List<SourcePath> unselected, Collection<String> checked) {
        if (dialect != Dialect.ORACLE && dialect != Dialect.AUTO) {
            return Optional.empty();
        }
        List<String> left = unselected.stream().map(SourcePath::relativePath).filter(path -> !checked.contains(path))
                .toList();
        if (left.isEmpty()) {
            return Optional.empty();
        }
        Set<String> suffixes = new LinkedHashSet<>();
        left.forEach(path -> suffixes.add(path.substring(path.lastIndexOf('.') + 1)));
        boolean one = left.size() == 1;
        return Optional.of(left.size() + " Oracle PL/SQL source file" + (one ? "" : "s")
                + " in the scanned directories " + (one ? "is" : "are") + " not selected by the includes and "
                + (one ? "was" : "were") + " not checked: " + String.join(", ", left.subList(0,
                        Math.min(SHOWN_FILES, left.size())))
                + (left.size() > SHOWN_FILES ? " and " + (left.size() - SHOWN_FILES) + " more" : "")
                + "; an install script runs " + (one ? "it" : "them") + " with @@file, so add "
                + (one ? "its suffix" : suffixes.size() == 1 ? "their suffix" : "their suffixes")
                + " to <includes> besides **/*.sql (" + suffixes.stream().map(s -> "<include>**/*." + s + "</include>")
                        .collect(Collectors.joining(", "))
                + ") to check " + (one ? "it" : "them"));
    }
}
