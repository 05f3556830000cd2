package io.github.sqlguard.schema;

import io.github.sqlguard.model.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides which of the columns a statement retypes are worth a finding, and how to name the change: a
 * lossless change is dropped, a lossy one names old and new type and why, and one whose old type the replay
 * does not know is kept (as it would be without a replay), naming the new type when known.
 */
public final class RetypeJudgement {

    private RetypeJudgement() {
    }

    /**
     * The columns of {@code columns} to report, each described for a message ({@code "note from VARCHAR(100)
     * to VARCHAR(20): shorter: 100 to 20 characters"}); a column whose change is lossless is left out.
     */
    public static List<String> reported(List<String> columns, SchemaFacts facts, Dialect dialect) {
        List<String> reported = new ArrayList<>();
        for (String column : columns) {
            Optional<ColumnRetype> retype = facts.retypes().stream()
                    .filter(r -> SchemaNames.key(r.column()).equals(SchemaNames.key(column))).findFirst();
            if (retype.isEmpty()) {
                reported.add(column);
                continue;
            }
            Optional<TypeChange> change = retype.get().change(dialect);
            if (change.isEmpty()) {
                reported.add(column + retype.get().to().map(type -> " to " + type.written()).orElse("")
                        + " (its type before is not known)");
            } else if (!change.get().lossless()) {
                reported.add(column + " from " + change.get().from().written() + " to " + change.get().to().written()
                        + " (" + change.get().reason() + ")");
            }
        }
        return reported;
    }
}
