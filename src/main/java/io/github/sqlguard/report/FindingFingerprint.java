package io.github.sqlguard.report;

import io.github.sqlguard.model.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Fingerprints that identify a finding across runs for code scanning and merge request widgets: the
 * fingerprint each finding carries (the one the baseline matches by), so a finding has one identity
 * everywhere. Line numbers do not enter, so inserting a statement above a finding does not make it look new.
 */
public final class FindingFingerprint {

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private FindingFingerprint() {
    }

    /**
     * The fingerprint of each finding, in the order given. When the same statement occurs several times in a
     * file, the later occurrences get their ordinal appended, because GitLab and GitHub merge results that
     * share a fingerprint.
     */
    public static Map<Finding, String> of(List<Finding> findings) {
        Map<Finding, String> result = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Finding finding : findings) {
            String base = hash(finding);
            int occurrence = seen.merge(base, 1, Integer::sum);
            result.put(finding, occurrence == 1 ? base : hashText(base + "#" + occurrence));
        }
        return result;
    }

    /**
     * The fingerprint of one finding without regard to repetitions: the one it carries (the baseline's), or for
     * a finding made without one a hash of rule, file and excerpt.
     */
    public static String hash(Finding finding) {
        if (!finding.fingerprint().isEmpty()) {
            return finding.fingerprint();
        }
        String path = finding.location().path().replace('\\', '/');
        return hashText(finding.ruleId() + "\n" + path + "\n" + normalise(finding.excerpt()));
    }

    static String normalise(String excerpt) {
        return WHITE_SPACE.matcher(excerpt.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    private static String hashText(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
