package org.stepwise.exchange;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.stepwise.domain.common.Version;
import org.stepwise.domain.trajectory.ServiceCorridorFile;
import org.stepwise.domain.trajectory.ServiceCorridors;

/**
 * A service's expected-recovery ranges made from a review (export-format.md, "Corridor file"): from
 * the verified files only, each referral counted once as the review counts it (the copy from the
 * file with the latest {@code generatedAt}; {@link ReviewService}), by the measure table the review
 * judged them by. A refused file contributes nothing, as to the review.
 *
 * <p>No corridor file is made when no file was read, when the files read come from more than one
 * service (a corridor file names one service, and a practitioner compares with their own service's
 * patients), or when they hold fewer than {@link ServiceCorridors#MINIMUM} referrals in all (a file
 * would then carry a count below 30, and could have no corridor anyway).
 */
public final class ReviewCorridors {

    private ReviewCorridors() {
    }

    /** What came of making the ranges: the file's content, or why none was made. */
    public sealed interface Result {
        /** The ranges, ready to write. */
        record Made(ServiceCorridorFile corridors) implements Result {
        }

        /**
         * No ranges; {@code why} is a clause in plain words. {@code severalServices}: the files given come
         * from more than one service (a usage error on the command line).
         */
        record NotMade(String why, boolean severalServices) implements Result {
        }
    }

    /** The ranges of the referrals {@code review} counted, generated at {@code now} (kept to whole seconds). */
    public static Result of(Review review, Instant now) {
        Objects.requireNonNull(review, "review");
        Objects.requireNonNull(now, "now");
        if (review.accepted().isEmpty()) {
            return new Result.NotMade("no outcome file was read", false);
        }
        List<String> services = review.accepted().stream().map(file -> file.header().serviceCode()).distinct().sorted()
                .toList();
        if (services.size() > 1) {
            return new Result.NotMade("the files read come from " + services.size() + " services ("
                    + String.join(", ", services) + "), and a corridor file holds the expected ranges of one service: "
                    + "give the files of one service", true);
        }
        if (review.referrals().size() < ServiceCorridors.MINIMUM) {
            return new Result.NotMade("the files read hold fewer than " + ServiceCorridors.MINIMUM + " referrals, and "
                    + "an expected range needs at least " + ServiceCorridors.MINIMUM + " similar ended referrals", false);
        }
        ServiceCorridors corridors = new ServiceCorridors(review.catalogue());
        for (ReviewedReferral referral : review.referrals()) {
            corridors.add(referral.record());
        }
        return new Result.Made(new ServiceCorridorFile(services.getFirst(), now.truncatedTo(ChronoUnit.SECONDS),
                Version.product(), review.catalogue().edition(), review.accepted().size(), review.referrals().size(),
                corridors.corridors()));
    }
}
