package io.github.sqlguard.liquibase;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A changeset's {@code preConditions} element whose failure keeps the changeset from running: every {@code onFail}
 * but WARN, which only logs (HALT, the default, stops the update; MARK_RAN and CONTINUE skip the changeset).
 *
 * @param preconditions the element
 * @param onFail its {@code onFail}, upper case
 */
record StoppingPreconditions(ChangeNode preconditions, String onFail) {

    /** Those of {@code changeSet}, in order. */
    static List<StoppingPreconditions> of(ChangeNode changeSet) {
        List<StoppingPreconditions> stopping = new ArrayList<>();
        for (ChangeNode preconditions : changeSet.children()) {
            if (!preconditions.name().equals("preConditions")) {
                continue;
            }
            // XML and JSON write onFail as an attribute; YAML also as a list item of its own ("- onFail: WARN").
            String onFail = preconditions.value("onFail").orElse("HALT").strip().toUpperCase(Locale.ROOT);
            if (!onFail.equals("WARN")) {
                stopping.add(new StoppingPreconditions(preconditions, onFail));
            }
        }
        return stopping;
    }
}
