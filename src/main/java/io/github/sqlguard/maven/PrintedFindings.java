package io.github.sqlguard.maven;

import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.maven.execution.MavenSession;
import org.eclipse.aether.SessionData;

/**
 * The findings already printed by this Maven build, so that two modules checking the same folder (a shared
 * migrations directory) print each finding once. Each module's verdict still counts all of its findings.
 *
 * <p>The record lives in the resolver session's data, the one store every module of a build shares, also
 * in a parallel build, where each module gets its own copy of the {@link MavenSession}.
 */
final class PrintedFindings {

    private static final String KEY = PrintedFindings.class.getName();

    private final Set<Object> printed;

    private PrintedFindings(Set<Object> printed) {
        this.printed = printed;
    }

    /** The record of this build; a fresh one when there is no session (a test). */
    static PrintedFindings of(MavenSession session) {
        if (session == null || session.getRepositorySession() == null
                || session.getRepositorySession().getData() == null) {
            return new PrintedFindings(ConcurrentHashMap.newKeySet());
        }
        SessionData data = session.getRepositorySession().getData();
        Set<Object> fresh = ConcurrentHashMap.newKeySet();
        data.set(KEY, null, fresh);
        @SuppressWarnings("unchecked")
        Set<Object> shared = (Set<Object>) data.get(KEY);
        return new PrintedFindings(shared == null ? fresh : shared);
    }

    /** True the first time this build meets {@code finding} (its rebased location and rule), false after. */
    boolean firstTime(Finding finding) {
        return printed.add(new Printed(finding.location(), finding.ruleId(), finding.isAcknowledged()));
    }

    /** What makes two findings the same on the console. */
    private record Printed(Location location, String ruleId, boolean acknowledged) {

        // Written out: a record's generated equals and hashCode are built from method handles at their first
        // use, which a build's single console report pays for in full.
        @Override
        public boolean equals(Object other) {
            return other instanceof Printed that && acknowledged == that.acknowledged
                    && location.equals(that.location) && ruleId.equals(that.ruleId);
        }

        @Override
        public int hashCode() {
            return (location.hashCode() * 31 + ruleId.hashCode()) * 2 + (acknowledged ? 1 : 0);
        }
    }
}
