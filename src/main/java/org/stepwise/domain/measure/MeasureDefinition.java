package org.stepwise.domain.measure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * One measure as the measure table defines it: its items and their range, how the total is
 * computed, the total's range, caseness, reliable change index and severity bands. It scores item
 * responses and says why a stored or imported score is not acceptable. Built only by
 * {@link MeasureCatalogue}; immutable and thread-safe.
 */
public final class MeasureDefinition {

    private final MeasureCode code;
    private final String name;
    private final String title;
    private final int itemCount;
    private final int itemMin;
    private final int itemMax;
    private final TotalRule totalRule;
    private final int maxUnanswered;
    private final int decimals;
    private final BigDecimal totalMin;
    private final BigDecimal totalMax;
    private final Provenance provenance;
    private final Threshold caseness;
    private final Sourced<BigDecimal> reliableChange;
    private final Sourced<List<SeverityBand>> bands;
    private final RiskItem riskItem;
    private final Sourced<List<String>> itemLabels;
    private final String snomedCode;
    private final String loincCode;

    /** A caseness threshold: at or above {@code value}, or strictly above it. */
    record Threshold(BigDecimal value, boolean strict, Provenance provenance) {
    }

    /** A value of the table with its provenance. */
    record Sourced<T>(T value, Provenance provenance) {
    }

    MeasureDefinition(MeasureCode code, String name, String title, int itemCount, int itemMin, int itemMax,
            TotalRule totalRule, int maxUnanswered, int decimals, BigDecimal totalMin, BigDecimal totalMax,
            Provenance provenance, Threshold caseness, Sourced<BigDecimal> reliableChange,
            Sourced<List<SeverityBand>> bands, RiskItem riskItem, Sourced<List<String>> itemLabels, String snomedCode,
            String loincCode) {
        this.code = Objects.requireNonNull(code);
        this.name = Objects.requireNonNull(name);
        this.title = Objects.requireNonNull(title);
        this.itemCount = itemCount;
        this.itemMin = itemMin;
        this.itemMax = itemMax;
        this.totalRule = Objects.requireNonNull(totalRule);
        this.maxUnanswered = maxUnanswered;
        this.decimals = decimals;
        this.totalMin = Objects.requireNonNull(totalMin);
        this.totalMax = Objects.requireNonNull(totalMax);
        this.provenance = Objects.requireNonNull(provenance);
        this.caseness = caseness;
        this.reliableChange = reliableChange;
        this.bands = bands;
        this.riskItem = riskItem;
        this.itemLabels = itemLabels;
        this.snomedCode = snomedCode;
        this.loincCode = loincCode;
    }

    public MeasureCode code() {
        return code;
    }

    /** The short name a practitioner reads, for example "PHQ-9". */
    public String name() {
        return name;
    }

    /** The full name, for example "Patient Health Questionnaire-9 (depression)". */
    public String title() {
        return title;
    }

    public int itemCount() {
        return itemCount;
    }

    /** The lowest response an item accepts. */
    public int itemMin() {
        return itemMin;
    }

    /** The highest response an item accepts. */
    public int itemMax() {
        return itemMax;
    }

    public TotalRule totalRule() {
        return totalRule;
    }

    /** How many items may be left unanswered (0 for a measure that needs every item). */
    public int maxUnanswered() {
        return maxUnanswered;
    }

    /**
     * Decimals of the total as stored and carried in outcome files: 0 for a whole number (every
     * standard measure but MI, whose mean is carried to 4).
     */
    public int decimals() {
        return decimals;
    }

    /** Decimals a total is shown with: at most 2 (MI's mean is shown as 2.30). */
    public int displayDecimals() {
        return Math.min(decimals, 2);
    }

    /** The total as a practitioner reads it, with {@link #displayDecimals()} (half up): 14, 2.30. */
    public String display(BigDecimal total) {
        return total.setScale(displayDecimals(), RoundingMode.HALF_UP).toPlainString();
    }

    /** The SNOMED CT concept id of the measure's total, where the table gives one. */
    public Optional<String> snomedCode() {
        return Optional.ofNullable(snomedCode);
    }

    /** The LOINC code of the measure's total, where the table gives one. */
    public Optional<String> loincCode() {
        return Optional.ofNullable(loincCode);
    }

    public BigDecimal totalMin() {
        return totalMin;
    }

    public BigDecimal totalMax() {
        return totalMax;
    }

