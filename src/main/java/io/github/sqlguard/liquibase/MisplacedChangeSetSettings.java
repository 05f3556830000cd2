package io.github.sqlguard.liquibase;

import io.github.sqlguard.model.Diagnostics;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A changeset's own settings written inside one of its changes: a YAML or JSON {@code rollback:} key of a
 * {@code createTable} (indented one level too far), a {@code - modifySql:} item of its {@code columns} list, a
 * {@code preConditions:} under a {@code dropTable}. Liquibase reads a change's own properties only and passes over
 * these without a word (its XML schema refuses them): the rollback never runs, the modifySql edits nothing, the
 * precondition guards nothing, and the author has no way to tell. sqlguard reads the changelog as Liquibase does,
 * so it names each such setting as a {@code malformed-changelog} at WARNING: the changes themselves were checked.
 */
final class MisplacedChangeSetSettings {

    /** What each setting does where it belongs, which it does not do where it stands. */
    private static final Map<String, String> LOST_EFFECT = Map.of(
            "rollback", "rolling the changeset back never runs it (Liquibase uses its own inverse of the changes"
                    + " instead, or refuses the rollback where they have none)",
            "modifySql", "it never edits the changeset's SQL",
            "preConditions", "it never guards the changeset");

    private MisplacedChangeSetSettings() {
    }

    /**
     * The misplaced settings inside {@code changes}, the changes of one changeset and of its rollback: an item of
     * the list of changes that is a setting is not misplaced, since Liquibase hands it to the changeset.
     */
    static List<Finding> in(String path, List<ChangeNode> changes, String label) {
        List<Finding> found = new ArrayList<>();
        for (ChangeNode change : changes) {
            // A customChange's properties are its class's own; an item that is itself a setting stands right.
            if (!LOST_EFFECT.containsKey(change.name()) && !change.name().equals("customChange")
                    && !change.name().equals(ChangeNode.PROPERTIES_BESIDE_CHANGE)) {
                String scalar = change.attributes().containsKey("rollback") ? "rollback" : null;
                if (scalar != null) {
                    TextRegion value = change.attributeRegions().get(scalar);
                    found.add(misplaced(path, value == null ? change.line() : value.line(),
                            value == null ? change.column() : value.column(), scalar, change, label));
                }
                inside(path, change, change, label, found);
            }
        }
        return found;
    }

    private static void inside(String path, ChangeNode node, ChangeNode change, String label, List<Finding> found) {
        for (ChangeNode child : node.children()) {
            if (LOST_EFFECT.containsKey(child.name())) {
                found.add(misplaced(path, child.line(), child.column(), child.name(), change, label));
            } else {
                inside(path, child, change, label, found);
            }
        }
    }

    private static Finding misplaced(String path, int line, int column, String setting, ChangeNode change,
            String label) {
        return Finding.of(Diagnostics.MALFORMED_CHANGELOG.id(), Severity.WARNING,
                new Location(path, Math.max(1, line), Math.max(1, column)),
                setting + " stands inside the " + change.name() + " at line " + change.line() + ", where Liquibase"
                        + " does not read it: " + LOST_EFFECT.get(setting) + " (" + label + ")",
                "Move '" + setting + ":' out of the change, to the changeset itself: at the indentation of"
                        + " 'changes:'.", "");
    }
}
