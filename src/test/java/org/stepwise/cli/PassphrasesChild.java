package org.stepwise.cli;

/** For {@link PassphrasesTest}: prints the code points of the passphrase read from the environment, in hex. */
public final class PassphrasesChild {

    private PassphrasesChild() {
    }

    public static void main(String[] args) {
        char[] passphrase = Passphrases.read(null, System.getenv());
        System.out.println(new String(passphrase).codePoints().mapToObj(Integer::toHexString).toList());
    }
}
