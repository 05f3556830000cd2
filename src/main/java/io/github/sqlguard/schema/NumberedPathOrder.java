package io.github.sqlguard.schema;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders paths of plain upgrade scripts as their numbers count: {@code upgrade/9/x.sql} before
 * {@code upgrade/19/x.sql}, {@code patch-2.sql} before {@code patch-10.sql}. The installers that run such folders
 * (Hive's schema tool, and the patch runners some projects ship) step through the versions in that order; comparing the
 * text alone would put every release 10 to 19 between 1 and 2.
 *
 * <p>Two numbers of three digits or more compare as text: such numbers are most often a version's digits run
 * together ({@code upgradestep.5220.to.59900} is 5.22 to 5.99, then {@code 6000} is 6.0), where the leading digit
 * weighs most, or dates and padded numbers of one length, where text and value agree.
 *
 * <p>A pre-release word with its number ({@code 15_pre_3}, {@code 4.0.0-alpha-2}, {@code beta1}) names a release
 * before the one the number in its place would name: {@code alter_15_pre_7_to_15_pre_8.sql} runs before
 * {@code alter_15_0_x_to_15_1_0.sql}. Such a word sorts as a character just below {@code 0} would: before every
 * number and letter, after the separators {@code -}, {@code .} and {@code /}.
 */
final class NumberedPathOrder implements Comparator<String> {

    static final NumberedPathOrder INSTANCE = new NumberedPathOrder();

    /** Alphabetical, as their releases follow each other. */
    private static final List<String> PRE_RELEASE_WORDS = List.of("alpha", "beta", "pre", "rc");

    /** A year, a month and a day, separated. */
    private static final Pattern DAY_OF_DATE = Pattern.compile("\\d{4}[-_.]\\d{2}[-_.]\\d{2}");

    /** A date of this or the last century whose month and day may have one digit; groups 2 and 3 are those. */
    private static final Pattern DATE = Pattern.compile(
            "(?<![0-9A-Za-z])(?:19|20)\\d\\d([-_.])(1[0-2]|0?[1-9])\\1(3[01]|[12][0-9]|0?[1-9])(?!\\d)");

    private NumberedPathOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int wordEndA = preReleaseWordEnd(a, i);
            int wordEndB = preReleaseWordEnd(b, j);
            if (wordEndA > i && wordEndB > j) {
                int byWord = a.substring(i, wordEndA).compareToIgnoreCase(b.substring(j, wordEndB));
                if (byWord != 0) {
                    return byWord;
                }
                i = wordEndA;
                j = wordEndB;
            } else if (wordEndA > i) {
                return b.charAt(j) < '0' ? 1 : -1;
            } else if (wordEndB > j) {
                return a.charAt(i) < '0' ? -1 : 1;
            } else if (Character.isDigit(a.charAt(i)) && Character.isDigit(b.charAt(j))) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                String numberA = a.substring(i, endA);
                String numberB = b.substring(j, endB);
                int byValue = numberA.length() >= 3 && numberB.length() >= 3 ? numberA.compareTo(numberB)
                        : compareNumbers(numberA, numberB);
                if (byValue != 0) {
                    return isMonthOrDay(a, i) && isMonthOrDay(b, j) ? compareAsText(a, i, b, j) : byValue;
                }
                boolean goesOnA = versionGoesOn(a, endA);
                if (goesOnA != versionGoesOn(b, endB) && !endsDate(a, i, endA) && !endsDate(b, j, endB)
                        && !followsDate(a, i) && !followsDate(b, j)) {
                    return goesOnA ? 1 : -1;
                }
                i = endA;
                j = endB;
            } else if (a.charAt(i) != b.charAt(j)) {
                return Character.compare(a.charAt(i), b.charAt(j));
            } else {
                i++;
                j++;
            }
        }
        int byRest = Integer.compare(a.length() - i, b.length() - j);
        // equal as numbers (007 and 7): the text decides, so that distinct paths never compare equal
        return byRest != 0 ? byRest : a.compareTo(b);
    }

    /**
     * The end of the pre-release word at {@code from} when one starts there after a separator and a number follows
     * it, directly or after one separator ({@code _pre_3}, {@code -beta1}); else {@code from}.
     */
    private static int preReleaseWordEnd(String text, int from) {
        if (from == 0 || "_-./".indexOf(text.charAt(from - 1)) < 0 || !Character.isLetter(text.charAt(from))) {
            return from;
        }
        for (String word : PRE_RELEASE_WORDS) {
            int end = from + word.length();
            if (text.regionMatches(true, from, word, 0, word.length()) && numberFollows(text, end)) {
                return end;
            }
        }
        return from;
    }

    private static boolean numberFollows(String text, int at) {
        int digit = at < text.length() && "_-.".indexOf(text.charAt(at)) >= 0 ? at + 1 : at;
        return digit < text.length() && Character.isDigit(text.charAt(digit));
    }

    /**
     * Whether the version whose number ends at {@code at} goes on with another number ({@code 23_0-23_1} after
     * {@code 23}) or with {@code x} for any ({@code 15_x}): a release runs before its point releases, whatever word
     * ends the other name ({@code lms_23_mysql_conversion.sql} before {@code lms_23_0-23_1_mysql_conversion.sql},
     * as {@code 1.2} comes before {@code 1.2.1}), where comparing the characters would put the digit first; and
     * {@code 15_x_to_16_0_0} comes after {@code 15_0_x_to_15_1_0}, as the text has it.
     */
    private static boolean versionGoesOn(String text, int at) {
        if (at + 1 >= text.length() || "._-".indexOf(text.charAt(at)) < 0) {
            return false;
        }
        char next = text.charAt(at + 1);
        return Character.isDigit(next) || (next == 'x' || next == 'X')
                && (at + 2 == text.length() || "._-/".indexOf(text.charAt(at + 2)) >= 0);
    }

    /**
     * Whether the number {@code [from, end)} ends a date, a day after a year and a month ({@code 2023-02-16}) or a
     * date written as one number ({@code 20230216}): a date has no point releases, so scripts of one day run by the
     * rest of their names as text, as the runners that sort dated names do ({@code 2023-02-16_00_a.sql} before
     * {@code 2023-02-16_fix.sql}).
     */
    private static boolean endsDate(String text, int from, int end) {
        return end - from >= 8 || end - from == 2 && DAY_OF_DATE.matcher(text.substring(Math.max(0, from - 8), end))
                .matches();
    }

    /**
     * Whether the number at {@code from} follows a date and one separator, as a day's sequence number does
     * ({@code 2023-11-14_00_2019Plan.sql}): it has no point releases either, so a title that starts with a digit
     * does not make {@code 00_2019} a release after {@code 00}, and the names compare as text from there.
     */
    private static boolean followsDate(String text, int from) {
        if (from < 3 || "_-.".indexOf(text.charAt(from - 1)) < 0 || !Character.isDigit(text.charAt(from - 2))) {
            return false;
        }
        int start = from - 2;
        while (start > 0 && Character.isDigit(text.charAt(start - 1))) {
            start--;
        }
        return endsDate(text, start, from - 1);
    }

    /**
     * Whether the number at {@code from} is the month or the day of a date ({@code 2025-10-3}) that no letter or digit
     * precedes: runners of dated scripts compare names as text, which puts a day written with one digit after the
     * days written with two that start with it ({@code 2025-10-3} after {@code 2025-10-30}).
     */
    private static boolean isMonthOrDay(String text, int from) {
        Matcher date = DATE.matcher(text);
        date.region(Math.max(0, from - 8), Math.min(text.length(), from + 6));
        date.useTransparentBounds(true);
        date.useAnchoringBounds(false);
        while (date.find()) {
            if (date.start(2) == from || date.start(3) == from) {
                return true;
            }
        }
        return false;
    }

    /** Compares the rest of two names from {@code i} and {@code j} character by character. */
    private static int compareAsText(String a, int i, String b, int j) {
        return a.substring(i).compareTo(b.substring(j));
    }

    private static int digitsEnd(String text, int from) {
        int end = from;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /** Compares two runs of digits by value, however long they are. */
    private static int compareNumbers(String a, String b) {
        String x = a.replaceFirst("^0+(?=.)", "");
        String y = b.replaceFirst("^0+(?=.)", "");
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }
}
