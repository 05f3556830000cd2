package io.github.sqlguard.liquibase;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the parts of a changeSet stand, in XML, YAML and JSON alike: its changes (directly under it, or under the
 * {@code changes} list YAML and JSON write), those its rollback writes, and the text of its comment.
 */
final class ChangeSetParts {

    /** The entries of a changeSet that hold no change of their own. */
    static final Set<String> NOT_CHANGES = Set.of("comment", "rollback", "preConditions", "validCheckSum",
            "changes", "modifySql");

    private ChangeSetParts() {
    }

    /** The changes the changeSet runs, in order. */
    static List<ChangeNode> changesOf(ChangeNode changeSet) {
        Optional<ChangeNode> changes = changeSet.child("changes");
        if (changes.isPresent()) {
            return changes.get().children();
        }
        return changeSet.children().stream().filter(c -> !NOT_CHANGES.contains(c.name())).toList();
    }

    /** The changes a changeset writes, those of its rollback included, whether or not rollbacks are checked. */
    static List<ChangeNode> writtenChanges(ChangeNode changeSet) {
        List<ChangeNode> written = new ArrayList<>(changesOf(changeSet));
        changeSet.children().stream().filter(c -> c.name().equals("rollback"))
                .forEach(rollback -> written.addAll(rollback.children()));
        return written;
    }

    /**
     * Where a changeset's comment text starts: the first non-blank character of an XML {@code <comment>}, the
     * value of a YAML or JSON {@code comment:}, else the changeset itself.
     */
    static int[] commentPosition(ChangeNode changeSet) {
        Optional<ChangeNode> element = changeSet.child("comment");
        if (element.isPresent() && element.get().textRegion() == null) {
            return new int[] {element.get().line(), element.get().column()};
        }
        TextRegion region = element.map(ChangeNode::textRegion).orElse(changeSet.attributeRegions().get("comment"));
        return region == null ? new int[] {changeSet.line(), changeSet.column()} : firstNonBlank(region);
    }

    /** The line and column of the first character of {@code region} that is not white space. */
    static int[] firstNonBlank(TextRegion region) {
        int line = region.line();
        int column = region.column();
        if (region.positions() != null) {
            return new int[] {line, column};
        }
        for (int i = region.from(); i < region.to() && Character.isWhitespace(region.text().charAt(i)); i++) {
            char c = region.text().charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= region.to() || region.text().charAt(i + 1) != '\n')) {
                line++;
                column = 1;
            } else if (c != '\r') {
                column++;
            }
        }
        return new int[] {line, column};
    }
}
