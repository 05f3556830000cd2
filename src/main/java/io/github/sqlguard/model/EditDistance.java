package io.github.sqlguard.model;

/** How many slips of the pen turn one name into another, for the "did you mean" of unknown names. */
public final class EditDistance {

    private EditDistance() {
    }

    /**
     * Insertions, deletions and substitutions (Levenshtein); with {@code swapIsOneSlip}, two neighbouring letters
     * written the other way round ({@code oralce}) count as one slip too.
     */
    public static int between(String a, String b, boolean swapIsOneSlip) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (swapIsOneSlip && i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
                        && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
