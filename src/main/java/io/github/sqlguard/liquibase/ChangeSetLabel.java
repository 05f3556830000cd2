package io.github.sqlguard.liquibase;

import io.github.sqlguard.sql.StatementContext;
import java.util.Map;

/**
 * How findings name a changeset: {@code changeset author:id}, and how often it runs when that is more than once.
 * A {@code runAlways} changeset repeats its DELETE on every update, and a {@code runOnChange} one whenever its
 * text changes, which a reader of the finding should not have to look up.
 */
final class ChangeSetLabel {

    private ChangeSetLabel() {
    }

    static String of(String author, String id, Map<String, String> attributes) {
        // A Solidbase changeSet file names neither: the file is its identity.
        String label = author.isBlank() && id.isBlank() ? "changeset without author and id"
                : id.isBlank() ? "changeset by " + author + " without an id"
                : "changeset " + author + ":" + id;
        if (isTrue(attributes.get("runAlways"))) {
            return label + ", " + StatementContext.RUN_ALWAYS;
        }
        if (isTrue(attributes.get("runOnChange"))) {
            return label + ", " + StatementContext.RUN_ON_CHANGE;
        }
        return label;
    }

    /**
     * How findings name the rollback code of the changeset {@link #of} labelled {@code label}: it runs once, when
     * the changeset is rolled back, however often the changeset itself runs.
     */
    static String rollback(String label) {
        for (String often : new String[] {StatementContext.RUN_ALWAYS, StatementContext.RUN_ON_CHANGE}) {
            if (label.endsWith(", " + often)) {
                return label.substring(0, label.length() - often.length() - 2) + " rollback";
            }
        }
        return label + " rollback";
    }

    private static boolean isTrue(String value) {
        return value != null && value.strip().equalsIgnoreCase("true");
    }
}