    /** Where the measure's structure (items, ranges, total rule) comes from. */
    public Provenance provenance() {
        return provenance;
    }

    /** The caseness threshold; empty where caseness is not used (WSAS, the phobia items). */
    public Optional<BigDecimal> caseness() {
        return Optional.ofNullable(caseness).map(Threshold::value);
    }

    /** Whether caseness is strictly above the threshold (MI) rather than at or above it. */
    public boolean casenessStrict() {
        return caseness != null && caseness.strict();
    }

    public Optional<Provenance> casenessProvenance() {
        return Optional.ofNullable(caseness).map(Threshold::provenance);
    }

    /** The reliable change index: a change of at least this much is reliable. Empty where not used. */
    public Optional<BigDecimal> reliableChange() {
        return Optional.ofNullable(reliableChange).map(Sourced::value);
    }

    public Optional<Provenance> reliableChangeProvenance() {
        return Optional.ofNullable(reliableChange).map(Sourced::provenance);
    }

    /** The severity bands in order, covering the total range; empty where the measure has none. */
    public List<SeverityBand> bands() {
        return bands == null ? List.of() : bands.value();
    }

    public Optional<Provenance> bandsProvenance() {
        return Optional.ofNullable(bands).map(Sourced::provenance);
    }

    /** The item that raises the risk prompt (PHQ-9 item 9); empty for other measures. */
    public Optional<RiskItem> riskItem() {
        return Optional.ofNullable(riskItem);
    }

    /**
     * A short label for each item, in item order, for item-level views ("Interest", "Low mood", …): the
     * table's {@code items} line, or "Item 1", "Item 2", … where the table has none for this measure.
     */
    public List<String> itemLabels() {
        if (itemLabels != null) {
            return itemLabels.value();
        }
        return IntStream.rangeClosed(1, itemCount).mapToObj(i -> "Item " + i).toList();
    }

    public Optional<Provenance> itemLabelsProvenance() {
        return Optional.ofNullable(itemLabels).map(Sourced::provenance);
    }

    /**
     * Whether the total is at caseness: at or above the threshold, or strictly above it where the
     * table says so (MI). False for a measure without caseness.
     */
    public boolean atCaseness(BigDecimal total) {
        if (caseness == null) {
            return false;
        }
        int comparison = total.compareTo(caseness.value());
        return caseness.strict() ? comparison > 0 : comparison >= 0;
    }

    /** Whether the total rose from {@code first} to {@code last} by at least the reliable change index. */
    public boolean reliableIncrease(BigDecimal first, BigDecimal last) {
        return reliableChange != null && last.subtract(first).compareTo(reliableChange.value()) >= 0;
    }

    /** Whether the total fell from {@code first} to {@code last} by at least the reliable change index. */
    public boolean reliableDecrease(BigDecimal first, BigDecimal last) {
        return reliableChange != null && first.subtract(last).compareTo(reliableChange.value()) >= 0;
    }

    /** The severity band the total lies in; empty where the measure has no bands or the total is out of range. */
    public Optional<SeverityBand> band(BigDecimal total) {
        return bands().stream().filter(b -> b.contains(total)).findFirst();
    }

    /**
     * Whether these item responses raise the risk prompt: the risk item is answered at or above its
     * value. False for null items, an unanswered risk item, or a measure without a risk item.
     */
    public boolean raisesRisk(List<Integer> items) {
        if (riskItem == null || items == null || items.size() < riskItem.item()) {
            return false;
        }
        Integer response = items.get(riskItem.item() - 1);
        return response != null && response >= riskItem.atLeast();
    }

    /** Scale of {@link #value(Score)} for a mean: far finer than any threshold or RCI a table can give. */
    private static final int EXACT_SCALE = 12;

