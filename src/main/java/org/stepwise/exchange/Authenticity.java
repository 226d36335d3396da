package org.stepwise.exchange;

import java.util.List;

/**
 * Whether an accepted outcome file was shown to be written by a holder of the service's key
 * (export-format.md, Format 2, "Authenticity with the service key"). Every accepted file passed its
 * digest, which catches accidents only: anyone can recompute a digest.
 */
public enum Authenticity {
    /** Format 2 with an {@code integrity.mac} that the reader's service key confirms. */
    CHECKED("written with this service's key", "Written with this service's key: checked"),
    /** Format 2 read without a service key: the MAC, if any, was not checked. */
    NOT_CHECKED_NO_KEY("authenticity not checked: no service key was given", "Not checked: no service key"),
    /** Format 1, which carries no MAC. */
    NOT_CHECKED_FORMAT_1("authenticity not checked: format 1 carries no MAC",
            "Not checked: format 1 carries no seal (MAC)");

    /** What a digest alone shows, said wherever authenticity was not checked. */
    public static final String DIGEST_ONLY =
            "a digest shows a file unchanged since it was sealed, not who sealed it";

    private final String words;
    private final String shown;

    Authenticity(String words, String shown) {
        this.words = words;
        this.shown = shown;
    }

    /**
     * One file's result as a screen or a page shows it beside the file: "Written with this service's
     * key: checked", "Not checked: no service key", "Not checked: format 1 carries no seal (MAC)".
     */
    public String shown() {
        return shown;
    }

    /**
     * The result for all the files read, in one sentence: every file checked, or how many of how many
     * were not and why (no service key, format 1). Empty text when no file was read.
     */
    public static String overall(List<Review.AcceptedFile> files) {
        if (files.isEmpty()) {
            return "";
        }
        long noKey = files.stream().filter(f -> f.authenticity() == NOT_CHECKED_NO_KEY).count();
        long format1 = files.stream().filter(f -> f.authenticity() == NOT_CHECKED_FORMAT_1).count();
        long unchecked = noKey + format1;
        if (unchecked == 0) {
            return "Authenticity checked: " + (files.size() == 1 ? "the file was" : "every file was")
                    + " written with this service's key.";
        }
        if (unchecked == files.size() && (noKey == 0 || format1 == 0)) {
            return "Authenticity NOT checked (" + (noKey > 0 ? "no service key" : "format 1 carries no seal") + "): "
                    + DIGEST_ONLY + ".";
        }
        List<String> why = new java.util.ArrayList<>();
        if (noKey > 0) {
            why.add("no service key: " + noKey);
        }
        if (format1 > 0) {
            why.add("format 1, which carries no seal: " + format1);
        }
        return "Authenticity NOT checked for " + unchecked + " of the " + files.size() + " files ("
                + String.join("; ", why) + "): " + DIGEST_ONLY + ".";
    }

    /** What it means, in words, for a review's output. */
    public String words() {
        return words;
    }

    public boolean checked() {
        return this == CHECKED;
    }
}
