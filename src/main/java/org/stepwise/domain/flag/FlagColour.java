package org.stepwise.domain.flag;

/**
 * The colour a flag is shown in: a badge on the caseload, the flag panel on the patient screen, the
 * pack's index. {@link #token()} is the style class the screens' stylesheet colours (the stylesheet
 * defines each token with {@link #hex()} as its background, a test holds them equal); the pack draws
 * with {@link #hex()}. Each colour carries white text at a contrast of 4.5:1 or more, so a badge is
 * legible at a glance (clinical-reference.md §5: gravest colours first).
 */
public enum FlagColour {
    /** Risk to the patient: act today. */
    RED("flag-red", "#A4262C"),
    /** Outcomes going the wrong way: discuss in supervision. */
    AMBER("flag-amber", "#8A4B00"),
    /** Engagement: the patient is not coming. */
    VIOLET("flag-violet", "#5E3B8C"),
    /** Waiting for treatment. */
    BLUE("flag-blue", "#1F5A9E"),
    /** Measurement: a record to complete. */
    TEAL("flag-teal", "#1D6660");

    private final String token;
    private final String hex;

    FlagColour(String token, String hex) {
        this.token = token;
        this.hex = hex;
    }

    /** The style class the screens colour a flag by, e.g. {@code flag-red}. */
    public String token() {
        return token;
    }

    /** The background, {@code #RRGGBB}; the text on it is white. */
    public String hex() {
        return hex;
    }

    /** The background as red, green and blue from 0 to 255, for drawing (the pack). */
    public int[] rgb() {
        int value = Integer.parseInt(hex.substring(1), 16);
        return new int[] {(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF};
    }
}
