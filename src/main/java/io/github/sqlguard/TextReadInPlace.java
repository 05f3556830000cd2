package io.github.sqlguard;

import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.model.Location;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements of a literal text a call hands a routine ({@code CALL apply_change(7, $$ DROP TABLE t; $$)}) that
 * the script reads where they are written. When the body of the routine, followed at the call, runs that text, its
 * statements are judged there, at their own lines and with what the script did before them (a table it renamed
 * and creates again), rather than at the call: the body's run of each is claimed by the script's reading.
 */
final class TextReadInPlace {

    /** The statements of the call's text the script reads, not yet claimed, in order, by their tokens' text. */
    private final Map<List<String>, Deque<Statement>> unclaimed;
    /** The statements of the script's texts whose run by a followed body was claimed, and where the body runs them. */
    private final Map<Statement, Location> claimed;

    private TextReadInPlace(Map<List<String>, Deque<Statement>> unclaimed, Map<Statement, Location> claimed) {
        this.unclaimed = unclaimed;
        this.claimed = claimed;
    }

    /** What the script reads of no call yet. */
    static TextReadInPlace none() {
        return new TextReadInPlace(Map.of(), new HashMap<>());
    }

    /** The statements of the text that {@code models}' statement at {@code call} hands a routine, as read here. */
    TextReadInPlace forCall(List<StatementModel> models, int call) {
        List<Token> callTokens = models.get(call).statement().tokens();
        int end = callTokens.get(callTokens.size() - 1).endOffset();
        Map<List<String>, Deque<Statement>> handed = new HashMap<>();
        for (int i = call + 1; i < models.size(); i++) {
            Statement statement = models.get(i).statement();
            if (statement.firstToken().offset() >= end) {
                break;
            }
            if (statement.context().handedToRoutine()) {
                handed.computeIfAbsent(words(statement), words -> new ArrayDeque<>()).add(statement);
            }
        }
        return new TextReadInPlace(handed, claimed);
    }

    /**
     * True when {@code ran}, a statement a followed body runs, is one of the call's text that the script reads in
     * place: it is then judged there, and not again at the call.
     */
    boolean claims(Statement ran) {
        Deque<Statement> same = unclaimed.get(words(ran));
        if (same == null || same.isEmpty()) {
            return false;
        }
        claimed.put(same.poll(), ran.start());
        return true;
    }

    /** True when a followed body runs {@code statement} as the script reads it. */
    boolean claimed(Statement statement) {
        return claimed.containsKey(statement);
    }

    /**
     * {@code contextNote}, the note of where {@code statement} runs, saying for a claimed one that the body does run
     * it, and where: its label otherwise leaves that to the routine ({@code ", which may run it"}).
     */
    String note(Statement statement, String contextNote) {
        Location runAt = claimed.get(statement);
        return runAt == null ? contextNote
                : contextNote.replace(", which may run it)", ", which runs it at " + runAt + ")");
    }

    private static List<String> words(Statement statement) {
        return statement.tokens().stream().map(Token::text).toList();
    }
}
