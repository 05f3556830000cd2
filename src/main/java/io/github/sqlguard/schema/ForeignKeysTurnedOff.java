package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * SQLite's {@code PRAGMA foreign_keys = OFF} earlier in the same run of a script: a DROP TABLE after it deletes no
 * row of the tables whose keys reference the dropped one, which is how SQLite's documentation has a table rebuilt.
 * The pragma changes nothing inside an open transaction, so one that follows a {@code BEGIN} the script has not
 * ended yet turns nothing off; nor does one that a later {@code PRAGMA foreign_keys = ON} undid. diesel runs each
 * migration folder's script in a transaction it opens itself, so there the pragma turns nothing off either, until
 * the script ends that transaction.
 */
public final class ForeignKeysTurnedOff {

    private ForeignKeysTurnedOff() {
    }

    /** The guard of {@code models[index]}, a SQLite statement, when foreign keys are off where it runs. */
    public static Optional<Guard> guardOf(List<StatementModel> models, int index) {
        StatementModel model = models.get(index);
        if (model.statement().dialect() != Dialect.SQLITE) {
            return Optional.empty();
        }
        String scope = model.statement().context().runScope();
        Optional<StatementModel> turnedOff = Optional.empty();
        boolean inTransaction = DieselMigrationFolders.isScript(model.statement().start().path());
        for (int i = 0; i < index; i++) {
            StatementModel earlier = models.get(i);
            if (!earlier.runsWithMigrationIn(scope)) {
                continue;
            }
            List<Token> tokens = earlier.statement().tokens();
            if (opensTransaction(tokens)) {
                inTransaction = true;
            } else if (endsTransaction(tokens)) {
                inTransaction = false;
            }
            Optional<Boolean> setting = foreignKeysSetting(tokens);
            if (setting.isPresent() && !inTransaction) {
                turnedOff = setting.get() ? Optional.empty() : Optional.of(earlier);
            }
        }
        return turnedOff.map(pragma -> new Guard(Guard.Kind.FOREIGN_KEYS_OFF, "PRAGMA foreign_keys = OFF at line "
                + pragma.start().line() + " fires no ON DELETE action"));
    }

    /**
     * What {@code PRAGMA [schema.]foreign_keys = value} or {@code PRAGMA foreign_keys(value)} sets: true for on,
     * false for off; empty for another statement or a value that is neither.
     */
    static Optional<Boolean> foreignKeysSetting(List<Token> tokens) {
        if (tokens.size() < 3 || !tokens.get(0).isWord("PRAGMA")) {
            return Optional.empty();
        }
        int at = 1;
        if (tokens.size() > 4 && tokens.get(2).isSymbol(".")) {
            at = 3;
        }
        if (!tokens.get(at).isWord("FOREIGN_KEYS") || at + 2 >= tokens.size()
                || !tokens.get(at + 1).isSymbol("=") && !tokens.get(at + 1).isSymbol("(")) {
            return Optional.empty();
        }
        Token value = tokens.get(at + 2);
        String text = value.type() == TokenType.STRING ? value.stringValue().toUpperCase(Locale.ROOT)
                : value.upper();
        return switch (text) {
            case "ON", "1", "TRUE", "YES" -> Optional.of(true);
            case "OFF", "0", "FALSE", "NO" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** {@code BEGIN [DEFERRED | IMMEDIATE | EXCLUSIVE] [TRANSACTION]} and {@code SAVEPOINT name}. */
    private static boolean opensTransaction(List<Token> tokens) {
        return !tokens.isEmpty() && (tokens.get(0).isWord("SAVEPOINT")
                || tokens.get(0).isWord("BEGIN") && (tokens.size() == 1 || tokens.get(1).isAnyWord("TRANSACTION",
                        "DEFERRED", "IMMEDIATE", "EXCLUSIVE")));
    }

    /** {@code COMMIT}, {@code END [TRANSACTION]} and {@code ROLLBACK} without {@code TO}. */
    private static boolean endsTransaction(List<Token> tokens) {
        return !tokens.isEmpty() && (tokens.get(0).isAnyWord("COMMIT", "END")
                || tokens.get(0).isWord("ROLLBACK") && (tokens.size() == 1 || !tokens.get(1).isWord("TO")
                        && !(tokens.size() > 2 && tokens.get(2).isWord("TO"))));
    }
}