    /**
     * The number every clinical rule judges a score by (clinical-reference.md §1): for a measure
     * whose total is the mean of the answered items, and a score with its items, that mean
     * unrounded (62 / 27 = 2.296296…, not 2.30 or 2.2963); otherwise the total. A mean of whole
     * responses over at most a few dozen items differs from any threshold or change of 4 decimals by
     * far more than the 12 decimals kept, so comparisons are exact.
     */
    public BigDecimal value(Score score) {
        if (totalRule != TotalRule.MEAN || score.items() == null || score.items().size() != itemCount) {
            return score.total();
        }
        int sum = 0;
        int answered = 0;
        for (Integer response : score.items()) {
            if (response != null) {
                sum += response;
                answered++;
            }
        }
        if (answered == 0) {
            return score.total();
        }
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(answered), EXACT_SCALE, RoundingMode.HALF_UP);
    }

    /**
     * Scores item responses (in item order; null for an unanswered item) by the measure's rule.
     *
     * @throws InvalidScoreException when the responses do not make a valid questionnaire; the
     *         message says what to correct
     */
    public Score score(List<Integer> items) {
        if (items == null) {
            throw new InvalidScoreException(name + ": enter the item responses.");
        }
        if (items.size() != itemCount) {
            throw new InvalidScoreException(name + " has " + itemCount + (itemCount == 1 ? " item; " : " items; ")
                    + items.size() + (items.size() == 1 ? " was given" : " were given"));
        }
        int sum = 0;
        int unanswered = 0;
        int firstUnanswered = 0;
        for (int i = 0; i < itemCount; i++) {
            Integer response = items.get(i);
            if (response == null) {
                if (unanswered == 0) {
                    firstUnanswered = i + 1;
                }
                unanswered++;
            } else if (response < itemMin || response > itemMax) {
                throw new InvalidScoreException(item(i + 1) + " must be " + itemMin + " to " + itemMax);
            } else {
                sum += response;
            }
        }
        if (unanswered > maxUnanswered) {
            if (maxUnanswered == 0) {
                throw new InvalidScoreException(item(firstUnanswered) + " is not answered"
                        + (itemCount == 1 ? "" : "; every item is needed"));
            }
            throw new InvalidScoreException(name + ": more than " + (maxUnanswered == 1 ? "one item is" : maxUnanswered + " items are")
                    + " missing");
        }
        int answered = itemCount - unanswered;
        BigDecimal total = switch (totalRule) {
            case SUM -> BigDecimal.valueOf(sum);
            case PRORATED_SUM -> BigDecimal.valueOf((long) sum * itemCount)
                    .divide(BigDecimal.valueOf(answered), decimals, RoundingMode.HALF_UP);
            case MEAN -> BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(answered), decimals, RoundingMode.HALF_UP);
        };
        return new Score(code, total.setScale(decimals, RoundingMode.UNNECESSARY), items);
    }

    /** "PHQ-9 item 4", or the measure's name alone for a single-item measure. */
    private String item(int number) {
        return itemCount == 1 ? name : name + " item " + number;
    }

    /**
     * Why a stored or imported score is not acceptable for this measure, or empty when it is: the
     * total outside the measure's range or with more decimals than it has, items of the wrong count
     * or out of range, or items that do not give the total by the measure's rule. A score without
     * items is checked on its total only.
     */
    public Optional<String> problem(Score score) {
        return problem(score, decimals);
    }

    /**
     * As {@link #problem(Score)}, for a total carried with {@code carriedDecimals} decimals (an
     * outcome file of format 1 carries MI's mean to 2, format 2 to 4): the items must give the total
     * rounded half up to that many decimals.
     */
    public Optional<String> problem(Score score, int carriedDecimals) {
        if (score.measure() != code) {
            return Optional.of("A " + score.measure() + " score is not a " + name + " score");
        }
        BigDecimal total = score.total();
        if (total.compareTo(totalMin) < 0 || total.compareTo(totalMax) > 0) {
            return Optional.of(name + " total " + total.toPlainString() + " is outside "
                    + totalMin.toPlainString() + " to " + totalMax.toPlainString());
        }
        if (total.stripTrailingZeros().scale() > carriedDecimals) {
            return Optional.of(carriedDecimals == 0
                    ? name + " total must be a whole number; " + total.toPlainString() + " is not"
                    : name + " total has at most " + carriedDecimals + " decimals; " + total.toPlainString()
                            + " has more");
        }
        if (score.items() == null) {
            return Optional.empty();
        }
        BigDecimal computed;
        try {
            Score scored = score(score.items());
            computed = carriedDecimals >= decimals ? scored.total()
                    : value(scored).setScale(carriedDecimals, RoundingMode.HALF_UP);
        } catch (InvalidScoreException e) {
            return Optional.of(e.getMessage());
        }
        if (computed.compareTo(total) != 0) {
            return Optional.of(name + " items give a total of " + computed.toPlainString() + ", not "
                    + total.toPlainString());
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "MeasureDefinition[" + code + "]";
    }
}
