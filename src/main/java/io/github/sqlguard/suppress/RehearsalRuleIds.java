package io.github.sqlguard.suppress;

import java.util.Set;

/**
 * The rule ids only the {@code rehearse} goal reports. {@code check} cannot tell whether an acknowledgement
 * of one of them is used, so it does not call such an acknowledgement unused.
 */
public final class RehearsalRuleIds {

    public static final Set<String> IDS = Set.of("rehearsal-row-loss", "rehearsal-failed");

    private RehearsalRuleIds() {
    }
}
