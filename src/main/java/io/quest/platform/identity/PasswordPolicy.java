package io.quest.platform.identity;

/**
 * The account password policy of a workload account. The baseline is the strictest policy the CIS AWS
 * Foundations Benchmark asks for (v1.2.0 1.5-1.11, v1.4.0 1.8-1.9); a stack can only make it stricter:
 * a longer minimum length, a shorter maximum age. Reuse prevention is fixed at 24, the most IAM remembers.
 * Every character class is always required.
 *
 * @param minimumLength minimum password length, {@value #MIN_LENGTH} to {@value #MAX_LENGTH}. Defaults to {@value #MIN_LENGTH}
 * @param maxAgeDays    days before a password expires, 1 to {@value #MAX_AGE_DAYS}. Defaults to {@value #MAX_AGE_DAYS}
 */
public record PasswordPolicy(int minimumLength, int maxAgeDays) {

    /** The baseline's minimum length (CIS 1.9 / 1.8, FSBP IAM.7); IAM's own floor is 6. */
    public static final int MIN_LENGTH = 14;
    /** The longest minimum length IAM accepts. */
    public static final int MAX_LENGTH = 128;
    /** The baseline's longest password lifetime (CIS v1.2.0 1.11). */
    public static final int MAX_AGE_DAYS = 90;
    /** Passwords IAM remembers to prevent reuse: 24 is both the baseline (CIS 1.10 / 1.9) and IAM's maximum. */
    public static final int REUSE_PREVENTION = 24;

    /** The baseline policy: 14 characters, 90 days. */
    public static final PasswordPolicy BASELINE = new PasswordPolicy(MIN_LENGTH, MAX_AGE_DAYS);

    public PasswordPolicy {
        if (minimumLength < MIN_LENGTH || minimumLength > MAX_LENGTH) {
            throw new IllegalArgumentException("minimum password length " + minimumLength + " is not " + MIN_LENGTH + " to " + MAX_LENGTH);
        }
        if (maxAgeDays < 1 || maxAgeDays > MAX_AGE_DAYS) {
            throw new IllegalArgumentException("maximum password age " + maxAgeDays + " is not 1 to " + MAX_AGE_DAYS + " days");
        }
    }

    /** Passwords remembered to prevent reuse. */
    public int reusePrevention() {
        return REUSE_PREVENTION;
    }
}
